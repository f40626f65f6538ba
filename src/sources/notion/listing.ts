import {
  type Client,
  isFullDataSource,
  isFullPage,
  iteratePaginatedAPI,
  type PageObjectResponse,
} from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import type { NotionApi } from './api.js';
import { plainText } from './properties.js';

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
function listedPage(page: PageObjectResponse): ListedPage {
  return {
    id: page.id,
    url: page.url,
    parent: parentRef(page.parent),
    createdTime: page.created_time,
    lastEditedTime: page.last_edited_time,
    createdBy: page.created_by.id,
    properties: page.properties,
  };
}

type SearchArgs = Parameters<Client['search']>[0];

async function* search(api: NotionApi, value: 'page' | 'data_source') {
  const args: SearchArgs = {
    filter: { property: 'object', value },
    sort: { timestamp: 'last_edited_time', direction: 'descending' },
    page_size: 100,
  };
  try {
    yield* iteratePaginatedAPI((next: SearchArgs) => api.read((client) => client.search(next)), args);
  } catch (error) {
    if (error instanceof HandbookLintError) throw error;
    // Without the listing there is nothing to lint; a partial list would report deleted pages as gone.
    throw new HandbookLintError('SOURCE_FAILED', `Notion search for ${value}s failed: ${api.reason(error)}`);
  }
}

/**
 * Every page the integration can see (data-source rows included), newest edit first, 100 per
 * request: the listing is the whole cost of an unchanged page in an incremental crawl.
 */
export async function listPages(api: NotionApi, onListed: (count: number) => void): Promise<ListedPage[]> {
  const pages: ListedPage[] = [];
  for await (const result of search(api, 'page')) {
    if (!isFullPage(result) || result.in_trash) continue;
    pages.push(listedPage(result));
    if (pages.length % 100 === 0) onListed(pages.length);
  }
  onListed(pages.length);
  return pages;
}

/** Every data source the integration can see, by id: one listing instead of one request per database. */
export async function listDataSources(api: NotionApi): Promise<Map<string, ListedDataSource>> {
  const sources = new Map<string, ListedDataSource>();
  for await (const result of search(api, 'data_source')) {
    if (!isFullDataSource(result) || result.in_trash) continue;
    sources.set(result.id, {
      id: result.id,
      databaseId: result.parent.type === 'database_id' ? result.parent.database_id : result.id,
      title: plainText(result.title) || 'Untitled',
      ...(result.database_parent.type === 'page_id' ? { parentPageId: result.database_parent.page_id } : {}),
      createdTime: result.created_time,
      lastEditedTime: result.last_edited_time,
    });
  }
  return sources;
}

/** User names by id, listed once per crawl; without the user-information capability mentions fall back to ids. */
export async function listUsers(api: NotionApi): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const users = iteratePaginatedAPI(
      (args: Parameters<Client['users']['list']>[0]) => api.read((client) => client.users.list(args)),
      { page_size: 100 },
    );
    for await (const user of users) if ('name' in user && user.name) names.set(user.id, user.name);
  } catch (error) {
    if (error instanceof HandbookLintError) throw error;
  }
  return names;
}
