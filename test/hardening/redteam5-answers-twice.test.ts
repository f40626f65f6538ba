import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/state.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';
import { notionAnswersTwice } from './notion-answers-twice.js';

// A wiki that answers twice: the same page listed again under another parent or space, a page of
// the listing answered again under another cursor (a cursor spelled differently for the same
// place), a comment listed twice. One page, one finding each, one comment, a ledger like a clean run's.
const NOW = ['--now', '2026-06-01'];

interface Report {
  findings: { fingerprint: string; page: { key: string } }[];
  fixed: unknown[];
  summary: { pages: number };
}

const readState = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as State;
const prints = (report: Report) => report.findings.map((f) => f.fingerprint).sort();

/** A run with this config, its JSON report read. */
async function lintWith(config: string) {
  const run = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
  return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout || '{}') as Report };
}

interface Run {
  code: number;
  report: Report;
}

/** The second run, on a wiki that answered twice, against the first, clean one: the same pages, findings and ledger. */
function expectAsClean(
  first: Run,
  second: Run,
  before: State,
  after: State,
  source: 'confluence' | 'notion',
) {
  expect(second.code).toBe(0);
  expect(second.report.summary.pages).toBe(first.report.summary.pages);
  expect(prints(second.report)).toEqual(prints(first.report));
  expect(new Set(prints(second.report)).size).toBe(second.report.findings.length);
  expect(second.report.fixed).toEqual([]);
  expect(Object.keys(after.findings).sort()).toEqual(Object.keys(before.findings).sort());
  expect(after.sources[source]?.listed).toBe(before.sources[source]?.listed);
  expect(Object.keys(after.writeback.comments).length).toBeGreaterThan(1);
  expect(after.writeback.comments).toEqual(before.writeback.comments);
}

describe('a Confluence wiki that answers twice', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  afterEach(() => env.proxy.setRules([]));

  /**
   * The listing's one answer points on with a cursor for the same place (offset 0 spelled `00`); the
   * repeat moves the runbook to a space the crawl did not ask for and every other page under `parent`.
   */
  const listedAgain = (parent: string): ProxyRule[] => {
    const again = Buffer.from('offset:00').toString('base64url');
    const listing = (url: URL) => url.pathname === '/wiki/api/v2/pages' && !url.searchParams.has('id');
    return [
      {
        path: '/wiki/api/v2/pages',
        method: 'GET',
        when: (url) => listing(url) && !url.searchParams.has('cursor'),
        fault: {
          kind: 'transform',
          change: (json) => ({
            ...json,
            _links: {
              ...json._links,
              next: `/wiki/api/v2/pages?cursor=${again}&limit=250&sort=created-date`,
            },
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
            results: ((json.results ?? []) as Record<string, unknown>[]).map((p) =>
              p.id === parent
                ? p
                : p.id === C.runbook
                  ? { ...p, spaceId: '999' }
                  : { ...p, parentId: parent },
            ),
          }),
        },
      },
      { path: '/wiki/rest/api/content/search', method: 'GET', fault: { kind: 'duplicate' } },
      { path: '/wiki/api/v2/pages/*/footer-comments', method: 'GET', fault: { kind: 'duplicate' } },
    ];
  };

  it('one page, one finding, one comment each; the ledger as after a clean run', async () => {
    const dir = tempTree({});
    const state = join(dir, 'state.json');
    const config = confluenceConfigFile(
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
    const lint = () => lintWith(config);
    const first = await lint();
    expect(first.code).toBe(0);
    const before = readState(state);
    const comments = () => [C.deploy, C.runbook].map((id) => env.emulator.comments(id).length);
    expect(comments()).toEqual([1, 1]);

    env.proxy.setRules(listedAgain(C.reports));
    const from = env.proxy.log.length;
    const second = await lint();
    // The repeat was asked for and answered: the test plays what it says.
    expect(env.proxy.log.slice(from).filter((r) => r.path === '/wiki/api/v2/pages' && r.fault).length).toBe(
      2,
    );
    expect(comments()).toEqual([1, 1]);
    expectAsClean(first, second, before, readState(state), 'confluence');
  }, 120_000);
});

describe('a Notion wiki that answers twice', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  it('one page, one finding, one comment each; the ledger as after a clean run', async () => {
    const dir = tempTree({});
    const state = join(dir, 'state.json');
    const config = notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...notionWriteBack(), state: { path: state } },
    );
    const lint = () => lintWith(config);
    const first = await lint();
    expect(first.code).toBe(0);
    const before = readState(state);
    const comments = () => [N.deploy, N.runbook].map((id) => env.emulator.comments(id).length);
    expect(comments()).toEqual([1, 1]);

    env.proxy.setRules(notionAnswersTwice());
    const from = env.proxy.log.length;
    const second = await lint();
    expect(env.proxy.log.slice(from).filter((r) => r.path === '/v1/search' && r.fault).length).toBe(2);
    expect(comments()).toEqual([1, 1]);
    expectAsClean(first, second, before, readState(state), 'notion');
  }, 120_000);
});
