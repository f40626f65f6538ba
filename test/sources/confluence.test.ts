import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Page } from '../../src/model/page.js';
import type { LintResult } from '../../src/model/result.js';
import { confluenceSourceSchema, toConfluenceConfig } from '../../src/platforms/confluence/config.js';
import type { CrawlProgress } from '../../src/progress.js';
import { run } from '../../src/run.js';
import { loadState, type State } from '../../src/state.js';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { runCli } from '../helpers/cli.js';
import {
  CONFLUENCE_FIXTURE,
  confluenceConfigFile,
  EMAIL,
  EMAIL_ENV,
  TOKEN,
  TOKEN_ENV,
} from '../helpers/confluence.js';

const NOW = new Date('2026-10-15T00:00:00Z');
// Crawls wait out Retry-After and backoff, and the generated space is 600 pages: more than vitest's 5 s on a busy machine.
const SLOW_MS = 60_000;
const PLANTED_RULES = new Set([
  'decision-status',
  'decision-rationale',
  'stale-page',
  'orphan-page',
  'broken-link',
  'meeting-outcomes',
  'action-items',
  'front-matter',
]);
const byText = (a: string[], b: string[]) => a.join('\0').localeCompare(b.join('\0'));

/** The planted problems: (rule, page title), sorted. */
const PLANTED = [
  ['action-items', '2026-09-14 Weekly Sync'], // "Book the offsite venue": no owner, no due date
  ['broken-link', 'Onboarding Guide'], // "Laptop Setup Checklist" is no page's title
  ...Array(8).fill(['broken-link', 'Sample: links']), // upstream test data: 7 unknown titles and href="foo"
  ['decision-rationale', 'DR-003: Move standups to async threads'], // a decision without a reason
  ['decision-status', 'DR-002: Adopt Postgres for the billing service'], // no status macro, no Status row
  ['meeting-outcomes', '2026-09-21 Weekly Sync'], // neither decisions nor action items
  ['orphan-page', 'Offsite Ideas 2024'], // root-level page nothing links to
  ['stale-page', 'Tool Guide'], // last reviewed 2025-02-14
].sort(byText);

function planted(result: LintResult): string[][] {
  return result.findings
    .filter((f) => PLANTED_RULES.has(f.ruleId))
    .map((f) => [f.ruleId, f.page.title])
    .sort(byText);
}

async function lint(
  configFile: string,
  options: { full?: boolean; onProgress?: (p: CrawlProgress) => void } = {},
) {
  const config = await loadConfig(configFile);
  const pages: Page[] = [];
  const progress: CrawlProgress[] = [];
  const result = await run(config, {
    now: NOW,
    onPage: (p) => pages.push(p),
    onProgress: (p) => {
      progress.push(p);
      options.onProgress?.(p);
    },
    ...(options.full ? { full: true } : {}),
  });
  const byTitle = (title: string): Page => {
    const page = pages.find((p) => p.title === title);
    if (!page) throw new Error(`no page "${title}"`);
    return page;
  };
  return { result, pages, byTitle, progress, config };
}

const requests = (emulator: ConfluenceEmulator) =>
  emulator.log.map((e) => `${e.method} ${e.path} ${e.status}`);

function stateOf(configFile: string): Promise<State> {
  return loadState(join(dirname(configFile), '.handbook-lint/state.json'));
}

beforeAll(() => {
  process.env[EMAIL_ENV] = EMAIL;
  process.env[TOKEN_ENV] = TOKEN;
});
afterAll(() => {
  delete process.env[EMAIL_ENV];
  delete process.env[TOKEN_ENV];
});

describe('Confluence source on the fixture site', () => {
  let emulator: ConfluenceEmulator;

  beforeAll(async () => {
    emulator = await startConfluenceEmulator({ fixture: CONFLUENCE_FIXTURE });
  });
  afterAll(() => emulator.close());
  afterEach(() => {
    emulator.clearFaults();
    emulator.rateLimit(null);
    emulator.log.length = 0;
  });

  it('lints both spaces end to end in five requests: exactly the planted problems', async () => {
    const { result, progress } = await lint(confluenceConfigFile(emulator));
    expect(planted(result)).toEqual(PLANTED);
    expect(result.unreadable).toEqual([
      {
        key: 'confluence:131076',
        path: 'Engineering/Security incident postmortem (restricted)',
        reason: '403 Forbidden: Not permitted to view content with id: 131076',
      },
    ]);
    // 23 pages: the archived one is not current, the restricted one is listed unreadable.
    expect(result.summary.pages).toBe(22);
    const [spaces, ...rest] = requests(emulator);
    expect(spaces).toBe('GET /wiki/api/v2/spaces 200');
    // The listing, the label search and the name look-up overlap, so their order varies.
    expect(rest.slice(0, 3).sort()).toEqual([
      'GET /wiki/api/v2/pages 200', // every page with its body, in one page of 250
      'GET /wiki/rest/api/content/search 200', // labels
      'POST /wiki/api/v2/users-bulk 200', // owners, authors and mentions at once
    ]);
    expect(rest.slice(3)).toEqual([
      'GET /wiki/api/v2/pages/131076 403', // linked by URL but not listed: restricted
    ]);
    expect(emulator.log.find((e) => e.path === '/wiki/api/v2/pages')?.query).toEqual({
      status: 'current',
      sort: 'created-date',
      'body-format': 'storage',
      limit: '250',
    });
    expect(emulator.log.filter((e) => e.write)).toEqual([]);
    expect(progress.at(-1)).toMatchObject({
      done: true,
      listed: 21,
      fetched: 21,
      cached: 0,
      left: 0,
      requests: 5,
    });
  });

  it('maps page properties, labels, owners and the page tree onto the shared model', async () => {
    const { byTitle } = await lint(confluenceConfigFile(emulator));
    const dr1 = byTitle('DR-001: Use cursor pagination for all list APIs');
    expect(dr1).toMatchObject({
      key: 'confluence:98310',
      type: 'decision', // label "decision"
      path: 'Handbook/Handbook Home/Decision Log/DR-001: Use cursor pagination for all list APIs',
      parent: 'confluence:98309',
      labels: ['decision', 'api'],
      owner: 'Björn Lindqvist', // the Owner row wins over ownerId
      author: 'Björn Lindqvist',
      url: `${emulator.url}/wiki/spaces/HB/pages/98310/DR-001%3A+Use+cursor+pagination+for+all+list+APIs`,
      createdAt: expect.any(Date),
      updatedAt: new Date('2026-09-03T00:00:00Z'), // the Date row is newer information than nothing
      problems: [],
    });
    expect(dr1.fields).toMatchObject({
      status: { value: 'Accepted', position: { start: { line: 2 } } },
      approver: { value: 'Ana Souza' },
    });
    expect(dr1.markdown).toContain('- Decision: Use opaque cursors for every list endpoint');
    expect(byTitle('Handbook Home')).toMatchObject({ type: 'index', owner: 'Ana Souza' });
    expect(byTitle('Meeting Notes').type).toBe('index'); // labelled index: not itself meeting notes
    expect(byTitle('2026-09-21 Weekly Sync').type).toBe('meeting-notes');
    const offsite = byTitle('Offsite Ideas 2024');
    expect(offsite.parent).toBeUndefined();
    expect(offsite.owner).toBe('Ana Souza'); // ownerId, resolved in bulk
    expect(byTitle('Tool Guide').updatedAt).toEqual(new Date('2025-02-14T00:00:00Z'));
    expect(byTitle('Escalation Path').links.map((l) => l.href)).toContain(
      `${emulator.url}/wiki/spaces/ENG/pages/131075#Rollback`,
    );
    expect(byTitle('Onboarding Guide').markdown).toContain(
      `[Laptop Setup Checklist](${emulator.url}/wiki/spaces/HB/pages/title/Laptop%20Setup%20Checklist)`,
    );
  });

  it('crawls only the configured spaces; links into other spaces stay unchecked', async () => {
    const { pages, result } = await lint(confluenceConfigFile(emulator, { spaces: ['ENG'] }));
    expect(pages.map((p) => p.path.split('/')[0])).toEqual(Array(pages.length).fill('Engineering'));
    expect(pages).toHaveLength(7); // 6 listed and the restricted one
    expect(planted(result)).toEqual(Array(8).fill(['broken-link', 'Sample: links']));
    expect(pages.find((p) => p.title === 'Engineering Home')?.links[0]?.href).toBe(
      `${emulator.url}/wiki/display/HB/Handbook+Home`,
    );
    const search = emulator.log.find((e) => e.path === '/wiki/rest/api/content/search');
    expect(search?.query.cql).toBe('type = page AND space IN ("ENG") ORDER BY created');
    expect(emulator.log.find((e) => e.path === '/wiki/api/v2/pages')?.query['space-id']).toBe('131073');
  });

  it('crawls only the subtrees under roots, fetching their bodies in bulk', async () => {
    const { pages } = await lint(confluenceConfigFile(emulator, { roots: ['98309'] }));
    expect(pages.map((p) => p.title)).toEqual([
      'Decision Log',
      'DR-001: Use cursor pagination for all list APIs',
      'DR-002: Adopt Postgres for the billing service',
      'DR-003: Move standups to async threads',
    ]);
    const bulk = emulator.log.filter((e) => e.path === '/wiki/api/v2/pages' && e.query.id);
    expect(bulk.map((e) => e.query.id)).toEqual([['98309', '98310', '98311', '98312']]);
    await expect(lint(confluenceConfigFile(emulator, { roots: ['131076'] }))).rejects.toMatchObject({
      code: 'SOURCE_NOT_FOUND',
      message:
        'Confluence root page 131076 (sources.confluence.roots) cannot be read: 403 Forbidden: Not permitted to view content with id: 131076',
    });
  });

  it(
    'waits out a 429 with the whole queue paused, and loses nothing',
    async () => {
      emulator.fault({ path: '/wiki/api/v2/pages', status: 429, retryAfterSeconds: 1 });
      const { result, progress } = await lint(confluenceConfigFile(emulator));
      expect(planted(result)).toEqual(PLANTED);
      const [limited] = emulator.log.filter((e) => e.status === 429);
      const answeredAt = (limited?.startedAt ?? 0) + (limited?.durationMs ?? 0);
      const retry = emulator.log.find((e) => e.path === '/wiki/api/v2/pages' && e.status === 200);
      expect(retry?.startedAt).toBeGreaterThanOrEqual(answeredAt + 950);
      expect(progress.at(-1)).toMatchObject({ rateLimited: 1, retries: 1 });
    },
    SLOW_MS,
  );

  it(
    'retries 5xx and a truncated JSON body on reads',
    async () => {
      emulator.fault({ path: '/wiki/api/v2/pages', status: 503 });
      emulator.fault({ path: '/wiki/rest/api/content/search', malformed: true });
      emulator.fault({ path: '/wiki/api/v2/users-bulk', status: 502 });
      const { result, progress } = await lint(confluenceConfigFile(emulator));
      expect(planted(result)).toEqual(PLANTED);
      const tried = (path: string) => requests(emulator).filter((r) => r.split(' ')[1] === path);
      expect(tried('/wiki/api/v2/pages')).toEqual([
        'GET /wiki/api/v2/pages 503',
        'GET /wiki/api/v2/pages 200',
      ]);
      expect(tried('/wiki/rest/api/content/search')).toEqual([
        'GET /wiki/rest/api/content/search 200', // cut short: confluence.js reports a schema mismatch
        'GET /wiki/rest/api/content/search 200',
      ]);
      expect(tried('/wiki/api/v2/users-bulk')).toEqual([
        'POST /wiki/api/v2/users-bulk 502',
        'POST /wiki/api/v2/users-bulk 200',
      ]);
      expect(progress.at(-1)).toMatchObject({ retries: 3, rateLimited: 0 });
    },
    SLOW_MS,
  );

  it('exits 3 with the restricted page reported, and 2 with a clear message when the token is rejected', async () => {
    const partial = await runCli(['run', '--config', confluenceConfigFile(emulator), '--now', '2026-10-15']);
    expect(partial.code).toBe(3);
    expect(partial.stdout).toContain(
      'Engineering/Security incident postmortem (restricted): 403 Forbidden: Not permitted to view content with id: 131076',
    );
    const secret = 'atlassian-api-token-9f8e7d';
    process.env[TOKEN_ENV] = secret;
    try {
      const rejected = await runCli(['run', '--config', confluenceConfigFile(emulator)]);
      expect(rejected.code).toBe(2);
      expect(rejected.stderr).toContain(
        `Confluence rejected the credentials in ${EMAIL_ENV} and ${TOKEN_ENV} (401 unauthorized)`,
      );
      expect(rejected.stdout + rejected.stderr).not.toContain(secret);
      delete process.env[TOKEN_ENV];
      const missing = await runCli(['run', '--config', confluenceConfigFile(emulator)]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(`No Confluence credentials: set ${TOKEN_ENV}`);
    } finally {
      process.env[TOKEN_ENV] = TOKEN;
    }
    expect(emulator.log.filter((e) => e.status === 401)).toHaveLength(1); // never retried
  });
});

describe('Confluence incremental crawl', () => {
  let emulator: ConfluenceEmulator;
  let configFile: string;

  beforeEach(async () => {
    emulator = await startConfluenceEmulator({ fixture: CONFLUENCE_FIXTURE });
    configFile = confluenceConfigFile(emulator);
    await lint(configFile); // the first run leaves the ledger behind
    emulator.log.length = 0;
  });
  afterEach(() => emulator.close());

  it('lists versions only and fetches just the edited body; deleted pages drop out', async () => {
    emulator.editPage('98317', {
      body: '<ac:structured-macro ac:name="details"><ac:rich-text-body><table><tbody><tr><th>Owner</th><td>Émile</td></tr><tr><th>Last reviewed</th><td><time datetime="2026-10-14" /></td></tr></tbody></table></ac:rich-text-body></ac:structured-macro><p>Reviewed.</p>',
    });
    emulator.deletePage('98320'); // archived, never crawled
    emulator.deletePage('98319');
    const { result, pages, progress } = await lint(configFile);
    expect(planted(result)).toEqual(
      PLANTED.filter(([rule, title]) => !(rule === 'stale-page' || title === 'Offsite Ideas 2024')),
    );
    const listing = emulator.log.filter((e) => e.path === '/wiki/api/v2/pages');
    expect(listing.map((e) => e.query)).toEqual([
      { status: 'current', sort: 'created-date', limit: '250' }, // no bodies
      { id: '98317', 'body-format': 'storage', limit: '250' },
    ]);
    expect(pages.find((p) => p.title === 'Tool Guide')?.markdown).toContain('Reviewed.');
    expect(progress.at(-1)).toMatchObject({ listed: 20, fetched: 1, cached: 19 });
    const cached = (await stateOf(configFile)).sources.confluence?.pages ?? {};
    expect(cached['98317']?.version).toBe('12');
    expect(Object.keys(cached)).not.toContain('98319');
    expect(Object.keys(cached)).toHaveLength(20);
  });

  it('refetches every body with --full', async () => {
    const { result } = await lint(configFile, { full: true });
    expect(planted(result)).toEqual(PLANTED);
    expect(emulator.log.filter((e) => e.path === '/wiki/api/v2/pages').map((e) => e.query)).toEqual([
      { status: 'current', sort: 'created-date', 'body-format': 'storage', limit: '250' },
    ]);
  });

  it('reports a page hidden or deleted between listing and fetch as unreadable', async () => {
    emulator.editPage('98316', { body: '<p>Edited.</p>' });
    emulator.editPage('98318', { body: '<p>Edited.</p>' });
    let hidden = false;
    const { result } = await lint(configFile, {
      onProgress: (p) => {
        if (hidden || p.listed === 0) return;
        hidden = true; // after the listing, before the bodies
        emulator.setPageAccess('98316', 404);
        emulator.setPageAccess('98318', 403);
      },
    });
    expect(result.unreadable.map((u) => [u.path, u.reason])).toEqual([
      ['Handbook/Handbook Home/Onboarding Guide', '404 Not Found: No content found with id: 98316'],
      [
        'Handbook/Handbook Home/Escalation Path',
        '403 Forbidden: Not permitted to view content with id: 98318',
      ],
      [
        'Engineering/Security incident postmortem (restricted)',
        '403 Forbidden: Not permitted to view content with id: 131076',
      ],
    ]);
    // Never judged: an unreadable page is neither broken nor an orphan.
    expect(planted(result)).not.toContainEqual(['broken-link', 'Onboarding Guide']);
  });

  it('reports a malformed body as a page problem, not a crash', async () => {
    emulator.editPage('98319', { body: '<p>Brainstorm: <strong>Lisbon</p>' });
    const { result } = await lint(configFile);
    const problems = result.findings.filter((f) => f.ruleId === 'front-matter');
    expect(problems.map((f) => [f.page.title, f.message])).toEqual([
      [
        'Offsite Ideas 2024',
        "The page's storage format is not well-formed XML (line 1, column 30: expected </strong>, found </p>); it was read as far as possible.",
      ],
    ]);
  });
});

describe('Confluence source on a generated space', () => {
  let emulator: ConfluenceEmulator;

  beforeAll(async () => {
    emulator = await startConfluenceEmulator({ fixture: generateConfluenceSpace(600) });
  });
  afterAll(() => emulator.close());
  afterEach(() => {
    emulator.clearFaults();
    emulator.log.length = 0;
  });

  it(
    'pages through 600 pages in listings of 250 and labels in searches of 200',
    async () => {
      const { pages, result, progress } = await lint(confluenceConfigFile(emulator));
      expect(pages).toHaveLength(600);
      expect(new Set(pages.map((p) => p.key)).size).toBe(600);
      expect(result.unreadable).toEqual([]);
      const count = (path: string) => emulator.log.filter((e) => e.path === path).length;
      expect(count('/wiki/api/v2/pages')).toBe(3);
      expect(count('/wiki/rest/api/content/search')).toBe(3);
      expect(count('/wiki/api/v2/users-bulk')).toBe(1);
      expect(emulator.log).toHaveLength(8);
      expect(pages.filter((p) => p.type === 'decision').length).toBeGreaterThan(0);
      expect(progress.at(-1)).toMatchObject({ listed: 600, fetched: 600, left: 0, requests: 8 });
    },
    SLOW_MS,
  );

  it(
    'fails with SOURCE_FAILED when the listing hangs halfway, writes no ledger, and a rerun completes',
    async () => {
      const configFile = confluenceConfigFile(emulator, { 'timeout-ms': 2_000, 'max-attempts': 2 });
      let armed = false;
      const interrupted = lint(configFile, {
        onProgress: (p) => {
          if (armed || p.listed !== 250) return;
          armed = true; // the first 250 are in; every later listing request hangs
          emulator.fault({ path: '/wiki/api/v2/pages', hang: true, times: Number.POSITIVE_INFINITY });
        },
      });
      await expect(interrupted).rejects.toMatchObject({
        code: 'SOURCE_FAILED',
        message: 'Confluence page listing failed: timeout: no answer within 2000 ms',
      });
      expect(emulator.log.filter((e) => e.path === '/wiki/api/v2/pages').map((e) => e.status)).toEqual([
        200, 0, 0,
      ]);
      expect(existsSync(join(dirname(configFile), '.handbook-lint/state.json'))).toBe(false);
      emulator.clearFaults();
      const { pages } = await lint(configFile);
      expect(pages).toHaveLength(600);
      expect(Object.keys((await stateOf(configFile)).sources.confluence?.pages ?? {})).toHaveLength(600);
    },
    SLOW_MS,
  );
});

describe('Confluence source config', () => {
  it('needs only the site URL; credentials come from environment variables', () => {
    expect(
      toConfluenceConfig(confluenceSourceSchema.parse({ 'site-url': 'https://acme.atlassian.net/wiki/' })),
    ).toEqual({
      siteUrl: 'https://acme.atlassian.net',
      emailEnv: 'CONFLUENCE_EMAIL',
      tokenEnv: 'CONFLUENCE_TOKEN',
      spaces: [],
      roots: [],
      requestsPerSecond: 10,
      concurrency: 4,
      timeoutMs: 30_000,
      maxAttempts: 4,
    });
  });

  it('takes roots as ids or page URLs, and rejects unknown keys and a token in the file', () => {
    const config = toConfluenceConfig(
      confluenceSourceSchema.parse({
        'site-url': 'https://acme.atlassian.net',
        roots: [
          '98309',
          'https://acme.atlassian.net/wiki/spaces/HB/pages/98310/DR-001',
          'https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=98311',
        ],
      }),
    );
    expect(config.roots).toEqual(['98309', '98310', '98311']);
    const site = { 'site-url': 'https://acme.atlassian.net' };
    expect(confluenceSourceSchema.safeParse({ ...site, token: 'secret' }).success).toBe(false);
    expect(confluenceSourceSchema.safeParse({ ...site, roots: ['Decision Log'] }).success).toBe(false);
    expect(confluenceSourceSchema.safeParse({ ...site, spaces: ['H B'] }).success).toBe(false);
    expect(confluenceSourceSchema.safeParse({}).success).toBe(false);
  });
});
