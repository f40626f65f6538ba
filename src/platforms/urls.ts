import { confluencePageKey } from './confluence/urls.js';
import { notionPageKey } from './notion/urls.js';

/**
 * Every wiki's URLs, for the link graph: a URL of any of them names a page, whether or not that
 * wiki is configured (a mirror keeps its wiki's URLs). Cheap to load: no platform code, no SDK. A
 * platform whose pages have URLs adds its recognizer here.
 */
const PAGE_KEYS: readonly ((url: URL) => string | undefined)[] = [notionPageKey, confluencePageKey];

/** The page key a wiki URL names, whichever wiki it belongs to; undefined for any other URL. */
export function wikiKey(url: URL): string | undefined {
  for (const pageKey of PAGE_KEYS) {
    const key = pageKey(url);
    if (key) return key;
  }
  return undefined;
}
