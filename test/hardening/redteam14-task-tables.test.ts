import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// Fourteenth round, held. Action items kept in a table under an action-item heading (`task-table.ts`): the
// rows are read once each and their cells tested by an anchored, linear pattern (`TEMPLATE_CELL`). A table of
// 10,000 rows of tasks (about as many as the page budget lets through: a row is a block and its cells) gives
// one finding per row that lacks an owner or a date, and cells of a mebibyte (a task's text, a run of spaces
// around the template's "what", dashes in the owner's cell) are judged as short ones are. The test's timeout
// is its only clock.

interface Report {
  findings: { ruleId: string; message: string }[];
  unreadable: { reason: string }[];
}

const meeting = (rows: string) =>
  `# Weekly sync 2026-01-05\n\nAttendees: Ana, Ben\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n${rows}`;

const actionItems = async (markdown: string) => {
  const report = JSON.parse(
    (await runJson(tempTree({ 'meetings/2026-01-05.md': markdown }))).stdout,
  ) as Report;
  expect(report.unreadable).toEqual([]);
  return report.findings.filter((f) => f.ruleId === 'action-items').map((f) => f.message);
};

describe('an action table built to be large', () => {
  it('10,000 rows: one finding for each row without an owner or a date', { timeout: 180_000 }, async () => {
    let rows = '';
    for (let i = 0; i < 10_000; i++)
      rows += `| Review queue ${i} | ${i % 2 ? '@ana' : 'who'} | ${i % 3 ? '2026-02-01' : ''} |\n`;
    const messages = await actionItems(meeting(rows));
    // Rows with an owner (odd) and a date (not a multiple of three) pass: 3,333 of them.
    expect(messages.length).toBe(6_667);
    expect(messages.slice(0, 4)).toEqual([
      'Action item "Review queue 0" has no owner and due date.',
      'Action item "Review queue 2" has no owner.',
      'Action item "Review queue 3" has no due date.',
      'Action item "Review queue 4" has no owner.',
    ]);
  });

  it('cells of a mebibyte are judged as short ones', { timeout: 120_000 }, async () => {
    const long = `Review ${'the queue '.repeat(100_000)}`;
    const spaces = ' '.repeat(500_000);
    const messages = await actionItems(
      meeting(
        `| ${long} | @ana | |\n| ${spaces}what${spaces} | | |\n| Ship it | ${'- '.repeat(250_000)}Ben | 2026-02-01 |\n`,
      ),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Action item "Review the queue the queue .*" has no due date\.$/);
  });
});
