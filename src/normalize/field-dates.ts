import type { List, Paragraph, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { isStateWord } from './state-words.js';

/** A date after `on`, `since`, `as of`, an opening bracket (`(dato: 2025-06-02)`), a comma or a dash. */
export const STATUS_DATE =
  /(?:\b(?:on|since|as of)\s+|[(,–—]\s*(?:(?:date|dato|datum|fecha|data)\s*:\s*)?|\s-\s+)(\d{4}(?:-\d{2}-\d{2}|\/\d{2}\/\d{2}))\b/i;

/** A year-first date as ISO writes it: `2026/05/05`, as some teams write their days, is `2026-05-05`. */
const isoDate = (date: string): string => date.replaceAll('/', '-');

/**
 * The date a status was reached, written in it (`ACCEPTED on 2025-11-24`, `Proposed (2024-12-20)`,
 * `接受 - 2025-09-24`, a Norwegian template's `Foreslått (dato: 2025-06-02)`):
 * the `status-date` field. Not a deadline (`In review, comments close 2026-09-16`).
 */
export function fromStatusDate(fields: Record<string, Field>): void {
  latestState(fields);
  leadingDate(fields);
  fromStatusDeciders(fields);
  const status = fields.status;
  const date = status && STATUS_DATE.exec(status.value)?.[1];
  if (!status || !date) return;
  fields['status-date'] = { value: isoDate(date), ...(status.position ? { position: status.position } : {}) };
}

/**
 * A status written as its date, then the state (`2020-03-04 proposed`, `2026/05/05 - APPROVED`): the date, and
 * the state after it.
 */
export const DATE_THEN_STATE =
  /^(\d{4}(?:-\d{2}-\d{2}|\/\d{2}\/\d{2}))[^\S\n]{0,3}[:,–—-]?[^\S\n]{1,3}(\p{L}[^\n]{0,200})$/u;

/**
 * A status line that opens with the day the state was reached (a French MADR folder writes `## Statut`
 * over `2020-03-04 proposed`): the status is the state, the date its `status-date`. Only when a
 * lifecycle word follows the date: `2020-03-04 parked` stays a value to judge as written. A log kept so
 * (`2020-03-04 proposed; 2020-04-12 accepted`, or a line each: `datedLog`) is in its latest state, when
 * every part is a date and a state.
 */
function leadingDate(fields: Record<string, Field>): void {
  const status = fields.status;
  if (!status) return;
  const states = status.value
    .split(/(?=\d{4}(?:-\d{2}-\d{2}|\/\d{2}\/\d{2}))/)
    .map(datedState)
    .filter((state) => state !== undefined);
  const log = states.length > 1 && states.every((state) => state !== null);
  const latest = (a: [string, string], b: [string, string]) => (b[0] >= a[0] ? b : a);
  const [date, state] =
    (log ? (states as [string, string][]).reduce(latest) : datedState(status.value)) ?? [];
  if (!date || !state) return;
  fields.status = { ...status, value: state };
  fields['status-date'] = { value: isoDate(date), ...(status.position ? { position: status.position } : {}) };
}

/** A part of a status line that is a date then a lifecycle word: the date and the state; null for a part that is not, undefined for a blank one. */
function datedState(part: string): [string, string] | null | undefined {
  const text = part.trim().replace(/[;,]$/, '').trim();
  if (!text) return undefined;
  const [, date, state = ''] = DATE_THEN_STATE.exec(text) ?? [];
  const word = state.toLowerCase().split(/[^\p{L}]+/u)[0] ?? '';
  return date && isStateWord(word) ? [date, state.trim()] : null;
}

/**
 * The status under a heading kept as a log, a dated state a line or an item (`2020-03-04 proposed` over
 * `2020-04-12 accepted`): the lines as one `;` line, for `leadingDate` to take the latest. Undefined unless
 * every line opens with a date, as the first line alone is the value otherwise.
 */
export function datedLog(node: Paragraph | List): string | undefined {
  const text =
    node.type === 'list' ? node.children.map((item) => mdToString(item)).join('\n') : mdToString(node);
  const lines = text.split('\n').map((line) => line.trim());
  return lines.length > 1 && lines.every((line) => DATE_THEN_STATE.test(line)) ? lines.join('; ') : undefined;
}

/** One state of a status line that records each with its date, `;` between them: its first word and its date. */
export const DATED_STATE = /^(\p{L}+)(?:[^\p{L}\d;\n][^\d;\n]*)?(\d{4}-\d{2}-\d{2})[^;\n]*$/u;

/** A word before a state's date that makes it a plan (by, target, planned, expected, due); "Approved by Ana 2017-02-22" is none. */
export const PLANNED =
  /\b(?:by|target(?:ed)?|planned|expected|due)(?:[:(]|[^\S\n]){1,4}(?:(?:on|for|in)[^\S\n]{1,4})?\d{4}-\d{2}-\d{2}/i;

/**
 * A status line that keeps the record's history, each state with its date in the order reached
 * (`Submitted, 2017-01-26; Approved 2017-02-22`): the record is in the last state, as its latest date
 * says. Only when every part is a lifecycle word and a date, and the dates go forward.
 */
function latestState(fields: Record<string, Field>): void {
  const status = fields.status;
  // Split on the bare `;` and trimmed after: `\s*;\s*` rescans a run of spaces from each of its positions.
  const parts = status?.value.split(';').map((part) => part.trim()) ?? [];
  if (!status || parts.length < 2) return;
  // A planned state ("Final by 2027-01-31", "Implemented target 2027-03-01") is not one reached: no history.
  if (parts.some((part) => PLANNED.test(part))) return;
  const states = parts.map((part) => DATED_STATE.exec(part.trim()));
  const dates = states.map((state) => state?.[2] ?? '');
  const ordered = dates.every((date, i) => date && (i === 0 || date >= (dates[i - 1] ?? '')));
  if (!ordered || !states.every((state) => state?.[1] && isStateWord(state[1].toLowerCase()))) return;
  fields.status = { ...status, value: parts.at(-1)?.trim() ?? status.value };
  // The last state's date is when the record reached it, whatever separator stands before it.
  const reached = dates.at(-1);
  if (reached)
    fields['status-date'] = { value: reached, ...(status.position ? { position: status.position } : {}) };
}

/**
 * Who decided, named in the status line: `*Accepted*, decided by @ana and @ben on 2020-02-18`. Up to
 * the sentence's end; the day it names (" on …") is cut off after. Not how it was decided ("accepted by
 * lazy consensus", "by default after two weeks", "by vote", "by majority", "by no objection"): no one.
 */
export const DECIDED_BY =
  /\b(?:decided|approved|accepted|agreed)[^\S\n]{1,4}by[^\S\n]{1,4}(?!(?:lazy |rough |general )?consensus|default|(?:a |an )?(?:\w{1,12} )?(?:vote|majority)|no objection|silence|unanimity)([^.;()\n]{1,120})/i;

/** The `deciders` a status line names (DECIDED_BY), when the page names none otherwise. */
function fromStatusDeciders(fields: Record<string, Field>): void {
  const status = fields.status;
  const named = status && !fields.deciders ? DECIDED_BY.exec(status.value)?.[1] : undefined;
  const names = named?.split(/\s(?:on|since)\s/)[0]?.trim();
  if (!status || !names) return;
  fields.deciders = { value: names, ...(status.position ? { position: status.position } : {}) };
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** A line that is a date and nothing else: "July 3, 2018", "7 April 2022", "October 2023", "2024-01-05". */
const DATE_ONLY = new RegExp(
  `^(?:\\d{4}(?:-\\d{2}-\\d{2}|/\\d{2}/\\d{2})|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?\\d{4})$`,
  'i',
);

/** A section heading that opens with its day, year first, alone or before a dash and a name: `## 2026/01/06 - Process`. */
const DATED_HEADING = /^(\d{4}(?:-\d{2}-\d{2}|\/\d{2}\/\d{2}))(?:[^\S\n]{1,3}[-–—:][^\S\n]|$)/;

/**
 * A date written alone on the line under the title, as some ADR folders date every record
 * (`# ADR 2: …` then `July 3, 2018`), or opening the first section's heading (a team's records dated so,
 * `## 2024/10/31`): the `dateline` field. Not `date`, which other rules read as the page's last edit.
 */
export function fromDateline(tree: Root, fields: Record<string, Field>): void {
  const nodes = tree.children.filter((node) => node.type !== 'yaml');
  const [title, next] = nodes;
  if (title?.type !== 'heading' || title.depth !== 1) return;
  const text = next?.type === 'paragraph' || next?.type === 'heading' ? mdToString(next).trim() : '';
  const date = next?.type === 'heading' ? DATED_HEADING.exec(text)?.[1] : DATE_ONLY.test(text) && text;
  if (!next || !date) return;
  fields.dateline = { value: isoDate(date), ...(next.position ? { position: next.position } : {}) };
}
