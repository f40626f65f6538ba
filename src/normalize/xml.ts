import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';

/** Where a storage body stops being well-formed XML; Confluence only stores well-formed bodies, so this is corruption. */
export interface StorageProblem {
  line: number;
  column: number;
  message: string;
}

/** A storage body as a hast tree, and the first well-formedness problem met on the way. */
export interface ParsedStorage {
  tree: Root;
  problem?: StorageProblem;
}

// Elements HTML knows to be empty: `<br>` written without `/>` or with `</br>` is still one break.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// As in HTML, a newline right after these start tags is not part of their text.
const LEADING_NEWLINE_DROPPED = new Set(['pre', 'listing', 'textarea']);
const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const REFERENCE_PATTERN = '&(?:#(\\d+)|#[xX]([0-9A-Fa-f]+)|([A-Za-z][A-Za-z0-9]*));';
const ENTITY = new RegExp(REFERENCE_PATTERN, 'y');
const REFERENCE = new RegExp(REFERENCE_PATTERN, 'g');
const MARKUP = /[<&]/g;
// What a `<` may open besides a tag, what closes it, and what the reader calls it.
const SECTIONS = [
  ['<![CDATA[', ']]>', 'CDATA section'],
  ['<!--', '-->', 'comment'],
  ['<?', '?>', 'processing instruction'],
  ['<!', '>', 'declaration'],
] as const;

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** The text a character reference stands for; an unknown name stays as written, as in HTML. */
function decodeReference(whole: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? whole : decoded;
  }
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : '\uFFFD';
}

const decodeAttribute = (value: string) => value.replace(REFERENCE, decodeReference);

/** Adds `by` to how many times `name` is on a stack of open elements. */
function count(counts: Map<string, number>, name: string, by: number): void {
  counts.set(name, (counts.get(name) ?? 0) + by);
}

/** An element with its attributes read as an HTML parser reads them (`class` → `className`, `start` → a number). */
function element(name: string, attributes: string): Element {
  // Most storage elements have no attributes, and nothing to normalize.
  if (!attributes) return { type: 'element', tagName: name, properties: {}, children: [] };
  const properties: Record<string, string> = {};
  for (const [, key, double, single] of attributes.matchAll(ATTRIBUTE)) {
    const lower = (key as string).toLowerCase();
    if (!(lower in properties)) properties[lower] = decodeAttribute(double ?? single ?? '');
  }
  // hastscript reads `.` and `#` in a tag name as a selector, so the name is set afterwards.
  const node = h('x', properties);
  node.tagName = name;
  return node;
}

/**
 * Reads Confluence storage format, which is XHTML with `ac:`/`ri:` elements, into a hast tree, and
 * checks on the way that it is well-formed XML. It is read as XML, not HTML: a macro inside a
 * paragraph keeps its body even when that body holds paragraphs (an HTML parser would close the
 * outer paragraph and tear the macro apart), and CDATA sections (code and link bodies) and
 * self-closed elements such as `<ri:page/>` read as written. Entities are HTML's, as Confluence
 * writes them (`&nbsp;`, `&rsquo;`). The tree is best-effort even when the input is broken, so a
 * corrupt page is still linted.
 */
export function parseStorage(input: string): ParsedStorage {
  const xml = input.replace(/\r\n?/g, '\n');
  const root: Root = { type: 'root', children: [] };
  const parents: (Root | Element)[] = [root];
  let parent: Root | Element = root;
  let dropNewline = false;
  let problem: StorageProblem | undefined;
  const open: string[] = [];
  // How often each name is on `open` and on `parents`: a close tag that closes nothing open is known
  // at once, where a search through both stacks from each of 100,000 stray `</x>` took hours.
  const openCounts = new Map<string, number>();
  const parentCounts = new Map<string, number>();
  const report = (index: number, message: string) => {
    problem ??= { ...lineColumn(xml, index), message };
  };
  const text = (value: string) => {
    const fresh = dropNewline && value.startsWith('\n') ? value.slice(1) : value;
    dropNewline = false;
    if (!fresh) return;
    const last = parent.children[parent.children.length - 1];
    if (last?.type === 'text') last.value += fresh;
    else (parent.children as RootContent[]).push({ type: 'text', value: fresh });
  };
  // A section's body is text (CDATA) or dropped (comments, declarations); returns where it ends.
  const section = (i: number, opener: string, closer: string, what: string, isText = false) => {
    if (!xml.startsWith(opener, i)) return undefined;
    const end = xml.indexOf(closer, i + opener.length);
    if (end < 0) report(i, `${what} is never closed`);
    if (isText) text(xml.slice(i + opener.length, end < 0 ? xml.length : end));
    return end < 0 ? xml.length : end + closer.length;
  };
  let i = 0;
  while (i < xml.length) {
    MARKUP.lastIndex = i;
    const next = MARKUP.exec(xml);
    if (!next) {
      text(xml.slice(i));
      break;
    }
    if (next.index > i) text(xml.slice(i, next.index));
    i = next.index;
    if (xml[i] === '&') {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(xml);
      if (!entity) report(i, "'&' must start an entity such as &amp;");
      text(entity ? decodeReference(entity[0], entity[1], entity[2], entity[3]) : '&');
      i += entity ? entity[0].length : 1;
      continue;
    }
    let skipped: number | undefined;
    for (const [opener, closer, what] of SECTIONS) {
      skipped = section(i, opener, closer, what, opener === '<![CDATA[');
      if (skipped !== undefined) break;
    }
    if (skipped !== undefined) {
      i = skipped;
      continue;
    }
    END_TAG.lastIndex = i;
    const end = END_TAG.exec(xml);
    if (end) {
      const name = end[1] as string;
      const at = openCounts.get(name) ? open.lastIndexOf(name) : -1;
      if (open[open.length - 1] !== name) {
        report(
          i,
          open.length
            ? `expected </${open[open.length - 1]}>, found </${name}>`
            : `</${name}> closes nothing`,
        );
      }
      if (at >= 0) for (const closed of open.splice(at)) count(openCounts, closed, -1);
      const lower = name.toLowerCase();
      const depth = parentCounts.get(lower)
        ? parents.findLastIndex((p) => p.type === 'element' && p.tagName === lower)
        : -1;
      if (depth > 0) {
        for (const closed of parents.splice(depth)) count(parentCounts, (closed as Element).tagName, -1);
        parent = parents[depth - 1] as Root | Element;
      }
      dropNewline = false;
      i += end[0].length;
      continue;
    }
    START_TAG.lastIndex = i;
    const start = START_TAG.exec(xml);
    if (!start) {
      report(i, "'<' must start a tag or be escaped as &lt;");
      text('<');
      i += 1;
      continue;
    }
    const [whole, name, attributes] = start as unknown as [string, string, string, string];
    const selfClosed = start[3] === '/';
    if (!selfClosed) {
      open.push(name);
      count(openCounts, name, 1);
    }
    const lower = name.toLowerCase();
    const node = element(lower, attributes);
    (parent.children as ElementContent[]).push(node);
    dropNewline = false;
    if (!selfClosed && !VOID.has(lower)) {
      parents.push(node);
      count(parentCounts, lower, 1);
      parent = node;
      dropNewline = LEADING_NEWLINE_DROPPED.has(lower);
    }
    i += whole.length;
  }
  if (open.length) report(xml.length, `<${open[open.length - 1]}> is never closed`);
  return problem ? { tree: root, problem } : { tree: root };
}

/**
 * Whether `parseStorage` would reach the end of a body inside a section (CDATA, a comment) or with
 * elements left open: the tags read and closed as it reads them, without the tree, so the crawl can
 * ask it of every body it receives. Confluence stores only well-formed bodies, so a body that ends
 * with `<ol>` open was cut short on its way, even between two tags; a malformed body that closes
 * what it opens (`<p><b>x</p>`, a stray `</li>`) does not.
 */
export function endsOpen(xml: string): boolean {
  const open: string[] = [];
  const openCounts = new Map<string, number>();
  let i = 0;
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', i)) {
    const section = SECTIONS.find(([opener]) => xml.startsWith(opener, at));
    if (section) {
      const end = xml.indexOf(section[1], at + section[0].length);
      if (end < 0) return true;
      i = end + section[1].length;
      continue;
    }
    END_TAG.lastIndex = at;
    const end = END_TAG.exec(xml);
    START_TAG.lastIndex = at;
    const start = end ? null : START_TAG.exec(xml);
    const name = (end ?? start)?.[1] as string;
    if (end && openCounts.get(name))
      for (const closed of open.splice(open.lastIndexOf(name))) count(openCounts, closed, -1);
    else if (start && start[3] !== '/') {
      open.push(name);
      count(openCounts, name, 1);
    }
    i = at + ((end ?? start)?.[0].length ?? 1);
  }
  return open.length > 0;
}
