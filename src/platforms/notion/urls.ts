// The SDK's id parser from its own module: the config reads ids without loading the whole client.
import { extractNotionId } from '@notionhq/client/build/src/helpers.js';

const NOTION_HOST = /(^|\.)notion\.(so|site)$/;
const NOTION_ID =
  /(?:^|[-/])([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:$|[?#])/i;

// A page opened in a peek keeps the database's or parent's id in the path and names itself in `p=`.
const PEEKED_PAGE = /[?&]p=([0-9a-f]{32})(?:&|#|$)/i;

const ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Whether an id from an answer is one Notion gives (a UUID, dashed or not): only such ids are asked for. */
export function isNotionId(id: string | null | undefined): id is string {
  return typeof id === 'string' && ID.test(id);
}

/** A Notion id in its dashed form, the form page keys use. */
export function dashedNotionId(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The page key a Notion page URL (or a URL carrying a page id) names. */
export function notionPageKey(url: URL): string | undefined {
  if (!NOTION_HOST.test(url.hostname)) return undefined;
  const id = PEEKED_PAGE.exec(url.search)?.[1] ?? NOTION_ID.exec(url.pathname + url.search)?.[1];
  return id ? `notion:${dashedNotionId(id)}` : undefined;
}

/** A page id or URL as the config names it, dashed; undefined when it names no Notion page. */
export function notionIdOf(ref: string): string | undefined {
  const id = PEEKED_PAGE.exec(ref)?.[1] ?? extractNotionId(ref);
  return id === null ? undefined : dashedNotionId(id);
}
