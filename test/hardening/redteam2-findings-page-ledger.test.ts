import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyState } from '../../src/state.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { runCli } from '../helpers/cli.js';
import { TOKEN as CONFLUENCE_TOKEN, confluenceConfigFile, EMAIL } from '../helpers/confluence.js';
import { emulatorsPerTest } from '../helpers/emulators-per-test.js';
import { notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, N, notionWorkspace } from '../writeback/fixtures.js';
import { confluenceBehindProxy } from './behind-proxy.js';

const NOW = ['--now', '2026-06-01'];

/** A ledger whose recorded Confluence findings page is `id`, with a digest no run writes. */
function ledgerNaming(configFile: string, target: 'notion' | 'confluence', id: string): void {
  const state = emptyState();
  state.writeback.pages[target] = { id, url: 'https://x.invalid', hash: 'stale' };
  const path = join(dirname(configFile), '.handbook-lint', 'state.json');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(state));
}

// The ledger says which page is the findings page; a ledger restored from a shared CI cache, or
// edited by hand, may name any page. Only a page the integration created is ever rewritten.
describe('a ledger that names a page handbook-lint did not create as its findings page', () => {
  const start = emulatorsPerTest();

  it('Notion: that page keeps its content; the run says why it wrote no findings page', async () => {
    const notion = await start.notion(notionWorkspace());
    const file = notionConfigFile(
      notion,
      {},
      {
        'fail-on': 'never',
        writeback: { 'findings-page': { notion: { 'parent-page': N.reports } } },
      },
    );
    const before = structuredClone(notion.page(N.deploy));
    ledgerNaming(file, 'notion', N.deploy);
    const run = await runCli(['run', '--config', file, ...NOW]);
    expect(run.code).toBe(0);
    expect(notion.page(N.deploy)).toEqual(before);
    expect(run.stderr).toContain('did not create');
  }, 60_000);

  it('Confluence: that page keeps its body and version; the run says why it wrote no findings page', async () => {
    const confluence = await start.confluence(confluenceSpace());
    const file = confluenceConfigFile(
      confluence,
      {},
      {
        'fail-on': 'never',
        writeback: { 'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } } },
      },
    );
    const before = structuredClone(confluence.getPage(C.deploy));
    ledgerNaming(file, 'confluence', C.deploy);
    const run = await runCli(['run', '--config', file, ...NOW]);
    expect(run.code).toBe(0);
    expect(confluence.getPage(C.deploy)).toEqual(before);
    expect(run.stderr).toContain('did not create');
  }, 60_000);
});

describe('Confluence: a title search answer that carries another page of ours', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  afterEach(() => env.proxy.setRules([]));
  const config = (title: string) =>
    confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      {},
      {
        'fail-on': 'never',
        writeback: { 'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports, title } } },
      },
    );

  it('is not taken for the findings page of this title', async () => {
    const first = config('Handbook lint findings');
    expect((await runCli(['run', '--config', first, ...NOW])).code).toBe(0);
    const ours = env.emulator.log
      .filter((e) => e.method === 'POST' && e.path === '/wiki/api/v2/pages')
      .map((e) => e.body as { title: string });
    expect(ours.map((b) => b.title)).toEqual(['Handbook lint findings']);
    const auth = `Basic ${Buffer.from(`${EMAIL}:${CONFLUENCE_TOKEN}`).toString('base64')}`;
    const answer = await fetch(
      `${env.emulator.url}/wiki/api/v2/pages?space-id=100&title=${encodeURIComponent('Handbook lint findings')}&body-format=storage`,
      { headers: { authorization: auth } },
    );
    const existing = ((await answer.json()) as { results: { id: string }[] }).results;
    expect(existing).toHaveLength(1);
    const before = structuredClone(env.emulator.getPage(existing[0]?.id ?? ''));
    // Another config's findings page in the same space: its title search is answered with the first page.
    env.proxy.setRules([
      {
        path: '/wiki/api/v2/pages',
        method: 'GET',
        when: (url) => url.searchParams.get('title') === 'Team findings',
        fault: { kind: 'transform', change: (json) => ({ ...json, results: existing }) },
      },
    ]);
    expect((await runCli(['run', '--config', config('Team findings'), ...NOW])).code).toBe(0);
    expect(env.emulator.getPage(existing[0]?.id ?? '')).toEqual(before);
  }, 60_000);
});
