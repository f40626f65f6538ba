import { z } from 'zod';
import type { Page } from '../../model/page.js';
import { firstField, normalizeKey, parseDate } from '../../normalize/fields.js';
import type { Hit, PageCheckKind } from '../check.js';
import { reviewWindowEnd } from './review-window.js';
import { daysBetween, isoDay, matchAllowed } from './values.js';

const options = z.object({
  field: z.string().default('status'),
  states: z.array(z.string()).min(1).default(['Proposed', 'Draft', 'Open', 'In review', 'RFC']),
  'max-days': z.number().int().positive().default(14),
  since: z.array(z.string()).default(['date', 'created', 'proposed']),
});

/** The `lifecycle` rule keys after defaults. */
export type LifecycleOptions = z.output<typeof options>;

/** When the page entered its state, as well as the page tells: a stated date, else creation, else last edit. */
function enteredAt(page: Page, since: readonly string[]): Date | undefined {
  const stated = firstField(page.fields, since.map(normalizeKey));
  return (stated && parseDate(stated.value)) ?? page.createdAt ?? page.updatedAt;
}

/** Decisions must not stall: a record left in Proposed or Draft past its comment window needs its owner to decide. */
export const lifecycleCheck: PageCheckKind<LifecycleOptions> = {
  name: 'lifecycle',
  options,
  run(page, opts, { now }): Hit[] {
    if (page.unreadable) return [];
    const field = page.fields[normalizeKey(opts.field)];
    const status = field && matchAllowed(field.value, opts.states);
    if (!field || !status) return [];
    const at = field.position ? { position: field.position } : {};
    // A review window the record states is its own deadline; the rule's limit applies only without one.
    const windowEnd = reviewWindowEnd(field.value);
    if (windowEnd) {
      const days = daysBetween(windowEnd, now);
      if (days <= 0) return [];
      const day = isoDay(windowEnd);
      const overdue = `since its review window ended on ${day}, ${days} days ago`;
      return [
        {
          data: { status, days, max: 0, since: day, overdue },
          matched: `${status} window ended ${day}`,
          excerpt: field.value,
          ...at,
        },
      ];
    }
    const since = enteredAt(page, opts.since);
    if (!since) return [];
    const days = daysBetween(since, now);
    const max = opts['max-days'];
    if (days <= max) return [];
    const day = isoDay(since);
    return [
      {
        data: { status, days, max, since: day, overdue: `for ${days} days (limit ${max}), since ${day}` },
        matched: `${status} since ${day}`,
        excerpt: field.value,
        ...at,
      },
    ];
  },
};
