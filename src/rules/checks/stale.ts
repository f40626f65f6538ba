import { z } from 'zod';
import type { Field, Page } from '../../model/page.js';
import { firstField, normalizeKey, parseDate, REVIEWED_FIELDS } from '../../normalize/fields.js';
import { notMaintained } from '../../normalize/stub.js';
import type { Hit, PageCheckKind } from '../check.js';
import { daysBetween, isoDay, isTruthy } from './values.js';

/**
 * Dates by which a page is due for review, whatever its age: a Notion-style verification's expiry, and
 * the next review a playbook's front matter schedules (`next-review: 2026-04-01`, `review-by`). A
 * date still ahead vouches for the page however old its last edit is.
 */
const DUE_DATES = [
  {
    fields: ['verification-expiry'],
    reason: (day: string) => `its verification expired on ${day}`,
    matched: 'verification expired',
  },
  {
    fields: ['next-review', 'next-review-date', 'review-by', 'review-due'],
    reason: (day: string) => `its next review was due on ${day}`,
    matched: 'review due',
  },
];

/** `review_in: 3 months` (Tech Docs' page expiry): how long a review holds. */
const REVIEW_IN = /^(\d+)\s*(day|week|month|year)s?$/i;

/** The day a Tech Docs page expires: its last review plus `review_in`, if both are written. */
function expiry(fields: Record<string, Field>, reviewed: Date | undefined): Date | undefined {
  const period = fields['review-in'] && REVIEW_IN.exec(fields['review-in'].value.trim());
  if (!reviewed || !period) return undefined;
  const count = Number(period[1]);
  const due = new Date(reviewed.getTime());
  const unit = period[2]?.toLowerCase();
  if (unit === 'day') due.setUTCDate(due.getUTCDate() + count);
  else if (unit === 'week') due.setUTCDate(due.getUTCDate() + 7 * count);
  else if (unit === 'month') due.setUTCMonth(due.getUTCMonth() + count);
  else due.setUTCFullYear(due.getUTCFullYear() + count);
  return due;
}

const options = z.object({
  'max-age-days': z.number().int().positive().default(180),
  'exempt-fields': z.array(z.string()).default(['evergreen']),
  'exempt-labels': z.array(z.string()).default(['evergreen']),
});

/** The `stale` rule keys after defaults. */
export type StaleOptions = z.output<typeof options>;

/** Index file names: a section stub with nothing but a heading is navigation, not a page left empty. */
const INDEX = /^(?:_?index|readme)\.(?:md|mdx|markdown)$/i;

/**
 * Pages not kept current at all (redirects, symlinks, retired or release records, headless bundles) have no
 * age to review. An empty page does, unless it is a section's index stub; a person's own page is still kept.
 */
function unmaintained(page: Page): boolean {
  const why = notMaintained(page);
  if (why === 'personal') return false;
  if (why === 'empty') return INDEX.test((page.file ?? page.path).split('/').pop() ?? '');
  return why !== undefined;
}

function exempt(page: Page, opts: StaleOptions): boolean {
  if (unmaintained(page)) return true;
  const labels = new Set(opts['exempt-labels'].map((label) => label.toLowerCase()));
  if (page.labels.some((label) => labels.has(label.toLowerCase()))) return true;
  return opts['exempt-fields'].some((name) => isTruthy(page.fields[normalizeKey(name)]?.value));
}

/** A day: a review dated today by another time zone's clock is not ahead. */
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a numeric date read month-first (`10/03/2026`) is, read day-first, a day already past: which
 * way round a handbook writes them the date alone does not say, so such a date is not called ahead.
 */
function pastDayFirst(value: string, now: Date): boolean {
  const both = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/.exec(value.trim());
  if (!both || Number(both[1]) > 12 || Number(both[2]) > 12) return false;
  return Date.UTC(Number(both[3]), Number(both[2]) - 1, Number(both[1])) <= now.getTime() + DAY_MS;
}

/** Pages nobody has edited, reviewed or verified for too long: async readers cannot tell if they still hold. */
export const staleCheck: PageCheckKind<StaleOptions> = {
  name: 'stale',
  values: ['days', 'max', 'updated', 'reason'],
  options,
  run(page, opts, { now }): Hit[] {
    if (page.unreadable || exempt(page, opts)) return [];
    const max = opts['max-age-days'];
    const reviewed = firstField(page.fields, REVIEWED_FIELDS);
    const lastUpdate = page.updatedAt;
    const updated = lastUpdate ? isoDay(lastUpdate) : 'never';
    const days = lastUpdate ? daysBetween(lastUpdate, now) : 0;
    const reviewedOn = reviewed && parseDate(reviewed.value);
    // A review written ahead of the clock (`last_reviewed: 2099-01-01`, 2062 for 2026) would keep the
    // page fresh for decades: it is reported, not trusted. Recorded times (git, the file, the wiki)
    // are not: a run `--now` in the past sees them ahead.
    if (reviewedOn && reviewedOn.getTime() > now.getTime() + DAY_MS && !pastDayFirst(reviewed.value, now)) {
      const day = isoDay(reviewedOn);
      const reason = `its last review is dated ${day}, a day still to come`;
      return [{ data: { days: 0, max, updated: day, reason }, matched: `reviewed ahead ${day}` }];
    }
    const expires = expiry(page.fields, reviewedOn);
    if (expires) {
      if (expires.getTime() >= now.getTime()) return [];
      const day = isoDay(expires);
      const reason = `its review was due on ${day} (last reviewed on ${updated}, review in ${page.fields['review-in']?.value.trim()})`;
      return [{ data: { days, max, updated, reason }, matched: `review due ${day}` }];
    }
    for (const due of DUE_DATES) {
      const field = due.fields.map((name) => page.fields[name]).find((f) => f && parseDate(f.value));
      const date = field && parseDate(field.value);
      if (!date) continue;
      if (date.getTime() >= now.getTime()) return [];
      const day = isoDay(date);
      return [{ data: { days, max, updated, reason: due.reason(day) }, matched: `${due.matched} ${day}` }];
    }
    if (!lastUpdate || days <= max) return [];
    // No day count: the findings page would change every day for a page nobody touched.
    const reason = `it was last updated on ${updated}, more than ${max} days ago`;
    return [{ data: { days, max, updated, reason }, matched: `last updated ${updated}` }];
  },
};
