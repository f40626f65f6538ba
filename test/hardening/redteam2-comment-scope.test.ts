import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/state.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile, EMAIL, TOKEN } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';

const SLOW_MS = 60_000;

async function lint(file: string): Promise<void> {
  const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01']);
  expect(run.code).toBe(0);
}

describe("Confluence: our comment on one page is never rewritten with another page's findings", () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  afterEach(() => env.proxy.setRules([]));

  const config = () =>
    confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      {},
      {
        'fail-on': 'never',
        writeback: {
          'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } },
          comments: { enabled: true, 'cooldown-hours': 0 },
        },
      },
    );
  const ledgerOf = (file: string) => join(dirname(file), '.handbook-lint', 'state.json');
  const runbookComment = () => {
    const comments = env.emulator.comments(C.runbook).filter((c) => c.authorId !== 'u-ana');
    expect(comments).toHaveLength(1);
    // A copy: the emulator changes its comments in place.
    return structuredClone(comments[0]) as { id: string; body: string; version: { number: number } };
  };
  const deployComments = () => env.emulator.comments(C.deploy).filter((c) => c.authorId !== 'u-ana');

  it(
    "a page's comment listing that carries our comment of another page: that comment is left alone",
    async () => {
      const file = config();
      await lint(file);
      const before = runbookComment();
      // Our comment on the runbook, as the API shows it, answered for the deploy guide's comments.
      const auth = `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}`;
      const answer = await fetch(
        `${env.emulator.url}/wiki/api/v2/pages/${C.runbook}/footer-comments?body-format=storage`,
        { headers: { authorization: auth } },
      );
      const foreign = ((await answer.json()) as { results: unknown[] }).results;
      rmSync(dirname(ledgerOf(file)), { recursive: true });
      env.proxy.setRules([
        {
          path: `/wiki/api/v2/pages/${C.deploy}/footer-comments`,
          method: 'GET',
          fault: { kind: 'transform', change: (json) => ({ ...json, results: foreign }) },
        },
      ]);
      env.proxy.log.length = 0;
      await lint(file);
      expect(runbookComment()).toEqual(before);
      expect(env.proxy.log.filter((e) => e.method === 'PUT' && e.path.endsWith(`/${before.id}`))).toEqual([]);
      expect(deployComments().length).toBeGreaterThan(0);
    },
    SLOW_MS,
  );

  it(
    'a ledger that names our comment of another page for a page: that comment is left alone',
    async () => {
      const file = config();
      await lint(file);
      const before = runbookComment();
      const state = JSON.parse(readFileSync(ledgerOf(file), 'utf8')) as State;
      const key = `confluence:${C.deploy}`;
      const entry = state.writeback.comments[key];
      expect(entry).toBeDefined();
      // The deploy guide's entry points at the runbook's comment, with findings that are out of date.
      state.writeback.comments[key] = {
        ...(entry as NonNullable<typeof entry>),
        id: before.id,
        fingerprints: [],
      };
      writeFileSync(ledgerOf(file), JSON.stringify(state));
      env.proxy.log.length = 0;
      await lint(file);
      expect(runbookComment()).toEqual(before);
      expect(env.proxy.log.filter((e) => e.method === 'PUT' && e.path.endsWith(`/${before.id}`))).toEqual([]);
    },
    SLOW_MS,
  );
});

describe("Notion: this page's findings never go into another page's discussion", () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));
  const plain = (id: string | null) => (id ?? '').replace(/-/g, '');

  it(
    "a page's comment listing that carries our discussion of another page: no reply goes there",
    async () => {
      const file = notionConfigFile({ url: env.proxy.url } as NotionEmulator, {}, notionWriteBack());
      await lint(file);
      const runbookBefore = env.emulator.comments(N.runbook).length;
      expect(runbookBefore).toBeGreaterThan(0);
      const answer = await fetch(`${env.emulator.url}/v1/comments?block_id=${N.runbook}`, {
        headers: { authorization: `Bearer ${env.emulator.token}`, 'notion-version': '2025-09-03' },
      });
      const foreign = ((await answer.json()) as { results: unknown[] }).results;
      expect(foreign.length).toBeGreaterThan(0);
      rmSync(join(dirname(file), '.handbook-lint'), { recursive: true });
      // The deploy guide's comments are answered with the runbook's.
      env.proxy.setRules([
        {
          path: '/v1/comments',
          method: 'GET',
          when: (url) => plain(url.searchParams.get('block_id')) === plain(N.deploy),
          fault: { kind: 'transform', change: (json) => ({ ...json, results: foreign }) },
        },
      ]);
      await lint(file);
      expect(env.emulator.comments(N.runbook)).toHaveLength(runbookBefore);
    },
    SLOW_MS,
  );
});
