import type { Element, ElementContent } from 'hast';
import type { Rewrite, Scope, StorageContext } from './convert-types.js';
import { attr, el, isBlank, isBlock, oneLine, textOf, txt } from './hast.js';
import { acLink, anchorElement, hyperlink, image } from './links.js';
import { macro } from './macros.js';
import { decisions, taskList } from './tasks.js';

// Storage wrappers that only arrange content on screen; their content is the page.
const TRANSPARENT = new Set([
  'ac:layout',
  'ac:layout-section',
  'ac:layout-cell',
  'ac:rich-text-body',
  'ac:task-body',
]);

/**
 * Rewrites storage-format hast (`ac:`/`ri:` elements) into plain HTML hast that hast-util-to-mdast
 * understands: links with real URLs, code in `pre`, panels as blockquotes, tasks as checkbox items.
 * Page properties are collected in `properties` so the page can show them first, where field
 * extraction reads `Key: value` lines.
 */
export class Rewriter implements Rewrite {
  readonly context: StorageContext;
  readonly properties: Element[] = [];

  constructor(context: StorageContext) {
    this.context = context;
  }

  /** Rewrites a list of nodes. */
  all(nodes: readonly ElementContent[], scope: Scope): ElementContent[] {
    return nodes.flatMap((node) => this.one(node, scope));
  }

  /** Rewrites one node into zero or more plain nodes. */
  one(node: ElementContent, scope: Scope): ElementContent[] {
    if (node.type === 'comment') return [];
    if (node.type !== 'element') return [node];
    const name = node.tagName;
    if (TRANSPARENT.has(name)) return this.all(node.children, scope);
    switch (name) {
      case 'ac:structured-macro':
      case 'ac:macro':
        return macro(this, node, scope);
      case 'ac:link':
        return acLink(this, node, scope);
      case 'ac:image':
        return image(node);
      case 'ac:emoticon':
        return [txt(attr(node, 'ac:emoji-fallback') ?? `:${attr(node, 'ac:name') ?? 'emoticon'}:`)];
      case 'ac:task-list':
        return [taskList(this, node, scope)];
      case 'ac:adf-extension':
        return decisions(this, node, scope);
      case 'ac:placeholder':
        // Template instructions Confluence shows only while editing: left in, the page was never filled in.
        return [txt(`[${textOf(node).trim()}]`)];
      case 'ac:plain-text-body':
        return [txt(textOf(node))];
      case 'time': {
        const date = attr(node, 'dateTime') ?? textOf(node);
        return [txt(scope.inTask ? `(due ${date})` : date)];
      }
      case 'a':
        return hyperlink(this, node, scope);
      case 'p':
        return [this.paragraph(node, scope)];
      case 'li':
        return [this.listItem(node, scope)];
      case 'table':
        return [this.element(node, { ...scope, inTable: true })];
      case 'td':
      case 'th':
        // A Markdown table cell holds one line; paragraphs and lists inside it are joined.
        return [{ ...node, children: oneLine(this.all(node.children, scope), ' ') }];
    }
    // Unknown ac:/ri: elements (parameters, ids, editor bookkeeping) carry no visible text of their own.
    if (name.startsWith('ri:') || name === 'ac:parameter' || name.startsWith('ac:task-')) return [];
    if (name.startsWith('ac:')) return this.all(node.children, scope);
    return [this.element(node, scope)];
  }

  /** A standard element with rewritten children; an `id` becomes an anchor links can target. */
  element(node: Element, scope: Scope): Element {
    const children = this.all(node.children, scope);
    const id = attr(node, 'id');
    const anchored = id && !/^h[1-6]$/.test(node.tagName) ? [anchorElement(id), ...children] : children;
    return { ...node, children: anchored };
  }

  // A lone status lozenge in its own paragraph is the page's status, as readers see it.
  private paragraph(node: Element, scope: Scope): Element {
    const content = node.children.filter((c) => !isBlank(c));
    const only = content.length === 1 ? content[0] : undefined;
    if (!scope.inTable && !scope.inDetails && only?.type === 'element' && isStatusMacro(only)) {
      return el('p', {}, [txt('Status: '), ...this.one(only, scope)]);
    }
    const paragraph = this.element(node, scope);
    // A macro with a body (a panel, a code block) may sit inside a paragraph, but its blocks cannot:
    // as a plain container, hast-util-to-mdast puts the text around them in paragraphs of their own.
    return paragraph.children.some(isBlock) ? { ...paragraph, tagName: 'div' } : paragraph;
  }

  // Storage wraps every list item's text in <p>; unwrapped, the list stays tight in Markdown.
  private listItem(node: Element, scope: Scope): Element {
    const content = node.children.filter((c) => !isBlank(c));
    const [first] = content;
    if (content.length === 1 && first?.type === 'element' && first.tagName === 'p') {
      return this.element({ ...node, children: first.children }, scope);
    }
    return this.element(node, scope);
  }
}

// The status lozenge macro, which reads as a field when it stands alone.
function isStatusMacro(node: Element): boolean {
  return (
    (node.tagName === 'ac:structured-macro' || node.tagName === 'ac:macro') &&
    attr(node, 'ac:name') === 'status'
  );
}
