import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_BUDGET, overBudget } from '../../src/normalize/budget.js';
import { runJson, tempTree } from '../helpers/cli.js';

// Fourteenth round. Meeting pages with deeply nested task lists. The task rule walks each checkbox's subtree
// (is it a tree's head?) and its ancestors (does one give a date?), at most the page's nesting of 100; that
// held. The parser did not: each list or block quote a line stands in reads its prefix and, when the list
// closes, walks its events again, so a line 99 levels deep costs some hundred times a flat one. A chain of
// checkboxes 99 deep and then 19,000 steps beside the deepest (4 MB, inside every other bound) took 100 s and
// 2.1 GB on a loaded host, the same steps in one flat list 9 s; 8,000 lines inside 99 block quotes (1.6 MB)
// 111 s. The page budget now counts, for each line that is not blank, the square of the lists and quotes it
// stands in (`maxNestedLines`, 10 million: 1,000 lines 99 deep, 16,000 lines 25 deep); the most a corpus page
// reaches is 764. A meeting page of task trees a few levels deep is read and judged as before.

const NESTED = /^the page has too many lines inside deep lists or block quotes by line \d+/;

const chain = (depth: number, step: (d: number) => string) =>
  Array.from({ length: depth }, (_, d) => `${'  '.repeat(d)}- [ ] ${step(d)}\n`).join('');

const meeting = (items: string) =>
  `# Weekly sync 2026-01-05\n\nAttendees: Ana, Ben\n\n## Action items\n\n${items}`;

interface Report {
  findings: { ruleId: string; message: string }[];
  unreadable: { reason: string }[];
}

const lint = async (markdown: string) =>
  JSON.parse((await runJson(tempTree({ 'meetings/2026-01-05.md': markdown }))).stdout) as Report;

describe('task lists nested deep', () => {
  it('19,000 steps beside a chain 99 deep are unreadable with the reason, before the parser', async () => {
    const deep = meeting(chain(99, (d) => `step ${d}`) + `${'  '.repeat(98)}- [ ] task\n`.repeat(19_000));
    expect(overBudget(deep, DEFAULT_PAGE_BUDGET)).toMatch(NESTED);
    const report = await lint(deep);
    expect(report.unreadable.map((u) => u.reason)).toEqual([expect.stringMatching(NESTED)]);
    expect(report.findings.filter((f) => f.ruleId === 'action-items')).toEqual([]);
  });

  it('8,000 lines inside 99 block quotes, and 80 chains of checkboxes 100 deep, are refused too', () => {
    expect(overBudget(`# T\n\n${`${'> '.repeat(99)}a\n`.repeat(8_000)}`, DEFAULT_PAGE_BUDGET)).toMatch(
      NESTED,
    );
    expect(overBudget(meeting(chain(100, (d) => `step ${d}\n`).repeat(80)), DEFAULT_PAGE_BUDGET)).toMatch(
      NESTED,
    );
  });

  it('the same steps in one flat list, and outlines a few levels deep, are within the bound', () => {
    expect(overBudget(meeting('- [ ] task\n'.repeat(19_000)), DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(
      overBudget(meeting(chain(8, (d) => `step ${d}`).repeat(2_000)), DEFAULT_PAGE_BUDGET),
    ).toBeUndefined();
    expect(overBudget(meeting(chain(99, (d) => `step ${d}`).repeat(3)), DEFAULT_PAGE_BUDGET)).toBeUndefined();
  });

  it('task trees a few levels deep are judged as before: heads of dated steps pass, steps of a dated task too', {
    timeout: 120_000,
  }, async () => {
    const tree =
      '- [ ] Course project\n  - [ ] Strategy (due 2026-02-01)\n    - [ ] Draft outline\n' +
      '- [ ] Release (due 2026-03-01)\n  - [ ] Tag\n    - [ ] Announce\n' +
      '- [ ] Hiring\n  - [ ] Write the post\n';
    const report = await lint(meeting(tree.repeat(300)));
    expect(report.unreadable).toEqual([]);
    const messages = report.findings.filter((f) => f.ruleId === 'action-items').map((f) => f.message);
    // Each tree: "Strategy" and its step, "Tag" and "Announce" lack an owner only; "Hiring" heads an undated
    // step, so both lack owner and date.
    expect(new Set(messages)).toEqual(
      new Set([
        'Action item "Strategy (due 2026-02-01)" has no owner.',
        'Action item "Draft outline" has no owner.',
        'Action item "Release (due 2026-03-01)" has no owner.',
        'Action item "Tag" has no owner.',
        'Action item "Announce" has no owner.',
        'Action item "Hiring" has no owner and due date.',
        'Action item "Write the post" has no owner and due date.',
      ]),
    );
    expect(messages.length).toBe(7 * 300);
  });
});
