import type { Nodes, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import type { Position } from '../../model/position.js';
import { countWords } from './values.js';

/** How far a value character may sit from the previous one in the source (escapes, entities, `> ` prefixes). */
const SOURCE_GAP_MAX = 8;

const lineStartCache = new WeakMap<Page, number[]>();

function lineStarts(page: Page): number[] {
  let starts = lineStartCache.get(page);
  if (!starts) {
    starts = [0];
    for (let i = page.markdown.indexOf('\n'); i >= 0; i = page.markdown.indexOf('\n', i + 1))
      starts.push(i + 1);
    lineStartCache.set(page, starts);
  }
  return starts;
}

function pointAt(page: Page, offset: number): Position['start'] {
  const starts = lineStarts(page);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset };
}

/** The position of a span of the page's Markdown given by 0-based offsets, for hits inside a node. */
export function spanPosition(page: Page, start: number, end: number): Position {
  return { start: pointAt(page, start), end: pointAt(page, end) };
}

/**
 * Maps each index of a text node's value to its offset in the page's Markdown (plus one end entry),
 * because the value drops escapes (`\[`), decodes entities and loses list/quote prefixes on later lines.
 */
export function valueOffsets(page: Page, node: { value: string; position?: Position }): number[] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const raw = page.markdown.slice(start, end);
  const offsets: number[] = [];
  let r = 0;
  for (const char of node.value) {
    const found = raw.indexOf(char, r);
    const at = found >= 0 && found - r <= SOURCE_GAP_MAX ? found : Math.min(r, raw.length - 1);
    for (let k = 0; k < char.length; k++) offsets.push(start + at + k);
    r = at + char.length;
  }
  offsets.push(start + Math.min(r, raw.length));
  return offsets;
}

/** Calls `visit` for every node below `node` with its parent, depth first in document order. */
export function walk(
  node: Nodes,
  visit: (node: Nodes, parent: Nodes | undefined) => void,
  parent?: Nodes,
): void {
  visit(node, parent);
  if ('children' in node) for (const child of node.children) walk(child, visit, node);
}

const proseCache = new WeakMap<Page, string>();

/** The page's Markdown with code and HTML comments blanked out (same offsets), so text conditions match only what readers see. */
export function proseText(page: Page): string {
  let text = proseCache.get(page);
  if (text !== undefined) return text;
  const hidden: { start: number; end: number }[] = [];
  walk(page.tree as Root, (node) => {
    // A comment (`<!-- an old embed -->`) is not on the page a reader sees.
    const comment = node.type === 'html' && node.value.trimStart().startsWith('<!--');
    if (node.type !== 'code' && node.type !== 'inlineCode' && !comment) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) hidden.push({ start, end });
  });
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of hidden.sort((a, b) => a.start - b.start)) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(page.markdown.slice(at, from), page.markdown.slice(from, end).replace(/[^\n]/g, ' '));
    at = end;
  }
  parts.push(page.markdown.slice(at));
  text = parts.join('');
  proseCache.set(page, text);
  return text;
}

const plainCache = new WeakMap<Page, string>();

/** The words a reader sees: text nodes only (no code, URLs or HTML), a line per block, for phrase matching. */
export function plainText(page: Page): string {
  let text = plainCache.get(page);
  if (text === undefined) {
    const parts: string[] = [];
    walk(page.tree as Root, (node) => {
      if (node.type === 'text') parts.push(node.value);
      else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
        parts.push('\n');
    });
    text = parts.join('');
    plainCache.set(page, text);
  }
  return text;
}

const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'html']);

/** Words of the rest of an embed's section: an embed on its own line is usually explained by what follows it. */
function wordsAfter(siblings: readonly Nodes[], index: number): number {
  let depth = 0;
  for (const node of siblings.slice(0, index)) if (node.type === 'heading') depth = node.depth;
  let words = 0;
  for (const node of siblings.slice(index + 1)) {
    if (node.type === 'heading' && node.depth <= depth) break;
    words += countWords(mdToString(node, { includeHtml: false }));
  }
  return words;
}

/**
 * Words written beside the match: its paragraph (a list item with its sub-bullets, a cell, a heading); for an
 * HTML embed on its own line, the rest of its section.
 */
export function wordsBeside(page: Page, offset: number | undefined): number {
  if (offset === undefined) return 0;
  let found: { node: Nodes; parent: Nodes | undefined } | undefined;
  walk(page.tree, (node, parent) => {
    const { start, end } = node.position ?? {};
    const inside =
      start?.offset !== undefined &&
      end?.offset !== undefined &&
      start.offset <= offset &&
      offset < end.offset;
    if (inside && PROSE_BLOCKS.has(node.type)) found = { node, parent };
  });
  if (!found) return 0;
  const { node, parent } = found;
  // A list item's sub-bullets spell out what its link shows ("Submit it in Lattice (Loom)" over the steps).
  if (node.type === 'paragraph' && parent?.type === 'listItem')
    return countWords(mdToString(parent, { includeHtml: false }));
  // A link line with at most a label ("Recording: <link>") is explained by the block right after it.
  const next =
    parent && 'children' in parent ? parent.children[parent.children.indexOf(node as never) + 1] : undefined;
  if (node.type === 'paragraph' && next && next.type !== 'heading') {
    const label = node.children.filter((child) => child.type !== 'link');
    const words = mdToString({ type: 'paragraph', children: label }, { includeHtml: false });
    if (countWords(words.replace(/\bhttps?:\/\/\S+/g, '')) <= 3)
      return countWords(mdToString(next, { includeHtml: false }));
  }
  if (node.type !== 'html' || parent?.type === 'paragraph') {
    return countWords(mdToString(node.type === 'html' ? (parent ?? node) : node, { includeHtml: false }));
  }
  const siblings: Nodes[] = parent && 'children' in parent ? parent.children : [];
  return wordsAfter(siblings, siblings.indexOf(node));
}

/** Words a reader sees in a node, link texts left out: a list of links is navigation, not writing. */
function wordsOutsideLinks(node: Nodes): number {
  if (node.type === 'text') return countWords(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return 0;
  let words = 0;
  for (const child of node.children) words += wordsOutsideLinks(child);
  return words;
}

/**
 * Words of prose written before a block in its section (from the nearest heading before it), link texts
 * left out; 0 when the match sits in a list, where a link is one resource among others, not the close of
 * a text it complements.
 */
export function wordsBefore(page: Page, offset: number | undefined): number {
  if (offset === undefined) return 0;
  const blocks = (page.tree as Root).children;
  const index = blocks.findIndex(
    (b) => (b.position?.start.offset ?? Infinity) <= offset && offset < (b.position?.end.offset ?? -1),
  );
  if (index < 0 || blocks[index]?.type === 'list') return 0;
  let words = 0;
  for (let i = index - 1; i >= 0; i--) {
    const block = blocks[i] as Nodes;
    if (block.type === 'heading') break;
    words += wordsOutsideLinks(block);
  }
  return words;
}

/**
 * The paragraphs (sub-lists left out) of the list item holding an offset and of the item it is nested
 * under, innermost first: "- [Creating a license key](license.md)" over "  - [Video tutorial](loom)".
 */
export function listItemRanges(page: Page, offset: number | undefined): { start: number; end: number }[] {
  if (offset === undefined) return [];
  const items: Nodes[] = [];
  walk(page.tree as Root, (node) => {
    const { start, end } = node.position ?? {};
    if (node.type === 'listItem' && start?.offset !== undefined && end?.offset !== undefined)
      if (start.offset <= offset && offset < end.offset) items.push(node);
  });
  return items
    .slice(-2)
    .reverse()
    .flatMap((item) => ('children' in item ? item.children : []))
    .filter((child) => child.type !== 'list')
    .map((child) => ({ start: child.position?.start.offset ?? 0, end: child.position?.end.offset ?? 0 }));
}
