import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// Text built to make a backtracking pattern rescan the rest of the page from every position: one
// run of letters two million long, and tags that never close (`<iframe `, `<a href="x `, `<b id="x `),
// a hundred thousand of each. With the video-summary pattern's and the HTML anchor and link
// patterns' old unbounded repeats, each of these cost minutes to hours; now the page takes seconds.
// 60,000 of each since hardening 12: the page budget refuses a page of over 200,000 inline marks (`<`
// among them) before any pattern reads it (redteam12-inline-marks.test.ts).
const open = (tag: string) => tag.repeat(60_000);
const HOSTILE = `# Recordings\n\n${'a'.repeat(2_000_000)} zoom.us/rec/x\n\n${open('<iframe ')}\n\n${open('<a href="x ')}\n\n${open('<b id="x ')}\n`;

// One page per pattern that read a run from each of its characters; each of them alone held the run
// for minutes to hours. Runs of 800,000 spaces inside a line: field lines read at the top (`Owner: x    y`) and
// anywhere (`Maintainer:` below 30 paragraphs), a heading read for an `{#id}`, a status value's end. A
// title of 90,000 lines (the meeting rules' "no date in the title" look-ahead ran from each line).
// Names read to the end of a run of letters from each capital ("Ab-Ab-..."). A status of `[` that
// close no link. `---` lines, each read on for a `headless: true`.
const RUN = 400_000;
// Since the eleventh round the page budget refuses a page of more than 200,000 units of lines and blocks
// (redteam11-parser-budget.test.ts) before any pattern reads it: the title and the `---` lines are as many
// as it lets through (a `---` line is a block, five units). Since hardening 12 the bound is 100,000 units, and
// a page may have 200,000 inline marks (the status's run of `[` is 150,000).
const TITLE_LINES = 90_000;
const RULE_LINES = 19_000;
const BRACKETS = 150_000;
const spaces = ' '.repeat(2 * RUN);
const PAGES: Record<string, string> = {
  'handbook/index.md':
    '# Home\n\n- [Sync](meetings/sync.md)\n- [Owners](owners.md)\n- [People](people.md)\n- [Bundle](bundle.md)\n- [ADR](decisions/0001-queue.md)\n',
  // Fewer title lines than the other runs: front matter is read up to 1 MiB (redteam6-yaml-size).
  'handbook/meetings/sync.md': `---\ntitle: |\n${'  a\n'.repeat(TITLE_LINES)}  2026-01-01\n---\n# Sync\n\n${'Ab-'.repeat(RUN / 2)}\n`,
  'handbook/owners.md': `# Owners\n\nOwner: x${spaces}y\n\n## a${spaces}b\n`,
  'handbook/people.md': `# People\n\n${'Text.\n\n'.repeat(30)}Maintainer: x${spaces}y\n`,
  'handbook/bundle.md': '---\n'.repeat(RULE_LINES),
  'handbook/decisions/0001-queue.md': `# ADR 1: Queue\n\nStatus: ${'['.repeat(BRACKETS)}${spaces}y\n`,
};

// A decision record against the rule checks' own patterns: a section heading and a front matter line
// with a run of spaces inside (heading names, field keys), a review window in brackets made of
// ` - ` runs, and unclosed `<!-- handbook-lint-` openers (directives).
// 2,000 openers (40,000 before) since hardening 13: the page budget counts what the parser reads on from
// each comment left open, through the rest of the line (redteam13-open-html.test.ts), and refused 40,000.
const DIRECTIVE_OPENERS = 2_000;
const RECORD = [
  `---\ntitle: Queue\na${spaces}b\n---`,
  '# ADR 2: Queue',
  `Status: Active review (${' - '.repeat(RUN / 2)})`,
  `## Context${spaces}x\n\nWe need a queue.`,
  `<!-- handbook-lint-x ${'<!-- handbook-lint-x '.repeat(DIRECTIVE_OPENERS)}`,
].join('\n\n');

// 60,000 directives typed as text in one paragraph (2.4 MB), as a wiki stores them: the position of
// each was counted from the paragraph's start, some three minutes of work; now seconds.
const TYPED = `# Page\n\nText.\n\n${'\\<!-- handbook-lint-disable-line foo -->\n'.repeat(60_000)}`;

// Three more, each of which held a run for minutes: a paragraph of 400,000 `]` (150,000 since hardening 12; the footnote syntax
// looked back through the paragraph from each), a front matter that does not parse with a line of
// 400,000 spaces (read line by line for a field written there), and a placeholder beside a run of
// `{` (read for template tokens from each).
const MORE: Record<string, string> = {
  'handbook/index.md': `# Home\n\n- [Brackets](brackets.md)\n- [Broken](broken.md)\n\n${']'.repeat(BRACKETS)}\n`,
  'handbook/brackets.md': `# Brackets\n\nOwner: Ann\n\nDue: YYYY-MM-DD ${'{'.repeat(RUN)}\n`,
  'handbook/broken.md': `---\ntitle: [unclosed\n${spaces}\n---\n# Broken\n`,
};

interface Report {
  summary: { pages: number };
  findings: { ruleId: string; page: { path: string }; position: { start: { line: number } } }[];
}

/** Lints `files` (a handbook/ folder) with the default rules: the exit code and the JSON report. */
async function lint(files: Record<string, string>): Promise<{ code: number; report: Report }> {
  const dir = tempTree(files);
  const args = ['run', `${dir}/handbook`, '--format', 'json', '--fail-on', 'never', '--now', '2026-12-05'];
  const { code, stdout } = await runCli(args);
  return { code, report: JSON.parse(stdout) as Report };
}

describe('patterns over page text, on a page built to be slow', () => {
  it('finish: the run reports the page and its unsummarised video', { timeout: 120_000 }, async () => {
    const { code, report } = await lint({ 'handbook/index.md': HOSTILE });
    expect(code).toBe(0);
    expect(report.summary.pages).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toContain('video-summary');
  });

  it('finish on runs of spaces, lines, capitals, brackets and markers built against each pattern', {
    timeout: 120_000,
  }, async () => {
    const { code, report } = await lint(PAGES);
    expect(code).toBe(0);
    expect(report.summary.pages).toBe(6);
    const rules = (path: string) => report.findings.filter((f) => f.page.path === path).map((f) => f.ruleId);
    // The meeting's title has a date, so the meeting rules apply, and its text records no outcome.
    expect(rules('meetings/sync.md')).toContain('meeting-outcomes');
    expect(rules('decisions/0001-queue.md')).toContain('decision-status');
  });

  it("finish on a decision record built against the rule checks' heading, field, window and directive patterns", {
    timeout: 120_000,
  }, async () => {
    const { code, report } = await lint({ 'handbook/decisions/0002-queue.md': RECORD });
    expect(code).toBe(0);
    expect(report.summary.pages).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toContain('decision-sections');
  });

  it('finish on a paragraph of 60,000 typed directives, each found on its own line', {
    timeout: 120_000,
  }, async () => {
    const { code, report } = await lint({ 'handbook/index.md': TYPED });
    expect(code).toBe(0);
    const lines = report.findings.filter((f) => f.ruleId === 'directive').map((f) => f.position.start.line);
    expect(lines).toHaveLength(60_000);
    expect(lines.at(-1)).toBe(60_004);
  });

  it('finish on a run of `]`, a run of `{` beside a placeholder, and spaces in a front matter that does not parse', {
    timeout: 120_000,
  }, async () => {
    const { code, report } = await lint(MORE);
    expect(code).toBe(0);
    expect(report.summary.pages).toBe(3);
    const rules = (path: string) => report.findings.filter((f) => f.page.path === path).map((f) => f.ruleId);
    expect(rules('brackets.md')).toContain('placeholder');
    expect(rules('broken.md')).toContain('front-matter');
  });
});
