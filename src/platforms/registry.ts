import { confluencePageKey } from './confluence/urls.js';
import { notionPageKey } from './notion/urls.js';

/** What the link graph knows of every wiki, configured or not: its URLs. Loading it loads no SDK. */
interface WikiUrls {
  id: string;
  pageKey(url: URL): string | undefined;
}

const WIKI_URLS: readonly WikiUrls[] = [
  { id: 'notion', pageKey: notionPageKey },
  { id: 'confluence', pageKey: confluencePageKey },
];

/** The page key a wiki URL names, whichever wiki it belongs to; undefined for any other URL. */
export function wikiKey(url: URL): string | undefined {
  for (const wiki of WIKI_URLS) {
    const key = wiki.pageKey(url);
    if (key) return key;
  }
  return undefined;
}
