import type { BlockObjectResponse } from '@notionhq/client';
import { markdownToBlocks, pageMarkdownShape, renderPageMarkdown } from './notion-content.js';
import { type NotionFixtureDatabase, normalizeNotionId } from './notion-fixture.js';
import { commentShape, databaseShape, dataSourceShape, pageShape, userShape } from './notion-shapes.js';
import {
  type Ctx,
  id,
  NOTION_LIMITS,
  type NotionPageState,
  notFound,
  pathId,
  validation,
} from './notion-world.js';
import { createComment, createPage, updateMarkdown, updatePage } from './notion-writes.js';

/** One page of a list: `start_cursor` is the id of the first item to return, as Notion's cursors are. */
function paginate<T>(
  items: T[],
  idOf: (item: T) => string,
  cursor: unknown,
  size: unknown,
  where: 'body' | 'query',
) {
  const pageSize = size === undefined ? NOTION_LIMITS.pageSize : Number(size);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > NOTION_LIMITS.pageSize) {
    throw validation(
      `${where} failed validation: ${where}.page_size should be a number between 1 and \`${NOTION_LIMITS.pageSize}\`, instead was \`${String(size)}\`.`,
    );
  }
  let start = 0;
  if (cursor !== undefined && cursor !== null) {
    start = items.findIndex((item) => idOf(item) === normalizeNotionId(String(cursor)));
    if (start < 0) throw validation(`start_cursor provided is invalid: ${String(cursor)}`);
  }
  const results = items.slice(start, start + pageSize);
  const next = items[start + pageSize];
  return { results, next_cursor: next ? idOf(next) : null, has_more: next !== undefined };
}

/** The list envelope every paginated endpoint shares, with its `type` and empty `{type}` object. */
function list<T>(
  type: string,
  page: { results: T[]; next_cursor: string | null; has_more: boolean },
  map: (item: T) => unknown,
) {
  return {
    object: 'list',
    results: page.results.map(map),
    next_cursor: page.next_cursor,
    has_more: page.has_more,
    type,
    [type]: {},
  };
}

/** Sorted by last edit when asked; otherwise in workspace order, as callers must not rely on it. */
function byEdited<T extends { lastEditedTime: string }>(items: T[], direction: unknown): T[] {
  if (direction === undefined) return items;
  const sign = direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => sign * a.lastEditedTime.localeCompare(b.lastEditedTime));
}

type SearchItem = { id: string; title: string; lastEditedTime: string; object: 'page' | 'data_source' };

function search({ ws, body }: Ctx) {
  const filter = body.filter as { property?: string; value?: string; in_trash?: boolean } | undefined;
  if (
    filter?.property !== undefined &&
    (filter.property !== 'object' || !['page', 'data_source'].includes(String(filter.value)))
  ) {
    throw validation(
      `body failed validation: body.filter.value should be \`"page"\` or \`"data_source"\`, instead was \`${JSON.stringify(filter.value)}\`.`,
    );
  }
  const sort = body.sort as { timestamp?: string; direction?: string } | undefined;
  if (
    sort &&
    (sort.timestamp !== 'last_edited_time' || !['ascending', 'descending'].includes(String(sort.direction)))
  ) {
    throw validation(
      'body failed validation: body.sort.timestamp should be `"last_edited_time"` and body.sort.direction `"ascending"` or `"descending"`.',
    );
  }
  const query = String(body.query ?? '').toLowerCase();
  const items: SearchItem[] = [];
  if (filter?.value !== 'data_source') {
    for (const p of ws.pages.values()) {
      if (p.shared && p.inTrash === (filter?.in_trash ?? false)) items.push({ ...p, object: 'page' });
    }
  }
  if (filter?.value !== 'page' && !filter?.in_trash) {
    for (const db of ws.databases.values()) items.push({ ...db, id: db.dataSourceId, object: 'data_source' });
  }
  const matching = items.filter((item) => item.title.toLowerCase().includes(query));
  const page = paginate(
    byEdited(matching, sort?.direction),
    (i) => i.id,
    body.start_cursor,
    body.page_size,
    'body',
  );
  return list('page_or_data_source', page, (item) =>
    item.object === 'page'
      ? pageShape(ws, ws.pages.get(item.id) as NotionPageState)
      : dataSourceShape(ws.dataSources.get(item.id) as NotionFixtureDatabase),
  );
}

function retrievePage({ ws, params }: Ctx) {
  ws.require('readContent');
  return pageShape(ws, ws.page(params[0] ?? ''));
}

/** A page as markdown, or a truncated subtree when given one of its unknown_block_ids. */
function retrieveMarkdown({ ws, params }: Ctx) {
  const requested = pathId(params[0] ?? '', 'page_id');
  const unknown = ws.unknownBlocks.get(requested);
  if (unknown) {
    ws.content(unknown.page.id, 'readContent');
    if (unknown.block.reason !== 'truncated' || unknown.block.markdown === undefined) {
      throw notFound('block', requested); // unsupported blocks have no markdown to serve
    }
    return {
      object: 'page_markdown',
      id: requested,
      markdown: unknown.block.markdown,
      truncated: false,
      unknown_block_ids: [],
    };
  }
  return pageMarkdownShape(ws, ws.content(requested, 'readContent'));
}

function listBlockChildren({ ws, params, query }: Ctx) {
  const blockId = pathId(params[0] ?? '', 'block_id');
  const unknown = ws.unknownBlocks.get(blockId);
  let blocks: BlockObjectResponse[];
  if (unknown?.block.reason === 'truncated') {
    const page = ws.content(unknown.page.id, 'readContent');
    blocks = markdownToBlocks(ws, unknown.block.markdown ?? '', blockId, false, page.lastEditedTime);
  } else {
    if (!ws.pages.get(blockId)?.shared) throw notFound('block', blockId);
    const page = ws.content(blockId, 'readContent');
    blocks = markdownToBlocks(ws, renderPageMarkdown(ws, page).markdown, page.id, true, page.lastEditedTime);
  }
  return list(
    'block',
    paginate(blocks, (b) => b.id, query.start_cursor, query.page_size, 'query'),
    (b) => b,
  );
}

function retrieveDataSource({ ws, params }: Ctx) {
  return dataSourceShape(ws.dataSource(params[0] ?? ''));
}

function retrieveDatabase({ ws, params }: Ctx) {
  const db = ws.databases.get(pathId(params[0] ?? '', 'database_id'));
  if (!db) throw notFound('database', params[0] ?? '');
  return databaseShape(db);
}

type Filter = Record<string, unknown> & {
  and?: Filter[];
  or?: Filter[];
  property?: string;
  timestamp?: string;
};

/** The filter subset a crawler needs (edit-time windows, status/select checks); anything else is refused loudly. */
function matchesFilter(page: NotionPageState, filter: Filter): boolean {
  if (filter.and) return filter.and.every((f) => matchesFilter(page, f));
  if (filter.or) return filter.or.some((f) => matchesFilter(page, f));
  if (filter.timestamp === 'last_edited_time' || filter.timestamp === 'created_time') {
    const actual = filter.timestamp === 'last_edited_time' ? page.lastEditedTime : page.createdTime;
    const cond = (filter[filter.timestamp] ?? {}) as Record<string, string>;
    const [op, value = ''] = Object.entries(cond)[0] ?? [];
    const t = Date.parse(actual);
    const v = Date.parse(value);
    if (op === 'after') return t > v;
    if (op === 'on_or_after') return t >= v;
    if (op === 'before') return t < v;
    if (op === 'on_or_before') return t <= v;
  }
  if (filter.property && (filter.status || filter.select)) {
    const value = page.properties[filter.property];
    const name = value && (value.type === 'status' || value.type === 'select') ? value.name : null;
    const [op, expected] =
      Object.entries((filter.status ?? filter.select) as Record<string, unknown>)[0] ?? [];
    if (op === 'equals') return name === expected;
    if (op === 'does_not_equal') return name !== expected;
    if (op === 'is_empty') return name === null;
    if (op === 'is_not_empty') return name !== null;
  }
  throw validation(`The emulator does not support this filter: ${JSON.stringify(filter)}`);
}

function queryDataSource({ ws, params, body }: Ctx) {
  ws.require('readContent');
  const ds = ws.dataSource(params[0] ?? '');
  const sorts = (body.sorts ?? []) as Array<{ timestamp?: string; property?: string; direction?: string }>;
  if (sorts.some((s) => s.timestamp !== 'last_edited_time')) {
    throw validation('The emulator supports only sorts by timestamp last_edited_time.');
  }
  const rows = [...ws.pages.values()].filter(
    (p) =>
      p.parent.type === 'data_source' &&
      p.parent.id === ds.dataSourceId &&
      p.shared &&
      p.inTrash === Boolean(body.in_trash) &&
      (!body.filter || matchesFilter(p, body.filter as Filter)),
  );
  const page = paginate(
    byEdited(rows, sorts[0]?.direction),
    (p) => p.id,
    body.start_cursor,
    body.page_size,
    'body',
  );
  return list('page_or_data_source', page, (p) => pageShape(ws, p));
}

function listComments({ ws, query }: Ctx) {
  if (typeof query.block_id !== 'string') {
    throw validation('query failed validation: query.block_id should be defined.');
  }
  const page = ws.content(query.block_id, 'readComments');
  const open = ws.comments.filter((c) => c.pageId === page.id && !c.resolved);
  const slice = paginate(open, (c) => c.id, query.start_cursor, query.page_size, 'query');
  return list('comment', slice, (c) => commentShape(ws, c));
}

function listUsers({ ws, query }: Ctx) {
  const ids = [...ws.users.map((u) => u.id), id(ws.fixture.bot.id)];
  return list(
    'user',
    paginate(ids, (u) => u, query.start_cursor, query.page_size, 'query'),
    (u) => userShape(ws, u),
  );
}

/** One endpoint: method, path pattern (groups are the path params) and handler. */
export interface Route {
  method: string;
  path: RegExp;
  /** Changes remote state: what a dry-run test asserts never happens. */
  write: boolean;
  handle: (ctx: Ctx) => unknown;
}

/** Every endpoint the emulator serves; anything else is 400 invalid_request_url, like the real API. */
export const NOTION_ROUTES: Route[] = [
  { method: 'POST', path: /^\/v1\/search$/, write: false, handle: search },
  { method: 'POST', path: /^\/v1\/pages$/, write: true, handle: createPage },
  { method: 'GET', path: /^\/v1\/pages\/([^/]+)$/, write: false, handle: retrievePage },
  { method: 'PATCH', path: /^\/v1\/pages\/([^/]+)$/, write: true, handle: updatePage },
  { method: 'GET', path: /^\/v1\/pages\/([^/]+)\/markdown$/, write: false, handle: retrieveMarkdown },
  { method: 'PATCH', path: /^\/v1\/pages\/([^/]+)\/markdown$/, write: true, handle: updateMarkdown },
  { method: 'GET', path: /^\/v1\/blocks\/([^/]+)\/children$/, write: false, handle: listBlockChildren },
  { method: 'GET', path: /^\/v1\/data_sources\/([^/]+)$/, write: false, handle: retrieveDataSource },
  { method: 'POST', path: /^\/v1\/data_sources\/([^/]+)\/query$/, write: false, handle: queryDataSource },
  { method: 'GET', path: /^\/v1\/databases\/([^/]+)$/, write: false, handle: retrieveDatabase },
  { method: 'GET', path: /^\/v1\/comments$/, write: false, handle: listComments },
  { method: 'POST', path: /^\/v1\/comments$/, write: true, handle: createComment },
  { method: 'GET', path: /^\/v1\/users$/, write: false, handle: listUsers },
  {
    method: 'GET',
    path: /^\/v1\/users\/me$/,
    write: false,
    handle: ({ ws }) => userShape(ws, id(ws.fixture.bot.id), true),
  },
  {
    method: 'GET',
    path: /^\/v1\/users\/([^/]+)$/,
    write: false,
    handle: ({ ws, params }) => userShape(ws, pathId(params[0] ?? '', 'user_id')),
  },
];
