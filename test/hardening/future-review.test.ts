import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

interface Report {
  findings: { ruleId: string; page: { file: string }; message: string }[];
  coverage: { metrics: { id: string; numerator?: number; denominator?: number }[] };
}

describe('a review dated ahead of the run', () => {
  it('is reported, names the date, and does not count as reviewed recently', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Pay](pay.md)\n- [Leave](leave.md)\n',
      'pay.md': '---\nlast_reviewed: 2099-01-01\n---\n# Pay\n\nBands are public.\n',
      'leave.md': '---\nlast_reviewed: 2026-03-20\n---\n# Leave\n\nTake it.\n',
    });
    const report = JSON.parse((await runJson(root)).stdout) as Report;
    const stale = report.findings.filter((f) => f.ruleId === 'stale-page');
    expect(stale.map((f) => [f.page.file, f.message])).toEqual([
      ['pay.md', 'Page may be out of date: its last review is dated 2099-01-01, a day still to come.'],
    ]);
    const freshness = report.coverage.metrics.find((m) => m.id === 'freshness');
    expect([freshness?.numerator, freshness?.denominator]).toEqual([2, 3]);
  });

  it('the next day is no day still to come: a review dated today by a clock ahead of ours is trusted', async () => {
    const root = tempTree({ 'pay.md': '---\nlast_reviewed: 2026-04-02\n---\n# Pay\n\nBands are public.\n' });
    const report = JSON.parse((await runJson(root)).stdout) as Report;
    expect(report.findings.filter((f) => f.ruleId === 'stale-page')).toEqual([]);
  });
});
