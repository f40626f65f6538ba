import type { Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';

/** A date after `on`, `since`, `as of`, an opening bracket (`(dato: 2025-06-02)`), a comma or a dash. */
export const STATUS_DATE =
  /(?:\b(?:on|since|as of)\s+|[(,–—]\s*(?:(?:date|dato|datum|fecha|data)\s*:\s*)?|\s-\s+)(\d{4}-\d{2}-\d{2})\b/i;

/**
 * The date a status was reached, written in it (`ACCEPTED on 2025-11-24`, `Proposed (2024-12-20)`,
 * `接受 - 2025-09-24`, a Norwegian template's `Foreslått (dato: 2025-06-02)`):
 * the `status-date` field. Not a deadline (`In review, comments close 2026-09-16`).
 */
export function fromStatusDate(fields: Record<string, Field>): void {
  const status = fields.status;
  const date = status && STATUS_DATE.exec(status.value)?.[1];
  if (!status || !date) return;
  fields['status-date'] = { value: date, ...(status.position ? { position: status.position } : {}) };
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** A line that is a date and nothing else: "July 3, 2018", "7 April 2022", "October 2023", "2024-01-05". */
const DATE_ONLY = new RegExp(
  `^(?:\\d{4}-\\d{2}-\\d{2}|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?\\d{4})$`,
  'i',
);

/**
 * A date written alone on the line under the title, as some ADR folders date every record
 * (`# ADR 2: …` then `July 3, 2018`): the `dateline` field. Not `date`, which other rules read as
 * the page's last edit.
 */
export function fromDateline(tree: Root, fields: Record<string, Field>): void {
  const nodes = tree.children.filter((node) => node.type !== 'yaml');
  const [title, next] = nodes;
  if (title?.type !== 'heading' || title.depth !== 1 || next?.type !== 'paragraph') return;
  const text = mdToString(next).trim();
  if (!DATE_ONLY.test(text)) return;
  fields.dateline = { value: text, ...(next.position ? { position: next.position } : {}) };
}
