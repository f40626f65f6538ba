import { isNotFoundError } from 'confluence.js';
import { closest } from '../../closest.js';
import { HandbookLintError } from '../../errors.js';
import { oneLine } from '../../http/source-client.js';
import { CursorTrail } from '../../listing-check.js';
import type { ConfluenceApi } from './api.js';
import {
  answerPages,
  isContentId,
  type ListedPage,
  listedPage,
  type Probe,
  unreadReason,
} from './listed-page.js';

/** What v2 allows per request: 250 pages or ids per page of results, 100 space ids per filter, 250 account ids. */
export const MAX_PAGE_LIMIT = 250;
const MAX_SPACE_IDS = 100;
const MAX_USER_IDS = 250;
/** v1 CQL search answers at most 200 results per call when no body is expanded. */
const MAX_CQL_LIMIT = 200;

/**
 * The results of a listing answer. A 200 without the array (every listing answers one, empty at its end) is
 * no answer of the listing: taken as empty, a page listing without `results` linted no page and the run was
 * clean (exit 0), a label search without them left every page unlabelled, and a comment listing hid ours.
 */
export function resultsOf<T>(answer: { results?: T[] }, what: string): T[] {
  if (Array.isArray(answer.results)) return answer.results;
  throw new Error(`the ${what} answered without its results`);
}

/** A space as the crawl needs it: the key for URLs and CQL, the name for breadcrumbs. */
export interface ListedSpace {
  id: string;
  key: string;
  name: string;
  homepageId?: string;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The cursor in a `_links.next` URL (v2 starts with /wiki/api/v2, v1 is relative to /wiki). */
function cursorOf(next: string | undefined): string | undefined {
  return next
    ? (new URL(next, 'http://confluence.invalid').searchParams.get('cursor') ?? undefined)
    : undefined;
}

/**
 * Hears that a listing stopped before its end: it repeated a cursor (a loop), or it did not end
 * within MAX_LISTING_REQUESTS answers (`endless`); its name says which listing.
 */
export type OnLoop = (listing: string, endless: boolean) => void;

/** A failure that leaves nothing to lint (no listing): AUTH_FAILED stays as it is, the rest is SOURCE_FAILED. */
function sourceFailed(api: ConfluenceApi, what: string, error: unknown): HandbookLintError {
  if (error instanceof HandbookLintError) return error;
  return new HandbookLintError('SOURCE_FAILED', `Confluence ${what} failed: ${api.reason(error)}`);
}

/** The spaces to crawl: the configured keys (each must exist) or every space the account can see. */
export async function listSpaces(
  api: ConfluenceApi,
  keys: readonly string[],
  onLoop?: OnLoop,
): Promise<ListedSpace[]> {
  const spaces: ListedSpace[] = [];
  try {
    for (const batch of keys.length ? chunks(keys, MAX_PAGE_LIMIT) : [undefined]) {
      const trail = new CursorTrail();
      let cursor: string | undefined;
      do {
        const params = {
          limit: MAX_PAGE_LIMIT,
          ...(batch ? { keys: batch } : {}),
          ...(cursor ? { cursor } : {}),
        };
        const res = await api.read((c) => c.v2.space.getSpaces(params));
        for (const s of resultsOf(res, 'space listing')) {
          if (s.id && s.key)
            spaces.push({
              id: s.id,
              key: s.key,
              name: s.name ?? s.key,
              ...(s.homepageId ? { homepageId: s.homepageId } : {}),
            });
        }
        cursor = cursorOf(res._links?.next);
        if (cursor && !trail.follow(cursor)) {
          onLoop?.('space listing', trail.endless);
          break;
        }
      } while (cursor);
    }
  } catch (error) {
    throw sourceFailed(api, 'space listing', error);
  }
  const missing = keys.filter((key) => !spaces.some((s) => s.key === key));
  if (missing.length) {
    throw new HandbookLintError(
      'SOURCE_NOT_FOUND',
      `Confluence space ${missing.join(', ')} not found, or not visible to this account (sources.confluence.spaces).${await keysMeant(api, missing)}`,
    );
  }
  return spaces;
}

/**
 * " Did you mean ENG?" for keys that miss a visible space by case or a typo (`eng`: the API matches
 * keys exactly), from one more listing of every space; nothing when that fails or nothing is near.
 */
export async function keysMeant(api: ConfluenceApi, missing: readonly string[]): Promise<string> {
  const visible = await listSpaces(api, []).then(
    (all) => all.map((s) => s.key),
    () => [],
  );
  const meant = missing.flatMap((key) => {
    const near = visible.find((v) => v.toLowerCase() === key.toLowerCase()) ?? closest(key, visible);
    return near ? [near] : [];
  });
  return meant.length ? ` Did you mean ${meant.join(', ')}?` : '';
}

/**
 * Every current page of the spaces (all spaces when `spaceIds` is undefined), 250 per request, oldest
 * first, with storage bodies when `withBodies` (a full crawl then costs one request per 250 pages).
 * Each page of results goes to `onBatch` as it arrives, so the crawl can build pages meanwhile;
 * `beforeNext` may hold the next request back. A cursor that comes back a second time ends the
 * listing there and goes to `onLoop`: followed, it would loop forever. Results whose id is no
 * Confluence id are left out (no later request may carry it); resolves to how many.
 */
export async function listPages(
  api: ConfluenceApi,
  spaceIds: readonly string[] | undefined,
  withBodies: boolean,
  onBatch: (pages: ListedPage[]) => void,
  beforeNext?: () => Promise<void>,
  onLoop?: OnLoop,
): Promise<number> {
  let dropped = 0;
  try {
    for (const batch of spaceIds ? chunks(spaceIds, MAX_SPACE_IDS) : [undefined]) {
      const trail = new CursorTrail();
      let cursor: string | undefined;
      do {
        if (cursor) await beforeNext?.();
        const params = {
          limit: MAX_PAGE_LIMIT,
          status: ['current'],
          // Creation order, as the label search: a page's labels then arrive about when the page does.
          sort: 'created-date',
          ...(batch ? { spaceId: batch.map(Number) } : {}),
          ...(withBodies ? { bodyFormat: 'storage' } : {}),
          ...(cursor ? { cursor } : {}),
        };
        const res = await api.read((c) => c.v2.page.getPages(params));
        const kept = answerPages(api, res);
        dropped += resultsOf(res, 'page listing').length - kept.length;
        onBatch(kept);
        cursor = cursorOf(res._links?.next);
        if (cursor && !trail.follow(cursor)) {
          onLoop?.('page listing', trail.endless);
          break;
        }
      } while (cursor);
    }
    return dropped;
  } catch (error) {
    // A partial listing would make every unlisted page look deleted; nothing is linted instead.
    throw sourceFailed(api, 'page listing', error);
  }
}

type CqlAnswer = Awaited<ReturnType<ConfluenceApi['clients']['v1']['content']['searchContentByCQL']>>;

/**
 * Labels of every page in the spaces, through CQL (listings carry none): one request per 200 pages,
 * oldest first. Each page of results goes to `onBatch` with every page it covers, labelled or not.
 * Later requests follow `_links.next` as Confluence wrote it, every parameter kept (v1 paging may
 * need more than the cursor); a link that comes back a second time ends the search and goes to `onLoop`.
 * Resolves to whether the search may have been cut short: its last answer was full (as many results
 * as asked for) and yet gave no next link.
 */
export async function listLabels(
  api: ConfluenceApi,
  spaceKeys: readonly string[] | undefined,
  onBatch: (labels: [string, string[]][]) => void,
  onLoop?: OnLoop,
): Promise<boolean> {
  const quoted = spaceKeys?.map((key) => `"${key}"`).join(',');
  const cql = `${quoted ? `type = page AND space IN (${quoted})` : 'type = page'} ORDER BY created`;
  const trail = new CursorTrail();
  try {
    let res: CqlAnswer = await api.read((c) =>
      c.v1.content.searchContentByCQL({ cql, expand: ['metadata.labels'], limit: MAX_CQL_LIMIT }),
    );
    for (;;) {
      const batch: [string, string[]][] = [];
      for (const content of resultsOf(res, 'label search')) {
        const found = content.metadata?.labels;
        const list = Array.isArray(found) ? found : (found?.results ?? []);
        if (content.id) batch.push([content.id, list.map((label) => label.name).filter(Boolean)]);
      }
      onBatch(batch);
      const next = res._links?.next;
      if (!next) return resultsOf(res, 'label search').length >= MAX_CQL_LIMIT;
      if (!trail.follow(next)) {
        onLoop?.('label search', trail.endless);
        return false;
      }
      res = await api.follow<CqlAnswer>(next, res._links?.base);
    }
  } catch (error) {
    // Labels type pages (decision, meeting-notes); without them the findings would silently change.
    throw sourceFailed(api, 'label search', error);
  }
}

/** Display names by account id, 250 per request; unknown or failed look-ups fall back to the id. */
export async function lookupUsers(
  api: ConfluenceApi,
  accountIds: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    chunks([...accountIds], MAX_USER_IDS).map(async (batch) => {
      try {
        const res = await api.read((c) => c.v2.user.createBulkUserLookup({ body: { accountIds: batch } }));
        for (const user of res.results ?? [])
          if (user.accountId && user.displayName) names.set(user.accountId, user.displayName);
      } catch (error) {
        if (error instanceof HandbookLintError) throw error;
      }
    }),
  );
  return names;
}

/** A Cloud folder as the tree needs it: its title and where it sits (a page, another folder, the space). */
export interface ListedFolder {
  id: string;
  title: string;
  spaceId: string;
  parentId?: string;
  parentFolder?: true;
}

/** One folder by id; undefined when it cannot be read (the pages in it then hang at the top of the space, as before). */
export async function getFolder(api: ConfluenceApi, id: string): Promise<ListedFolder | undefined> {
  if (!isContentId(id)) return undefined;
  try {
    const folder = await api.read((c) => c.v2.folder.getFolderById({ id: Number(id) }));
    const parentId =
      (folder.parentType === 'page' || folder.parentType === 'folder') && isContentId(folder.parentId)
        ? folder.parentId
        : undefined;
    return {
      id,
      title: folder.title ?? `Folder ${id}`,
      spaceId: folder.spaceId ?? '',
      ...(parentId ? { parentId } : {}),
      ...(parentId && folder.parentType === 'folder' ? { parentFolder: true as const } : {}),
    };
  } catch (error) {
    if (error instanceof HandbookLintError) throw error;
    return undefined;
  }
}

/** One page by id, with its storage body when asked; how it failed when it cannot be read. */
export async function probePage(api: ConfluenceApi, id: string, withBody: boolean): Promise<Probe> {
  if (!isContentId(id)) return { notFound: `${id} is no Confluence page id` };
  try {
    const page = await api.read((c) =>
      c.v2.page.getPageById({ id: Number(id), ...(withBody ? { bodyFormat: 'storage' } : {}) }),
    );
    // An answer about another page is not this one's: taken as found, it would stand in for it.
    if (page.id !== id)
      return { failed: `Confluence answered page ${id} with page ${oneLine(String(page.id))}` };
    const unreadable = unreadReason(api, page, []);
    return { found: { ...listedPage(page), ...(unreadable ? { unreadable } : {}) } };
  } catch (error) {
    if (error instanceof HandbookLintError) throw error;
    return isNotFoundError(error) ? { notFound: api.reason(error) } : { failed: api.reason(error) };
  }
}
