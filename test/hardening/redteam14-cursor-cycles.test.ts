import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

// Fourteenth round. A cursor that cycles through several values (A, B, C, then A again) instead of
// repeating the last one: no two answers in a row agree, so a check of the last cursor alone would follow it
// forever. `CursorTrail` keeps every cursor a list followed, so the cycle stops at its first repeat, the
// fourth answer, as a single repeated cursor does (redteam-cursor-loops, listing-gate): the crawl's listing
// is refused (exit 3, the ledger unchanged), a page's comments get nothing written. *(held)* Since hardening 15
// such a list is that page's fault alone: the other pages' lists are read too, each stopping at its fourth answer.

const NOW = ['--now', '2026-06-01'];
const CYCLE = { kind: 'cycle', length: 3 } as const;
const cycles = (log: { fault?: string }[]) => log.filter((e) => e.fault === 'cycle').length;
const pageSearch = (_url: URL, body: Record<string, unknown>) =>
  (body.filter as { value?: string } | undefined)?.value === 'page' && !body.query;

describe('a Notion cursor that cycles A, B, C, A', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  const config = (state: string, writeBack = false) =>
    notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...(writeBack ? notionWriteBack() : { 'fail-on': 'never' }), state: { path: state } },
    );

  it('the page search stops at the fourth answer: refused, exit 3, the ledger unchanged', async () => {
    const state = join(tempTree({}), 'state.json');
    expect((await runCli(['run', '--config', config(state), ...NOW])).code).toBe(0);
    const ledger = readFileSync(state, 'utf8');
    const rule: ProxyRule = { path: '/v1/search', method: 'POST', when: pageSearch, fault: CYCLE };
    env.proxy.setRules([rule]);
    env.proxy.log.splice(0);
    const run = await runCli(['run', '--config', config(state), ...NOW]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('repeated a next_cursor');
    expect(cycles(env.proxy.log)).toBe(4);
    expect(readFileSync(state, 'utf8')).toBe(ledger);
  }, 60_000);

  it("a page's comments stop at the fourth answer and nothing is written there", async () => {
    env.proxy.setRules([{ path: '/v1/comments', method: 'GET', fault: CYCLE }]);
    env.proxy.log.splice(0);
    const run = await runCli(['run', '--config', config(join(tempTree({}), 'state.json'), true), ...NOW]);
    expect(run.stderr).not.toContain('internal error');
    expect([N.deploy, N.runbook].map((id) => env.emulator.comments(id).length)).toEqual([0, 0]);
    expect(run.stderr).toContain('repeated a cursor');
    // Each of the three offending pages' lists stops at its fourth answer.
    expect(cycles(env.proxy.log)).toBe(12);
  }, 60_000);
});

describe('a Confluence cursor that cycles A, B, C, A', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  afterEach(() => env.proxy.setRules([]));

  const config = (state: string, comments = false) =>
    confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      {},
      {
        'fail-on': 'never',
        state: { path: state },
        ...(comments ? { writeback: { comments: { enabled: true, 'cooldown-hours': 0 } } } : {}),
      },
    );

  it('the page listing stops at the fourth answer: refused, exit 3, the ledger unchanged', async () => {
    const state = join(tempTree({}), 'state.json');
    expect((await runCli(['run', '--config', config(state), ...NOW])).code).toBe(0);
    const ledger = readFileSync(state, 'utf8');
    env.proxy.setRules([
      {
        path: '/wiki/api/v2/pages',
        method: 'GET',
        when: (url) => !url.searchParams.has('id'),
        fault: CYCLE,
      },
    ]);
    env.proxy.log.splice(0);
    const run = await runCli(['run', '--config', config(state), ...NOW]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/page listing sent a next link it had sent before/);
    expect(cycles(env.proxy.log)).toBe(4);
    expect(readFileSync(state, 'utf8')).toBe(ledger);
  }, 60_000);

  it("a page's comments stop at the fourth answer and nothing is posted there", async () => {
    env.proxy.setRules([{ path: '/wiki/api/v2/pages/*/footer-comments', method: 'GET', fault: CYCLE }]);
    env.proxy.log.splice(0);
    const run = await runCli(['run', '--config', config(join(tempTree({}), 'state.json'), true), ...NOW]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('repeated a cursor');
    expect([C.deploy, C.runbook].map((id) => env.emulator.comments(id).length)).toEqual([0, 0]);
    // Each of the two offending pages' lists stops at its fourth answer.
    expect(cycles(env.proxy.log)).toBe(8);
  }, 60_000);
});
