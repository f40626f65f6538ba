import GithubSlugger from 'github-slugger';
import type { Definition, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Heading, Link } from '../model/page.js';
import type { Position } from '../model/position.js';

// Starts where a run of spaces starts: from each space of a run it would reread the rest of the run.
// `{#id}` (Docusaurus, Pandoc) or an attr_list's `{ #id .class }` / `{: #id }` (MkDocs). After the id
// comes a space or the brace, so the id's end is never guessed again from each of its characters.
const EXPLICIT_ID = /(?<!\s)\s*\{:?[ \t]*#([\w.:-]+)(?:[ \t][^{}\n]*)?\}\s*$/;
/**
 * An attr_list id written after an inline element (`[note](#type:note){ #type:note }`) or under a block
 * (`{: #id }`): the element carries the id, so it is an anchor of the page. Exported for the static ReDoS check.
 */
export const ATTR_LIST_ID = /\{:?[ \t]*#([\w.:-]+)(?:[ \t][^{}\n]*)?\}/g;
// Any element's id is a fragment target in browsers; `name` only on <a>, but no other element uses it for anything a link could mean.
// Values may be quoted or not (`<a id=note1>`). No part of a tag reads past a `<`: a tag left open
// would otherwise be read to the end of the page from each `<`, which hundreds of thousands of them
// make hours of work.
const HTML_ANCHOR = /<[a-z][\w-]*\s[^<>]*?\b(?:name|id)\s*=\s*(?:"([^"<>]+)"|'([^'<>]+)'|([^\s"'<>]+))/gi;
// `href` as an attribute of its own: Vue's `:href="item.url"` and `v-bind:href` bind a script's value, no address.
const HTML_HREF = /<a\s((?:[^<>]*?\s)?)href\s*=\s*["']([^"'<>]+)["']([^<>]*)>([^<]*)/gi;
// A link the author switched off (`<a href="#_" aria-disabled="true">`) goes nowhere on purpose.
const DISABLED = /\baria-disabled\s*=\s*["']true["']/i;
/** A token a site generator fills at build time (`{{generator:team_members}}`): the page's final headings are unknown. */
const BUILD_TIME_TOKEN = /\{\{\s*generator:[^}]*\}\}/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/**
 * A pandoc-include line (`!include chapters/intro.md`): the build pulls that page into this one, a book's
 * source file listing its chapters as SUMMARY.md does. Read from each line's start only. Exported for the
 * static ReDoS check.
 */
export const INCLUDE_LINE = /^!include[ \t]+(\S+\.(?:md|markdown))[ \t]*$/gm;
/**
 * A block-level tag that opens or closes a layout element. CommonMark ends an HTML block at a blank line,
 * so in `<div>` … blank line … `    <a href="x.html">` … `</div>` the indented lines become a code block;
 * kramdown (Jekyll) and MDX read HTML to its closing tag, and the author wrote it as HTML. Not `<details>`:
 * it folds away a sample, and the indented lines in it are the sample's code. Exported for the static ReDoS check.
 */
export const LAYOUT_TAG = /<(\/?)(?:div|section|nav|main|article|aside|header|footer|ul|ol|li|table)\b/gi;
/** How many layout elements an HTML node opens and leaves open (negative: closes more than it opens). */
function openedBy(value: string): number {
  let depth = 0;
  for (const match of value.matchAll(LAYOUT_TAG)) depth += match[1] ? -1 : 1;
  return depth;
}
/** An indented code block (not a fenced one): its lines are all its value's, with no fence lines around them. */
const indentedCode = (node: AnyNode): boolean =>
  node.position !== undefined &&
  node.position.end.line - node.position.start.line + 1 === (node.value as string).split('\n').length;

/** What a page's structure yields for the link graph: headings (with anchors), extra anchors, links. */
export interface Outline {
  headings: Heading[];
  anchors: string[];
  links: Link[];
  /** The body is partly produced at build time, so anchors into it cannot be judged. */
  generated: boolean;
}

/** External = has a URL scheme; everything else (relative, root-absolute, `#anchor`) is internal until the site resolves it. */
export function linkKind(href: string): Link['kind'] {
  return SCHEME.test(href) ? 'external' : 'internal';
}

function splitAnchor(href: string): { path: string; anchor?: string } {
  const hash = href.indexOf('#');
  if (hash < 0) return { path: href };
  return { path: href.slice(0, hash), anchor: href.slice(hash + 1) };
}

function makeLink(href: string, text: string, position: Position | undefined): Link {
  const { anchor } = splitAnchor(href);
  return {
    href,
    text,
    kind: linkKind(href),
    ...(anchor !== undefined ? { anchor } : {}),
    ...(position ? { position } : {}),
  };
}

type AnyNode = { type: string; children?: AnyNode[]; position?: Position } & Record<string, unknown>;

/**
 * Where the text at `index` of an HTML node's value sits in the page: a link deep in a table or a
 * `<div>` is reported on its own line. Lines after the first are indented to the block's column, as
 * a block in a list item or blockquote is (the node's value has that indent stripped).
 */
function positionIn(
  block: Position | undefined,
  value: string,
  index: number,
  length: number,
): Position | undefined {
  if (!block) return undefined;
  const before = value.slice(0, index);
  const lines = before.split('\n');
  const line = block.start.line + lines.length - 1;
  const column = block.start.column + (lines.at(-1) ?? '').length;
  return { start: { line, column }, end: { line, column: column + length } };
}

/**
 * Walks a page's mdast once and collects headings, anchors and links with their positions. Indented HTML
 * in a layout element is read only where kramdown or MDX builds the page (`htmlToClosingTag`): elsewhere
 * (GitHub) it is shown as code, and its links and ids are a sample's.
 */
export function extractOutline(tree: Root, htmlToClosingTag = false): Outline {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const anchors: string[] = [];
  const links: Link[] = [];
  let generated = false;
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier, node);

  const readHtml = (value: string, position: Position | undefined): void => {
    for (const match of value.matchAll(HTML_ANCHOR)) {
      const id = match[1] ?? match[2] ?? match[3];
      if (id) anchors.push(id);
    }
    for (const match of value.matchAll(HTML_HREF)) {
      const [whole, before = '', href, after = '', text = ''] = match;
      if (!href || DISABLED.test(before + after)) continue;
      // The span of the `<a …>` tag, where the link is written.
      const tag = whole.length - text.length;
      links.push(makeLink(href, text.trim(), positionIn(position, value, match.index, tag)));
    }
    if (BUILD_TIME_TOKEN.test(value)) generated = true;
  };
  // Layout elements the HTML blocks before a node left open, among its siblings: indented lines of HTML
  // inside them are HTML, not code (LAYOUT_TAG).
  const readSiblings = (children: AnyNode[]): void => {
    let open = 0;
    for (const child of children) {
      if (child.type === 'html') open = Math.max(0, open + openedBy(child.value as string));
      const inLayout = htmlToClosingTag && open > 0;
      if (child.type === 'code' && inLayout && indentedCode(child) && /^\s*</.test(child.value as string)) {
        const value = child.value as string;
        open = Math.max(0, open + openedBy(value));
        // The code's value has its lines' four spaces of indent cut.
        const at = child.position;
        readHtml(value, at && { ...at, start: { ...at.start, column: at.start.column + 4 } });
        continue;
      }
      visit(child);
    }
  };
  const visit = (node: AnyNode): void => {
    switch (node.type) {
      case 'heading': {
        // GitHub anchors a heading by its rendered text: inline tags (`<p align="center">`, `<a name>`) show none.
        const raw = mdToString(node as never, { includeHtml: false });
        const explicit = EXPLICIT_ID.exec(raw);
        const text = explicit ? raw.replace(EXPLICIT_ID, '') : raw;
        const slug = explicit?.[1] ?? slugger.slug(text);
        // Kept as an anchor too, so slug styles that recompute heading slugs from the text keep it.
        if (explicit?.[1]) anchors.push(explicit[1]);
        headings.push({
          depth: node.depth as number,
          text,
          slug,
          ...(node.position ? { position: node.position } : {}),
        });
        break;
      }
      case 'link':
        links.push(makeLink(node.url as string, mdToString(node as never), node.position));
        break;
      case 'linkReference': {
        const definition = definitions.get(node.identifier as string);
        if (definition) links.push(makeLink(definition.url, mdToString(node as never), node.position));
        break;
      }
      case 'html':
        readHtml(node.value as string, node.position);
        break;
      case 'text':
        if (BUILD_TIME_TOKEN.test(node.value as string)) generated = true;
        for (const match of (node.value as string).matchAll(INCLUDE_LINE)) {
          const at = positionIn(node.position, node.value as string, match.index, match[0].length);
          links.push({ ...makeLink(match[1] as string, match[0], at), kind: 'navigation' });
        }
        for (const match of (node.value as string).matchAll(ATTR_LIST_ID)) anchors.push(match[1] as string);
        break;
    }
    if (node.children) readSiblings(node.children);
  };
  visit(tree as unknown as AnyNode);
  return { headings, anchors, links, generated };
}
