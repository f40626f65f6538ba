import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LISTING_REQUESTS } from '../../src/listing-check.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { confluenceSpace, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { FaultProxy, ProxyRule } from './fault-proxy.js';

// Lists that answer forever with a fresh cursor each time: no cursor repeats, so the loop check
// (redteam-cursor-loops.test.ts) never fires. The run must end by itself, within the documented bound,
// and call nothing fixed.
const NOW = ['--now', '2026-06-01'];
const SLOW_MS = 240_000;

const fresh = (path: string, when?: ProxyRule['when'], method?: string): ProxyRule => ({
  path,
  ...(method ? { method } : {}),
  ...(when ? { when } : {}),
  fault: { kind: 'fresh' },
});
const freshAnswers = (proxy: FaultProxy, path: string) =>
  proxy.log.filter((r) => r.fault === 'fresh' && r.path.startsWith(path)).length;

describe('a Notion page search that never ends', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  it(
    `stops after ${MAX_LISTING_REQUESTS} answers: exit 3, nothing fixed, nothing written, ledger kept`,
    async () => {
      const dir = tempTree({});
      const state = join(dir, 'state.json');
      const config = notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        {},
        { ...notionWriteBack(), state: { path: state } },
      );
      const first = await runCli(['run', '--config', config, ...NOW]);
      expect(first.code).toBe(0);
      const ledger = readFileSync(state, 'utf8');
      const writes = env.emulator.log.filter((e) => e.write).length;
      env.proxy.setRules([
        fresh(
          '/v1/search',
          (_url, body) => (body.filter as { value?: string })?.value === 'page' && !body.query,
        ),
      ]);
      const second = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
      expect(second.code).toBe(3);
      expect(second.stderr).toContain(`did not end after ${MAX_LISTING_REQUESTS} answers`);
      expect(freshAnswers(env.proxy, '/v1/search')).toBe(MAX_LISTING_REQUESTS);
      expect((JSON.parse(second.stdout) as { fixed: unknown[] }).fixed).toEqual([]);
      expect(readFileSync(state, 'utf8')).toBe(ledger);
      expect(env.emulator.log.filter((e) => e.write).length).toBe(writes);
    },
    SLOW_MS,
  );
});

describe('a Notion comments list that never ends', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });

  it(
    'stops after a bounded number of answers per page and posts no comment there',
    async () => {
      env.proxy.setRules([fresh('/v1/comments', undefined, 'GET')]);
      const config = notionConfigFile({ url: env.proxy.url } as NotionEmulator, {}, notionWriteBack());
      const run = await runCli(['run', '--config', config, ...NOW]);
      expect([0, 3]).toContain(run.code);
      expect(run.stderr).toMatch(
        /the comments of page \S+ did not end after 40 answers; nothing was written for it/,
      );
      const lists = env.proxy.log.filter((r) => r.method === 'GET' && r.path === '/v1/comments').length;
      const pages = new Set(run.stderr.match(/the comments of page \S+/g)).size;
      expect(pages).toBeGreaterThan(0);
      expect(lists).toBe(40 * pages);
      expect(env.proxy.log.filter((r) => r.method === 'POST' && r.path === '/v1/comments')).toEqual([]);
    },
    SLOW_MS,
  );
});

describe('Confluence listings that never end', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  afterEach(() => env.proxy.setRules([]));

  const setup = () => {
    const state = join(tempTree({}), 'state.json');
    const config = confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      {},
      { 'fail-on': 'never', state: { path: state } },
    );
    return { config, state };
  };

  for (const [what, rule, path] of [
    [
      'the page listing',
      fresh('/wiki/api/v2/pages', (url) => !url.searchParams.has('id'), 'GET'),
      '/wiki/api/v2/pages',
    ],
    [
      'the label search',
      fresh('/wiki/rest/api/content/search', undefined, 'GET'),
      '/wiki/rest/api/content/search',
    ],
  ] as const) {
    it(
      `${what}: stops after ${MAX_LISTING_REQUESTS} answers, exit 3, nothing fixed, ledger kept`,
      async () => {
        const { config, state } = setup();
        expect((await runCli(['run', '--config', config, ...NOW])).code).toBe(0);
        const ledger = readFileSync(state, 'utf8');
        env.proxy.setRules([rule]);
        const second = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
        expect(second.code).toBe(3);
        expect(second.stderr).toContain(`did not end after ${MAX_LISTING_REQUESTS} answers`);
        expect(freshAnswers(env.proxy, path)).toBe(MAX_LISTING_REQUESTS);
        expect((JSON.parse(second.stdout) as { fixed: unknown[] }).fixed).toEqual([]);
        expect(readFileSync(state, 'utf8')).toBe(ledger);
      },
      SLOW_MS,
    );
  }

  it(
    'a comments list: 40 answers a page at most, no comment posted there (held)',
    async () => {
      env.proxy.setRules([fresh('/wiki/api/v2/pages/*/footer-comments', undefined, 'GET')]);
      const config = confluenceConfigFile(
        { url: env.proxy.url } as ConfluenceEmulator,
        {},
        { 'fail-on': 'never', writeback: { comments: { enabled: true, 'cooldown-hours': 0 } } },
      );
      const run = await runCli(['run', '--config', config, ...NOW]);
      expect(run.code).toBe(0);
      const pages = new Set(run.stderr.match(/the comments of page \d+/g)).size;
      expect(pages).toBeGreaterThan(0);
      expect(
        env.proxy.log.filter((r) => r.path.endsWith('footer-comments') && r.method === 'GET').length,
      ).toBe(40 * pages);
      expect(env.proxy.log.filter((r) => r.method === 'POST' && r.path.endsWith('footer-comments'))).toEqual(
        [],
      );
    },
    SLOW_MS,
  );
});
