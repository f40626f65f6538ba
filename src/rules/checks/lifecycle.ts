import { z } from 'zod';
import type { Page } from '../../model/page.js';
import { firstField, normalizeKey, parseDate, parseStrictDate } from '../../normalize/fields.js';
import type { Hit, PageCheckKind } from '../check.js';
import { reviewWindowEnd } from './review-window.js';
import { comparable, daysBetween, isoDay, matchAllowed } from './values.js';

const options = z.object({
  field: z.string().default('status'),
  states: z.array(z.string()).min(1).default(['Proposed', 'Draft', 'Open', 'In review', 'RFC']),
  'max-days': z.number().int().positive().default(14),
  since: z.array(z.string()).default(['date', 'created', 'proposed']),
  /** Fields of `since` read only when their value is a date in a strict format (parseStrictDate), else skipped. */
  'strict-dates': z.array(z.string()).default([]),
  /** Fields that state the review window's last day (`review-until: 2026-12-10`): the record's own deadline. */
  'window-fields': z
    .array(z.string())
    .default(['review-until', 'comments-until', 'comment-until', 'review-by', 'decide-by']),
  /** A longer limit for states meant to last (a KEP stays `provisional` while its design is worked out). */
  'state-days': z.record(z.string(), z.number().int().positive()).default({}),
});

/** The `lifecycle` rule keys after defaults. */
export type LifecycleOptions = z.output<typeof options>;

/** When the page entered its state, as well as the page tells: a stated date, else creation, else last edit. */
function enteredAt(page: Page, since: readonly string[], strictDates: readonly string[]): Date | undefined {
  const strict = new Set(strictDates.map(normalizeKey));
  for (const key of since.map(normalizeKey)) {
    const value = page.fields[key]?.value;
    if (!value) continue;
    // A strict field whose value is no date (`Data: orders export 2023`) is not there: the next one is read.
    if (strict.has(key)) {
      const day = parseStrictDate(value);
      if (day) return day;
      continue;
    }
    return parseDate(value) ?? page.createdAt ?? page.updatedAt;
  }
  return page.createdAt ?? page.updatedAt;
}

/** "comment window open until 2026-12-07", "comments close 2026-09-16": a deadline written in the status. */
const UNTIL =
  /\b(?:until|till|through|closes?|ends?|closing|ending)\s+(?:on\s+)?(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\p{L}+\.? \d{1,2},? \d{4}|\d{1,2} \p{L}+\.? \d{4})/iu;

/** The last day of the review window the record states: in its status (a range, or "until <date>"), or in a window field. */
function stateWindowEnd(page: Page, status: string, fields: readonly string[]): Date | undefined {
  const range = reviewWindowEnd(status);
  if (range) return range;
  const until = UNTIL.exec(status)?.[1];
  const stated = until ?? firstField(page.fields, fields.map(normalizeKey))?.value;
  const day = stated ? parseDate(stated) : undefined;
  return day && new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
}

/** Decisions must not stall: a record left in Proposed or Draft past its comment window needs its owner to decide. */
export const lifecycleCheck: PageCheckKind<LifecycleOptions> = {
  name: 'lifecycle',
  values: ['status', 'days', 'max', 'since', 'overdue'],
  options,
  run(page, opts, { now }): Hit[] {
    if (page.unreadable) return [];
    const field = page.fields[normalizeKey(opts.field)];
    const status = field && matchAllowed(field.value, opts.states);
    if (!field || !status) return [];
    const at = field.position ? { position: field.position } : {};
    // A review window the record states is its own deadline; the rule's limit applies only without one.
    const windowEnd = stateWindowEnd(page, field.value, opts['window-fields']);
    if (windowEnd) {
      const days = daysBetween(windowEnd, now);
      if (days <= 0) return [];
      const day = isoDay(windowEnd);
      const overdue = `since its review window ended on ${day}`;
      return [
        {
          data: { status, days, max: 0, since: day, overdue },
          matched: `${status} window ended ${day}`,
          excerpt: field.value,
          ...at,
        },
      ];
    }
    const since = enteredAt(page, opts.since, opts['strict-dates']);
    if (!since) return [];
    const days = daysBetween(since, now);
    const perState = Object.entries(opts['state-days']).find(
      ([name]) => comparable(name) === comparable(status),
    );
    const max = perState?.[1] ?? opts['max-days'];
    if (days <= max) return [];
    const day = isoDay(since);
    return [
      {
        data: { status, days, max, since: day, overdue: `for more than ${max} days, since ${day}` },
        matched: `${status} since ${day}`,
        excerpt: field.value,
        ...at,
      },
    ];
  },
};
