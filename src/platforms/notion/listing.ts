import {
  type Client,
  type DataSourceObjectResponse,
  isFullDataSource,
  isFullPage,
  type PageObjectResponse,
} from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import { CursorTrail } from '../../listing-check.js';
import { checkListed, checkResults } from './answer-shape.js';
import type { NotionApi } from './api.js';
import { plainText } from './properties.js';
import { isNotionId } from './urls.js';

/** Where a page hangs: a page, a database (rows), the workspace top level, or unknown (a block we do not walk up from). */
export type ParentRef =
  | { type: 'page'; id: string }
  | { type: 'database'; id: string; dataSourceId?: string }
  | { type: 'none' };

/** A page as the listing shows it: everything but its content. */
export interface ListedPage {
  id: string;
  url: string;
  parent: ParentRef;
  createdTime: string;
  lastEditedTime: string;
  createdBy: string;
  /** Who edited the page last: its owner when nothing else names one and the config allows it. */
  lastEditedBy?: string;
  properties: PageObjectResponse['properties'];
}

/** A data source (a database's table), which types and places its rows. */
export interface ListedDataSource {
  id: string;
  databaseId: string;
  title: string;
  /** The page the database sits on, when it sits on a page. */
  parentPageId?: string;
  createdTime: string;
  lastEditedTime: string;
}

function parentRef(parent: PageObjectResponse['parent']): ParentRef {
  if (parent.type === 'page_id') return { type: 'page', id: parent.page_id };
  if (parent.type === 'data_source_id')
    return { type: 'database', id: parent.database_id, dataSourceId: parent.data_source_id };
  if (parent.type === 'database_id') return { type: 'database', id: parent.database_id };
  return { type: 'none' };
}

/** Keeps what the crawl needs of a page object; the rest is dropped so 100,000 listed pages stay small. */
export function listedPage(page: PageObjectResponse): ListedPage {
  checkListed('page', page);
  return {
    id: page.id,
    url: page.url,
    parent: parentRef(page.parent),
    createdTime: page.created_time,
    lastEditedTime: page.last_edited_time,
    createdBy: page.created_by.id,
    ...(page.last_edited_by?.id ? { lastEditedBy: page.last_edited_by.id } : {}),
    properties: page.properties,
  };
}

type SearchArgs = Parameters<Client['search']>[0];

/** How far a listing got: Notion may cut search short, and a cursor that repeats is a loop, not more results. */
export interface ListingGaps {
  /** Search answered `request_status: incomplete` (Notion does not promise to return everything). */
  incomplete: boolean;
  /** A `next_cursor` came back that had been followed before; the listing stopped there. */
  loop: boolean;
  /** The listing did not end within its bound of answers (each with a new cursor); it stopped there. */
  endless: boolean;
  /** An answer said `has_more` but gave no `next_cursor`: the rest could not be asked for. */
  stopped: boolean;
}

/** A record of gaps for a list whose gaps change nothing but what it returns. */
export const noGaps = (): ListingGaps => ({ incomplete: false, loop: false, endless: false, stopped: false });

/**
 * Follows one of Notion's paginated lists to its end, to a cursor seen before, or to `limit`
 * answers (default MAX_LISTING_REQUESTS): a list that hands out a new cursor forever is stopped.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<{
    results: T[];
    next_cursor: string | null;
    has_more: boolean;
    request_status?: { type: string };
  }>,
  gaps: ListingGaps,
  limit?: number,
): AsyncGenerator<T> {
  const trail = new CursorTrail(limit);
  let cursor: string | undefined;
  do {
    const res = await fetchPage(cursor);
    // The SDK checks no schema: results missing or no array are no answer of the list, where a string was
    // iterated letter by letter and an empty one ended it (a page search linted nothing, a comment list hid ours).
    if (!Array.isArray(res.results)) throw new Error('the list answered without its results');
    checkResults(res.results);
    if (res.request_status?.type === 'incomplete') gaps.incomplete = true;
    yield* res.results;
    cursor = res.has_more ? (res.next_cursor ?? undefined) : undefined;
    if (res.has_more && cursor === undefined) gaps.stopped = true;
    if (cursor !== undefined && !trail.follow(cursor)) {
      if (trail.endless) gaps.endless = true;
      else gaps.loop = true;
      return;
    }
  } while (cursor !== undefined);
}

async function* search(api: NotionApi, value: 'page' | 'data_source', gaps: ListingGaps) {
  const args: SearchArgs = {
    filter: { property: 'object', value },
    sort: { timestamp: 'last_edited_time', direction: 'descending' },
    page_size: 100,
  };
  try {
    yield* paginate(
      (cursor) =>
        api.read((client) => client.search({ ...args, ...(cursor ? { start_cursor: cursor } : {}) })),
      gaps,
    );
  } catch (error) {
    if (error instanceof HandbookLintError) throw error;
    // Without the listing there is nothing to lint; a partial list would report deleted pages as gone.
    throw new HandbookLintError('SOURCE_FAILED', `Notion search for ${value}s failed: ${api.reason(error)}`);
  }
}

/** A search result as the crawl keeps it; one of the wrong shape fails the search, as a malformed answer does. */
function listed<T>(read: () => T, value: 'page' | 'data_source'): T {
  try {
    return read();
  } catch (error) {
    throw new HandbookLintError(
      'SOURCE_FAILED',
      `Notion search for ${value}s failed: ${(error as Error).message}`,
    );
  }
}

/**
 * Every page the integration can see (data-source rows included), newest edit first, 100 per
 * request: the listing is the whole cost of an unchanged page in an incremental crawl. A page
 * search returns twice (its results shift while it is paged) is listed once.
 */
export async function listPages(
  api: NotionApi,
  gaps: ListingGaps,
  onListed: (count: number) => void,
  onForeignId?: () => void,
): Promise<ListedPage[]> {
  const pages = new Map<string, ListedPage>();
  for await (const result of search(api, 'page', gaps)) {
    if (!isFullPage(result) || result.in_trash || pages.has(result.id)) continue;
    // An id Notion never gives (a path, a query) would steer the requests for the page's content.
    if (!isNotionId(result.id)) {
      onForeignId?.();
      continue;
    }
    pages.set(
      result.id,
      listed(() => listedPage(result), 'page'),
    );
    if (pages.size % 100 === 0) onListed(pages.size);
  }
  onListed(pages.size);
  return [...pages.values()];
}

/** A data source as the crawl needs it. */
export function listedDataSource(result: DataSourceObjectResponse): ListedDataSource {
  checkListed('data source', result);
  return {
    id: result.id,
    databaseId: result.parent.type === 'database_id' ? result.parent.database_id : result.id,
    title: plainText(result.title) || 'Untitled',
    ...(result.database_parent.type === 'page_id' ? { parentPageId: result.database_parent.page_id } : {}),
    createdTime: result.created_time,
    lastEditedTime: result.last_edited_time,
  };
}

/** Every data source the integration can see, by id: one listing instead of one request per database. */
export async function listDataSources(
  api: NotionApi,
  gaps: ListingGaps,
): Promise<Map<string, ListedDataSource>> {
  const sources = new Map<string, ListedDataSource>();
  for await (const result of search(api, 'data_source', gaps)) {
    if (!isFullDataSource(result) || result.in_trash || !isNotionId(result.id)) continue;
    sources.set(
      result.id,
      listed(() => listedDataSource(result), 'data_source'),
    );
  }
  return sources;
}

/** Answers the people list may take: 10,000 people; names past them show as ids. */
const MAX_USER_REQUESTS = 100;

/** User names by id, listed once per crawl; without the user-information capability mentions fall back to ids. */
export async function listUsers(api: NotionApi): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    // A repeated cursor ends the list: names it left out fall back to ids.
    const users = paginate(
      (cursor) =>
        api.read((client) =>
          client.users.list({ page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) }),
        ),
      noGaps(),
      MAX_USER_REQUESTS,
    );
    for await (const user of users) if ('name' in user && user.name) names.set(user.id, user.name);
  } catch (error) {
    if (error instanceof HandbookLintError) throw error;
  }
  return names;
}

/** Whose workspace the token opens ("Notion workspace <id>"), for the ledger; undefined when Notion will not say. */
export async function workspaceIdentity(api: NotionApi): Promise<string | undefined> {
  try {
    const me = await api.read((client) => client.users.me({}));
    const bot = me.type === 'bot' ? (me.bot as { workspace_id?: string }) : {};
    return bot.workspace_id ? `Notion workspace ${bot.workspace_id}` : undefined;
  } catch (error) {
    if (error instanceof HandbookLintError) throw error;
    return undefined;
  }
}
