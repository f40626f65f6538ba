import { posix } from 'node:path';
import type { Root } from 'mdast';
import type { Position } from '../model/position.js';
import { wikiKey } from '../platforms/urls.js';
import { pushAll } from '../push-all.js';

/**
 * A link destination in a page's Markdown that names a wiki page. Found while the page's syntax
 * tree is at hand; applied once every page's file is known, since a link may lead to a page the
 * crawl has not reached yet.
 */
export interface LinkEdit {
  /** Offsets of the text to replace in the page's Markdown. */
  start: number;
  end: number;
  key: string;
  anchor?: string;
  /** A bare URL or `<url>` autolink: the whole link becomes `[text](path)`, `text` being what was shown. */
  text?: string;
  /** In an HTML attribute: the path is written HTML-escaped. */
  html?: boolean;
}

type Node = { type: string; url?: string; value?: string; children?: Node[]; position?: Position };

const HTML_HREF = /(<a\s[^>]*?href\s*=\s*)(["'])([^"']+)\2/gi;

/** The page a URL names and the anchor it carries, when it names a wiki page. */
function target(href: string): { key: string; anchor?: string } | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const key = wikiKey(url);
  if (!key) return undefined;
  const hash = href.indexOf('#');
  return hash < 0 ? { key } : { key, anchor: href.slice(hash + 1) };
}

/** End of a link destination starting at `at` (`<...>`, or a run without spaces whose parentheses balance). */
function destinationEnd(markdown: string, at: number): number {
  if (markdown[at] === '<') {
    const close = markdown.indexOf('>', at);
    return close < 0 ? at : close + 1;
  }
  let depth = 0;
  let i = at;
  for (; i < markdown.length; i++) {
    const c = markdown[i] as string;
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) break;
    else if (/\s/.test(c)) break;
  }
  return i;
}

/** Start of the destination after `](` or `]:` (and the spaces or one line break that may follow). */
function destinationStart(markdown: string, from: number): number {
  let i = from;
  while (i < markdown.length && /[ \t]/.test(markdown[i] as string)) i++;
  if (markdown[i] === '\n') i++;
  while (i < markdown.length && /[ \t]/.test(markdown[i] as string)) i++;
  return i;
}

function linkEdit(node: Node, markdown: string): LinkEdit | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const found = node.url === undefined ? undefined : target(node.url);
  if (start === undefined || end === undefined || !found) return undefined;
  const source = markdown.slice(start, end);
  if (node.type === 'definition') {
    const label = /^\[(?:\\.|[^\\\]])*\]:/.exec(source);
    if (!label) return undefined;
    const at = destinationStart(markdown, start + label[0].length);
    return { start: at, end: destinationEnd(markdown, at), ...found };
  }
  if (!source.startsWith('[')) {
    // A bare URL or an autolink: a relative path is neither, so it becomes a link showing the same text.
    const shown = source.startsWith('<') ? source.slice(1, -1) : source;
    return { start, end, ...found, text: shown };
  }
  const last = node.children?.at(-1)?.position?.end.offset ?? start + 1;
  const bracket = markdown.indexOf('](', last);
  if (bracket < 0 || bracket >= end) return undefined;
  const at = destinationStart(markdown, bracket + 2);
  return { start: at, end: destinationEnd(markdown, at), ...found };
}

function htmlEdits(node: Node, markdown: string): LinkEdit[] {
  const start = node.position?.start.offset;
  if (start === undefined || node.value === undefined) return [];
  const edits: LinkEdit[] = [];
  for (const match of node.value.matchAll(HTML_HREF)) {
    const href = match[3] as string;
    const found = target(href);
    if (!found) continue;
    const at = start + (match.index ?? 0) + (match[1] as string).length + 1;
    // The node's value is its source text, but check, so a mismatch can never corrupt the page.
    if (markdown.slice(at, at + href.length) === href)
      edits.push({ start: at, end: at + href.length, ...found, html: true });
  }
  return edits;
}

/** Every link destination in a page that names a wiki page: links, reference definitions, bare URLs, HTML anchors. */
export function findLinkEdits(tree: Root, markdown: string): LinkEdit[] {
  const edits: LinkEdit[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'link' || node.type === 'definition') {
      const edit = linkEdit(node, markdown);
      if (edit) edits.push(edit);
      return;
    }
    if (node.type === 'html') pushAll(edits, htmlEdits(node, markdown));
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as unknown as Node);
  return edits.sort((a, b) => a.start - b.start);
}

function destination(path: string, anchor: string | undefined, html: boolean | undefined): string {
  const full = anchor === undefined ? path : `${path}#${anchor}`;
  if (html) return full.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return /[\s<>()]/.test(full) ? `<${full.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : full;
}

/**
 * Points links at mirrored pages to their files, relative to `from` and keeping the anchor. Links
 * to pages the mirror lacks keep their wiki URL: the site resolves wiki URLs in a Markdown
 * folder too, so a link broken in the wiki stays broken in the mirror, with the same message.
 */
export function rewriteLinks(
  markdown: string,
  edits: readonly LinkEdit[],
  from: string,
  fileOf: (key: string) => string | undefined,
): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    const file = fileOf(edit.key);
    if (file === undefined || edit.start < at) continue;
    const path = posix.relative(posix.dirname(from), file);
    const dest = destination(path, edit.anchor, edit.html);
    const text = edit.text?.replace(/[\\[\]]/g, '\\$&');
    out += markdown.slice(at, edit.start) + (text === undefined ? dest : `[${text}](${dest})`);
    at = edit.end;
  }
  return out + markdown.slice(at);
}
