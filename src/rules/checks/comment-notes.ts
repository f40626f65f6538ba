import type { RootContent } from 'mdast';
import type { Page } from '../../model/page.js';
import type { Hit } from '../check.js';
import type { RuleRegex } from '../regex.js';
import { spanPosition } from './text.js';
import { truncate } from './values.js';

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

/**
 * The notes in HTML comments of a page that holds nothing else: front matter, headings and comments only
 * (`# Assemblées générales` over `<!-- TODO: a page per meeting -->`). Comments are skipped elsewhere on
 * purpose: a template's instructions to its authors live there, invisible on a page that is written. On a
 * page with no body the note is all there is, and it says why: a stub a reader lands on, left unfinished.
 */
export function stubCommentNotes(page: Page, patterns: readonly RuleRegex[]): Hit[] {
  const body = page.tree.children.filter((node) => node.type !== 'yaml');
  if (!body.some(onlyComments) || !body.every((node) => node.type === 'heading' || onlyComments(node)))
    return [];
  const hits: Hit[] = [];
  for (const node of body) {
    const offset = node.position?.start.offset;
    if (node.type !== 'html' || offset === undefined) continue;
    for (const { body: text, at } of comments(node.value))
      for (const re of patterns)
        for (const match of re.matchAll(text)) {
          const start = offset + at + match.index;
          hits.push({
            data: { placeholder: match[0] },
            position: spanPosition(page, start, start + match[0].length),
            excerpt: truncate(text.trim(), 120),
            matched: `${match[0]} in an HTML comment of a page with no other text`,
          });
        }
  }
  return hits;
}
