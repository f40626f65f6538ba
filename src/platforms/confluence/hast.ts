import type { Element, ElementContent, Properties, Text } from 'hast';
import { defaultHandlers } from 'hast-util-to-mdast';

/** A hast element, built by hand so rewritten storage reads as plain HTML to hast-util-to-mdast. */
export function el(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** A hast text node. */
export function txt(value: string): Text {
  return { type: 'text', value };
}

/** An attribute as a string; storage attributes keep their `ac:`/`ri:` names as hast property names. */
export function attr(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** The element children of a node, optionally only those with `tagName`. */
export function elements(node: Element, tagName?: string): Element[] {
  return node.children.filter(
    (child): child is Element =>
      child.type === 'element' && (tagName === undefined || child.tagName === tagName),
  );
}

/** The first element child with `tagName`. */
export function child(node: Element, tagName: string): Element | undefined {
  return elements(node, tagName)[0];
}

/** All text below a node, exactly as stored (code bodies depend on it). */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

/** A macro parameter (`<ac:parameter ac:name="title">`); the unnamed default parameter is `''`. */
export function parameter(macro: Element, name: string): string | undefined {
  const found = elements(macro, 'ac:parameter').find((p) => (attr(p, 'ac:name') ?? '') === name);
  return found ? textOf(found).trim() : undefined;
}

/** Whether a node is only whitespace, which storage puts between blocks and which carries no content. */
export function isBlank(node: ElementContent): boolean {
  return node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');
}

/** HTML's heading elements, h1 to h6. */
export const HEADING_TAGS: readonly string[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const BLOCKS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  ...HEADING_TAGS,
]);

/** Whether a node is block content, which Markdown cannot put inside a paragraph or a table cell. */
export function isBlock(node: ElementContent): node is Element {
  return node.type === 'element' && BLOCKS.has(node.tagName);
}

/** Block content flattened to one line, blocks joined by `separator`: for table cells and property values. */
export function oneLine(nodes: readonly ElementContent[], separator: string): ElementContent[] {
  const runs: ElementContent[][] = [];
  const collect = (list: readonly ElementContent[]) => {
    let run: ElementContent[] = [];
    for (const node of list) {
      if (isBlock(node)) {
        if (run.length) runs.push(run);
        run = [];
        collect(node.children);
      } else run.push(node);
    }
    if (run.length) runs.push(run);
  };
  collect(nodes);
  const filled = runs.filter((run) => run.some((n) => textOf(n).trim() !== ''));
  return filled.flatMap((run, index) => (index ? [txt(separator), ...run] : run));
}

/** The wrapper `foldBlankRuns` makes; it converts as its children. */
export const RUN_TAG = 'hl-run';

// Each fold holds at most this many nodes, so the whitespace pass scans at most this far on from a node.
const RUN_LENGTH = 8;

const words = (text: string) => new Set(text.split(/\s+/));

// What the whitespace pass stops at: elements it takes as blocks, images, media and form controls.
// A superset of its own lists (hast-util-minify-whitespace 1.0): a tag it does not stop at only ends a
// fold early.
const SHOWN = words(`address article aside blockquote body br caption center col colgroup dd dialog
  dir div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li
  listing main menu nav ol optgroup option p plaintext pre section summary table tbody td tfoot th
  thead tr ul wbr xmp button input select textarea audio canvas embed iframe img math object picture
  svg video`);

// Elements the whitespace pass passes over without looking inside.
const UNSEEN = words(`area base basefont datalist link meta noembed noframes param rp script source
  style template track title`);

// Inline elements that convert to nothing when empty (an empty `<b>` writes no `****`).
const VANISHING = words('b strong i em u s del strike span sub sup small big font mark');

const WHITESPACE = /^[ \t\n\f\r]*$/;

/**
 * Folds, in place, every run of siblings that show nothing (whitespace, empty or unseen elements,
 * anchors) into nested `hidden` wrappers of at most RUN_LENGTH nodes. hast-util-to-mdast's
 * whitespace pass decides each node's trailing space by scanning on through its next siblings,
 * into their children, until one shows something; through a run of 5,000 `<meta/>` or empty spans
 * it does so from each of them (quadratic: ~40 s). It passes over a `hidden` element without
 * looking inside, and these hold nothing it would stop at, so every decision stays the same.
 * Empty inline elements that convert to nothing are dropped: hundreds of thousands of `<b/>` would
 * otherwise be as many nodes of mdast, more than the converter spreads into one list.
 * Returns whether all of `nodes` show nothing.
 */
export function foldBlankRuns(nodes: ElementContent[]): boolean {
  const folded: ElementContent[] = [];
  let run: ElementContent[] = [];
  for (const node of nodes) {
    if (showsNothing(node)) {
      if (!vanishes(node)) run.push(node);
      continue;
    }
    for (const item of fold(run)) folded.push(item);
    run = [];
    folded.push(node);
  }
  const blank = folded.length === 0;
  for (const item of fold(run)) folded.push(item);
  nodes.length = 0;
  for (const node of folded) nodes.push(node);
  return blank;
}

/** Whether the whitespace pass scans on through `node`; folds the runs inside it on the way. */
function showsNothing(node: ElementContent): boolean {
  if (node.type === 'comment') return true;
  if (node.type === 'text') return WHITESPACE.test(node.value);
  const blank = foldBlankRuns(node.children);
  if (SHOWN.has(node.tagName)) return false;
  return blank || UNSEEN.has(node.tagName) || Boolean(node.properties.hidden);
}

const vanishes = (node: ElementContent) =>
  node.type === 'comment' ||
  (node.type === 'element' && node.children.length === 0 && VANISHING.has(node.tagName));

function fold(run: ElementContent[]): ElementContent[] {
  let level = run;
  while (level.length > RUN_LENGTH) {
    const next: ElementContent[] = [];
    for (let at = 0; at < level.length; at += RUN_LENGTH) {
      next.push(el(RUN_TAG, { hidden: true }, level.slice(at, at + RUN_LENGTH)));
    }
    level = next;
  }
  return level;
}

// Elements whose whitespace the whitespace pass reads its own way, or that it skips.
const OWN_WHITESPACE = words('nobr listing plaintext script style xmp textarea pre details');

/**
 * Whether an element converts as its children alone (hast-util-to-mdast's handler for `span`, or
 * none) and is plain inline content to the whitespace pass. One with an id stays: links target it.
 */
function convertsAsChildren(node: Element): boolean {
  const { tagName, properties } = node;
  const handlers: Record<string, unknown> = defaultHandlers;
  const handler = Object.hasOwn(handlers, tagName) ? handlers[tagName] : undefined;
  // Our own elements (`hl-anchor`, `hl-run`) have handlers of their own.
  return (
    (handler === undefined ? !tagName.startsWith('hl-') : handler === defaultHandlers.span) &&
    !SHOWN.has(tagName) &&
    !UNSEEN.has(tagName) &&
    !OWN_WHITESPACE.has(tagName) &&
    properties.hidden === undefined &&
    properties.id === undefined
  );
}

/**
 * Puts, in place, the children of elements that convert as their children alone (`<span>`,
 * `<font>`, unknown tags) in their place, and joins the text nodes that then stand side by side.
 * hast-util-to-mdast joins side-by-side text itself, but again from the start of the joined text for
 * each one: 80,000 `a<span>b</span>` in a paragraph took 50 s of CPU.
 */
export function joinInlineText(nodes: ElementContent[]): void {
  const joined: ElementContent[] = [];
  const add = (node: ElementContent) => {
    const last = joined.at(-1);
    if (node.type === 'text' && last?.type === 'text')
      joined[joined.length - 1] = txt(last.value + node.value);
    else joined.push(node);
  };
  for (const node of nodes) {
    if (node.type !== 'element') {
      add(node);
      continue;
    }
    joinInlineText(node.children);
    if (convertsAsChildren(node)) for (const child of node.children) add(child);
    else add(node);
  }
  nodes.length = 0;
  for (const node of joined) nodes.push(node);
}
