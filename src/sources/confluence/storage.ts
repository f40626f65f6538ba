import type { ElementContent, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { ParseProblem } from '../../model/page.js';
import { type StorageContext, TOP } from './convert-types.js';
import { el } from './hast.js';
import { ANCHOR_TAG, anchorHtml } from './links.js';
import { plainToMdast } from './plain-mdast.js';
import { PositionedWriter } from './positioned.js';
import { Rewriter } from './rewrite.js';
import { parseStorage, type StorageProblem } from './xml.js';

export type { StorageContext } from './convert-types.js';

/**
 * A page's Markdown; its mdast with the positions parsing the Markdown would give, when the
 * serializer could place every node; and, when its storage was not well-formed, the problem to
 * report on the page.
 */
export interface ConvertedStorage {
  markdown: string;
  tree?: Root;
  problem?: ParseProblem;
}

// Built once: mdast-util-to-markdown compiles each extension's unsafe patterns and caches them on the extension.
// Rules are `___`: a page that opened with `---` would read as front matter to a parser that knows it.
const writer = new PositionedWriter({
  extensions: [gfmToMarkdown()],
  bullet: '-',
  listItemIndent: 'one',
  fences: true,
  rule: '_',
});

/** A list without items writes nothing, so parsing the Markdown back would not find it either. */
function dropEmptyLists(node: Root | RootContent): void {
  if (!('children' in node)) return;
  node.children = node.children.filter(
    (child) => child.type !== 'list' || child.children.length > 0,
  ) as typeof node.children;
  for (const child of node.children) dropEmptyLists(child);
}

/** Storage read as XML and rewritten into plain HTML hast: the input of either conversion to mdast. */
export function storageToHtml(
  storage: string,
  context: StorageContext,
): { hast: HastRoot; problem?: StorageProblem } {
  const { tree, problem } = parseStorage(storage);
  const rewriter = new Rewriter(context);
  const body = rewriter.all(tree.children as ElementContent[], TOP);
  // Page properties go first, where the shared field extraction reads `Key: value` lines.
  const children = rewriter.properties.length ? [el('ul', {}, rewriter.properties), ...body] : body;
  return { hast: { type: 'root', children }, ...(problem ? { problem } : {}) };
}

/** hast-util-to-mdast, taught the anchor element: the conversion for whatever plainToMdast leaves. */
export function libraryToMdast(hast: HastRoot): Root {
  return toMdast(hast, { handlers: { [ANCHOR_TAG]: (_state, node) => anchorHtml(node) } }) as Root;
}

/**
 * Converts Confluence storage format (XHTML with `ac:`/`ri:` elements) to GFM Markdown, the text
 * every rule reads: the storage read as XML into hast, a rewrite of the Confluence elements into
 * plain HTML, mdast (plain-mdast.ts, or hast-util-to-mdast for what that leaves),
 * mdast-util-to-markdown. A body that is not well-formed XML is still converted as far as it
 * reads, with a `storage-format` problem, never an exception.
 */
export function storageToMarkdown(storage: string, context: StorageContext): ConvertedStorage {
  const { hast, problem } = storageToHtml(storage, context);
  // plainToMdast changes the tree only when it converts it.
  const mdast = plainToMdast(hast) ?? libraryToMdast(hast);
  dropEmptyLists(mdast);
  const { markdown, positioned } = writer.write(mdast);
  // A body that is not well-formed is read as far as it goes, into shapes no writer is tested on.
  const tree = positioned && !problem ? { tree: mdast } : {};
  if (!problem) return { markdown, ...tree };
  const where = `line ${problem.line}, column ${problem.column}`;
  return {
    markdown,
    ...tree,
    problem: {
      code: 'storage-format',
      message: `The page's storage format is not well-formed XML (${where}: ${problem.message}); it was read as far as possible.`,
    },
  };
}
