import { fileURLToPath } from 'node:url';
import {
  createV1Client,
  createV2Client,
  isApiError,
  isAuthError,
  isForbiddenError,
  isNotFoundError,
  isRateLimitError,
  isSchemaMismatchError,
} from 'confluence.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ConfluenceEmulator, startConfluenceEmulator } from './confluence.js';
import { generateConfluenceSpace, loadConfluenceFixture } from './confluence-fixture.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/confluence/space.json', import.meta.url));
const AUTH = { type: 'basic', email: 'bot@example.com', apiToken: 'test-token' } as const;
const HB = '98304';

const clients = (emulator: ConfluenceEmulator, apiToken: string = AUTH.apiToken) => ({
  v2: createV2Client({ host: emulator.url, auth: { ...AUTH, apiToken } }),
  v1: createV1Client({ host: emulator.url, auth: { ...AUTH, apiToken } }),
});

/** The cursor a crawler takes from `_links.next` (v2: `/wiki/api/v2/...`, v1: relative to `/wiki`). */
const cursorOf = (next: string | undefined) =>
  next ? (new URL(next, 'http://site').searchParams.get('cursor') ?? undefined) : undefined;

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('confluence fixture', () => {
  const fixture = loadConfluenceFixture(FIXTURE);
  const byTitle = new Map(fixture.pages.map((p) => [p.title, p]));
  const page = (title: string) => byTitle.get(title) ?? expect.fail(`no page ${title}`);

  it('holds a small realistic site with every planted problem', () => {
    expect(fixture.pages.length).toBeGreaterThanOrEqual(12);
    expect(fixture.pages.length).toBeLessThanOrEqual(25);
    expect(page('DR-002: Adopt Postgres for the billing service').body).not.toContain('ac:name="status"');
    const decision = (title: string) => page(title).body.split('<h2>Decision</h2>')[1]?.split('<h2>')[0];
    expect(decision('DR-001: Use cursor pagination for all list APIs')).toContain('because');
    expect(decision('DR-003: Move standups to async threads')).not.toMatch(/because|since|so that/i);
    expect(page('Tool Guide').version.createdAt).toMatch(/^2025-/);
    expect(page('2026-09-21 Weekly Sync').labels).toEqual(['meeting-notes']);
    expect(page('2026-09-21 Weekly Sync').body).not.toMatch(/ac:task|decision-list/);
    expect(page('Onboarding Guide').body).toContain('ri:content-title="Laptop Setup Checklist"');
    expect(byTitle.has('Laptop Setup Checklist')).toBe(false);
    const orphan = page('Offsite Ideas 2024');
    expect(orphan.parentId).toBeNull();
    expect(fixture.pages.filter((p) => p.body.includes(orphan.title) || p.body.includes(orphan.id))).toEqual(
      [],
    );
  });

  it('uses the real storage constructs, the corpus samples included', () => {
    const all = fixture.pages.map((p) => p.body).join('\n');
    for (const construct of [
      '<ri:page ri:space-key="ENG" ri:content-title="Deploy Runbook" />',
      '<ac:structured-macro ac:name="details"',
      '<ac:task-status>incomplete</ac:task-status>',
      '<ri:user ri:account-id="',
      '<time datetime="2026-10-01" />',
      '<ac:adf-node type="decision-list">',
      '<ac:structured-macro ac:name="info"',
      '<ac:layout-section ac:type="two_right_sidebar">',
      '<![CDATA[./scripts/deploy.sh',
      '&amp;',
      '&lt; 15 min',
      '東京',
    ]) {
      expect(all).toContain(construct);
    }
    expect(fixture.pages.filter((p) => p.source?.startsWith('kovetskiy/mark'))).toHaveLength(3);
  });

  it('generates the same benchmark wiki for the same seed', () => {
    const a = generateConfluenceSpace(300, 7);
    expect(a.pages).toHaveLength(300);
    expect(generateConfluenceSpace(300, 7)).toEqual(a);
    expect(generateConfluenceSpace(300, 8).pages).not.toEqual(a.pages);
    expect(new Set(a.pages.map((p) => p.title)).size).toBe(300);
    expect(a.pages.every((p) => p.parentId === null || Number(p.parentId) < Number(p.id))).toBe(true);
    expect(generateConfluenceSpace(5000).pages).toHaveLength(5000);
  });
});

describe('confluence emulator with confluence.js', () => {
  let emulator: ConfluenceEmulator;
  let v1: ReturnType<typeof clients>['v1'];
  let v2: ReturnType<typeof clients>['v2'];

  beforeAll(async () => {
    emulator = await startConfluenceEmulator({
      fixture: FIXTURE,
      now: () => new Date('2026-10-15T12:00:00.000Z'),
    });
    ({ v1, v2 } = clients(emulator));
  });
  afterAll(() => emulator.close());
  afterEach(() => {
    emulator.clearFaults();
    emulator.rateLimit(null);
    emulator.log.length = 0;
  });

  it('lists spaces, filtered by key', async () => {
    const all = await v2.space.getSpaces();
    expect(all.results?.map((s) => s.key)).toEqual(['HB', 'ENG']);
    const hb = await v2.space.getSpaces({ keys: ['HB'] });
    expect(hb.results).toEqual([expect.objectContaining({ id: HB, key: 'HB', homepageId: '98305' })]);
    expect(hb.results?.[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('fetches pages by id list with storage bodies, leaving out restricted ones', async () => {
    const res = await v2.page.getPages({ id: [98310, 98311, 131076], bodyFormat: 'storage' });
    expect(res.results?.map((p) => p.id)).toEqual(['98310', '98311']);
    const dr1 = res.results?.[0];
    expect(dr1?.body?.storage?.value).toContain('<ac:structured-macro ac:name="status"');
    expect(dr1?.version?.number).toBe(5);
    expect(dr1?._links?.webui).toBe(
      '/spaces/HB/pages/98310/DR-001%3A+Use+cursor+pagination+for+all+list+APIs',
    );
    expect(emulator.log[0]?.query).toEqual({ id: ['98310', '98311', '131076'], 'body-format': 'storage' });
  });

  it('answers 403 and 404 on single pages', async () => {
    expect(isForbiddenError(await caught(v2.page.getPageById({ id: 131076 })))).toBe(true);
    emulator.setPageAccess('98316', 404);
    expect(isNotFoundError(await caught(v2.page.getPageById({ id: 98316 })))).toBe(true);
    emulator.setPageAccess('98316', undefined);
    expect(isNotFoundError(await caught(v2.page.getPageById({ id: 123 })))).toBe(true);
  });

  it('resolves {{site}} links and returns labels and ancestors', async () => {
    const page = await v2.page.getPageById({ id: 98307, bodyFormat: 'storage', includeLabels: true });
    expect(page.body?.storage?.value).toContain(`href="${emulator.url}/wiki/spaces/HB/pages/98306/`);
    expect(page._links?.base).toBe(`${emulator.url}/wiki`);
    expect(page.labels?.results?.map((l) => l.name)).toEqual(['policy', 'sla']);
    const labels = await v2.label.getPageLabels({ id: 98310 });
    expect(labels.results?.map((l) => l.name)).toEqual(['decision', 'api']);
    const ancestors = await v2.ancestors.getPageAncestors({ id: 98310 });
    expect(ancestors.results?.map((a) => a.id)).toEqual(['98305', '98309']);
  });

  it('resolves account ids to display names in bulk', async () => {
    const res = await v2.user.createBulkUserLookup({
      body: { accountIds: ['557058:1c7a5f3b-7e2d-4e1f-8b62-4a2d3c8b0f12', '557058:unknown'] },
    });
    expect(res.results?.map((u) => u.displayName)).toEqual(['Björn Lindqvist']);
    expect(emulator.log[0]).toMatchObject({ method: 'POST', path: '/wiki/api/v2/users-bulk', write: false });
  });

  it('rejects a bad token with 401 and Confluence error body', async () => {
    const error = await caught(clients(emulator, 'wrong').v2.space.getSpaces());
    expect(isAuthError(error)).toBe(true);
    expect(isApiError(error) && error.body).toEqual({
      errors: [expect.objectContaining({ status: 401, code: 'UNAUTHORIZED' })],
    });
    const v1Error = await caught(
      clients(emulator, 'wrong').v1.content.searchContentByCQL({ cql: 'type = page' }),
    );
    expect(isApiError(v1Error) && v1Error.body).toMatchObject({ statusCode: 401, reason: 'Unauthorized' });
  });

  it('updates a page only with version = current + 1, else 409', async () => {
    const current = await v2.page.getPageById({ id: 98318, bodyFormat: 'storage' });
    const body = (number: number) => ({
      id: '98318',
      status: 'current',
      title: 'Escalation Path',
      body: { representation: 'storage', value: '<p>Updated</p>' },
      version: { number, message: 'handbook-lint' },
    });
    const stale = await caught(v2.page.updatePage({ id: 98318, body: body(5) }));
    expect(isApiError(stale) && stale.status).toBe(409);
    expect(isApiError(stale) && JSON.stringify(stale.body)).toContain('Current version is: 5');
    const updated = await v2.page.updatePage({ id: 98318, body: body((current.version?.number ?? 0) + 1) });
    expect(updated.version).toMatchObject({
      number: 6,
      authorId: '557058:6bcfae80-cd72-4364-9ab7-9f72b8d05e67',
    });
    expect(updated.version?.createdAt?.toISOString()).toBe('2026-10-15T12:00:00.000Z');
    expect(emulator.log.map((e) => [e.method, e.status, e.write])).toEqual([
      ['GET', 200, false],
      ['PUT', 409, true],
      ['PUT', 200, true],
    ]);
  });

  it('creates, lists and updates footer comments under the version rule', async () => {
    const created = await v2.comment.createFooterComment({
      pageId: '98311',
      body: { representation: 'storage', value: '<p>handbook-lint: no status</p>' },
    });
    expect(created).toMatchObject({ pageId: '98311', version: { number: 1 } });
    const listed = await v2.comment.getPageFooterComments({ id: 98311, bodyFormat: 'storage' });
    expect(listed.results?.map((c) => c.body?.storage?.value)).toEqual([
      expect.stringContaining('Is this Accepted'),
      '<p>handbook-lint: no status</p>',
    ]);
    const edit = (number: number) =>
      v2.comment.updateFooterComment({
        commentId: Number(created.id),
        body: { version: { number }, body: { representation: 'storage', value: '<p>fixed</p>' } },
      });
    const stale = await caught(edit(1));
    expect(isApiError(stale) && stale.status).toBe(409);
    expect((await edit(2)).version?.number).toBe(2);
    expect(emulator.comments('98311').map((c) => c.body)).toContain('<p>fixed</p>');
  });

  it('serves the remaining write-back calls: space by id, replies, comment delete, v1 labels', async () => {
    expect((await v2.space.getSpaceById({ id: 131073 })).key).toBe('ENG');
    const replies = await v2.comment.getFooterCommentChildren({ id: 98401, bodyFormat: 'storage' });
    expect(replies.results?.map((c) => c.id)).toEqual(['98402']);
    const reply = await v2.comment.createFooterComment({
      parentCommentId: '98401',
      body: { representation: 'storage', value: '<p>resolved</p>' },
    });
    expect(reply).toMatchObject({ pageId: '98311', parentCommentId: '98401' });
    expect((await v2.comment.getFooterCommentById({ commentId: Number(reply.id) })).title).toBe(
      'Re: DR-002: Adopt Postgres for the billing service',
    );
    await v2.comment.deleteFooterComment({ commentId: Number(reply.id) });
    expect(emulator.comments('98311').map((c) => c.id)).not.toContain(reply.id);
    const labels = await v1.contentLabels.addLabelsToContent({
      id: '98319',
      body: [{ prefix: 'global', name: 'handbook-lint-ignore' }],
    });
    expect(labels.results.map((l) => l.name)).toEqual(['handbook-lint-ignore']);
    expect(emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.status}`)).toEqual([
      'POST 201',
      'DELETE 204',
      'POST 200',
    ]);
  });

  it('creates pages under the homepage and trashes them on delete', async () => {
    const page = await v2.page.createPage({
      body: {
        spaceId: HB,
        status: 'current',
        title: 'Handbook findings',
        body: { representation: 'storage', value: '<p>0</p>' },
      },
    });
    expect(page).toMatchObject({ parentId: '98305', version: { number: 1 }, status: 'current' });
    const dup = await caught(
      v2.page.createPage({
        body: { spaceId: HB, title: 'Handbook findings', body: { representation: 'storage', value: '' } },
      }),
    );
    expect(isApiError(dup) && dup.status).toBe(400);
    await v2.page.deletePage({ id: Number(page.id) });
    expect(isNotFoundError(await caught(v2.page.getPageById({ id: Number(page.id) })))).toBe(true);
    expect(emulator.log.map((e) => e.status)).toEqual([200, 400, 204, 404]);
  });

  it('searches by CQL lastmodified, paging v1 cursors relative to /wiki', async () => {
    const cql =
      'space = HB and type = page and lastmodified >= "2026-09-20 00:00" and lastmodified < "2026-10-10" order by lastmodified asc';
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await v1.content.searchContentByCQL({
        cql,
        limit: 3,
        cursor,
        expand: ['version', 'space'],
      });
      ids.push(...res.results.map((c) => c.id ?? ''));
      expect(res.results.every((c) => c.space?.key === 'HB' && c.version?.when instanceof Date)).toBe(true);
      if (res._links.next) expect(res._links.next).toMatch(/^\/rest\/api\/content\/search\?/);
      cursor = cursorOf(res._links.next);
    } while (cursor);
    expect(ids).toEqual(['98311', '98315', '98313', '98312', '98316', '98305', '98309']);
    expect(emulator.log).toHaveLength(3);
    const first = await v1.content.searchContentByCQL({
      cql,
      limit: 1,
      expand: ['version', 'metadata.labels'],
    });
    expect(first.results[0]?.version?.by?.displayName).toBe('Chidi Okafor');
    const search = await v1.search.searchByCQL({ cql: 'label = "meeting-notes"' });
    expect(search.results.map((r) => r.content?.id)).toEqual(['98314', '98315']);
    expect(search.totalSize).toBe(2);
  });

  it('finds a page edited after the watermark, body included', async () => {
    emulator.editPage('98317', { body: '<p>Reviewed.</p>', at: new Date('2026-10-15T09:00:00.000Z') });
    const res = await v1.content.searchContentByCQL({
      cql: 'type = page and space in ("HB","ENG") and label = tools and lastmodified > "2026/10/14 00:00"',
      expand: ['body.storage', 'version'],
    });
    expect(res.results.map((c) => [c.id, c.version?.number, c.body?.storage?.value])).toEqual([
      ['98317', 12, '<p>Reviewed.</p>'],
    ]);
    const unsupported = await caught(
      v1.content.searchContentByCQL({ cql: 'title ~ "Guide" or type = page' }),
    );
    expect(isApiError(unsupported) && unsupported.status).toBe(400);
  });

  it('answers 429 with Retry-After once the budget is spent', async () => {
    emulator.rateLimit({ requests: 2, perMs: 60_000 });
    await v2.space.getSpaces();
    await v2.space.getSpaces();
    const error = await caught(v2.space.getSpaces());
    expect(isRateLimitError(error) && error.retryAfterMs).toBeGreaterThanOrEqual(59_000);
    const raw = await fetch(`${emulator.url}/wiki/api/v2/spaces`, {
      headers: { Authorization: `Basic ${Buffer.from('bot@example.com:test-token').toString('base64')}` },
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(raw.headers.get('x-ratelimit-limit')).toBe('2');
    expect(emulator.log.map((e) => e.status)).toEqual([200, 200, 429, 429]);
  });

  it('injects 5xx, slow and malformed answers per path', async () => {
    const retrying = createV2Client({
      host: emulator.url,
      auth: AUTH,
      retry: { maxAttempts: 3, initialDelayMs: 1 },
    });
    emulator.fault({ path: '/wiki/api/v2/spaces', status: 503, times: 2 });
    expect((await retrying.space.getSpaces()).results).toHaveLength(2);
    emulator.fault({ path: /^\/wiki\/api\/v2\/pages\/\d+$/, delayMs: 150 });
    const started = Date.now();
    await v2.page.getPageById({ id: 98310 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    emulator.fault({ path: '/wiki/api/v2/pages', malformed: true });
    expect(isSchemaMismatchError(await caught(v2.page.getPages({ limit: 5 })))).toBe(true);
    expect(emulator.log.map((e) => `${e.status} ${e.path}`)).toEqual([
      '503 /wiki/api/v2/spaces',
      '503 /wiki/api/v2/spaces',
      '200 /wiki/api/v2/spaces',
      '200 /wiki/api/v2/pages/98310',
      '200 /wiki/api/v2/pages',
    ]);
  });
});

describe('confluence emulator at benchmark scale', () => {
  let emulator: ConfluenceEmulator;
  beforeAll(async () => {
    emulator = await startConfluenceEmulator({ fixture: generateConfluenceSpace(600) });
  });
  afterAll(() => emulator.close());

  it('paginates 600 pages in 250s with storage bodies via Link and _links.next', async () => {
    const { v2 } = clients(emulator);
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const res = await v2.page.getPagesInSpace({ id: 2000000, bodyFormat: 'storage', limit: 250, cursor });
      for (const p of res.results ?? []) {
        expect(p.body?.storage?.value).toContain('<ac:structured-macro ac:name="details"');
        ids.add(p.id ?? '');
      }
      expect(res._links?.base).toBe(`${emulator.url}/wiki`);
      cursor = cursorOf(res._links?.next);
    } while (cursor);
    expect(ids.size).toBe(600);
    expect(emulator.log.map((e) => [e.path, e.query.limit, e.status])).toEqual(
      Array(3).fill(['/wiki/api/v2/spaces/2000000/pages', '250', 200]),
    );
  });

  it('caps limit at 250 and mirrors _links.next in the Link header', async () => {
    const res = await fetch(`${emulator.url}/wiki/api/v2/pages?limit=1000&space-id=2000000`, {
      headers: { Authorization: `Basic ${Buffer.from('bot@example.com:test-token').toString('base64')}` },
    });
    const body = (await res.json()) as { results: unknown[]; _links: { next: string } };
    expect(body.results).toHaveLength(250);
    expect(body._links.next).toMatch(/^\/wiki\/api\/v2\/pages\?limit=1000&space-id=2000000&cursor=/);
    expect(res.headers.get('link')).toBe(
      `<${body._links.next}>; rel="next", <${emulator.url}/wiki>; rel="base"`,
    );
  });
});
