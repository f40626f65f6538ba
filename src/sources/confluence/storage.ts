import type { ElementContent } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Html, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { ParseProblem } from '../../model/page.js';
import { attr, el } from './hast.js';
import { ANCHOR_TAG } from './links.js';
import { PositionedWriter } from './positioned.js';
import { Rewriter, type StorageContext, TOP } from './rewrite.js';
import { parseStorage } from './xml.js';

export type { StorageContext } from './rewrite.js';

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
const writer = new PositionedWriter({
  extensions: [gfmToMarkdown()],
  bullet: '-',
  listItemIndent: 'one',
  fences: true,
  rule: '-',
});
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A list without items writes nothing, so parsing the Markdown back would not find it either. */
function dropEmptyLists(node: Root | RootContent): void {
  if (!('children' in node)) return;
  node.children = node.children.filter(
    (child) => child.type !== 'list' || child.children.length > 0,
  ) as typeof node.children;
  for (const child of node.children) dropEmptyLists(child);
}

/**
 * Converts Confluence storage format (XHTML with `ac:`/`ri:` elements) to GFM Markdown, the text
 * every rule reads: the storage read as XML into hast, a rewrite of the Confluence elements into
 * plain HTML, hast-util-to-mdast, mdast-util-to-markdown. A body that is not well-formed XML is still
 * converted as far as it reads, with a `storage-format` problem, never an exception.
 */
export function storageToMarkdown(storage: string, context: StorageContext): ConvertedStorage {
  const { tree: hast, problem } = parseStorage(storage);
  const rewriter = new Rewriter(context);
  const body = rewriter.all(hast.children as ElementContent[], TOP);
  // Page properties go first, where the shared field extraction reads `Key: value` lines.
  const children = rewriter.properties.length ? [el('ul', {}, rewriter.properties), ...body] : body;
  const mdast = toMdast(
    { type: 'root', children },
    {
      handlers: {
        [ANCHOR_TAG]: (_state, node): Html => ({
          type: 'html',
          value: `<a id="${escapeAttribute(attr(node, 'id') ?? '')}"></a>`,
        }),
      },
    },
  ) as Root;
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
