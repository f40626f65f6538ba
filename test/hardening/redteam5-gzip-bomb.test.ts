import { afterEach, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { generateNotionWorkspace, type NotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { confluenceSpace } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';

// A fresh attack (hardening 5): an answer of 256 KB that inflates to 256 MB. The body cap must
// count what the answer inflates to, not the bytes on the wire (they are far under it).
const NOW = ['--now', '2026-06-01'];
const SLOW_MS = 120_000;

interface JsonReport {
  unreadable: { key: string; reason: string }[];
}

describe('a Notion answer that inflates past the body cap', () => {
  const workspace = generateNotionWorkspace(30, 5);
  const page = workspace.pages.filter((p) => p.parent.type === 'page')[3];
  if (!page) throw new Error('the generated workspace has standalone pages');
  const env = notionBehindProxy({ fixture: workspace });
  afterEach(() => env.proxy.setRules([]));

  it(
    'makes that page unreadable with the reason; the run goes on (held)',
    async () => {
      const markdown = `/v1/pages/${page.id}/markdown`;
      env.proxy.setRules([{ path: markdown, fault: { kind: 'gzip-bomb' } }]);
      const config = notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        { 'max-attempts': 2 },
        { 'fail-on': 'never' },
      );
      const run = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(3);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.unreadable).toEqual([
        expect.objectContaining({
          key: `notion:${page.id}`,
          reason: expect.stringMatching(/larger than \d+ bytes/),
        }),
      ]);
      expect(env.proxy.log.filter((r) => r.fault === 'gzip-bomb')).toHaveLength(2);
    },
    SLOW_MS,
  );
});

describe('a Confluence listing answer that inflates past the body cap', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  afterEach(() => env.proxy.setRules([]));

  it(
    'fails the listing with a clear error (exit 2), never the process (held)',
    async () => {
      env.proxy.setRules([{ path: '/wiki/api/v2/pages', method: 'GET', fault: { kind: 'gzip-bomb' } }]);
      const config = confluenceConfigFile(
        { url: env.proxy.url } as ConfluenceEmulator,
        { 'max-attempts': 2 },
        { 'fail-on': 'never' },
      );
      const run = await runCli(['run', '--config', config, ...NOW]);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/page listing failed: .*larger than \d+ bytes/);
    },
    SLOW_MS,
  );
});
