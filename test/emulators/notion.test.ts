import { fileURLToPath } from 'node:url';
import {
  APIResponseError,
  Client,
  collectPaginatedAPI,
  isFullPage,
  RequestTimeoutError,
  UnknownHTTPResponseError,
} from '@notionhq/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  generateNotionWorkspace,
  loadNotionFixture,
  type NotionEmulator,
  type NotionFixture,
  startNotionEmulator,
} from './notion.js';

const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/notion/workspace.json', import.meta.url));

type ClientOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;

/** The real SDK pointed at the emulator; no retries unless a test asks, and no console noise. */
function sdk(emulator: NotionEmulator, options: ClientOptions = {}): Client {
  return new Client({
    auth: emulator.token,
    baseUrl: emulator.url,
    retry: false,
    logger: () => {},
    ...options,
  });
}

async function apiError(promise: Promise<unknown>): Promise<APIResponseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!APIResponseError.isAPIResponseError(error))
    throw new Error(`expected an APIResponseError, got ${String(error)}`);
  return error;
}

describe('Notion emulator with the fixture workspace', () => {
  let fixture: NotionFixture;
  let emulator: NotionEmulator;
  let notion: Client;
  const idOf = (title: string): string => {
    const page = fixture.pages.find((p) => p.title === title);
    if (!page) throw new Error(`no fixture page "${title}"`);
    return page.id;
  };

  beforeAll(async () => {
    fixture = await loadNotionFixture(FIXTURE_PATH);
    emulator = await startNotionEmulator({ fixture: FIXTURE_PATH });
    notion = sdk(emulator);
  });
  afterAll(() => emulator.close());
  afterEach(() => {
    emulator.setFaults([]);
    emulator.setRateLimit(null);
  });

  it('retrieves a data-source row with every schema property, empty ones included', async () => {
    const page = await notion.pages.retrieve({ page_id: idOf('ADR-003: Move CI to self-hosted runners') });
    if (!isFullPage(page)) throw new Error('expected a full page');
    expect(page.parent).toEqual({
      type: 'data_source_id',
      data_source_id: fixture.databases[0]?.dataSourceId,
      database_id: fixture.databases[0]?.id,
    });
    expect(page.properties.Status).toMatchObject({ type: 'status', status: null });
    expect(page.properties.Decision).toMatchObject({ id: 'title', type: 'title' });
    expect(page.properties.Owner).toMatchObject({
      type: 'people',
      people: [{ object: 'user', name: 'Maya Chen' }],
    });
    expect(page.url).toMatch(
      /^https:\/\/www\.notion\.so\/ADR-003-Move-CI-to-self-hosted-runners-[0-9a-f]{32}$/,
    );
    expect(page).toMatchObject({ in_trash: false, archived: false, created_by: { object: 'user' } });
  });

  it('gives a standalone page only its title property, and accepts ids without dashes', async () => {
    const page = await notion.pages.retrieve({ page_id: idOf('Deploying to production').replace(/-/g, '') });
    if (!isFullPage(page)) throw new Error('expected a full page');
    expect(Object.keys(page.properties)).toEqual(['title']);
    expect(page.parent).toEqual({ type: 'page_id', page_id: idOf('Engineering') });
  });

  it('renders child pages, databases and unshared children into the markdown', async () => {
    const root = await notion.pages.retrieveMarkdown({ page_id: idOf('Acme Handbook') });
    expect(root.markdown).toMatch(/<mention-page url="https:\/\/www\.notion\.so\/[0-9a-f]{32}"\/>/);
    expect(root.markdown).toContain('">Engineering</page>'); // mentioned and still listed as a child page
    const engineering = await notion.pages.retrieveMarkdown({ page_id: idOf('Engineering') });
    expect(engineering.markdown).toMatch(
      /<page url="https:\/\/www\.notion\.so\/On-call-handbook-[0-9a-f]{32}">On-call handbook<\/page>/,
    );
    expect(engineering.markdown).toMatch(/<database url="[^"]+" inline="false">Decision log<\/database>/);
    const people = await notion.pages.retrieveMarkdown({ page_id: idOf('People') });
    expect(people.truncated).toBe(true);
    expect(people.unknown_block_ids).toEqual([idOf('Compensation bands')]);
    expect(people.markdown).toContain('alt="child_page"/>');
    const hidden = await apiError(notion.pages.retrieveMarkdown({ page_id: idOf('Compensation bands') }));
    expect(hidden.code).toBe('object_not_found');
  });

  it('truncates a large page and serves the missing subtree by its block id', async () => {
    const oncall = await notion.pages.retrieveMarkdown({ page_id: idOf('On-call handbook') });
    expect(oncall).toMatchObject({ object: 'page_markdown', truncated: true });
    expect(oncall.unknown_block_ids).toHaveLength(1);
    expect(oncall.markdown).toContain('alt="bookmark"/>');
    const [blockId = ''] = oncall.unknown_block_ids;
    const subtree = await notion.pages.retrieveMarkdown({ page_id: blockId });
    expect(subtree).toMatchObject({ id: blockId, truncated: false, unknown_block_ids: [] });
    expect(subtree.markdown).toContain('## Escalation matrix');
    const blocks = await notion.blocks.children.list({ block_id: blockId });
    expect(blocks.results[0]).toMatchObject({
      type: 'heading_2',
      parent: { type: 'block_id', block_id: blockId },
    });
  });

  it('lists blocks with page mentions, unreachable ones shown as "Untitled"', async () => {
    const list = await notion.blocks.children.list({ block_id: idOf('Code review guidelines') });
    const mentions = list.results.flatMap((b) =>
      'type' in b && b.type === 'paragraph'
        ? b.paragraph.rich_text.filter((r) => r.type === 'mention' && r.mention.type === 'page')
        : [],
    );
    expect(mentions.map((m) => m.plain_text)).toEqual([
      'Untitled',
      'ADR-002: Adopt cursor pagination for public APIs',
    ]);
    expect(mentions[0]?.href).toMatch(/^https:\/\/www\.notion\.so\/[0-9a-f]{32}$/);
    const children = await collectPaginatedAPI(notion.blocks.children.list, {
      block_id: idOf('Engineering'),
      page_size: 2,
    });
    expect(children.filter((b) => 'type' in b && b.type === 'child_page')).toHaveLength(4);
    expect(children.some((b) => 'type' in b && b.type === 'child_database')).toBe(true);
  });

  it('answers 403 restricted_resource for content the integration may not read', async () => {
    const security = idOf('Security');
    await expect(notion.pages.retrieve({ page_id: security })).resolves.toMatchObject({ id: security });
    const error = await apiError(notion.pages.retrieveMarkdown({ page_id: security }));
    expect(error).toMatchObject({ code: 'restricted_resource', status: 403 });
  });

  it('answers 404 object_not_found for unknown ids and 400 for malformed ones', async () => {
    const missing = await apiError(
      notion.pages.retrieve({ page_id: '418c28b6-0f96-496a-96bc-aabb86ae010f' }),
    );
    expect(missing).toMatchObject({ code: 'object_not_found', status: 404 });
    expect(missing.message).toContain('shared with your integration');
    expect(missing.request_id).toMatch(/^[0-9a-f-]{36}$/);
    const malformed = await apiError(notion.pages.retrieve({ page_id: 'not-an-id' }));
    expect(malformed.code).toBe('validation_error');
  });

  it('raises unauthorized for a bad token and missing_version without the header', async () => {
    const error = await apiError(sdk(emulator, { auth: 'secret_wrong' }).users.me({}));
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    const raw = await fetch(`${emulator.url}/v1/users/me`, {
      headers: { authorization: `Bearer ${emulator.token}` },
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ object: 'error', code: 'missing_version' });
  });

  it('queries a data source with a filter, edit-time sort and pagination', async () => {
    const dataSourceId = fixture.databases[0]?.dataSourceId ?? '';
    const rows = await collectPaginatedAPI(notion.dataSources.query, {
      data_source_id: dataSourceId,
      page_size: 2,
      sorts: [{ timestamp: 'last_edited_time', direction: 'ascending' }],
    });
    expect(rows).toHaveLength(5);
    const edited = rows.map((r) => (isFullPage(r) ? r.last_edited_time : ''));
    expect(edited).toEqual([...edited].sort());
    const noStatus = await notion.dataSources.query({
      data_source_id: dataSourceId,
      filter: { property: 'Status', status: { is_empty: true } },
    });
    expect(noStatus.results.map((r) => r.id)).toEqual([idOf('ADR-003: Move CI to self-hosted runners')]);
    const source = await notion.dataSources.retrieve({ data_source_id: dataSourceId });
    expect(source).toMatchObject({ object: 'data_source', properties: { Status: { type: 'status' } } });
  });

  it('lists only open comments, starts discussions and replies in them', async () => {
    const pageId = idOf('Deploying to production');
    const before = await notion.comments.list({ block_id: pageId });
    expect(before.results.map((c) => ('rich_text' in c ? c.rich_text[0]?.plain_text : ''))).toEqual([
      'Can we link the rollback runbook here once it exists?',
    ]);
    const started = await notion.comments.create({
      parent: { page_id: pageId },
      rich_text: [{ text: { content: 'handbook-lint: 1 finding <!-- hl:abc -->' } }],
    });
    const reply = await notion.comments.create({
      discussion_id: 'discussion_id' in started ? started.discussion_id : '',
      markdown: 'Resolved: the placeholder is gone.',
    });
    const me = await notion.users.me({});
    expect(reply).toMatchObject({
      discussion_id: 'discussion_id' in started ? started.discussion_id : 'missing',
      created_by: { id: me.id },
      display_name: { type: 'integration', resolved_name: 'Handbook Lint' },
    });
    const after = await collectPaginatedAPI(notion.comments.list, { block_id: pageId });
    expect(after).toHaveLength(3);
    expect(emulator.comments(pageId)).toHaveLength(4); // the resolved one is kept, just never listed
  });

  it('creates a page from markdown and rewrites it, guarding child pages', async () => {
    const parent = idOf('How we work');
    const created = await notion.pages.create({
      parent: { page_id: parent },
      markdown: '# Lint findings\n\nNo findings.\n',
    });
    const findings = await notion.pages.retrieve({ page_id: created.id });
    expect(isFullPage(findings) && findings.properties.title).toMatchObject({
      title: [{ plain_text: 'Lint findings' }],
    });
    const rewritten = await notion.pages.updateMarkdown({
      page_id: created.id,
      type: 'replace_content',
      replace_content: { new_str: '## Summary\n3 findings.\n' },
    });
    expect(rewritten.markdown).toBe('## Summary\n3 findings.\n');
    const guarded = await apiError(
      notion.pages.updateMarkdown({
        page_id: parent,
        type: 'replace_content',
        replace_content: { new_str: 'gone' },
      }),
    );
    expect(guarded.code).toBe('validation_error');
    expect(guarded.message).toContain('Writing decisions down');
    await notion.pages.update({ page_id: created.id, in_trash: true });
    expect(emulator.page(created.id)?.inTrash).toBe(true);
  });

  it('enforces the write limits from the request-limits page', async () => {
    const children = Array.from({ length: 101 }, () => ({
      paragraph: { rich_text: [{ text: { content: 'x' } }] },
    }));
    const tooMany = await apiError(
      notion.pages.create({ parent: { page_id: idOf('How we work') }, properties: {}, children }),
    );
    expect(tooMany.message).toContain('should be ≤ `100`');
    const tooLong = await apiError(
      notion.comments.create({
        parent: { page_id: idOf('How we work') },
        rich_text: [{ text: { content: 'x'.repeat(2001) } }],
      }),
    );
    expect(tooLong.message).toContain('instead was `2001`');
  });

  it('keeps its planted problems: a stale policy and an orphan nobody mentions', async () => {
    const expenses = await notion.pages.retrieve({ page_id: idOf('Expense policy') });
    expect(isFullPage(expenses) && expenses.last_edited_time).toMatch(/^2025-/);
    expect(isFullPage(expenses) && expenses.properties.Verification).toMatchObject({
      verification: { state: 'expired' },
    });
    const orphan = idOf('Old team rituals').replace(/-/g, '');
    expect(fixture.pages.filter((p) => p.markdown?.includes(orphan))).toEqual([]);
  });

  it('drops the deprecated archived field under Notion-Version 2026-03-11', async () => {
    const page = await sdk(emulator, { notionVersion: '2026-03-11' }).pages.retrieve({
      page_id: idOf('People'),
    });
    expect(page).toHaveProperty('in_trash', false);
    expect(page).not.toHaveProperty('archived');
  });

  it('refuses search filters from before data sources, and comments without the capability', async () => {
    const filter = { property: 'object', value: 'database' } as unknown as {
      property: 'object';
      value: 'page';
    };
    expect((await apiError(notion.search({ filter }))).code).toBe('validation_error');
    emulator.setCapabilities({ insertComments: false });
    try {
      const error = await apiError(
        notion.comments.create({ parent: { page_id: idOf('People') }, markdown: 'hello' }),
      );
      expect(error).toMatchObject({ code: 'restricted_resource', status: 403 });
    } finally {
      emulator.setCapabilities({ insertComments: true });
    }
  });

  it("shows edits and deletions made behind the crawler's back", async () => {
    const pageId = idOf('Onboarding checklist');
    emulator.editPage(pageId, '- [ ] Set up laptop\n', { at: '2026-06-01T10:00:00.000Z' });
    const latest = await notion.search({
      sort: { timestamp: 'last_edited_time', direction: 'descending' },
      page_size: 1,
    });
    expect(latest.results[0]?.id).toBe(pageId);
    await notion.pages.updateMarkdown({
      page_id: pageId,
      type: 'update_content',
      update_content: { content_updates: [{ old_str: 'laptop', new_str: 'laptop and $HOME' }] },
    });
    expect(emulator.page(pageId)?.markdown).toBe('- [ ] Set up laptop and $HOME\n');
    emulator.deletePage(pageId);
    const all = await collectPaginatedAPI(notion.search, { filter: { property: 'object', value: 'page' } });
    expect(all.map((p) => p.id)).not.toContain(pageId);
    await expect(notion.pages.retrieve({ page_id: pageId })).resolves.toMatchObject({ in_trash: true });
  });

  it('answers 429 rate_limited with Retry-After once the budget is spent', async () => {
    emulator.setRateLimit({ requests: 2, perMs: 60_000 });
    await notion.users.list({});
    await notion.users.list({});
    const error = await apiError(notion.users.list({}));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    // The SDK types headers as unknown; at run time they are the fetch Headers.
    expect(Number((error.headers as Headers).get('retry-after'))).toBeGreaterThan(0);
    expect(error.additional_data).toEqual({ rate_limit_reason: 'public_api_request_rate_limit' });
  });

  it('lets the SDK retry injected 429s and 500s, and surfaces 502s, hangs and bad bodies', async () => {
    const retrying = sdk(emulator, { retry: { maxRetries: 2, initialRetryDelayMs: 1, maxRetryDelayMs: 5 } });
    emulator.setFaults([
      { path: '/v1/search', status: 429, retryAfterSeconds: 0 },
      { path: '/v1/pages/*', method: 'GET', status: 500, times: 2 },
    ]);
    await expect(retrying.search({ page_size: 1 })).resolves.toMatchObject({ object: 'list' });
    await expect(retrying.pages.retrieve({ page_id: idOf('People') })).resolves.toMatchObject({
      object: 'page',
    });

    emulator.setFaults([{ path: '/v1/users/**', status: 502 }]);
    await expect(notion.users.me({})).rejects.toBeInstanceOf(UnknownHTTPResponseError);
    emulator.setFaults([{ path: '/v1/users/me', hang: true }]);
    await expect(sdk(emulator, { timeoutMs: 100 }).users.me({})).rejects.toBeInstanceOf(RequestTimeoutError);
    emulator.setFaults([{ path: '/v1/users', malformed: true, delayMs: 10 }]);
    await expect(notion.users.list({})).rejects.toThrow();
  });

  it('logs every request with method, path, query and status', async () => {
    emulator.log.splice(0);
    await notion.blocks.children.list({ block_id: idOf('People'), page_size: 5 });
    await notion.pages.update({ page_id: idOf('Old team rituals'), properties: {} });
    expect(emulator.log).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/v1/blocks/${idOf('People')}/children`,
        query: { page_size: '5' },
        status: 200,
        write: false,
      }),
      expect.objectContaining({ method: 'PATCH', status: 200, write: true, body: { properties: {} } }),
    ]);
  });
});

describe('Notion emulator with a generated workspace', () => {
  let emulator: NotionEmulator;
  const workspace = generateNotionWorkspace(250, 7);

  beforeAll(async () => {
    emulator = await startNotionEmulator({ fixture: workspace });
  });
  afterAll(() => emulator.close());

  it('generates the same workspace for the same seed', () => {
    expect(generateNotionWorkspace(250, 7)).toEqual(workspace);
    expect(workspace.pages).toHaveLength(250);
  });

  it('pages through more than 100 search results in edit order, reading only', async () => {
    const notion = sdk(emulator);
    emulator.log.splice(0);
    const pages = await collectPaginatedAPI(notion.search, {
      filter: { property: 'object', value: 'page' },
      sort: { timestamp: 'last_edited_time', direction: 'descending' },
    });
    expect(pages).toHaveLength(250);
    const edited = pages.map((p) => (isFullPage(p) ? p.last_edited_time : ''));
    expect(edited).toEqual([...edited].sort().reverse());
    expect(emulator.log.map((e) => [e.path, e.status])).toEqual([
      ['/v1/search', 200],
      ['/v1/search', 200],
      ['/v1/search', 200],
    ]);
    expect(emulator.log.filter((e) => e.write)).toEqual([]);
    const tooBig = await apiError(notion.search({ page_size: 101 }));
    expect(tooBig.code).toBe('validation_error');
  });
});
