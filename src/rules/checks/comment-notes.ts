import type { Nodes, RootContent } from 'mdast';
import type { Page } from '../../model/page.js';
import type { Hit } from '../check.js';
import type { RuleRegex } from '../regex.js';
import { spanPosition } from './text.js';
import { compileRegex, truncate } from './values.js';

const OPEN = '<!--';
const CLOSE = '-->';

/** The bodies of the closed HTML comments in a text, each with its offset there; found by `indexOf`, one scan. */
function comments(text: string): { body: string; at: number }[] {
  const found: { body: string; at: number }[] = [];
  for (let open = text.indexOf(OPEN); open !== -1; ) {
    const close = text.indexOf(CLOSE, open + OPEN.length);
    if (close === -1) break;
    found.push({ body: text.slice(open + OPEN.length, close), at: open + OPEN.length });
    open = text.indexOf(OPEN, close + CLOSE.length);
  }
  return found;
}

/** An HTML block that is nothing but comments and the space between them (one scan, however many). */
function onlyComments(node: RootContent): boolean {
  if (node.type !== 'html') return false;
  const text = node.value;
  let from = 0;
  for (const { body, at } of comments(text)) {
    if (text.slice(from, at - OPEN.length).trim() !== '') return false;
    from = at + body.length + CLOSE.length;
  }
  return from > 0 && text.slice(from).trim() === '';
}

/** Adds to `hits` each match of `patterns` in the comments of an HTML node at `offset`; `where` ends its message. */
function notesIn(
  page: Page,
  html: string,
  offset: number,
  patterns: readonly RuleRegex[],
  where: string,
  hits: Hit[],
): void {
  for (const { body: text, at } of comments(html))
    for (const re of patterns)
      for (const match of re.matchAll(text)) {
        const start = offset + at + match.index;
        hits.push({
          data: { placeholder: match[0] },
          position: spanPosition(page, start, start + match[0].length),
          excerpt: truncate(text.trim(), 120),
          matched: `${match[0]} in an HTML comment ${where}`,
        });
      }
}

/**
 * The notes in HTML comments of a page that holds nothing else: front matter, headings and comments only
 * (`# Assemblées générales` over `<!-- TODO: a page per meeting -->`). Comments are skipped elsewhere on
 * purpose: a template's instructions to its authors live there, invisible on a page that is written. On a
 * page with no body the note is all there is, and it says why: a stub a reader lands on, left unfinished.
 */
function stubCommentNotes(page: Page, patterns: readonly RuleRegex[]): Hit[] {
  const body = page.tree.children.filter((node) => node.type !== 'yaml');
  if (!body.some(onlyComments) || !body.every((node) => node.type === 'heading' || onlyComments(node)))
    return [];
  const hits: Hit[] = [];
  for (const node of body) {
    const offset = node.position?.start.offset;
    if (node.type !== 'html' || offset === undefined) continue;
    notesIn(page, node.value, offset, patterns, 'of a page with no other text', hits);
  }
  return hits;
}

/** Where an HTML comment is part of the text: the parser keeps one on its own line as a block of its own. */
const PHRASING = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link']);

/**
 * The notes in HTML comments written inside the text ("See the article <!-- link needed --> on ..."): the
 * author's note to themselves, left where the missing part goes. A template's instructions stand on their
 * own lines, as blocks of their own, and are not read here. Walked with a stack: a page nests deep.
 */
function inlineCommentNotes(page: Page, patterns: readonly RuleRegex[]): Hit[] {
  const hits: Hit[] = [];
  const stack: Nodes[] = [page.tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('children' in node)) continue;
    for (const child of node.children) {
      const offset = child.position?.start.offset;
      if (child.type !== 'html' || !PHRASING.has(node.type) || offset === undefined) {
        stack.push(child);
        continue;
      }
      notesIn(page, child.value, offset, patterns, 'inside the text', hits);
    }
  }
  return hits;
}

/** The placeholder check's settings for notes in comments. */
interface CommentSettings {
  'stub-comments': boolean;
  'stub-except-fields': string[];
  'inline-comment-patterns': string[];
}

/**
 * The notes in a page's HTML comments: on a stub of nothing but headings and comments, `patterns` (unless a
 * field such as `redirect-to` sends the reader on); inside the text, `patterns` and the inline ones; none
 * that `ignore` matches.
 */
export function commentNotes(
  page: Page,
  opts: CommentSettings,
  patterns: readonly RuleRegex[],
  ignore: readonly RuleRegex[],
): Hit[] {
  const stub = opts['stub-comments'] && !opts['stub-except-fields'].some((name) => page.fields[name]);
  const inline = opts['inline-comment-patterns'].map((source) => compileRegex(source, ''));
  // `ignore-patterns` silence a note in a comment as they silence the same note in the text.
  return [
    ...(stub ? stubCommentNotes(page, patterns) : []),
    ...(inline.length ? inlineCommentNotes(page, [...patterns, ...inline]) : []),
  ].filter((hit) => !ignore.some((re) => re.test(String(hit.data?.placeholder))));
}
