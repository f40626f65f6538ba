import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { Fault } from './fault-proxy.js';

// Sixteenth round. A timeout or a dropped connection on one page's comment list stopped the night's comments on
// the whole wiki: no answer was taken for an outage, so one page that a slow macro or a flaky gateway keeps from
// answering held every other page's comment back. The stage now judges by what follows: a page whose list got no
// answer is skipped with a line, and only three such pages in a row (no answer of any kind between them) stop
// the wiki's comments. Never a duplicate: a page whose list was not read gets nothing written.

const NOW = ['--now', '2026-06-01'];
const bare = (id: string | null) => (id ?? '').replaceAll('-', '');
// Short timeouts and two attempts keep each hang to some two seconds.
const HTTP = { 'max-attempts': 2, 'timeout-ms': 800 };
const STOPPED = /in a row/;
const stops = (stderr: string) => stderr.split('in a row').length - 1;

const noAnswer: [string, Fault][] = [
  ['a dropped connection', { kind: 'reset' }],
  ['no answer (timeout)', { kind: 'hang' }],
];

/** Five more Notion pages with a broken link each, so a run of failures can end before the last page. */
const EXTRA_N = [6, 7, 8, 9].map((n) => `c0000000-0000-4000-8000-00000000000${n}`);
function largerWorkspace() {
  const fixture = notionWorkspace();
  const home = fixture.pages.find((p) => p.id === N.runbook);
  if (!home) throw new Error('the fixture has its runbook');
  for (const [i, id] of EXTRA_N.entries())
    fixture.pages.push({
      ...home,
      id,
      title: `Checklist ${i + 1}`,
      markdown: `Ask <mention-page url="https://www.notion.so/00000000000040008000000000000ab${i}"/>.\n`,
    });
  return fixture;
}

// Three faulted pages with a page that answers between them (the plan goes by findings, then by path): a count
// of all failures would stop the wiki's comments, a count of failures in a row does not.
const faultedN = [N.deploy, EXTRA_N[0] as string, EXTRA_N[2] as string];

describe.each(noAnswer)('Notion: comment lists answered with %s', (_what, fault) => {
  const env = notionBehindProxy({ fixture: largerWorkspace() });
  const all = [N.deploy, N.runbook, N.adr, ...EXTRA_N];
  const config = (state: string) =>
    notionConfigFile({ url: env.proxy.url } as NotionEmulator, HTTP, {
      ...notionWriteBack({ cap: 50 }),
      state: { path: state },
    });
  const count = (id: string) => env.emulator.comments(id).length;
  const listOf = (ids: string[], seen?: Set<string>) => ({
    path: '/v1/comments',
    method: 'GET',
    when: (url: URL) => {
      const id = bare(url.searchParams.get('block_id'));
      seen?.add(id);
      return ids.some((x) => bare(x) === id);
    },
    fault,
  });

  it('three pages without an answer, not in a row, are skipped, the others commented, nothing posted twice', async () => {
    const state = join(tempTree({}), 'state.json');
    env.proxy.setRules([listOf(faultedN)]);
    const faulted = await runCli(['run', '--config', config(state), ...NOW]);
    expect(faulted.stderr).not.toMatch(/internal error/);
    expect(faulted.code).toBe(0);
    expect(all.map(count)).toEqual([0, 1, 1, 0, 1, 0, 1]);
    expect(faulted.stderr).toMatch(/"Deploy guide".*skipped/);
    expect(faulted.stderr).toMatch(/"Checklist 3".*skipped/);
    expect(faulted.stderr).not.toMatch(STOPPED);

    env.proxy.setRules([]);
    const clean = await runCli(['run', '--config', config(state), ...NOW]);
    expect(clean.code).toBe(0);
    expect(all.map(count)).toEqual([1, 1, 1, 1, 1, 1, 1]);

    // A run that lost its ledger meets the same fault: the pages it could not read get nothing.
    env.proxy.setRules([listOf(faultedN)]);
    const lost = await runCli(['run', '--config', config(join(tempTree({}), 'state.json')), ...NOW]);
    expect(lost.stderr).not.toMatch(/internal error/);
    expect(all.map(count)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  }, 120_000);

  it("every list without an answer: three pages tried, then the wiki's comments stop with one line", async () => {
    const fresh = notionBehindProxyCounts(env);
    const seen = new Set<string>();
    env.proxy.setRules([listOf(all, seen)]);
    const run = await runCli(['run', '--config', config(join(tempTree({}), 'state.json')), ...NOW]);
    env.proxy.setRules([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(seen.size).toBe(3);
    expect(fresh()).toBe(0);
    expect(stops(run.stderr)).toBe(1);
  }, 120_000);
});

/** Comments the emulator holds that were not there when this was called. */
function notionBehindProxyCounts(env: { emulator: NotionEmulator }): () => number {
  const ids = [N.deploy, N.runbook, N.adr, ...EXTRA_N];
  const total = () => ids.reduce((sum, id) => sum + env.emulator.comments(id).length, 0);
  const before = total();
  return () => total() - before;
}

/** Confluence ids of four more pages with a broken link each. */
const EXTRA_C = ['1004', '1005', '1006', '1007'];
function largerSpace() {
  const fixture = confluenceSpace();
  const runbook = fixture.pages.find((p) => p.id === C.runbook);
  if (!runbook) throw new Error('the fixture has its runbook');
  for (const [i, id] of EXTRA_C.entries())
    fixture.pages.push({
      ...runbook,
      id,
      title: `Checklist ${i + 1}`,
      body: `<p>Ask <ac:link><ri:page ri:content-title="Missing ${i + 10}" /></ac:link>.</p>`,
    });
  return fixture;
}

const faultedC = [C.deploy, EXTRA_C[0] as string, EXTRA_C[2] as string];

describe.each(noAnswer)('Confluence: comment lists answered with %s', (_what, fault) => {
  const env = confluenceBehindProxy({ fixture: largerSpace() });
  const all = [C.deploy, C.runbook, ...EXTRA_C];
  const config = (state: string) =>
    confluenceConfigFile({ url: env.proxy.url } as ConfluenceEmulator, HTTP, {
      'fail-on': 'never',
      state: { path: state },
      writeback: { comments: { enabled: true, 'cooldown-hours': 0, cap: 50 } },
    });
  const count = (id: string) => env.emulator.comments(id).length;
  const lists = /^\/wiki\/api\/v2\/pages\/(\d+)\/footer-comments$/;
  const listOf = (ids: string[]) =>
    ids.map((id) => ({ path: `/wiki/api/v2/pages/${id}/footer-comments`, method: 'GET', fault }));

  it('three pages without an answer, not in a row, are skipped, the others commented, nothing posted twice', async () => {
    const state = join(tempTree({}), 'state.json');
    env.proxy.setRules(listOf(faultedC));
    const faulted = await runCli(['run', '--config', config(state), ...NOW]);
    expect(faulted.stderr).not.toMatch(/internal error/);
    expect(faulted.code).toBe(0);
    expect(all.map(count)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(faulted.stderr).toMatch(/"Deploy guide".*skipped/);
    expect(faulted.stderr).toMatch(/"Checklist 3".*skipped/);
    expect(faulted.stderr).not.toMatch(STOPPED);

    env.proxy.setRules([]);
    const clean = await runCli(['run', '--config', config(state), ...NOW]);
    expect(clean.code).toBe(0);
    expect(all.map(count)).toEqual([1, 1, 1, 1, 1, 1]);

    env.proxy.setRules(listOf(faultedC));
    const lost = await runCli(['run', '--config', config(join(tempTree({}), 'state.json')), ...NOW]);
    expect(lost.stderr).not.toMatch(/internal error/);
    expect(all.map(count)).toEqual([1, 1, 1, 1, 1, 1]);
  }, 120_000);

  it("every list without an answer: three pages tried, then the wiki's comments stop with one line", async () => {
    const before = all.map(count);
    env.proxy.log.length = 0;
    env.proxy.setRules(listOf(all));
    const run = await runCli(['run', '--config', config(join(tempTree({}), 'state.json')), ...NOW]);
    env.proxy.setRules([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const tried = new Set(env.proxy.log.flatMap((e) => lists.exec(e.path)?.[1] ?? []));
    expect(tried.size).toBe(3);
    expect(all.map(count)).toEqual(before);
    expect(stops(run.stderr)).toBe(1);
  }, 120_000);
});
