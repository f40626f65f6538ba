import type { Element, ElementContent, Root, Text } from 'hast';
import { whitespace } from 'hast-util-whitespace';
import { HEADING_TAGS } from './hast.js';

/**
 * The elements of `PLAIN_TAGS` (plain-mdast.ts) that end whitespace as a block boundary does (`br`
 * among them), and those that are content of their own (an `input` stops whitespace from collapsing
 * into it). Only these tags reach this module, so the lists need not cover the rest of HTML.
 */
const BLOCK = new Set(['blockquote', 'br', 'div', ...HEADING_TAGS, 'hr', 'li', 'ol', 'p', 'pre', 'ul']);
const CONTENT = new Set(['input']);

interface State {
  before: boolean;
  after: boolean;
  pre: boolean;
}

interface Outcome {
  stripAtStart: boolean;
  remove: boolean;
}

const KEEP: Outcome = { stripAtStart: false, remove: false };

const isBlock = (node: Root | ElementContent) =>
  node.type === 'root' || (node.type === 'element' && BLOCK.has(node.tagName));
const isContent = (node: ElementContent | undefined) => node?.type === 'element' && CONTENT.has(node.tagName);

/**
 * Collapses whitespace as a browser lays it out, in place: the same algorithm as
 * hast-util-minify-whitespace (which hast-util-to-mdast runs on a clone of every tree), over the
 * plain vocabulary only. That package tests block-ness by building a matcher for its tag lists on
 * every call, which made it the largest cost of converting a page.
 */
export function minifyWhitespace(tree: Root): void {
  minify(tree, { before: true, after: true, pre: false });
}

function minify(node: Root | ElementContent, state: State): Outcome {
  if (node.type === 'root' || node.type === 'element') {
    const block = isBlock(node);
    return all(node, {
      before: block || state.before,
      after: block || state.after,
      pre: state.pre || (node.type === 'element' && node.tagName === 'pre'),
    });
  }
  return node.type === 'text' && !state.pre ? minifyText(node, state) : KEEP;
}

function minifyText(node: Text, state: State): Outcome {
  const value = node.value.replace(/[\t\n\v\f\r ]+/g, ' ');
  let start = 0;
  let end = value.length;
  let stripAtStart = false;
  if (state.before && value.startsWith(' ')) start++;
  if (start !== end && value.endsWith(' ')) {
    if (state.after) end--;
    else stripAtStart = true;
  }
  if (start === end) return { stripAtStart, remove: true };
  node.value = value.slice(start, end);
  return { stripAtStart, remove: false };
}

function all(parent: Root | Element, state: State): Outcome {
  let before = state.before;
  const children = parent.children as ElementContent[];
  for (let index = 0; index < children.length; index++) {
    const result = minify(children[index] as ElementContent, {
      ...state,
      after: collapsableAfter(children, index) ?? state.after,
      before,
    });
    if (result.remove) {
      children.splice(index, 1);
      index--;
    } else before = result.stripAtStart;
    // After a removal this looks at the previous sibling, as the package does.
    if (isContent(children[index])) before = false;
  }
  return { stripAtStart: before || state.after, remove: false };
}

/**
 * Whether whitespace at the end of `nodes[index]` meets a block boundary (true) or content (false)
 * before anything else; undefined when the nodes after it decide nothing.
 */
function collapsableAfter(nodes: readonly ElementContent[], index: number): boolean | undefined {
  for (let next = index + 1; next < nodes.length; next++) {
    const node = nodes[next] as ElementContent;
    let result = inferBoundary(node);
    if (result === undefined && node.type === 'element') result = collapsableAfter(node.children, -1);
    if (result !== undefined) return result;
  }
  return undefined;
}

function inferBoundary(node: ElementContent): boolean | undefined {
  if (node.type === 'element') {
    if (isContent(node)) return false;
    return BLOCK.has(node.tagName) ? true : undefined;
  }
  if (node.type === 'text') return whitespace(node) ? undefined : false;
  return false;
}
