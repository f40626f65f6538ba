import type { ElementContent } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { type Options, toMarkdown } from 'mdast-util-to-markdown';
import type { ParseProblem } from '../../model/page.js';
import { parseStorage } from '../../normalize/xml.js';
import { pushAll } from '../../push-all.js';
import { type StorageContext, TOP } from './convert-types.js';
import { el, foldBlankRuns, joinInlineText, RUN_TAG } from './hast.js';
import { ANCHOR_TAG, anchorHtml } from './links.js';
import { Rewriter } from './rewrite.js';

export type { StorageContext } from './convert-types.js';

/** A page's Markdown and, when its storage was not well-formed, the problem to report on the page. */
export interface ConvertedStorage {
  markdown: string;
  problem?: ParseProblem;
}

// Built once: mdast-util-to-markdown compiles each extension's unsafe patterns and caches them on the extension.
// Rules are `___`: a page that opened with `---` would read as front matter to a parser that knows it.
const WRITE_OPTIONS: Options = {
  extensions: [gfmToMarkdown()],
  bullet: '-',
  listItemIndent: 'one',
  fences: true,
  rule: '_',
};

const MARKS = new Set(['strong', 'emphasis', 'delete']);

/**
 * Tidies the tree for what Markdown can write, in place: a list without items writes nothing but
 * the blank lines around it; strong text inside strong text (emphasis, deletion alike) says nothing
 * more but writes runs of markers a parser reads otherwise (`~~~~` opens a code fence); a code span
 * cannot hold a blank line, so line breaks in it (`<br/>` in `<code>`) become spaces.
 */
function tidy(node: Root | RootContent, marks: ReadonlySet<string> = new Set()): void {
  if (node.type === 'inlineCode') node.value = node.value.replace(/\r?\n|\r/g, ' ');
  if (!('children' in node)) return;
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'list' && child.children.length === 0) continue;
    if (marks.has(child.type) && 'children' in child) {
      tidy(child, marks);
      pushAll(children, child.children as RootContent[]);
      continue;
    }
    tidy(child, MARKS.has(child.type) ? new Set([...marks, child.type]) : marks);
    children.push(child);
  }
  node.children = children as typeof node.children;
}

/**
 * Converts Confluence storage format (XHTML with `ac:`/`ri:` elements) to GFM Markdown, the text
 * every rule reads: the storage read as XML into hast, a rewrite of the Confluence elements into
 * plain HTML, hast-util-to-mdast, mdast-util-to-markdown. The page is then built from the Markdown
 * like any other source's. A body that is not well-formed XML is still converted as far as it
 * reads, with a `storage-format` problem, never an exception.
 */
export function storageToMarkdown(storage: string, context: StorageContext): ConvertedStorage {
  const { tree, problem } = parseStorage(storage);
  const rewriter = new Rewriter(context);
  const body = rewriter.all(tree.children as ElementContent[], TOP);
  // Page properties go first, where the shared field extraction reads `Key: value` lines.
  const children = rewriter.properties.length ? [el('ul', {}, rewriter.properties), ...body] : body;
  joinInlineText(children);
  foldBlankRuns(children);
  const mdast = toMdast(
    { type: 'root', children },
    {
      handlers: {
        [ANCHOR_TAG]: (_state, node) => anchorHtml(node),
        [RUN_TAG]: (state, node) => state.all(node),
      },
    },
  ) as Root;
  tidy(mdast);
  const markdown = toMarkdown(mdast, WRITE_OPTIONS);
  if (!problem) return { markdown };
  const where = `line ${problem.line}, column ${problem.column}`;
  return {
    markdown,
    problem: {
      code: 'storage-format',
      message: `The page's storage format is not well-formed XML (${where}: ${problem.message}); it was read as far as possible.`,
    },
  };
}
