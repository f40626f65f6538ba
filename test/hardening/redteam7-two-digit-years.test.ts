import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/normalize/fields.js';
import { runJson, tempTree } from '../helpers/cli.js';

// Numeric dates with a two-digit year (`12/02/26`, `28.10.26`) are dates since the eighth round, read in
// this century. A page last reviewed in 1999 and written `03/15/99` was then reviewed in 2099: never
// stale, and counted among the pages reviewed recently, where its four-digit twin is stale. Two-digit
// years are read as Date reads them (`new Date('3/15/99')` is 1999): 50-99 in the 1900s.

const page = (title: string, reviewed: string) =>
  `# ${title}\n\nOwner: @ana\nLast reviewed: ${reviewed}\n\nHow to ${title.toLowerCase()}: ask your manager two weeks ahead and record it in the tool.\n`;

describe('a date with a two-digit year', () => {
  it('of the last century makes a page as stale as the date written in full', async () => {
    const root = tempTree({
      'handbook/expenses.md': page('Expenses', '1999-03-15'),
      'handbook/travel.md': page('Travel', '03/15/99'),
      'handbook/leave.md': page('Leave', '15.03.99'),
      'handbook/remote.md': page('Remote', '25/12/87'),
    });
    const { code, stdout } = await runJson(`${root}/handbook`);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; page: { path: string } }[] };
    const stale = report.findings.filter((f) => f.ruleId === 'stale-page').map((f) => f.page.path);
    expect(stale.sort()).toEqual(['expenses.md', 'leave.md', 'remote.md', 'travel.md']);
  });

  it('reads years 00-49 in this century and 50-99 in the last, either way round', () => {
    const day = (value: string) => parseDate(value)?.toISOString().slice(0, 10);
    expect(day('12/02/26')).toBe('2026-12-02');
    expect(day('28.10.26')).toBe('2026-10-28');
    expect(day('03/15/99')).toBe('1999-03-15');
    expect(day('15.03.99')).toBe('1999-03-15');
    expect(day('31/12/49')).toBe('2049-12-31');
    expect(day('1/1/50')).toBe('1950-01-01');
    expect(day('99/99/99')).toBeUndefined();
  });
});
