import type { CachedPage } from '../../state.js';
import type { ConfluenceApi } from './api.js';
import { fetchBodies, type ListedPage } from './listing.js';

/** A page's storage body, or why it could not be read. */
export type Content = { storage: string } | { unreadable: string };

/** The bodies of one crawl and the cache entries for the next. */
export interface Bodies {
  /** Page metadata by id; a page fetched again replaces its listing entry (the fetch is newer). */
  pages: Map<string, ListedPage>;
  contents: Map<string, Content>;
  /** The ledger's pages after this crawl: what was read, keyed by version. */
  cache: Record<string, CachedPage>;
  fetched: number;
  cached: number;
}

const ACCOUNT_ID = /ri:account-id="([^"]+)"/g;

/**
 * Each page's storage: from the listing when it carried bodies, from the cache when the version is
 * unchanged, else fetched in bulk (250 per request). Only what was read goes back into the cache.
 */
export async function loadBodies(
  api: ConfluenceApi,
  selected: readonly ListedPage[],
  previous: Readonly<Record<string, CachedPage>>,
): Promise<Bodies> {
  const bodies: Bodies = {
    pages: new Map(selected.map((page) => [page.id, page])),
    contents: new Map(),
    cache: {},
    fetched: 0,
    cached: 0,
  };
  const keep = (page: ListedPage, storage: string) => {
    bodies.contents.set(page.id, { storage });
    bodies.cache[page.id] = { version: String(page.version), markdown: storage };
  };
  const wanted: string[] = [];
  for (const page of selected) {
    const hit = previous[page.id];
    if (page.storage !== undefined) {
      keep(page, page.storage);
      bodies.fetched++;
    } else if (hit && hit.version === String(page.version)) {
      bodies.contents.set(page.id, { storage: hit.markdown });
      bodies.cache[page.id] = hit;
      bodies.cached++;
    } else wanted.push(page.id);
  }
  for (const [id, body] of await fetchBodies(api, wanted)) {
    if ('unreadable' in body) bodies.contents.set(id, body);
    else {
      bodies.pages.set(id, body);
      keep(body, body.storage ?? '');
      bodies.fetched++;
    }
  }
  return bodies;
}

/** Every account a page names (owner, author, mentions), so all names come from one bulk look-up. */
export function accountIds(bodies: Bodies): Set<string> {
  const ids = new Set<string>();
  for (const page of bodies.pages.values()) {
    if (page.ownerId) ids.add(page.ownerId);
    if (page.authorId) ids.add(page.authorId);
    const content = bodies.contents.get(page.id);
    if (content && 'storage' in content)
      for (const m of content.storage.matchAll(ACCOUNT_ID)) ids.add(m[1] as string);
  }
  return ids;
}
