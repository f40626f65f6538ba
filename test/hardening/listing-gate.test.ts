import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Page } from '../../src/model/page.js';
import { run } from '../../src/run.js';
import type { State } from '../../src/state.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { type ConfluenceFixtureInput, generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import {
  generateNotionWorkspace,
  type NotionEmulator,
  type NotionFixture,
  startNotionEmulator,
} from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import {
  CONFLUENCE_FIXTURE,
  confluenceConfigFile,
  confluenceEmulatorForSuite,
} from '../helpers/confluence.js';
import { NOTION_FIXTURE, notionConfigFile } from '../helpers/notion.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { FaultProxy } from './fault-proxy.js';

const NOW = ['--now', '2026-06-01'];
const SLOW_MS = 60_000;

interface JsonReport {
  summary: { pages: number; findings: number };
  findings: { fingerprint: string }[];
}

const readState = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as State;
const searchFor = (value: string) => (_url: URL, body: Record<string, unknown>) =>
  (body.filter as { value?: string } | undefined)?.value === value;

/** A config in its own folder: the crawl goes through the proxy, the findings page is a file beside the ledger. */
function notionSetup(proxy: FaultProxy, notion: Record<string, unknown> = {}, statePath?: string) {
  const dir = tempTree({});
  const config = notionConfigFile(
    { url: proxy.url } as NotionEmulator,
    { 'max-attempts': 2, ...notion },
    {
      'fail-on': 'never',
      state: { path: statePath ?? join(dir, 'state.json') },
      writeback: {
        'findings-page': { markdown: { path: join(dir, 'findings.md') } },
        comments: { enabled: true, level: 'warning' },
      },
    },
  );
  return { config, state: statePath ?? join(dir, 'state.json'), findings: join(dir, 'findings.md') };
}

describe('plausibility gate on a Notion listing', () => {
  const workspace = generateNotionWorkspace(60, 11);
  const env = notionBehindProxy({ fixture: workspace });
  const writes = () => env.emulator.log.filter((e) => e.write).length;
  afterEach(() => env.proxy.setRules([]));

  it(
    'an empty listing writes nothing, keeps the ledger and exits 3; --accept-shrink takes it as the truth',
    async () => {
      const setup = notionSetup(env.proxy);
      const first = await runCli(['run', '--config', setup.config, ...NOW]);
      expect(first.code).toBe(0);
      const ledger = readFileSync(setup.state, 'utf8');
      const page = readFileSync(setup.findings, 'utf8');
      expect(Object.keys(readState(setup.state).findings).length).toBeGreaterThan(0);
      expect(readState(setup.state).sources.notion?.identity).toBe(
        `Notion workspace ${workspace.workspace.id}`,
      );
      const writesBefore = writes();

      env.proxy.setRules([{ path: '/v1/search', fault: { kind: 'empty' } }]);
      const lost = await runCli(['run', '--config', setup.config, ...NOW]);
      expect(lost.code).toBe(3);
      expect(lost.stderr).toMatch(/Notion listed 0 pages where the ledger had \d+ \(100 % gone/);
      expect(lost.stderr).toContain('handbook-lint run --accept-shrink');
      expect(readFileSync(setup.state, 'utf8')).toBe(ledger);
      expect(readFileSync(setup.findings, 'utf8')).toBe(page);
      expect(writes()).toBe(writesBefore); // no comment, no page

      const accepted = await runCli(['run', '--config', setup.config, '--accept-shrink', ...NOW]);
      expect(accepted.code).toBe(0);
      expect(readState(setup.state).findings).toEqual({});
      expect(readState(setup.state).runs.at(-1)?.fixed).toBeGreaterThan(0);
    },
    SLOW_MS,
  );

  it(
    'sync: an empty listing deletes no file of the mirror and exits 3; --accept-shrink takes it',
    async () => {
      const setup = notionSetup(env.proxy);
      const out = tempTree({});
      const first = await runCli(['sync', '--config', setup.config, '--out', out]);
      expect(first.code).toBe(0);
      const mirrored = readdirSync(out, { recursive: true }).length;
      expect(mirrored).toBeGreaterThan(10);
      const ledger = readFileSync(setup.state, 'utf8');

      env.proxy.setRules([{ path: '/v1/search', fault: { kind: 'empty' } }]);
      const lost = await runCli(['sync', '--config', setup.config, '--out', out]);
      expect(lost.code).toBe(3);
      expect(lost.stderr).toContain('handbook-lint sync --accept-shrink');
      expect(readdirSync(out, { recursive: true }).length).toBe(mirrored);
      expect(readFileSync(setup.state, 'utf8')).toBe(ledger);

      const accepted = await runCli(['sync', '--config', setup.config, '--out', out, '--accept-shrink']);
      expect(accepted.code).toBe(0);
      expect(readdirSync(out, { recursive: true }).length).toBeLessThan(mirrored);
    },
    SLOW_MS,
  );

  it(
    'a listing that lost a quarter of the pages is refused; state.max-shrink can allow it',
    async () => {
      const setup = notionSetup(env.proxy);
      expect((await runCli(['run', '--config', setup.config, ...NOW])).code).toBe(0);
      const ledger = readFileSync(setup.state, 'utf8');
      const listed = readState(setup.state).sources.notion?.listed ?? 0;
      env.proxy.setRules([
        { path: '/v1/search', when: searchFor('page'), fault: { kind: 'shrink', keep: 40 } },
      ]);
      const shrunk = await runCli(['run', '--config', setup.config, ...NOW]);
      expect(shrunk.code).toBe(3);
      expect(shrunk.stderr).toContain(`where the ledger had ${listed}`);
      expect(readFileSync(setup.state, 'utf8')).toBe(ledger);

      const lenient = notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        {},
        {
          'fail-on': 'never',
          state: { path: setup.state, 'max-shrink': 0.5 },
        },
      );
      expect((await runCli(['run', '--config', lenient, ...NOW])).code).toBe(0);
    },
    SLOW_MS,
  );

  it('an incomplete search with no roots to walk is not taken as the truth', async () => {
    const setup = notionSetup(env.proxy);
    expect((await runCli(['run', '--config', setup.config, ...NOW])).code).toBe(0);
    const ledger = readFileSync(setup.state, 'utf8');
    env.proxy.setRules([
      { path: '/v1/search', when: searchFor('page'), times: 1, fault: { kind: 'incomplete' } },
    ]);
    const run = await runCli(['run', '--config', setup.config, ...NOW]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('request_status "incomplete"');
    expect(readFileSync(setup.state, 'utf8')).toBe(ledger);
  });

  it('merges pages search returns twice: the same pages and findings as a clean listing', async () => {
    const clean = notionSetup(env.proxy);
    const expected = JSON.parse(
      (await runCli(['run', '--config', clean.config, '--format', 'json', ...NOW])).stdout,
    ) as JsonReport;
    env.proxy.setRules([{ path: '/v1/search', fault: { kind: 'duplicate' } }]);
    const doubled = notionSetup(env.proxy);
    const result = await runCli(['run', '--config', doubled.config, '--format', 'json', ...NOW]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.summary).toEqual(expected.summary);
    expect(report.findings.map((f) => f.fingerprint)).toEqual(expected.findings.map((f) => f.fingerprint));
  });

  it('stops at a next_cursor it has seen before and refuses the listing', async () => {
    const setup = notionSetup(env.proxy);
    expect((await runCli(['run', '--config', setup.config, ...NOW])).code).toBe(0);
    const ledger = readFileSync(setup.state, 'utf8');
    env.proxy.setRules([{ path: '/v1/search', when: searchFor('page'), fault: { kind: 'loop' } }]);
    env.proxy.log.splice(0);
    const run = await runCli(['run', '--config', setup.config, ...NOW]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('repeated a next_cursor');
    expect(env.proxy.log.filter((e) => e.fault === 'loop')).toHaveLength(2); // the first page, then the repeat
    expect(readFileSync(setup.state, 'utf8')).toBe(ledger);
  });

  it(
    'refuses a ledger written for another workspace, and stamps a ledger that names none',
    async () => {
      const setup = notionSetup(env.proxy);
      expect((await runCli(['run', '--config', setup.config, ...NOW])).code).toBe(0);
      const other: NotionFixture = {
        ...workspace,
        workspace: { ...workspace.workspace, id: '0b5c1a52-2b1e-4a4e-9c11-5d0e8f3a7e21' },
      };
      const elsewhere = await startNotionEmulator({ fixture: other });
      try {
        const config = notionConfigFile(elsewhere, {}, { 'fail-on': 'never', state: { path: setup.state } });
        const ledger = readFileSync(setup.state, 'utf8');
        const run = await runCli(['run', '--config', config, ...NOW]);
        expect(run.code).toBe(3);
        expect(run.stderr).toContain(`The ledger was written for Notion workspace ${workspace.workspace.id}`);
        expect(readFileSync(setup.state, 'utf8')).toBe(ledger);

        // A ledger from before identities were recorded is accepted once, and stamped.
        const old = readState(setup.state);
        delete old.sources.notion?.identity;
        writeFileSync(setup.state, JSON.stringify(old));
        expect((await runCli(['run', '--config', config, ...NOW])).code).toBe(0);
        expect(readState(setup.state).sources.notion?.identity).toBe(
          `Notion workspace ${other.workspace.id}`,
        );
      } finally {
        await elsewhere.close();
      }
    },
    SLOW_MS,
  );
});

describe('Notion listing under roots', () => {
  const env = notionBehindProxy({ fixture: NOTION_FIXTURE });

  it('walks the tree from the roots, so pages and databases search leaves out are still crawled', async () => {
    const fixture = JSON.parse(readFileSync(NOTION_FIXTURE, 'utf8')) as NotionFixture;
    const root = fixture.pages.find((p) => p.title === 'Engineering')?.id;
    const crawl = async () => {
      const setup = notionSetup(env.proxy, { roots: [root] });
      const run = await runCli(['run', '--config', setup.config, '--format', 'json', ...NOW]);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as JsonReport;
    };
    const expected = await crawl();
    expect(expected.summary.pages).toBe(11);
    env.proxy.setRules([{ path: '/v1/search', fault: { kind: 'empty' } }]);
    const walked = await crawl();
    expect(walked.summary).toEqual(expected.summary);
    expect(walked.findings.map((f) => f.fingerprint)).toEqual(expected.findings.map((f) => f.fingerprint));
  });
});

describe('plausibility gate on a Confluence listing', () => {
  const setup = () => {
    const config = confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      { 'max-attempts': 2 },
      {
        'fail-on': 'never',
      },
    );
    return { config, state: join(dirname(config), '.handbook-lint/state.json') };
  };

  const env = confluenceBehindProxy({ fixture: generateConfluenceSpace(450) });
  afterEach(() => env.proxy.setRules([]));

  it(
    'an empty page listing keeps the ledger and exits 3',
    async () => {
      const { config, state } = setup();
      expect((await runCli(['run', '--config', config, ...NOW])).code).toBe(0);
      const ledger = readFileSync(state, 'utf8');
      expect(readState(state).sources.confluence?.identity).toBe(`Confluence ${env.proxy.url} (all spaces)`);
      env.proxy.setRules([{ path: '/wiki/api/v2/pages', fault: { kind: 'empty' } }]);
      const run = await runCli(['run', '--config', config, ...NOW]);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/Confluence listed 0 pages where the ledger had 450/);
      expect(readFileSync(state, 'utf8')).toBe(ledger);
    },
    SLOW_MS,
  );

  it(
    'follows the label search by its whole next link, and stops at a link it has seen before',
    async () => {
      const cql = '/wiki/rest/api/content/search';
      const token = 'hl-proxy-page';
      // A follow-up without the extra parameter Confluence put in its next link is dropped.
      env.proxy.setRules([
        {
          path: cql,
          when: (url) => url.searchParams.has('cursor') && !url.searchParams.has(token),
          fault: { kind: 'reset' },
        },
        {
          path: cql,
          fault: {
            kind: 'transform',
            change: (json) =>
              typeof json._links?.next === 'string'
                ? { ...json, _links: { ...json._links, next: `${json._links.next}&${token}=1` } }
                : json,
          },
        },
      ]);
      const { config, state } = setup();
      const whole = await runCli(['run', '--config', config, ...NOW]);
      expect(whole.code).toBe(0);
      expect(existsSync(state)).toBe(true);

      env.proxy.setRules([{ path: cql, fault: { kind: 'loop' } }]);
      env.proxy.log.splice(0);
      const ledger = readFileSync(state, 'utf8');
      const looped = await runCli(['run', '--config', config, ...NOW]);
      expect(looped.code).toBe(3);
      expect(looped.stderr).toContain("Confluence's label search sent a next link it had sent before");
      expect(env.proxy.log.filter((e) => e.path === cql)).toHaveLength(2);
      expect(readFileSync(state, 'utf8')).toBe(ledger);
    },
    SLOW_MS,
  );
});

describe('Confluence pages in Cloud folders', () => {
  const site = JSON.parse(readFileSync(CONFLUENCE_FIXTURE, 'utf8')) as ConfluenceFixtureInput;
  const home = '98305'; // Handbook Home
  // Handbook Home > Policies > Team policies > Meeting Policy, and Handbook Home > Policies > Decision Log > DR-…
  const folders = [
    { id: '98400', title: 'Policies', spaceId: '98304', parentId: home },
    { id: '98401', title: 'Team policies', spaceId: '98304', parentId: '98400' },
  ];
  const moved: Record<string, string> = { '98308': '98401', '98309': '98400' };

  const emulator = confluenceEmulatorForSuite(() => {
    const pages = site.pages.map((p) => (moved[p.id] ? { ...p, parentId: moved[p.id] as string } : p));
    return { ...site, pages, folders };
  });

  it('keeps folders in breadcrumbs, hangs their pages below the page above, and crawls them under roots', async () => {
    const config = await loadConfig(confluenceConfigFile(emulator(), { roots: [home] }));
    const pages: Page[] = [];
    await run(config, { now: new Date('2026-06-01T00:00:00Z'), onPage: (p) => pages.push(p) });
    const byTitle = (title: string) => pages.find((p) => p.title === title);
    expect(byTitle('Meeting Policy')).toMatchObject({
      path: 'Handbook/Handbook Home/Policies/Team policies/Meeting Policy',
      parent: `confluence:${home}`,
    });
    expect(byTitle('Decision Log')?.parent).toBe(`confluence:${home}`);
    expect(byTitle('DR-001: Use cursor pagination for all list APIs')?.path).toBe(
      'Handbook/Handbook Home/Policies/Decision Log/DR-001: Use cursor pagination for all list APIs',
    );
    expect(pages.some((p) => p.title === 'Policies')).toBe(false); // a folder is no page
    expect(emulator().log.filter((e) => e.path.startsWith('/wiki/api/v2/folders/'))).toHaveLength(2);
  });
});
