import type { Nodes, Parents, Root, Table } from 'mdast';
import {
  defaultHandlers,
  type Handle,
  type Handlers,
  type Options,
  toMarkdown,
} from 'mdast-util-to-markdown';
import { classifyCharacter } from 'micromark-util-classify-character';

/**
 * Node types whose positions this serializer sets exactly as parsing its output would (the
 * converter makes no others); a tree with any other type is left for the parser.
 */
const POSITIONED = new Set<string>([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'html',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'image',
  'table',
  'tableRow',
  'tableCell',
]);

type Point = NonNullable<Root['position']>['start'];

/** Where a handler wrote a node: the point it started at, the indent of its later lines, what it wrote. */
interface Span {
  line: number;
  column: number;
  shift: number;
  value: string;
}

/** Every handler the options' extensions install, over the defaults: the set the serializer will call. */
function handlersOf(options: Options, into: Partial<Handlers> = { ...defaultHandlers }): Partial<Handlers> {
  for (const extension of options.extensions ?? []) handlersOf(extension, into);
  Object.assign(into, options.handlers);
  return into;
}

/** A handler as the serializer sees it: some carry `peek`, the first character they will write. */
type Peekable = Handle & { peek?: Handle };

/** Handlers that record where each node is written into `spans.current`. */
function recording(handlers: Partial<Handlers>, spans: { current: Map<Nodes, Span> }): Partial<Handlers> {
  const wrapped: Record<string, Handle> = {};
  for (const [type, handle] of Object.entries(handlers) as [string, Peekable][]) {
    const record: Peekable = (node, parent, state, info) => {
      const value = handle(node, parent, state, info);
      spans.current.set(node as Nodes, {
        line: info.now.line,
        column: info.now.column,
        shift: info.lineShift,
        value,
      });
      return value;
    };
    // containerPhrasing asks `peek` to decide escapes at the boundary.
    if (handle.peek) record.peek = handle.peek;
    wrapped[type] = record;
  }
  return wrapped;
}

/** Parents of blocks, and the blocks. */
const FLOW_PARENTS = new Set<string>(['root', 'blockquote', 'listItem']);
const BLOCKS = new Set<string>([
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'code',
  'table',
]);

/**
 * Whether every node is of a type this writer places, and every parent of blocks holds only blocks:
 * inline content or HTML among blocks reads back as a paragraph the tree does not have.
 */
function isPositioned(node: Nodes, inLink = false): boolean {
  if (!POSITIONED.has(node.type)) return false;
  // Text that spans lines is written encoded, and a link in a link cannot be written at all.
  if (node.type === 'text') return !node.value.includes('\n');
  if (!('children' in node)) return true;
  if (node.type === 'link' && inLink) return false;
  if (FLOW_PARENTS.has(node.type) && !node.children.every((child) => BLOCKS.has(child.type))) return false;
  // A task is only written as one when its first child is a paragraph, where the checkbox goes.
  if (node.type === 'listItem' && typeof node.checked === 'boolean' && node.children[0]?.type !== 'paragraph')
    return false;
  // An empty paragraph writes nothing; a hard break needs text after it, or it is written as nothing.
  if (node.type === 'paragraph' && node.children.length === 0) return false;
  if ((node.type === 'paragraph' || node.type === 'heading') && node.children.at(-1)?.type === 'break')
    return false;
  return node.children.every((child) => isPositioned(child, inLink || node.type === 'link'));
}

const TAG_BOUNDARY = /(?<=>)(?=<)/;
const hasTagPair = (node: Nodes) => node.type === 'html' && TAG_BOUNDARY.test(node.value);

/** A parser reads inline HTML one tag at a time: `<a id="x"></a>` is two nodes. */
function splitTags(parent: Parents): void {
  if (!parent.children.some(hasTagPair)) return;
  parent.children = parent.children.flatMap((child) => {
    if (child.type !== 'html' || !child.position) return [child];
    const tags = child.value.split(TAG_BOUNDARY);
    if (tags.length < 2) return [child];
    let offset = child.position.start.offset ?? 0;
    let column = child.position.start.column;
    const line = child.position.start.line;
    return tags.map((value) => {
      const start = { line, column, offset };
      column += value.length;
      offset += value.length;
      return { type: 'html' as const, value, position: { start, end: { line, column, offset } } };
    });
  }) as typeof parent.children;
}

/** Maps line/column to offsets in the written Markdown. */
class Lines {
  private readonly starts = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  point(line: number, column: number): Point {
    return { line, column, offset: (this.starts[line - 1] ?? 0) + column - 1 };
  }

  at(offset: number): Point {
    let line = this.starts.length;
    while (line > 1 && (this.starts[line - 1] ?? 0) > offset) line--;
    return this.point(line, offset - (this.starts[line - 1] ?? 0) + 1);
  }

  /** The text of line `line` from `column` on. */
  rest(line: number, column: number): string {
    if (line > this.starts.length) return '';
    const start = this.point(line, column).offset ?? 0;
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end < 0 ? undefined : end);
  }
}

/** The columns (1-based, relative to the row's start) of a table row's unescaped pipes. */
function pipes(row: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < row.length; i++) {
    if (row[i] !== '|') continue;
    let slashes = 0;
    while (i - slashes > 0 && row[i - slashes - 1] === '\\') slashes++;
    if (slashes % 2 === 0) found.push(i);
  }
  return found;
}

/**
 * Rows and cells are written by the table handler itself, aligned after the fact, so their spans
 * are not recorded and the spans inside a cell count from the table's start: place them on the
 * row's line at the cell's content, and give rows and cells the extents a parser gives them (a
 * cell from its opening pipe to the next, the last one through the closing pipe).
 */
function placeTable(table: Table, span: Span, spans: Map<Nodes, Span>, lines: Lines): boolean {
  let ok = true;
  table.children.forEach((row, index) => {
    const line = span.line + (index === 0 ? 0 : index + 1);
    const column = index === 0 ? span.column : 1 + span.shift;
    const text = lines.rest(line, column);
    const bars = pipes(text);
    if (bars.length !== row.children.length + 1) {
      ok = false;
      return;
    }
    const first = bars[0] ?? 0;
    const last = bars[bars.length - 1] ?? 0;
    spans.set(row, { line, column: column + first, shift: span.shift, value: text.slice(first, last + 1) });
    row.children.forEach((cell, at) => {
      const open = bars[at] ?? 0;
      const close = bars[at + 1] ?? 0;
      const end = at === row.children.length - 1 ? close + 1 : close;
      spans.set(cell, { line, column: column + open, shift: span.shift, value: text.slice(open, end) });
      const inside = text.slice(open + 1, close);
      const content = open + 1 + inside.length - inside.trimStart().length;
      const move = (node: Nodes) => {
        const inner = spans.get(node);
        if (inner) spans.set(node, { ...inner, line, column: column + content + inner.column - span.column });
        if ('children' in node) node.children.forEach(move);
      };
      cell.children.forEach(move);
    });
  });
  return ok;
}

/** Whether a blank line separates any two of these siblings. */
function blankBetween(nodes: readonly Nodes[]): boolean {
  return nodes.some((node, index) => {
    const next = nodes[index + 1];
    return next?.position && node.position && next.position.start.line > node.position.end.line + 1;
  });
}

/** A line of only block quote markers: a blank line inside a quote. */
function blankQuoted(lines: Lines, line: number): boolean {
  const text = lines.rest(line, 1);
  return text.includes('>') && /^[\s>]*$/.test(text);
}

/**
 * Micromark's ends and spread of a list in a block quote depend on the blank quoted lines (`>`) in
 * and after it, by rules of their own; such a tree is left for the parser.
 */
function quotedListWithBlank(node: Nodes, lines: Lines, quoted = false): boolean {
  if (node.type === 'list' && quoted && node.position) {
    for (let line = node.position.start.line; line <= node.position.end.line + 1; line++) {
      if (blankQuoted(lines, line)) return true;
    }
  }
  if (!('children' in node)) return false;
  const inQuote = quoted || node.type === 'blockquote';
  return node.children.some((child) => quotedListWithBlank(child, lines, inQuote));
}

const MARKERS: Partial<Record<Nodes['type'], number>> = { emphasis: 1, strong: 2, delete: 2 };

/** How micromark classes the character at `index`: 1 whitespace (or none), 2 punctuation, else undefined. */
const classAt = (text: string, index: number) =>
  classifyCharacter(index < 0 || index >= text.length ? null : text.charCodeAt(index));

/**
 * Whether emphasis, strong or strikethrough written from `start` to `end` reads back as one: its
 * marker runs stand alone, and the first can open and the last close by micromark's flanking
 * rules. The writer does not always see to it: `x**(y)**z` is literal text to a parser.
 */
function attentionReadsBack(text: string, start: number, end: number, size: number): boolean {
  const marker = text[start] as string;
  const last = end - size;
  if (text[start - 1] === marker || text[start + size] === marker) return false;
  if (text[last - 1] === marker || text[end] === marker) return false;
  // Beside a `*` or `_` run, micromark counts a `~` (the other attention marker) as if it were space.
  const tilde = (index: number) => marker !== '~' && text[index] === '~';
  const sides = (at: number) => {
    const before = classAt(text, at - 1);
    const after = classAt(text, at + size);
    if (marker === '~')
      return {
        open: !after || (after === 2 && Boolean(before)),
        close: !before || (before === 2 && Boolean(after)),
      };
    const open = Boolean(!after || (after === 2 && before) || tilde(at + size));
    const close = Boolean(!before || (before === 2 && after) || tilde(at - 1));
    if (marker === '*') return { open, close };
    return { open: open && Boolean(before || !close), close: close && Boolean(after || !open) };
  };
  return sides(start).open && sides(last).close;
}

/** Whether emphasis inside `node` is written with the same marker: the runs may pair across the two. */
function sameMarkerInside(node: Nodes, text: string, marker: string): boolean {
  if (!('children' in node)) return false;
  return node.children.some(
    (child) =>
      (MARKERS[child.type] !== undefined && text[child.position?.start.offset ?? -1] === marker) ||
      sameMarkerInside(child, text, marker),
  );
}

function position(span: Span, lines: Lines): { start: Point; end: Point } {
  const parts = span.value.split('\n');
  const tail = parts[parts.length - 1] ?? '';
  const endLine = span.line + parts.length - 1;
  const endColumn = parts.length === 1 ? span.column + tail.length : 1 + span.shift + tail.length;
  return { start: lines.point(span.line, span.column), end: lines.point(endLine, endColumn) };
}

/**
 * Writes mdast as Markdown with mdast-util-to-markdown and sets on every node the position that
 * parsing the Markdown back would give it, so the page needs no second parse (micromark was the
 * largest cost of a converted page). Handlers are wrapped to record where each node was written;
 * tables, task checkboxes and the root are placed from the output. `positioned` is false when the
 * tree holds a node this cannot place or the Markdown would read back as another tree; the caller
 * then parses the Markdown. Built once for a set of options; `write` is not reentrant.
 */
export class PositionedWriter {
  private readonly spans = { current: new Map<Nodes, Span>() };
  private readonly options: Options;

  constructor(options: Options) {
    this.options = { ...options, handlers: recording(handlersOf(options), this.spans) };
  }

  write(tree: Root): { markdown: string; positioned: boolean } {
    const spans = new Map<Nodes, Span>();
    this.spans.current = spans;
    const markdown = toMarkdown(tree, this.options);
    if (!isPositioned(tree)) return { markdown, positioned: false };
    const lines = new Lines(markdown);
    let ok = true;
    const place = (node: Nodes, parent?: Parents) => {
      const span = spans.get(node);
      if (node.type === 'table' && span) ok &&= placeTable(node, span, spans, lines);
      if ('children' in node) for (const child of node.children) place(child, node);
      if (node.type === 'root') {
        node.position = { start: lines.point(1, 1), end: lines.at(markdown.length) };
        return;
      }
      if (!span) {
        ok = false;
        return;
      }
      node.position = position(span, lines);
      const start = node.position.start.offset ?? 0;
      // What a handler returned is not always what lands: a parent may encode a character of it.
      if (!markdown.startsWith(span.value.split('\n', 1)[0] ?? '', start)) ok = false;
      // A backtick beside a code span joins its fence into a longer run, so the span reads on past
      // its end; an empty span is written as a bare fence pair, which reads as text; in a table cell
      // a parser reads `\|` in code as `|` (checked everywhere: a span does not know its cell).
      const end = node.position.end.offset ?? 0;
      if (
        node.type === 'inlineCode' &&
        (markdown[start - 1] === '`' || markdown[end] === '`' || !node.value || node.value.includes('\\|'))
      )
        ok = false;
      const size = MARKERS[node.type];
      if (
        size &&
        (!attentionReadsBack(markdown, start, end, size) ||
          sameMarkerInside(node, markdown, markdown[start] ?? ''))
      )
        ok = false;
      if (node.type === 'break') {
        // Where a line ending cannot go (a table cell) or would be trimmed (at the end of emphasis),
        // a break is written as a space or encoded: no break to a parser.
        if (!span.value.includes('\n') || !markdown.startsWith(span.value, start)) ok = false;
        // A hard break ends with its line ending; the next line's indent belongs to the text after it.
        node.position.end = lines.point(node.position.end.line, 1);
      }
      // The task list handler writes the checkbox into its paragraph; a parser starts the paragraph
      // after it when text follows (and drops the space), else at the checkbox.
      if (
        node.type === 'paragraph' &&
        parent?.type === 'listItem' &&
        typeof parent.checked === 'boolean' &&
        parent.children[0] === node &&
        node.children[0]?.type === 'text' &&
        node.children[0].position
      ) {
        node.position.start = { ...node.children[0].position.start };
      }
      // A parser calls a list or item spread when a blank line separates its children.
      if (node.type === 'list' || node.type === 'listItem') node.spread = blankBetween(node.children);
      if ('children' in node && !FLOW_PARENTS.has(node.type)) splitTags(node);
    };
    place(tree);
    return { markdown, positioned: ok && !quotedListWithBlank(tree, lines) };
  }
}
