// The editor's URL (`pages/edit-v2/ID`) names the page as its view URL does.
const CONFLUENCE_PAGE =
  /\/wiki\/(?:spaces\/[^/]+\/pages\/(?:edit(?:-v2)?\/)?|pages\/viewpage\.action\?(?:.*&)?pageId=)(\d+)/;
// The Confluence source links a page title no page has as `/wiki/spaces/KEY/pages/title/<title>`.
const CONFLUENCE_TITLE = /\/wiki\/spaces\/([^/]+)\/pages\/title\/([^/?#]+)/;

// The share dialog's short link: the page id's little-endian bytes in base64, with `+` and `/`
// written `_` and `-` and the trailing zero digits (`A`) and padding dropped.
const CONFLUENCE_SHORT = /\/wiki\/x\/([A-Za-z0-9_-]{1,11})(?:[/?#]|$)/;

function shortLinkId(code: string): string | undefined {
  const bytes = Buffer.from(code.replace(/_/g, '+').replace(/-/g, '/').padEnd(12, 'A'), 'base64');
  let id = 0n;
  for (let i = 7; i >= 0; i--) id = (id << 8n) | BigInt(bytes[i] ?? 0);
  return id > 0n ? String(id) : undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The page key a Confluence page URL names; a title link to no page gets a key no page has, so it
 * resolves as missing: a broken link to that title.
 */
export function confluencePageKey(url: URL): string | undefined {
  const page = CONFLUENCE_PAGE.exec(url.pathname + url.search);
  if (page?.[1]) return `confluence:${page[1]}`;
  const short = CONFLUENCE_SHORT.exec(url.pathname)?.[1];
  const shortId = short ? shortLinkId(short) : undefined;
  if (shortId) return `confluence:${shortId}`;
  const title = CONFLUENCE_TITLE.exec(url.pathname);
  return title?.[1] && title[2]
    ? `confluence:title:${safeDecode(title[1])}/${safeDecode(title[2])}`
    : undefined;
}

/** A page as the config names it, by id or page URL; undefined when it names no Confluence page. */
export function confluencePageId(ref: string): string | undefined {
  if (/^\d+$/.test(ref)) return ref;
  try {
    return confluencePageKey(new URL(ref))?.replace(/^confluence:/, '');
  } catch {
    return undefined;
  }
}
