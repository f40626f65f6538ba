import { collapseWhiteSpace } from 'collapse-white-space';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { phrasing as isHastPhrasing } from 'hast-util-phrasing';
import { toText } from 'hast-util-to-text';
import { whitespace } from 'hast-util-whitespace';
import type { ListItem, Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import { phrasing as isPhrasing } from 'mdast-util-phrasing';
import { trimTrailingLines } from 'trim-trailing-lines';
import { HEADING_TAGS } from './hast.js';
import { ANCHOR_TAG, anchorHtml } from './links.js';
import { minifyWhitespace } from './whitespace.js';

type Converted = RootContent | RootContent[] | undefined;

const EMPHASIS = new Set(['em', 'i', 'u']);
const STRONG = new Set(['strong', 'b']);
const DELETE = new Set(['del', 's', 'strike']);
const HEADING = new Set(HEADING_TAGS);
/** Phrasing wrappers that hast-util-to-mdast drops, keeping their content. */
const TRANSPARENT = new Set(['span', 'sup', 'sub']);
/** What may sit inside a link or a deletion here: content that stays phrasing, so no run has to be split. */
const INLINE = new Set([...EMPHASIS, ...STRONG, ...DELETE, ...TRANSPARENT, 'a', 'code', 'br']);
/** Every tag this conversion knows; the Rewriter writes these for all but unusual storage. */
const PLAIN_TAGS = new Set([
  ...INLINE,
  ...HEADING,
  'p',
  'pre',
  'ul',
  'ol',
  'li',
  'input',
  'hr',
  'blockquote',
  'div',
  ANCHOR_TAG,
]);

/**
 * Converts the Rewriter's plain-HTML hast to mdast exactly as hast-util-to-mdast (with the anchor
 * handler of storage.ts) would, or returns undefined when the tree holds anything outside the plain
 * vocabulary (tables, images, a checkbox that does not lead its list item, anything but phrasing
 * inside a link or deletion, hidden or `data-mdast` elements, `pre wrap`), which the caller leaves
 * to the library. Like the trees the Rewriter builds, the input carries no positions. The library
 * clones every tree, walks it for ids and runs a whitespace minifier that rebuilds tag matchers per
 * node: together most of a page's conversion time. The tree is changed in place. A differential
 * test holds the two conversions equal.
 */
export function plainToMdast(tree: HastRoot): Root | undefined {
  // The Rewriter's output holds no doctype, the one root child that is not element content.
  const nodes = tree.children as ElementContent[];
  if (!nodes.every((node) => plain(node, false))) return undefined;
  minifyWhitespace(tree);
  let children = all(nodes);
  if (wrapNeeded(children)) children = wrap(children);
  const root: Root = { type: 'root', children };
  tidyText(root);
  return root;
}

/** Whether the handlers below convert `node` as the library would; `inline` inside links and deletions. */
function plain(node: ElementContent, inline: boolean): boolean {
  if (node.type === 'text') return true;
  if (node.type !== 'element' || !(inline ? INLINE : PLAIN_TAGS).has(node.tagName)) return false;
  const { properties } = node;
  if (properties.hidden !== undefined || properties.dataMdast !== undefined) return false;
  if (node.tagName === 'pre' && properties.wrap !== undefined) return false;
  // A checkbox converts here only where a list item takes it as its check mark.
  if (node.tagName === 'input') return false;
  const within = inline || node.tagName === 'a' || DELETE.has(node.tagName);
  const children = node.tagName === 'li' ? withoutCheckbox(node).children : node.children;
  return children.every((child) => plain(child, within));
}

/**
 * A list item's leading checkbox (or radio button), directly or at the start of its first
 * paragraph, however deep, and the item without it.
 */
function leadingCheckbox(item: Element): { checkbox?: Element; rest: Element } {
  const head = item.children[0];
  if (head?.type !== 'element') return { rest: item };
  if (head.tagName === 'input' && (head.properties.type === 'checkbox' || head.properties.type === 'radio')) {
    return { checkbox: head, rest: { ...item, children: item.children.slice(1) } };
  }
  if (head.tagName !== 'p') return { rest: item };
  const inner = leadingCheckbox(head);
  return inner.checkbox
    ? { checkbox: inner.checkbox, rest: { ...item, children: [inner.rest, ...item.children.slice(1)] } }
    : { rest: item };
}

const withoutCheckbox = (item: Element) => leadingCheckbox(item).rest;

function all(nodes: readonly ElementContent[]): RootContent[] {
  const results: RootContent[] = [];
  for (const node of nodes) {
    const result = one(node);
    if (Array.isArray(result)) results.push(...result);
    else if (result) results.push(result);
  }
  return results;
}

function one(node: ElementContent): Converted {
  if (node.type === 'text') return { type: 'text', value: node.value };
  if (node.type !== 'element') return undefined;
  const tag = node.tagName;
  if (tag === 'p') {
    const children = dropSurroundingBreaks(all(node.children));
    return children.length ? { type: 'paragraph', children: children as PhrasingContent[] } : undefined;
  }
  if (HEADING.has(tag)) {
    const depth = (Number(tag.charAt(1)) || 1) as 1 | 2 | 3 | 4 | 5 | 6;
    return {
      type: 'heading',
      depth,
      children: dropSurroundingBreaks(all(node.children)) as PhrasingContent[],
    };
  }
  if (tag === 'a') {
    const title = collapseWhiteSpace(String(node.properties.title || ''), { style: 'html', trim: true });
    const children = all(node.children) as PhrasingContent[];
    return { type: 'link', url: String(node.properties.href || ''), title: title || null, children };
  }
  if (STRONG.has(tag)) return { type: 'strong', children: all(node.children) as PhrasingContent[] };
  if (EMPHASIS.has(tag)) return { type: 'emphasis', children: all(node.children) as PhrasingContent[] };
  if (DELETE.has(tag)) return { type: 'delete', children: all(node.children) as PhrasingContent[] };
  if (TRANSPARENT.has(tag)) return all(node.children);
  if (tag === 'code') return { type: 'inlineCode', value: toText(node) };
  if (tag === 'pre')
    return { type: 'code', lang: language(node), meta: null, value: trimTrailingLines(toText(node)) };
  if (tag === 'ul' || tag === 'ol') return list(node);
  if (tag === 'li') return listItem(node);
  if (tag === 'br') return { type: 'break' };
  if (tag === 'hr') return { type: 'thematicBreak' };
  if (tag === 'blockquote') return { type: 'blockquote', children: wrap(all(node.children)) as never };
  if (tag === 'div') return wrap(all(node.children));
  if (tag === ANCHOR_TAG) return anchorHtml(node);
  // What the library does with an element it has no handler for.
  return all(node.children);
}

/** The language of `<pre><code class="language-x">`. */
function language(pre: Element): string | null {
  const code = pre.children.find(
    (child): child is Element =>
      child.type === 'element' && child.tagName === 'code' && Array.isArray(child.properties.className),
  );
  const classes = (code?.properties.className ?? []) as unknown[];
  const found = classes.map(String).find((name) => name.startsWith('language-'));
  return found?.slice('language-'.length) || null;
}

function list(node: Element): RootContent {
  const ordered = node.tagName === 'ol';
  const children = listItems(all(node.children));
  let start: number | null = null;
  if (ordered) {
    start = Number.parseInt(String(node.properties.start), 10);
    if (Number.isNaN(start)) start = 1;
  }
  const spread = children.length > 1 && children.some((item) => item.spread);
  return { type: 'list', ordered, start, spread, children };
}

/** Items as they are; anything else between them joins the next item, or the last one after them. */
function listItems(nodes: readonly RootContent[]): ListItem[] {
  const items: ListItem[] = [];
  let stray: RootContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'listItem') stray.push(node);
    else {
      node.children.unshift(...(stray as ListItem['children']));
      stray = [];
      items.push(node);
    }
  }
  if (stray.length) {
    let last = items[items.length - 1];
    if (!last) {
      last = { type: 'listItem', spread: false, checked: null, children: [] };
      items.push(last);
    }
    last.children.push(...(stray as ListItem['children']));
  }
  return items;
}

function listItem(node: Element): ListItem {
  const { checkbox, rest } = leadingCheckbox(node);
  return {
    type: 'listItem',
    spread: spreadOut(rest),
    checked: checkbox ? Boolean(checkbox.properties.checked) : null,
    children: wrap(all(rest.children)) as ListItem['children'],
  };
}

/** Whether a list item is loose: a paragraph among its blocks or theirs, or two blocks (an anchor is one). */
function spreadOut(node: Element): boolean {
  let seenFlow = false;
  for (const child of node.children) {
    if (child.type !== 'element' || isHastPhrasing(child)) continue;
    if (child.tagName === 'p' || seenFlow || spreadOut(child)) return true;
    seenFlow = true;
  }
  return false;
}

function dropSurroundingBreaks(nodes: RootContent[]): RootContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && nodes[start]?.type === 'break') start++;
  while (end > start && nodes[end - 1]?.type === 'break') end--;
  return start === 0 && end === nodes.length ? nodes : nodes.slice(start, end);
}

function wrapNeeded(nodes: readonly Nodes[]): boolean {
  return nodes.some((node) => !isPhrasing(node) || ('children' in node && wrapNeeded(node.children)));
}

/** Runs of phrasing content among blocks become paragraphs; runs of bare whitespace are dropped. */
function wrap(nodes: readonly RootContent[]): RootContent[] {
  const result: RootContent[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    if (run.some((node) => node.type !== 'text' || !whitespace(node.value))) {
      result.push({ type: 'paragraph', children: dropSurroundingBreaks(run) as PhrasingContent[] });
    }
    run = [];
  };
  for (const node of nodes) {
    if (isPhrasing(node)) run.push(node);
    else {
      flush();
      result.push(node);
    }
  }
  flush();
  return result;
}

/**
 * hast-util-to-mdast's last pass: adjacent text merged, whitespace around a text's first line end
 * and at block edges trimmed, empty text dropped.
 */
function tidyText(parent: Parents): void {
  const children = parent.children as RootContent[];
  const edges = parent.type === 'heading' || parent.type === 'paragraph' || parent.type === 'root';
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as RootContent;
    if (node.type !== 'text') {
      if ('children' in node) tidyText(node);
      continue;
    }
    const previous = children[index - 1];
    if (previous?.type === 'text') {
      previous.value += node.value;
      children.splice(index, 1);
      index -= 2;
      continue;
    }
    node.value = node.value.replace(/[\t ]*(\r?\n|\r)[\t ]*/, '$1');
    if (edges && index === 0) node.value = node.value.replace(/^[\t ]+/, '');
    if (edges && index === children.length - 1) node.value = node.value.replace(/[\t ]+$/, '');
    if (!node.value) {
      children.splice(index, 1);
      index--;
    }
  }
}
