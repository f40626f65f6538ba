import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/state.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { C, confluenceSpace } from '../writeback/fixtures.js';
import { confluenceBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

// Fourteenth round, a bad night: Confluence answers twice on the first night, when there is no ledger yet
// (redteam5-answers-twice covers a Confluence wiki that answers twice after a clean run; redteam12 the
// first night on Notion). The space listing, every page listing, the label search and every comment
// listing give each result twice, and the page listing points on, under a cursor spelled for the same
// place (`offset:00`), at its own first answer again, each page the second time under another parent. The
// first run still lints each page once, writes one comment on each offending page and one findings page;
// a clean run after it, without that ledger (as a run that lost it), finds everything already written and
// writes nothing. *(held)*

const NOW = ['--now', '2026-06-01'];
const readState = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as State;
const listing = (url: URL) => url.pathname === '/wiki/api/v2/pages' && !url.searchParams.has('id');
const again = Buffer.from('offset:00').toString('base64url');

/** How often the listing was answered again under the other cursor. */
let repeated = 0;

const answersTwice = (): ProxyRule[] => [
  {
    path: '/wiki/api/v2/pages',
    method: 'GET',
    when: (url) => listing(url) && !url.searchParams.has('cursor'),
    fault: {
      kind: 'transform',
      change: (json) => ({
        ...json,
        results: [...(json.results ?? []), ...(json.results ?? [])],
        _links: { ...json._links, next: `/wiki/api/v2/pages?cursor=${again}&limit=250&sort=created-date` },
      }),
    },
  },
  {
    path: '/wiki/api/v2/pages',
    method: 'GET',
    when: (url) => listing(url) && url.searchParams.get('cursor') === again,
    fault: {
      kind: 'transform',
      change: (json) => ({
        ...json,
        repeated: ++repeated,
        results: ((json.results ?? []) as Record<string, unknown>[]).map((p) =>
          p.id === C.home || p.id === C.reports ? p : { ...p, parentId: C.reports },
        ),
      }),
    },
  },
  { path: '/wiki/api/v2/spaces', method: 'GET', fault: { kind: 'duplicate' } },
  { path: '/wiki/rest/api/content/search', method: 'GET', fault: { kind: 'duplicate' } },
  { path: '/wiki/api/v2/pages/*/footer-comments', method: 'GET', fault: { kind: 'duplicate' } },
];

describe('a Confluence wiki that answers twice on the first night', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  afterEach(() => env.proxy.setRules([]));

  it('each page linted once, one comment on each, one findings page; a clean run after it writes nothing', async () => {
    const dir = tempTree({});
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
    env.proxy.setRules(answersTwice());
    const first = join(dir, 'first.json');
    const run = await runCli(['run', '--config', config(first), '--format', 'json', ...NOW]);
    expect(run.code).toBe(0);
    // The repeats were asked for and answered: the test plays what it says.
    const faulted = (path: string) => env.proxy.log.filter((r) => r.path === path && r.fault).length;
    expect(repeated).toBe(1);
    expect(faulted('/wiki/api/v2/spaces')).toBeGreaterThan(0);
    expect(faulted('/wiki/rest/api/content/search')).toBeGreaterThan(0);
    expect([C.deploy, C.runbook].map((id) => env.emulator.comments(id).length)).toEqual([1, 1]);
    const report = JSON.parse(run.stdout) as {
      findings: { fingerprint: string }[];
      summary: { pages: number };
    };
    expect(report.summary.pages).toBe(4);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f) => f.fingerprint)).size).toBe(report.findings.length);
    const page = readState(first).writeback.pages.confluence?.id ?? '';
    expect(page).not.toBe('');

    env.proxy.setRules([]);
    env.emulator.log.length = 0;
    const clean = await runCli([
      'run',
      '--config',
      config(join(dir, 'clean.json')),
      '--format',
      'json',
      ...NOW,
    ]);
    expect(clean.code).toBe(0);
    expect(env.emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.path}`)).toEqual([]);
    expect(readState(join(dir, 'clean.json')).writeback.pages.confluence?.id).toBe(page);
  }, 120_000);
});
