import { dashedNotionId } from './urls.js';

/** What converting a page needs to know about the rest of the workspace. */
export interface MentionLookup {
  pageTitle(id: string): string | undefined;
  userName(id: string): string | undefined;
}

/** An unloadable block tag from the markdown endpoint: `<unknown url="…#<block>" alt="toggle"/>`. */
export interface UnknownTag {
  tag: string;
  id: string;
  alt: string;
  url: string;
}

const HEX_ID = /([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const UNKNOWN = /<unknown\s+url="([^"]*)"\s+alt="([^"]*)"\s*\/>/g;
// A tag's name (a page title: Notion keeps one within 2,000 characters) is read that far for its closing
// tag, and a date tag's attributes not past a `<`: a line of tags left open is otherwise read to its end
// from each of them, hours of work on a page built that way.
const MENTION = /<mention-(page|database|user)\s+url="([^"]*)"\s*(?:\/>|>(.{0,2000}?)<\/mention-\1>)/g;
const MENTION_DATE = /<mention-date\s+start="([^"]*)"(?:\s+end="([^"]*)")?[^<>]*?\/>/g;
const CHILD = /<(page|database)\s+url="([^"]*)"[^>]*>(.{0,2000}?)<\/\1>/g;
// A line that is one child block, tried at its start only (sticky): a line of openers is read once.
const CHILD_LINE = new RegExp(`${CHILD.source}$`, 'y');
const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/**
 * The child page and database blocks at the top of a page's markdown, each a line of its own as the
 * API renders them: a rewrite with `replace_content` that leaves them out is refused (it would delete
 * them), so a rewrite carries them over.
 */
export function childBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const line of markdown.split('\n')) {
    CHILD_LINE.lastIndex = 0;
    const match = CHILD_LINE.exec(line.trimEnd());
    if (match) blocks.push(match[0]);
  }
  return blocks;
}

/** The id a Notion URL points at: the `#block` fragment when present, else the page in the path. */
export function idInUrl(url: string): string | undefined {
  const hash = url.indexOf('#');
  const fragment = hash < 0 ? undefined : HEX_ID.exec(url.slice(hash + 1))?.[1];
  const path = HEX_ID.exec(hash < 0 ? url : url.slice(0, hash))?.[1];
  const id = fragment ?? path;
  return id ? dashedNotionId(id) : undefined;
}

/** The title Notion puts in a page URL's slug ("Compensation-bands-<id>" -> "Compensation bands"), for pages we cannot read. */
export function titleFromUrl(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  return (
    last
      .replace(/-?[0-9a-f]{32}$/i, '')
      .replace(/-/g, ' ')
      .trim() || 'Untitled'
  );
}

/** Every unloadable block tag in a page, in order. */
export function unknownTags(markdown: string): UnknownTag[] {
  const tags: UnknownTag[] = [];
  for (const m of markdown.matchAll(UNKNOWN)) {
    const [tag, url = '', alt = ''] = m;
    const id = idInUrl(url);
    if (id) tags.push({ tag, id, alt, url });
  }
  return tags;
}

/** Escapes a plain title for Markdown link text. */
export const linkText = (text: string) => text.replace(/([\\[\]])/g, '\\$1');
/** Escapes brackets in text Notion already escaped for markdown (`\<`), leaving its backslashes alone. */
const bracketSafe = (text: string) => text.replace(/(?<!\\)([[\]])/g, '\\$1');

/** A child page tag of a page we could not read becomes a link too, so the link graph sees the child. */
function replaceUnknownChild(line: string): string {
  return line.replace(UNKNOWN, (tag, url: string, alt: string) =>
    alt === 'child_page' ? `[${linkText(titleFromUrl(url))}](${url})` : tag,
  );
}

function convertLine(line: string, lookup: MentionLookup): string {
  return replaceUnknownChild(
    line
      .replace(MENTION, (_tag, kind: string, url: string, inner: string | undefined) => {
        const id = idInUrl(url);
        if (kind === 'user') {
          const userId = HEX_ID.exec(url)?.[1];
          return `@${(userId && lookup.userName(dashedNotionId(userId))) ?? inner ?? 'unknown user'}`;
        }
        // Untitled is what the API itself shows for a page the integration cannot see.
        const title = inner ?? (id && lookup.pageTitle(id)) ?? 'Untitled';
        return `[${inner ? bracketSafe(title) : linkText(title)}](${url})`;
      })
      .replace(MENTION_DATE, (_tag, start: string, end: string | undefined) =>
        end ? `${start} – ${end}` : start,
      )
      .replace(CHILD, (_tag, _kind, url: string, title: string) => `[${bracketSafe(title)}](${url})`),
  );
}

/** Whether two adjacent lines belong to one CommonMark block (list items, nested children, table rows). */
function sameBlock(previous: string, line: string): boolean {
  if (/^(\t| {2,})/.test(line)) return true; // a nested child of the block above
  if (LIST_ITEM.test(line)) return LIST_ITEM.test(previous) || /^(\t| {2,})/.test(previous);
  return previous.startsWith('|') && line.startsWith('|');
}

/**
 * Notion's enhanced markdown as CommonMark the shared parser reads like any Markdown page: page,
 * database and child tags become links (`[Title](https://www.notion.so/…)`) the site resolves,
 * user mentions become `@Name`, and blocks, which Notion separates with single newlines, get
 * blank lines between them so each tag and paragraph is its own block. Code stays untouched.
 */
export function toCommonMark(markdown: string, lookup: MentionLookup): string {
  const out: string[] = [];
  let fence: string | undefined;
  let previous = '';
  for (const line of markdown.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      out.push(line);
      if (marker === fence) fence = undefined;
      previous = line;
      continue;
    }
    if (line.trim() && previous.trim() && !sameBlock(previous, line)) out.push('');
    if (marker) fence = marker;
    const converted = marker ? line : convertLine(line, lookup);
    out.push(converted);
    previous = converted;
  }
  return out.join('\n');
}
