import { describe, expect, it } from 'vitest';
import { staleCheck } from '../../../src/rules/checks/stale.js';
import { check, page } from './harness.js';

const reviewed = (date: string, more = '') =>
  `---\nlast_reviewed: ${date}\n${more}---\n# Expenses\n\nText.\n`;

describe('stale', () => {
  it.each([
    ['edited within the limit', reviewed('2026-05-01')],
    ['exactly at the limit (180 days)', reviewed('2025-12-03')],
    ['no known edit date', '# Expenses\n\nText.\n'],
    ['marked evergreen in front matter', reviewed('2020-01-01', 'evergreen: true\n')],
    ['marked evergreen on a line', '# Values\n\nEvergreen: yes\nLast reviewed: 2020-01-01\n'],
    ['labelled evergreen', reviewed('2020-01-01', 'tags: [evergreen]\n')],
    [
      'verified until a future date, however old',
      reviewed('2020-01-01', 'verification_expiry: 2026-07-01\n'),
    ],
  ])('no hit when %s', (_name, markdown) => {
    expect(check(staleCheck, markdown)).toEqual([]);
  });

  it('reports a page past the limit as a whole-page hit with its age', () => {
    expect(check(staleCheck, reviewed('2025-12-02'))).toEqual([
      {
        at: 'page',
        days: 181,
        max: 180,
        updated: '2025-12-02',
        reason: 'it was last updated on 2025-12-02, more than 180 days ago',
      },
    ]);
  });

  it('says the same on the next day, so the findings page is not rewritten daily for an untouched page', () => {
    const reason = (now: string) => check(staleCheck, reviewed('2025-12-02'), {}, new Date(now))[0]?.reason;
    expect(reason('2026-06-01')).toBe(reason('2026-06-02'));
  });

  it('reports an expired verification even when the page was edited recently', () => {
    expect(check(staleCheck, reviewed('2026-05-20', 'verification-expiry: 2026-05-01\n'))).toEqual([
      {
        at: 'page',
        days: 12,
        max: 180,
        updated: '2026-05-20',
        reason: 'its verification expired on 2026-05-01',
      },
    ]);
  });

  it('uses the source edit time when the page states none, and the configured limit', () => {
    const old = page('# Expenses\n\nText.\n', { updatedAt: new Date('2026-04-01T12:00:00Z') });
    expect(check(staleCheck, old, { 'max-age-days': 30 })).toMatchObject([{ at: 'page', days: 60, max: 30 }]);
  });

  it('honours configured exempt fields and labels', () => {
    const pinned = reviewed('2020-01-01', 'pinned: yes\n');
    expect(check(staleCheck, pinned, { 'exempt-fields': ['Pinned'] })).toEqual([]);
    const archived = reviewed('2020-01-01', 'labels: Archive\n');
    expect(check(staleCheck, archived, { 'exempt-labels': ['archive'] })).toEqual([]);
  });

  it('fingerprints by the edit date, not by the growing age', () => {
    const [hit] = staleCheck.run(page(reviewed('2025-01-01')), staleCheck.options.parse({}) as never, {
      now: new Date('2026-06-01'),
    });
    const [later] = staleCheck.run(page(reviewed('2025-01-01')), staleCheck.options.parse({}) as never, {
      now: new Date('2026-09-01'),
    });
    expect(hit?.matched).toBe(later?.matched);
  });

  it('skips unreadable pages', () => {
    expect(check(staleCheck, page(reviewed('2020-01-01'), { unreadable: { reason: '403' } }))).toEqual([]);
  });

  it('rejects unknown and ill-typed options', () => {
    expect(() => staleCheck.options.strict().parse({ 'max-age': 3 })).toThrow();
    expect(() => staleCheck.options.strict().parse({ 'max-age-days': -1 })).toThrow();
  });
});
