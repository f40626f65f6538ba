import { z } from 'zod';
import type { Page } from '../../model/page.js';
import { normalizeKey, parseDate } from '../../normalize/fields.js';
import { notMaintained } from '../../normalize/stub.js';
import type { Hit, PageCheckKind } from '../check.js';
import { daysBetween, isoDay, isTruthy } from './values.js';

/** The field a Notion-style verification writes its expiry to; past it, the page needs a review whatever its age. */
const VERIFICATION_EXPIRY = 'verification-expiry';

const options = z.object({
  'max-age-days': z.number().int().positive().default(180),
  'exempt-fields': z.array(z.string()).default(['evergreen']),
  'exempt-labels': z.array(z.string()).default(['evergreen']),
});

/** The `stale` rule keys after defaults. */
export type StaleOptions = z.output<typeof options>;

/** Index file names: a section stub with nothing but a heading is navigation, not a page left empty. */
const INDEX = /^(?:_?index|readme)\.(?:md|markdown)$/i;

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

/** Pages nobody has edited, reviewed or verified for too long: async readers cannot tell if they still hold. */
export const staleCheck: PageCheckKind<StaleOptions> = {
  name: 'stale',
  options,
  run(page, opts, { now }): Hit[] {
    if (page.unreadable || exempt(page, opts)) return [];
    const max = opts['max-age-days'];
    const updated = page.updatedAt ? isoDay(page.updatedAt) : 'never';
    const days = page.updatedAt ? daysBetween(page.updatedAt, now) : 0;
    const expiryField = page.fields[VERIFICATION_EXPIRY];
    const expiry = expiryField && parseDate(expiryField.value);
    if (expiry) {
      // A current verification vouches for the page however old its last edit is.
      if (expiry.getTime() >= now.getTime()) return [];
      const expired = isoDay(expiry);
      const reason = `its verification expired on ${expired}`;
      return [{ data: { days, max, updated, reason }, matched: `verification expired ${expired}` }];
    }
    if (!page.updatedAt || days <= max) return [];
    // No day count: the findings page would change every day for a page nobody touched.
    const reason = `it was last updated on ${updated}, more than ${max} days ago`;
    return [{ data: { days, max, updated, reason }, matched: `last updated ${updated}` }];
  },
};
