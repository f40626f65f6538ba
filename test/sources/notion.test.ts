import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Page } from '../../src/model/page.js';
import type { LintResult } from '../../src/model/result.js';
import { notionSourceSchema, toNotionConfig } from '../../src/platforms/notion/config.js';
import type { CrawlProgress } from '../../src/progress.js';
import { run } from '../../src/run.js';
import {
  generateNotionWorkspace,
  loadNotionFixture,
  type NotionEmulator,
  type NotionFixture,
  startNotionEmulator,
} from '../emulators/notion.js';
import { NOTION_FIXTURE, notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const PLANTED_RULES = new Set(['decision-status', 'stale-page', 'orphan-page', 'broken-link']);

/** The planted problems: (rule, page title), sorted. */
const PLANTED = [
  ['broken-link', 'Code review guidelines'], // mentions a page that does not exist
  ['decision-status', 'ADR-003: Move CI to self-hosted runners'], // Status property empty
  ['orphan-page', 'Old team rituals'], // top-level page nothing links to
  ['stale-page', 'ADR-005: Async standups in Slack threads'], // last edited 2025-03-03
  ['stale-page', 'Expense policy'], // verification expired 2025-05-20
  ['stale-page', 'Incident response runbook'], // last reviewed 2025-02-10
  ['stale-page', 'Old team rituals'], // last edited 2024-01-15
];

function planted(result: LintResult): string[][] {
  return result.findings
    .filter((f) => PLANTED_RULES.has(f.ruleId))
    .map((f) => [f.ruleId, f.page.title])
    .sort((a, b) => a.join('\0').localeCompare(b.join('\0')));
}

async function lint(emulator: NotionEmulator, notion: Record<string, unknown> = {}) {
  const config = await loadConfig(notionConfigFile(emulator, notion));
  const pages: Page[] = [];
  const progress: CrawlProgress[] = [];
  const result = await run(config, {
    now: NOW,
    onPage: (p) => pages.push(p),
    onProgress: (p) => progress.push(p),
  });
  const byTitle = (title: string): Page => {
    const page = pages.find((p) => p.title === title);
    if (!page) throw new Error(`no page "${title}"`);
    return page;
  };
  return { result, pages, byTitle, progress, config };
}

describe('Notion source on the fixture workspace', () => {
  let fixture: NotionFixture;
  let emulator: NotionEmulator;
  const idOf = (title: string): string => {
    const page = fixture.pages.find((p) => p.title === title);
    if (!page) throw new Error(`no fixture page "${title}"`);
    return page.id;
  };
  const markdownPath = (title: string) => `/v1/pages/${idOf(title)}/markdown`;

  beforeAll(async () => {
    fixture = await loadNotionFixture(NOTION_FIXTURE);
    emulator = await startNotionEmulator({ fixture: NOTION_FIXTURE });
    process.env[TOKEN_ENV] = emulator.token;
  });
  afterAll(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });
  afterEach(() => {
    emulator.setFaults([]);
    emulator.log.splice(0);
  });

  it('lints the workspace end to end: exactly the planted problems, unreadable pages listed', async () => {
    const { result } = await lint(emulator);
    expect(planted(result)).toEqual(PLANTED);
    expect(result.unreadable).toEqual([
      {
        key: `notion:${idOf('Security')}`,
        path: 'Acme Handbook/Security',
        reason: '403 restricted_resource: API token does not have access to this resource.',
      },
      {
        key: `notion:${idOf('Compensation bands')}`,
        path: 'Acme Handbook/People/Compensation bands',
        reason: expect.stringMatching(/^404 object_not_found: Could not find page with ID: 1f36876c-/),
      },
    ]);
    // 21 listed pages, the child it cannot open, and the two databases.
    expect(result.summary.pages).toBe(24);
    expect(emulator.log.filter((e) => e.write)).toEqual([]);
    expect(
      emulator.log.filter((e) => e.path === '/v1/search').map((e) => (e.body as { filter: unknown }).filter),
    ).toEqual([
      { property: 'object', value: 'page' },
      { property: 'object', value: 'data_source' },
    ]);
  });

  it('maps properties, parents and database rows onto the shared page model', async () => {
    const { byTitle } = await lint(emulator);
    const adr = byTitle('ADR-003: Move CI to self-hosted runners');
    const [decisionLog] = fixture.databases;
    if (!decisionLog) throw new Error('the fixture has a decision log');
    expect(adr).toMatchObject({
      key: `notion:${idOf('ADR-003: Move CI to self-hosted runners')}`,
      type: 'decision', // a row of "Decision log", which config's decision folders name
      path: 'Acme Handbook/Engineering/Decision log/ADR-003: Move CI to self-hosted runners',
      parent: `notion:${decisionLog.id}`,
      owner: 'Maya Chen',
      author: 'Maya Chen',
      labels: ['ci'],
      url: expect.stringMatching(
        /^https:\/\/www\.notion\.so\/ADR-003-Move-CI-to-self-hosted-runners-[0-9a-f]{32}$/,
      ),
      updatedAt: new Date('2026-05-12T16:00:00.000Z'),
      createdAt: new Date('2026-04-20T10:00:00.000Z'),
    });
    expect(adr.fields.status).toBeUndefined(); // `status: null` is no status
    expect(byTitle('ADR-004: Replace Jenkins with GitHub Actions').fields).toMatchObject({
      status: { value: 'Superseded' },
      'decided-on': { value: '2024-10-15' },
    });
    const expenses = byTitle('Expense policy');
    expect(expenses.type).toBeUndefined(); // "Policies" names no document type
    expect(expenses.fields).toMatchObject({
      verification: { value: 'expired' },
      'verification-expiry': { value: '2025-05-20T00:00:00.000Z' },
      'last-reviewed': { value: '2024-11-20' },
    });
    expect(expenses.updatedAt).toEqual(new Date('2024-11-20T00:00:00.000Z')); // the review date wins, as in Markdown
    const log = byTitle('Decision log');
    expect(log).toMatchObject({ key: `notion:${decisionLog.id}`, parent: `notion:${idOf('Engineering')}` });
    expect(log.links).toHaveLength(5);
    expect(byTitle('Old team rituals').parent).toBeUndefined();
  });

  it('converts enhanced markdown: mentions and child pages become links, blocks become blocks', async () => {
    const { byTitle } = await lint(emulator);
    const home = byTitle('Acme Handbook');
    expect(home.tree.children.map((n) => n.type)).toEqual([
      'paragraph',
      'heading',
      'list',
      'paragraph', // Owner: @Maya Chen
      'paragraph', // one per child page
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(home.markdown).toContain('Owner: @Maya Chen');
    expect(home.links.map((l) => l.text)).toEqual([
      'How we work',
      'Engineering',
      'People',
      'Security',
      'How we work',
      'Engineering',
      'People',
      'Security',
    ]);
    const review = byTitle('Code review guidelines');
    expect(review.links.map((l) => [l.text, l.href])).toEqual([
      ['Untitled', 'https://www.notion.so/418c28b60f96496a96bcaabb86ae010f'], // what Notion shows for a missing page
      [
        'ADR-002: Adopt cursor pagination for public APIs',
        'https://www.notion.so/c33a1fcd052747fbaef2c81d54543917',
      ],
    ]);
    expect(byTitle('How we work').markdown).toContain(
      'goes into the [Decision log](https://www.notion.so/fc8cb7339d2c4d04be5af060fced03ac).',
    );
    expect(byTitle('People').markdown).toContain(
      '[Compensation bands](https://www.notion.so/Compensation-bands-',
    );
  });

  it('follows a truncated page: the missing part is fetched by block id and spliced in place', async () => {
    const { byTitle } = await lint(emulator);
    const oncall = byTitle('On-call handbook');
    const escalation = oncall.headings.find((h) => h.text === 'Escalation matrix');
    const bookmark = oncall.markdown.indexOf('alt="bookmark"'); // unsupported block: shown, nothing to fetch
    expect(escalation).toBeDefined();
    expect(oncall.markdown.indexOf('## Escalation matrix')).toBeLessThan(bookmark);
    expect(oncall.markdown).toContain('then @Priya Nair.');
    expect(oncall.markdown).not.toContain('alt="toggle"');
    expect(oncall.unreadable).toBeUndefined();
    const truncated = fixture.pages.find((p) => p.title === 'On-call handbook')?.unknownBlocks?.[0];
    expect(emulator.log.filter((e) => e.path === `/v1/pages/${truncated?.id}/markdown`)).toHaveLength(1);
  });

  it('crawls only the subtrees under configured roots', async () => {
    const { pages } = await lint(emulator, {
      roots: [`https://www.notion.so/Engineering-${idOf('Engineering').replace(/-/g, '')}`],
    });
    expect(pages.map((p) => p.path).every((path) => path.startsWith('Acme Handbook/Engineering'))).toBe(true);
    expect(pages.map((p) => p.title)).toEqual(
      expect.arrayContaining([
        'Engineering',
        'Decision log',
        'ADR-001: Use Postgres for the billing service',
      ]),
    );
    expect(pages).toHaveLength(11); // Engineering, its 4 child pages, the decision log and its 5 rows
    expect(emulator.log.some((e) => e.path === markdownPath('People'))).toBe(false);
    // A root the integration cannot see is a config error, not an empty (clean) handbook.
    await expect(lint(emulator, { roots: [idOf('Compensation bands')] })).rejects.toMatchObject({
      code: 'SOURCE_NOT_FOUND',
      message: expect.stringContaining(
        '1f36876c-58b1-4c4e-80de-f5946d4621bf (sources.notion.roots) is not among',
      ),
    });
  });

  it('waits out a 429 with the whole queue paused, and loses nothing', async () => {
    const baseline = planted((await lint(emulator)).result);
    emulator.log.splice(0);
    emulator.setFaults([{ path: '/v1/pages/*/markdown', status: 429, retryAfterSeconds: 1, times: 2 }]);
    const { result, progress } = await lint(emulator);
    expect(planted(result)).toEqual(baseline);
    expect(result.unreadable).toHaveLength(2); // only the planted ones
    const limited = emulator.log.filter((e) => e.status === 429);
    expect(limited).toHaveLength(2);
    for (const entry of limited) {
      const answeredAt = entry.startedAt + entry.durationMs;
      // Requests already sent when the 429 left may still land: 300 ms of slack, as a loaded machine (load
      // 10-12) delivered them later than 50 ms; then nothing starts until Retry-After is over, a pause
      // of 700 ms no queue that kept sending would leave.
      const during = emulator.log.filter(
        (e) => e.startedAt > answeredAt + 300 && e.startedAt < answeredAt + 1000,
      );
      expect(during).toEqual([]);
      // The limited request itself was tried again and succeeded.
      expect(emulator.log.filter((e) => e.path === entry.path).map((e) => e.status)).toContain(200);
    }
    expect(progress.at(-1)).toMatchObject({ done: true, rateLimited: 2 });
  });

  it('retries 500 and 503 on reads (listing included) so no page is lost', async () => {
    emulator.setFaults([
      { path: '/v1/search', status: 503 },
      { path: markdownPath('How we work'), status: 500 },
      { path: markdownPath('Engineering'), status: 503 },
    ]);
    const { result, progress } = await lint(emulator);
    expect(planted(result)).toEqual(PLANTED);
    expect(result.unreadable).toHaveLength(2);
    expect(emulator.log.filter((e) => e.path === markdownPath('How we work')).map((e) => e.status)).toEqual([
      500, 200,
    ]);
    expect(emulator.log.filter((e) => e.path === markdownPath('Engineering')).map((e) => e.status)).toEqual([
      503, 200,
    ]);
    expect(progress.at(-1)).toMatchObject({ retries: 3, rateLimited: 0 });
  });
});

describe('Notion source on a generated workspace', () => {
  let emulator: NotionEmulator;
  const workspace = generateNotionWorkspace(250, 3);

  beforeAll(async () => {
    emulator = await startNotionEmulator({ fixture: workspace });
    process.env[TOKEN_ENV] = emulator.token;
  });
  afterAll(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it('pages through a listing of more than 100 pages and fetches each page once', async () => {
    const { pages, result, progress } = await lint(emulator);
    expect(pages).toHaveLength(251); // 250 pages and the decision log
    expect(new Set(pages.map((p) => p.key)).size).toBe(251);
    expect(result.unreadable).toEqual([]);
    const searches = emulator.log.filter((e) => e.path === '/v1/search');
    expect(searches).toHaveLength(4); // 3 for pages (100 + 100 + 50), 1 for data sources
    expect(emulator.log.filter((e) => e.path.endsWith('/markdown'))).toHaveLength(250);
    expect(progress.at(-1)).toMatchObject({
      listed: 250,
      fetched: 250,
      cached: 0,
      left: 0,
      // Block reads after the crawl (heading links for findings) go through a client of their own.
      requests: emulator.log.filter((e) => !e.path.startsWith('/v1/blocks/')).length,
    });
  }, 60_000);
});

describe('Notion source config', () => {
  it('has defaults for everything but the location of the token', () => {
    expect(toNotionConfig(notionSourceSchema.parse({}))).toEqual({
      tokenEnv: 'NOTION_TOKEN',
      baseUrl: 'https://api.notion.com',
      roots: [],
      requestsPerSecond: 3,
      concurrency: 3,
      timeoutMs: 30_000,
      maxAttempts: 4,
    });
  });

  it('normalizes roots given as URLs or ids, and rejects unknown keys and a token in the file', () => {
    const config = toNotionConfig(
      notionSourceSchema.parse({
        roots: [
          'https://www.notion.so/acme/Engineering-3bedbdac149249d5b700e09e45dfa456',
          '3bedbdac149249d5b700e09e45dfa456',
        ],
      }),
    );
    expect(config.roots).toEqual([
      '3bedbdac-1492-49d5-b700-e09e45dfa456',
      '3bedbdac-1492-49d5-b700-e09e45dfa456',
    ]);
    expect(notionSourceSchema.safeParse({ token: 'secret_x' }).success).toBe(false);
    expect(notionSourceSchema.safeParse({ roots: ['not a page'] }).success).toBe(false);
  });
});
