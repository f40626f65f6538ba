import { afterEach, describe, expect, it } from 'vitest';
import { generateNotionWorkspace, type NotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { notionConfigFile } from '../helpers/notion.js';
import { notionBehindProxy } from './behind-proxy.js';

const SLOW_MS = 120_000;
const PAGE_MARKDOWN = /^\/v1\/pages\/[^/]+\/markdown$/;

interface JsonReport {
  summary: { pages: number };
  unreadable: { key: string; reason: string }[];
}

describe('a wiki that lists its pages, then fails every page read', () => {
  const workspace = generateNotionWorkspace(120, 9);
  const env = notionBehindProxy({ fixture: workspace });
  afterEach(() => {
    env.proxy.setRules([]);
    env.proxy.log.splice(0);
  });

  it(
    'stops asking once requests keep failing: every page is unreadable with a reason, a bounded number of requests',
    async () => {
      // Every page read drops its connection: retried, then failed, page after page (a night's outage).
      env.proxy.setRules([{ path: PAGE_MARKDOWN, method: 'GET', fault: { kind: 'reset' } }]);
      const config = notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        { 'max-attempts': 2 },
        {
          'fail-on': 'never',
        },
      );
      const run = await runCli(['run', '--config', config, '--format', 'json', '--now', '2026-06-01']);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(3);
      const report = JSON.parse(run.stdout) as JsonReport;
      const reads = env.proxy.log.filter((e) => PAGE_MARKDOWN.test(e.path));
      const pages = workspace.pages.length;
      expect(report.unreadable.length).toBeGreaterThanOrEqual(pages - 5);
      // 120 pages at two attempts each would be 240 reads; the run gives up after a few dozen.
      expect(reads.length).toBeLessThan(60);
      expect(
        report.unreadable.some((u) => /not asked: the last \d+ requests to this wiki failed/.test(u.reason)),
      ).toBe(true);
    },
    SLOW_MS,
  );

  it(
    'a wiki that recovers between failures is asked for every page',
    async () => {
      // Every other read fails: never ten in a row.
      let n = 0;
      env.proxy.setRules([
        { path: PAGE_MARKDOWN, method: 'GET', when: () => n++ % 2 === 0, fault: { kind: 'reset' } },
      ]);
      const config = notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        { 'max-attempts': 1 },
        {
          'fail-on': 'never',
        },
      );
      const run = await runCli(['run', '--config', config, '--format', 'json', '--now', '2026-06-01']);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.unreadable.every((u) => !/not asked/.test(u.reason))).toBe(true);
    },
    SLOW_MS,
  );
});
