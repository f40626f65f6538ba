import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { Fault, ProxyRule } from './fault-proxy.js';

// Fifteenth round. One page's comment list that failed (cut short, refused with a 404, answered without its
// results or with a body that does not parse) stopped that run's comments on the whole wiki: the stage took any
// write-back failure for a permission problem that would repeat on every page. So one hostile page kept every
// other page's comment waiting, night after night. A fault of one page's own answer now skips that page, with a
// line naming it; a refusal of the comment API as such (403: a token without the capability) still stops the
// wiki's comments at once. Never a duplicate: a page whose list could not be read gets nothing written.

const NOW = ['--now', '2026-06-01'];
const bare = (id: string | null) => (id ?? '').replaceAll('-', '');

const cutShort: Fault = {
  kind: 'transform',
  change: (json) => ({ ...json, has_more: true, next_cursor: null }),
};
const results = (value: unknown): Fault => ({
  kind: 'transform',
  change: (json) => ({ ...json, results: value }) as typeof json,
});
const notionError = (status: number, code: string): Fault => ({
  kind: 'status',
  status,
  body: { object: 'error', status, code, message: `${code} (fault proxy)` },
});

const notionFaults: [string, Fault][] = [
  ['a body that does not parse', { kind: 'malformed' }],
  ['a list cut short (has_more, no cursor)', cutShort],
  ['a cursor that loops', { kind: 'loop' }],
  ['404 for that page', notionError(404, 'object_not_found')],
  ['results that are a string', results('')],
  ['a comment without its author', results([{ object: 'comment', id: 'x', rich_text: [] }])],
];

describe.each(notionFaults)('Notion: the Deploy guide answers its comment list with %s', (_what, fault) => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  const config = (state: string) =>
    notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...notionWriteBack(), state: { path: state } },
    );
  const deployList: Omit<ProxyRule, 'fault'> = {
    path: '/v1/comments',
    method: 'GET',
    when: (url) => bare(url.searchParams.get('block_id')) === bare(N.deploy),
  };
  const count = (id: string) => env.emulator.comments(id).length;

  it('skips that page only, says so, and never posts a second comment there', async () => {
    const state = join(tempTree({}), 'state.json');
    env.proxy.setRules([{ ...deployList, fault }]);
    const faulted = await runCli(['run', '--config', config(state), ...NOW]);
    expect(faulted.stderr).not.toMatch(/internal error/);
    expect(faulted.code).toBe(0);
    expect([N.deploy, N.runbook, N.adr].map(count)).toEqual([0, 1, 1]);
    expect(faulted.stderr).toMatch(/"Deploy guide".*skipped/);

    // The next night answers: the page waiting gets its one comment, the others none again.
    env.proxy.setRules([]);
    const clean = await runCli(['run', '--config', config(state), ...NOW]);
    expect(clean.code).toBe(0);
    expect([N.deploy, N.runbook, N.adr].map(count)).toEqual([1, 1, 1]);

    // A run that lost its ledger meets the same fault: ours there may be among what it could not read.
    env.proxy.setRules([{ ...deployList, fault }]);
    const lost = await runCli(['run', '--config', config(join(tempTree({}), 'state.json')), ...NOW]);
    expect(lost.stderr).not.toMatch(/internal error/);
    expect([N.deploy, N.runbook, N.adr].map(count)).toEqual([1, 1, 1]);
  }, 120_000);
});

describe("Notion: a refusal of the comment API as such still stops the wiki's comments", () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  const config = () =>
    notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...notionWriteBack(), state: { path: join(tempTree({}), 'state.json') } },
    );
  const requests = (method: string) =>
    env.proxy.log.filter((e) => e.method === method && e.path === '/v1/comments').length;

  it.each([
    ['listing', 'GET'],
    ['posting', 'POST'],
  ])(
    '403 on %s comments: one request, one warning, no comment anywhere',
    async (_what, method) => {
      env.proxy.log.length = 0;
      env.proxy.setRules([{ path: '/v1/comments', method, fault: notionError(403, 'restricted_resource') }]);
      const run = await runCli(['run', '--config', config(), ...NOW]);
      env.proxy.setRules([]);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(requests(method)).toBe(1);
      expect([N.deploy, N.runbook, N.adr].map((id) => env.emulator.comments(id).length)).toEqual([0, 0, 0]);
      expect(run.stderr).toMatch(/Read comments and Insert comments/);
      expect(run.stderr).not.toMatch(/skipped/);
    },
    90_000,
  );
});

const confluenceError = (status: number): Fault => ({
  kind: 'status',
  status,
  body: { errors: [{ status, code: 'FAULT', title: `fault proxy ${status}` }] },
});

const confluenceFaults: [string, Fault][] = [
  ['a body that does not parse', { kind: 'malformed' }],
  ['a cursor that loops', { kind: 'loop' }],
  ['404 for that page', confluenceError(404)],
  [
    'no results',
    {
      kind: 'transform',
      change: (json) => {
        const { results: _, ...rest } = json;
        return rest as typeof json;
      },
    },
  ],
  ['results that are a string', results('comments')],
];

describe.each(confluenceFaults)(
  'Confluence: the Deploy guide answers its comment list with %s',
  (_what, fault) => {
    const env = confluenceBehindProxy({ fixture: confluenceSpace() });
    const config = (state: string) =>
      confluenceConfigFile(
        { url: env.proxy.url } as ConfluenceEmulator,
        {},
        {
          'fail-on': 'never',
          state: { path: state },
          writeback: {
            'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } },
            comments: { enabled: true, 'cooldown-hours': 0 },
          },
        },
      );
    const deployList: Omit<ProxyRule, 'fault'> = {
      path: `/wiki/api/v2/pages/${C.deploy}/footer-comments`,
      method: 'GET',
    };
    const count = (id: string) => env.emulator.comments(id).length;

    it('skips that page only, says so, and never posts a second comment there', async () => {
      const state = join(tempTree({}), 'state.json');
      env.proxy.setRules([{ ...deployList, fault }]);
      const faulted = await runCli(['run', '--config', config(state), ...NOW]);
      expect(faulted.stderr).not.toMatch(/internal error/);
      expect(faulted.code).toBe(0);
      expect([C.deploy, C.runbook].map(count)).toEqual([0, 1]);
      expect(faulted.stderr).toMatch(/"Deploy guide".*skipped/);

      env.proxy.setRules([]);
      const clean = await runCli(['run', '--config', config(state), ...NOW]);
      expect(clean.code).toBe(0);
      expect([C.deploy, C.runbook].map(count)).toEqual([1, 1]);

      env.proxy.setRules([{ ...deployList, fault }]);
      const lost = await runCli(['run', '--config', config(join(tempTree({}), 'state.json')), ...NOW]);
      expect(lost.stderr).not.toMatch(/internal error/);
      expect([C.deploy, C.runbook].map(count)).toEqual([1, 1]);
    }, 120_000);
  },
);

describe('Confluence: one page refusing the post skips it; a refusal of comments as such stops them', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  const config = () =>
    confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      {},
      {
        'fail-on': 'never',
        state: { path: join(tempTree({}), 'state.json') },
        writeback: { comments: { enabled: true, 'cooldown-hours': 0 } },
      },
    );
  const posts = () =>
    env.proxy.log.filter((e) => e.method === 'POST' && e.path === '/wiki/api/v2/footer-comments').length;
  const onPage = (id: string) => (_url: URL, body: Record<string, unknown>) => body.pageId === id;

  it('403 on posting: one request, one warning, no comment anywhere', async () => {
    env.proxy.log.length = 0;
    env.proxy.setRules([
      { path: '/wiki/api/v2/footer-comments', method: 'POST', fault: confluenceError(403) },
    ]);
    const run = await runCli(['run', '--config', config(), ...NOW]);
    env.proxy.setRules([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(posts()).toBe(1);
    expect([C.deploy, C.runbook].map((id) => env.emulator.comments(id).length)).toEqual([0, 0]);
    expect(run.stderr).toMatch(/permission to add comments/);
    expect(run.stderr).not.toMatch(/skipped/);
  }, 90_000);

  it('404 on posting to the Deploy guide: that page skipped, the other commented', async () => {
    env.proxy.setRules([
      {
        path: '/wiki/api/v2/footer-comments',
        method: 'POST',
        when: onPage(C.deploy),
        fault: confluenceError(404),
      },
    ]);
    const run = await runCli(['run', '--config', config(), ...NOW]);
    env.proxy.setRules([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect([C.deploy, C.runbook].map((id) => env.emulator.comments(id).length)).toEqual([0, 1]);
    expect(run.stderr).toMatch(/"Deploy guide".*skipped/);
  }, 90_000);
});
