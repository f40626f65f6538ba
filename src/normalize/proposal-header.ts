import type { Code, Paragraph } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { fieldKey } from './field-keys.js';
import { TABLE_KEYS } from './field-tables.js';
import { cleanValue } from './fields.js';

/** A `Key: value` line of a header block: a key of a few words, then its value. */
const HEADER_LINE = /^(\p{L}[\p{L}\p{N} _-]{0,29}):[^\S\n]+(\S.*)$/u;

/**
 * A PEP-style header: the page's first block, indented so it renders as code, of `Key: value` lines
 * ("Title: …", "Status: Draft", "Created: 2014-03-10"), a line naming the proposal above them at most
 * ("IFA Proposal No. 4"). Read as the page's header fields when two of its keys are a header block's
 * (TABLE_KEYS); a fenced block, or one with another line among them, is an example (a config file's).
 * An indented block also opens pages that show an example first (a mailer's headers, a catalog entry): its
 * fields are kept only on a page typed a record, by its folder or title or as a numbered page stating a
 * status (`xyz-0004.md`), and dropped from a page typed by nothing (`keepIndentedHeader`).
 */
export function fromIndentedHeader(node: Code, markdown: string, fields: Record<string, Field>): void {
  const start = node.position?.start;
  if (!start || node.lang || !/^(?: {4}|\t)/.test(markdown.slice(start.offset ?? 0))) return;
  const lines = node.value.split('\n');
  const parsed = lines.map((text) => HEADER_LINE.exec(text));
  const named = parsed.findIndex((match) => match !== null);
  if (named < 0 || named > 1 || parsed.slice(named).some((match, i) => !match && lines[named + i]?.trim()))
    return;
  // A PEP's `Type:` is the proposal's kind (Standards Track, Informational), not the page's document type.
  const keys = parsed.map((match) =>
    match?.[1] ? fieldKey(match[1]).replace(/^type$/, 'proposal-type') : '',
  );
  if (keys.filter((key) => TABLE_KEYS.has(key)).length < 2) return;
  parsed.forEach((match, index) => {
    const key = keys[index];
    const value = cleanValue((match?.[2] ?? '').trim());
    if (!key || !value || key in fields) return;
    const line = start.line + index;
    const column = start.column + 4;
    const field = {
      value,
      position: { start: { line, column }, end: { line, column: column + (lines[index] ?? '').length } },
    };
    INDENTED.add(field);
    fields[key] = field;
  });
}

/** The fields an indented header block set (`fromIndentedHeader`). */
const INDENTED = new WeakSet<Field>();

/** The types whose pages open with a PEP-style header. */
const HEADED_TYPES: ReadonlySet<string> = new Set(['decision', 'proposal']);

/** Drops the indented header block's fields from a page not typed a record: the block was an example. */
export function keepIndentedHeader(
  fields: Record<string, Field>,
  type: string | undefined,
): Record<string, Field> {
  if (type && HEADED_TYPES.has(type)) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([, field]) => !INDENTED.has(field)));
}

/** A proposal's byline as a sentence of its own: "This document was authored by Ana Ruiz." */
const BYLINE =
  /^(?:this|the) (?:document|proposal|rfc|specification|spec|draft|record) (?:was|is|has been) (?:authored|written|drafted) by (\p{L}[\p{L}\p{N} .,'’&-]{1,79}?)\.?$/iu;

/** Reads the author a byline paragraph under the title names, when the page names none elsewhere above it. */
export function fromByline(node: Paragraph, fields: Record<string, Field>): void {
  const match = BYLINE.exec(mdToString(node).trim());
  if (!match?.[1] || 'author' in fields) return;
  fields.author = { value: match[1], ...(node.position ? { position: node.position } : {}) };
}
