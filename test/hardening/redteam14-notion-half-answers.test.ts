import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { notionConfigFile } from '../helpers/notion.js';
import { N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { notionBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

// Fourteenth round. A Notion listing that answers half: a 200 whose list has no `results`, or results that
// are no array (the SDK checks no schema). Hardening 13 fixed Confluence's (`resultsOf`). Every Notion list
// is paged by one function (`paginate`), which yielded whatever `results` held: a missing one or `null` failed
// the listing by accident (a TypeError, "undefined is not iterable"), but a string was iterated letter by
// letter and an empty one was an empty list. So a page search answering `results: ""` linted no page and the
// first night was clean (exit 0, nothing said); a comment listing answering so hid our comment, and a run that
// lost its ledger posted a second one. A listing whose results are no array now fails as such: the page search
// ends the run (exit 2, nothing written), a page's comments get nothing written (a warning).

const NOW = ['--now', '2026-06-01'];
const pageSearch = (body: Record<string, unknown>) =>
  (body.filter as { value?: string } | undefined)?.value === 'page' && !body.query;

const withResults = (rule: Omit<ProxyRule, 'fault'>, results: unknown): ProxyRule => ({
  ...rule,
  fault: {
    kind: 'transform',
    change: (json) => {
      const { results: _, ...rest } = json;
      return (results === undefined ? rest : { ...rest, results }) as typeof json;
    },
  },
});

describe('a Notion listing whose results are missing or no array', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  const config = (dir: string, writeBack = false) =>
    notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      {
        ...(writeBack ? notionWriteBack() : { 'fail-on': 'never' }),
        state: { path: join(dir, 'state.json') },
      },
    );

  it.each([
    ['missing', undefined],
    ['an empty string', ''],
    ['a string', 'pages'],
    ['an object', { 0: { id: N.deploy } }],
    ['null', null],
  ])(
    'page search results %s: the listing failed (exit 2), never a clean run of no pages',
    async (_w, results) => {
      env.proxy.setRules([
        withResults({ path: '/v1/search', method: 'POST', when: (_u, b) => pageSearch(b) }, results),
      ]);
      const run = await runCli(['run', '--config', config(tempTree({})), '--format', 'json', ...NOW]);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Notion search for pages failed: .*without its results/);
    },
    60_000,
  );

  it('a comment listing answering an empty string writes nothing on that page: ours may be among those not read', async () => {
    const first = await runCli(['run', '--config', config(tempTree({}), true), ...NOW]);
    expect(first.code).toBe(0);
    const ours = [N.deploy, N.runbook].map((id) => env.emulator.comments(id).length);
    expect(ours).toEqual([1, 1]);
    // A run that lost its ledger looks for ours in each page's comments.
    env.proxy.setRules([withResults({ path: '/v1/comments', method: 'GET' }, '')]);
    const second = await runCli(['run', '--config', config(tempTree({}), true), ...NOW]);
    expect(second.stderr).not.toMatch(/internal error/);
    expect([N.deploy, N.runbook].map((id) => env.emulator.comments(id).length)).toEqual(ours);
    expect(second.stderr).toMatch(/without its results/);
  }, 90_000);
});
