import type { Element, ElementContent, Properties, Text } from 'hast';

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
