import type { Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { parseDate } from './fields.js';
import { isStateWord } from './state-words.js';

/** A state set in bold, one to three words of letters (`**Aceita**`, `**In review**`): no bold sentence, no record number. */
export const STATE_LABEL = /^\p{L}{1,30}(?: \p{L}{1,30}){0,2}$/u;

/**
 * A state and the record it points to (`Substituída por ADR-0011`, `Superseded by ADR-12`), as a folder's
 * README lists its states: the state word is judged, the whole label is the status.
 */
export const STATE_BY_RECORD = /^(\p{L}{1,30}) \p{L}{1,5} \p{L}{1,10}[- ]?\d{1,6}$/u;

/** What follows the bold state: a separator, then an ISO date (` · 2026-09-02 · Related …`). */
export const THEN_DATE = /^[^\S\n]{0,3}[·•|,–—-][^\S\n]{0,3}(\d{4}-\d{2}-\d{2})(?![\d-])/;

/**
 * The fields a lead line set: they are no typing signal (`TypeSignals.fields`). A bold state and a date
 * under the title also head numbered guides (`**Draft** · 2026-09-02`) and minutes (`**Final** · …`); a
 * numbered page that states a status is typed a record, so only a page typed otherwise is read as one.
 */
const LEAD_LINE_FIELDS = new WeakSet<Field>();

/** Whether the lead line under the title set this field, which then does not type the page. */
export function fromLeadLineOnly(field: Field | undefined): boolean {
  return field !== undefined && LEAD_LINE_FIELDS.has(field);
}

/** Marks a field read as the status under another key as no typing signal, as a lead line's is. */
export function typesNoPage(field: Field): void {
  LEAD_LINE_FIELDS.add(field);
}

/**
 * The status and the day it was reached, written as the line under the title without their keys: the
 * state in bold, then a separator and an ISO date (`**Aceita** · 2026-09-02 · Relacionada …`), as some
 * folders head every record. Only the paragraph right under the title, only a lifecycle word in a language
 * the rules read, only a real calendar day: a bold lead-in such as `**Note** · 2026-09-02` sets nothing.
 * The date is the `status-date` field, as a date written in the status is (`Accepted on 2025-11-24`).
 */
export function fromLeadLine(tree: Root, fields: Record<string, Field>): void {
  if (fields.status) return;
  const nodes = tree.children.filter((node) => node.type !== 'yaml');
  const [title, second] = nodes;
  // A site that titles its records in front matter (Docusaurus, Jekyll) opens the body with the line.
  const titled = title?.type === 'heading' && title.depth === 1;
  const line = titled ? second : tree.children[0]?.type === 'yaml' && fields.title ? title : undefined;
  if (line?.type !== 'paragraph') return;
  const [bold, next] = line.children;
  if (bold?.type !== 'strong' || next?.type !== 'text') return;
  const state = mdToString(bold).trim();
  const word = STATE_LABEL.test(state) ? state : STATE_BY_RECORD.exec(state)?.[1];
  if (!word || !isStateWord(word.toLowerCase())) return;
  const date = THEN_DATE.exec(next.value)?.[1];
  if (!date || !parseDate(date)) return;
  fields.status = { value: state, ...(bold.position ? { position: bold.position } : {}) };
  LEAD_LINE_FIELDS.add(fields.status);
  if (!fields['status-date']) {
    fields['status-date'] = { value: date, ...(line.position ? { position: line.position } : {}) };
    LEAD_LINE_FIELDS.add(fields['status-date']);
  }
}
