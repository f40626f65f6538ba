import type { Element, ElementContent } from 'hast';
import { pushAll } from '../../push-all.js';
import type { Rewrite, Scope } from './convert-types.js';
import { attr, child, el, elements, oneLine, parameter, textOf, txt } from './hast.js';
import { anchorElement } from './links.js';

// Panels draw a coloured box around advice; Markdown's nearest equivalent is a blockquote.
const PANELS = new Set(['info', 'note', 'warning', 'tip', 'panel', 'success', 'error']);

const strongParagraph = (text: string) => el('p', {}, [el('strong', {}, [txt(text)])]);

function codeBlock(macro: Element): Element {
  const body = child(macro, 'ac:plain-text-body');
  const language = parameter(macro, 'language');
  const className = language ? [`language-${language}`] : [];
  return el('pre', {}, [el('code', { className }, [txt(body ? textOf(body) : '')])]);
}

function rows(table: Element): Element[][] {
  const body = elements(table).flatMap((e) => (e.tagName === 'tr' ? [e] : elements(e, 'tr')));
  return body.map((row) => elements(row).filter((cell) => cell.tagName === 'th' || cell.tagName === 'td'));
}

/** Page properties (`details`): one `Key: value` item per row, the form field extraction reads with positions. */
function pageProperties(rewriter: Rewrite, macro: Element): Element[] {
  const table = child(macro, 'ac:rich-text-body')?.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'table',
  );
  if (!table) return [];
  const grid = rows(table);
  const [head, values] = grid;
  // Vertical tables (keys in the first column) are the default; a header row of keys is the other layout.
  const horizontal = head && head.length > 2 && head.every((cell) => cell.tagName === 'th');
  const pairs = horizontal
    ? head.map((key, i) => [key, values?.[i]] as const)
    : grid.map(([key, value]) => [key, value] as const);
  const scope: Scope = { inTask: false, inDetails: true, inTable: true };
  return pairs.flatMap(([key, value]) => {
    const name = key ? textOf(key).trim() : '';
    if (!name || !value) return [];
    // A `Key: value` line needs a multi-paragraph or list value on one line.
    return [el('li', {}, [txt(`${name}: `), ...oneLine(rewriter.all(value.children, scope), ', ')])];
  });
}

/**
 * `<ac:structured-macro>`: code keeps its text exactly, status becomes its label, page properties
 * become fields, panels blockquotes, expand sections their content. Macros that render other pages
 * (children, table of contents, page property reports) add nothing the page itself says.
 */
export function macro(rewriter: Rewrite, node: Element, scope: Scope): ElementContent[] {
  const name = attr(node, 'ac:name') ?? '';
  const body = child(node, 'ac:rich-text-body');
  const content = () => (body ? rewriter.all(body.children, scope) : []);
  const title = parameter(node, 'title');
  if (PANELS.has(name))
    return [el('blockquote', {}, [...(title ? [strongParagraph(title)] : []), ...content()])];
  switch (name) {
    case 'code':
    case 'noformat':
      return [codeBlock(node)];
    case 'status':
      return [txt(title || parameter(node, 'colour') || '')];
    case 'details':
      pushAll(rewriter.properties, pageProperties(rewriter, node));
      return [];
    case 'expand':
      return [el('div', {}, [...(title ? [strongParagraph(title)] : []), ...content()])];
    case 'anchor': {
      const id = parameter(node, '');
      return id ? [anchorElement(id.replace(/\s+/g, '-'))] : [];
    }
    case 'jira': {
      const key = parameter(node, 'key');
      return key ? [txt(key)] : [];
    }
    default:
      return content();
  }
}
