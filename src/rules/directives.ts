import type { Root } from 'mdast';
import type { Position } from '../model/position.js';
import { VALE_MARK, valeComments } from './vale-directives.js';

/** The directive forms; anything else after `handbook-lint-` in a comment is a misspelled form. */
export const DIRECTIVE_KINDS = [
  'disable',
  'enable',
  'disable-line',
  'disable-next-line',
  'disable-file',
] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

/** One inline directive as written on a page. Plain data, so it survives the trip from a worker thread. */
export interface Directive {
  /** The form as written: one of DIRECTIVE_KINDS, or a misspelling of one (reported, never applied). */
  kind: string;
  /** Rule ids it names; empty for every rule. */
  rules: string[];
  /** The text after ` -- `, ESLint's way of saying why. */
  reason?: string;
  position: Position;
  /** The directive as written, quoted in its findings. */
  text: string;
  /** Text follows it on its line in an HTML block: raw HTML to Markdown, so no rule reads it. */
  htmlAfter?: true;
  /** The name written before the form when it is not `handbook-lint` (`handbooklint`, `markdownlint`): never applied. */
  tool?: string;
}

/**
 * After `handbook-lint`: the dash, or what a hand types for it before a form (`handbook-lint disable`,
 * `handbook-lint:disable`), kept in the kind so the form is reported as misspelled, never applied.
 */
const SEPARATOR = String.raw`(?:-|([ \t:_]+)(?=(?:disable|enable)\b))`;
/**
 * The tool's name, or what is read as meant for it: the name misspelled (`handbooklint`,
 * `handbook_lint`), or markdownlint's and ESLint's, which a copied directive keeps (the check reports
 * those only when they name a handbook-lint rule). Any name but the tool's own is never applied.
 */
const TOOL = '(handbook-lint|handbook[_ ]?lint|markdownlint|eslint)';
/** In an HTML comment (Markdown) or in text (a wiki editor keeps a typed `<!--` as text). */
const COMMENT = new RegExp(String.raw`<!--\s*${TOOL}${SEPARATOR}([a-z]+(?:-[a-z]+)*)([\s\S]*?)-->`, 'g');
/** A paragraph of its own: what a wiki user types without the comment marks. Known forms only, so prose is left alone. */
const BARE = /^handbook-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])([\s\S]*)$/;
/** Before the reason: ESLint's ` -- `, or the dash a wiki editor makes of it as you type. */
const REASON = /(?:^|\s)(?:--|–|—)(?:\s|$)/;
/** What a bare form may hold before its reason: rule ids and their separators, never a sentence. */
const RULE_IDS = /^[\s\w,/-]*$/;
/** How a `<!--` in text is written in the source: escaped (`\<`, as the wikis write a typed one) or as an entity. */
const OPENER = new RegExp(String.raw`(&(?:lt|#0*60|#x0*3c);|\\?<)!--\s*${TOOL}${SEPARATOR}`, 'gi');

/** Whether a text may hold a directive: the tool's name in any spelling TOOL reads, or Vale's comment. */
const LINT = /lint|<!--\s*vale\s/i;

export function isDirectiveKind(kind: string): kind is DirectiveKind {
  return (DIRECTIVE_KINDS as readonly string[]).includes(kind);
}

interface Node {
  type: string;
  value?: unknown;
  position?: Position;
  children?: Node[];
}

function split(body: string): { ids: string; reason: string } {
  const separator = REASON.exec(body);
  if (!separator) return { ids: body, reason: '' };
  return {
    ids: body.slice(0, separator.index),
    reason: body.slice(separator.index + separator[0].length).trim(),
  };
}

function directive(kind: string, body: string, text: string, position: Position): Directive {
  const { ids, reason } = split(body);
  return {
    kind,
    rules: ids.split(/[\s,]+/).filter(Boolean),
    ...(reason ? { reason } : {}),
    position,
    text: text.trim(),
  };
}

/**
 * A paragraph that is a directive: the form, rule ids, then maybe a reason. One naming no rule must
 * stand alone, so a sentence about a form ("handbook-lint-disable-file — for generated pages") is prose.
 */
function bareDirective(text: string, position: Position): Directive | undefined {
  const bare = BARE.exec(text);
  if (!bare) return undefined;
  const [, kind = '', body = ''] = bare;
  const { ids, reason } = split(body);
  if (!RULE_IDS.test(ids) || (reason && !ids.trim())) return undefined;
  return directive(kind, body, text, position);
}

/**
 * Per `<!--` of a text node, in order, whether the source writes it as an entity (`&lt;!--`): a
 * Markdown author showing a directive, since the wikis write a typed one as `\<!--`.
 */
function shownOpeners(markdown: string, position: Position, count: number): boolean[] {
  const { start, end } = position;
  if (start.offset === undefined || end.offset === undefined) return [];
  const openers = [...markdown.slice(start.offset, end.offset).matchAll(OPENER)];
  return openers.length === count ? openers.map((opener) => opener[1]?.startsWith('&') ?? false) : [];
}

/**
 * Where offsets of `value` lie, given where the node holding `value` starts. Asked in reading order,
 * it reads on from the offset asked before: counting lines from the node's start for each of
 * thousands of directives in one text took minutes.
 */
function pointsIn(value: string, start: Position['start']): (index: number) => Position['start'] {
  let read = 0;
  let line = start.line;
  let newline = -1;
  return (index) => {
    if (index < read) [read, line, newline] = [0, start.line, -1];
    for (; read < index; read++) {
      if (value.charCodeAt(read) === 10) {
        line++;
        newline = read;
      }
    }
    return { line, column: newline < 0 ? start.column + index : index - newline };
  };
}

function textOf(node: Node): string {
  if (node.type === 'text') return typeof node.value === 'string' ? node.value : '';
  return (node.children ?? []).map(textOf).join('');
}

function inComments(node: Node, position: Position, markdown: string, into: Directive[]): void {
  const value = node.value as string;
  // No directive ends after the last `-->`: matched only before it, a page of unclosed `<!-- handbook-lint-`
  // openers is not searched to its end from each of them.
  const matches = [...value.slice(0, value.lastIndexOf('-->') + 3).matchAll(COMMENT)];
  const shown = node.type === 'text' ? shownOpeners(markdown, position, matches.length) : [];
  const at = pointsIn(value, position.start);
  for (const [index, match] of matches.entries()) {
    if (shown[index]) continue;
    const [text, tool = '', separator, word = '', body = ''] = match;
    const kind = separator === undefined ? word : `${separator.trim() || ' '}${word}`;
    const span = { start: at(match.index), end: at(match.index + text.length) };
    const found = directive(kind, body, text, span);
    // `<!-- … -->See [x](y.md)`: a line that starts with `<!--` is an HTML block to the end of the
    // line, so the text after the comment is never Markdown and no rule finds anything in it.
    const after = value.slice(match.index + text.length).split('\n', 1)[0] ?? '';
    if (node.type === 'html' && /\S/.test(after)) found.htmlAfter = true;
    if (tool !== 'handbook-lint') found.tool = tool;
    into.push(found);
  }
  // Vale reads only real comments, so text that shows one is left alone.
  if (node.type !== 'html' || !VALE_MARK.test(value)) return;
  for (const comment of valeComments(value)) {
    const span = { start: at(comment.index), end: at(comment.index + comment.text.length) };
    into.push({ ...directive(comment.kind, comment.rule, comment.text, span), tool: 'vale' });
  }
}

/**
 * The page's directives in reading order: `<!-- handbook-lint-… -->` in HTML comments or in text, and a
 * paragraph that is nothing but `handbook-lint-…`. Code is never read, nor a comment written with
 * entities (`&lt;!--`), so a page can show a directive.
 */
export function readDirectives(tree: Root, markdown: string): Directive[] {
  if (!LINT.test(markdown)) return [];
  const found: Directive[] = [];
  const visit = (node: Node) => {
    const position = node.position;
    if ((node.type === 'html' || node.type === 'text') && typeof node.value === 'string' && position) {
      if (LINT.test(node.value)) inComments(node, position, markdown, found);
      return;
    }
    if (node.type === 'paragraph' && position) {
      const bare = bareDirective(textOf(node).trim(), position);
      if (bare) {
        found.push(bare);
        return;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as Node);
  return found;
}
