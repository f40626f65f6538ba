import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/normalize/fields.js';
import { runJson, tempTree } from '../helpers/cli.js';

// Dates a page writes decide whether it is stale, when its review is due and whether a decision
// record is dated. Eighth round: a date of the `YYYY-MM-DD` form that is no day of the calendar was
// read as JavaScript's Date.UTC rolls it over (`2026-02-30` as 2 March, `2026-13-45` as 14 February
// 2027), where the numeric and named-month forms (`30.02.2026`, `31 février 2026`) are no date.
// A record dated `2026-02-30` passed decision-date, a page got a finding naming a day it never
// wrote, and a review on a day that does not exist vouched for the page.

interface Report {
  findings: { ruleId: string; page: { file: string }; message: string }[];
}

const findingsOf = async (files: Record<string, string>) =>
  (JSON.parse((await runJson(tempTree(files))).stdout) as Report).findings.map(
    (f) => [f.page.file, f.ruleId, f.message] as const,
  );

describe('a date that is no day of the calendar', () => {
  it.each(['2026-02-30', '2026-02-29', '2026-13-45', '2026-00-10', '2026-04-31', '2026-04-00'])(
    '%s is no date, as 30.02.2026 and 31 février 2026 are none',
    (value) => {
      expect(parseDate(value)).toBeUndefined();
      expect(parseDate(`${value}T10:00:00Z`)).toBeUndefined();
    },
  );

  it('a real day still is one, in every form', () => {
    expect(parseDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDate('2026-12-31T23:59:59Z')?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(parseDate('29.02.2024')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDate('29 février 2024')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('dates no decision record, and is named as no date', async () => {
    const record = (date: string) =>
      `# 1. Use X\n\nStatus: Accepted\nDate: ${date}\nOwner: @ana\n\n## Context\n\nWe need X.\n\n## Decision\n\nWe use X because it is simple.\n\n## Consequences\n\nFine.\n`;
    const found = await findingsOf({
      'docs/adr/0001-use-x.md': record('2026-02-30'),
      'docs/adr/0002-use-y.md': record('2026-02-28'),
    });
    expect(found.filter(([, rule]) => rule === 'decision-date')).toEqual([
      ['docs/adr/0001-use-x.md', 'decision-date', 'Decision record date is not a date (found: 2026-02-30).'],
    ]);
  });

  it('gives no review a day the page never wrote', async () => {
    const found = await findingsOf({
      'README.md': '# Handbook\n\n- [Pay](pay.md)\n- [Leave](leave.md)\n',
      'pay.md': '---\nlast_reviewed: 2026-13-45\nowner: "@ana"\n---\n# Pay\n\nBands are public.\n',
      'leave.md': '---\nnext-review: 2026-02-31\nowner: "@ana"\n---\n# Leave\n\nTake it.\n',
    });
    const stale = found.filter(([, rule]) => rule === 'stale-page').map(([, , message]) => message);
    expect(stale.join('\n')).not.toMatch(/2027-02-14|2026-03-03/);
  });

  it('a review dated in the last year Date can hold is named whole, not cut to +275760-09', async () => {
    const found = await findingsOf({
      'pay.md': '---\nlast_reviewed: 275760-09-13\nowner: "@ana"\n---\n# Pay\n\nBands are public.\n',
      'leave.md': '# Leave\n\nOwner: @ana\nLast reviewed: September 13, 275760\n\nTake it.\n',
    });
    expect(
      found.filter(([, rule]) => rule === 'stale-page').map(([file, , message]) => [file, message]),
    ).toEqual([
      ['leave.md', 'Page may be out of date: its last review is dated +275760-09-13, a day still to come.'],
      ['pay.md', 'Page may be out of date: its last review is dated +275760-09-13, a day still to come.'],
    ]);
  });
});
