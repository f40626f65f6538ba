import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers/built-cli.js';
import { tempTree } from './helpers/cli.js';

// An eleventh round of newcomers: a markdownlint, ESLint or Vale user who runs a company handbook, with
// an hour, from a fresh clone and from the packed package, following the README.

const SLOW_MS = 60_000;

const CONFIG = 'sources:\n  markdown:\n    root: docs\n';
const HANDBOOK = {
  'docs/README.md': '# Handbook\n\n- [Hours](hours.md)\n- [Leave](leave.md)\n',
  'docs/hours.md': '---\nowner: "@ana"\n---\n# Hours\n\nWe reply within a day.\n',
  'docs/leave.md': '# Leave\n\nAsk your lead.\n',
};

describe('a markdownlint rule id under rules: (MD013: false, line-length: false, as .markdownlint.yaml turns one off) or in a directive', () => {
  it('says it is markdownlint\'s rule and names the nearest rule here, if any, not "did you mean off?"', {
    timeout: SLOW_MS,
  }, async () => {
    const expected: Record<string, string> = {
      'MD013: false': "rules.MD013: MD013/line-length is markdownlint's rule, not handbook-lint's",
      'line-length: false': "rules.line-length: MD013/line-length is markdownlint's rule",
      'MD051: warning': `unknown rule id "MD051": MD051/link-fragments is markdownlint's rule`,
    };
    for (const [setting, start] of Object.entries(expected)) {
      const dir = tempTree({ 'handbook-lint.yml': `${CONFIG}rules:\n  ${setting}\n`, ...HANDBOOK });
      const run = await builtCli(['run'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(start);
      expect(run.stderr).not.toContain('did you mean');
    }
    const near = tempTree({ 'handbook-lint.yml': `${CONFIG}rules:\n  MD051: false\n`, ...HANDBOOK });
    expect((await builtCli(['run'], near)).stderr).toContain('the nearest rule here is broken-link');
    const none = tempTree({ 'handbook-lint.yml': `${CONFIG}rules:\n  MD013: false\n`, ...HANDBOOK });
    expect((await builtCli(['run'], none)).stderr).toContain('no rule here is close');
    // Looked up as a rule's documentation, it gets the same answer.
    const docs = await builtCli(['rules', 'MD013'], none);
    expect(docs.code).toBe(2);
    expect(docs.stderr).toContain("MD013/line-length is markdownlint's rule");
  });
  it('in an inline directive, says so too and names the markdownlint directive that reads it', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml': CONFIG,
      ...HANDBOOK,
      'docs/hours.md':
        '---\nowner: "@ana"\n---\n# Hours\n\n<!-- handbook-lint-disable-next-line MD013 -->\nWe reply within a day.\n',
    });
    const run = await builtCli(['run', '-f', 'compact'], dir);
    expect(run.stdout).toContain(
      'docs/hours.md:6:1  warning  directive  Unknown rule "MD013" in handbook-lint-disable-next-line: MD013/line-length is markdownlint\'s rule',
    );
    expect(run.stdout).toContain('markdownlint reads it in markdownlint-disable-next-line');
  });
});

describe('--quiet, as ESLint users read it (errors only)', () => {
  it('leaves the metrics out of the console report and keeps the exit codes', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    // leave.md names no owner: one warning, no error.
    const quiet = await builtCli(['run', '--quiet'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('Metrics');
    expect(quiet.stdout).not.toContain('Pages with an owner');
    expect(quiet.stdout).toContain('1 warning not shown: --quiet reports errors only.');
    expect((await builtCli(['run'], dir)).stdout).toContain('Pages with an owner');
    // The hidden warning still fails a run that fails on warnings.
    expect((await builtCli(['run', '--quiet', '--fail-on', 'warning'], dir)).code).toBe(1);
    expect((await builtCli(['run', '--quiet', '--max-warnings', '0'], dir)).code).toBe(1);
    const broken = tempTree({
      'handbook-lint.yml': CONFIG,
      ...HANDBOOK,
      'docs/leave.md': '# Leave\n\nAsk [your lead](leads.md).\n',
    });
    const errors = await builtCli(['run', '--quiet'], broken);
    expect(errors.code).toBe(1);
    expect(errors.stdout).toContain('docs/leave.md:3:5');
    expect(errors.stdout).not.toContain('Metrics');
    expect((await builtCli(['run', '--help'], dir)).stdout).toMatch(
      /--quiet\s+Report errors only[\s\S]*no\s+metrics/,
    );
  });
});

describe('--owner NAME, a personal digest', () => {
  it("counts NAME's pages in the totals and leaves the handbook's metrics out of the console", {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml': CONFIG,
      ...HANDBOOK,
      'docs/README.md':
        '# Handbook\n\n- [Hours](hours.md)\n- [Leave](leave.md)\n- [Pay](pay.md)\n- [Desk](desk.md)\n',
      'docs/pay.md': '---\nowner: "@ben, @ana"\n---\n# Pay\n\nSee [the table](table.md).\n',
      'docs/desk.md': '---\nowner: "@ben"\n---\n# Desk\n\nBring a laptop.\n',
    });
    // ana owns hours.md and, with ben, pay.md: two of the five pages.
    const mine = await builtCli(['run', '--owner', 'ana'], dir);
    expect(mine.code).toBe(1);
    expect(mine.stdout).toContain('1 problem (1 error, 0 warnings) in 1 of 2 pages');
    expect(mine.stdout).not.toContain('Metrics');
    const json = JSON.parse((await builtCli(['run', '--owner', '@ANA', '-f', 'json'], dir)).stdout);
    expect(json.summary).toMatchObject({ pages: 2, findings: 1, errors: 1 });
    // Without --owner the whole handbook is counted, metrics first.
    const all = await builtCli(['run'], dir);
    expect(all.stdout).toContain('Metrics');
    expect(all.stdout).toMatch(/in 2 of 5 pages/);
  });
});

describe('-o naming a folder for the reports or the baseline (reports/, as some tools write them into one)', () => {
  it('is an error naming a file in it, exit 2, not a report written as a file called reports', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    const slash = await builtCli(['run', '-o', 'reports/'], dir);
    expect(slash.code).toBe(2);
    expect(slash.stderr).toContain(
      '--output names a file, and reports/ is a folder: give a file name in it (-o reports/handbook-lint.json',
    );
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    // A folder that is there, written without its slash, says the same before any page is read.
    const docs = await builtCli(['run', '--output', 'docs'], dir);
    expect(docs.code).toBe(2);
    expect(docs.stderr).toContain('docs is a folder: give a file name in it (-o docs/handbook-lint.json');
    // A file in a folder that is not there yet is written, the folder made.
    expect((await builtCli(['run', '-o', 'reports/handbook.json'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'reports/handbook.json'))).toBe(true);
    const baseline = await builtCli(['baseline', '-o', 'lint/'], dir);
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toContain(
      'lint/ is a folder: give a file name in it (-o lint/handbook-lint-baseline.json).',
    );
  });
});

describe('a config key whose entries are all commented out (rules: with nothing below it)', () => {
  it('says it is empty and what to write, at its place, not zod\'s "expected record, received null"', {
    timeout: SLOW_MS,
  }, async () => {
    const empty = tempTree({ 'handbook-lint.yml': `${CONFIG}rules:\n#  page-owner: off\n`, ...HANDBOOK });
    const run = await builtCli(['run'], empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'handbook-lint.yml:4:7  rules: empty: indent its settings below it, or delete the line',
    );
    expect(run.stderr).not.toContain('received');
    const list = tempTree({ 'handbook-lint.yml': `${CONFIG}overrides: {}\n`, ...HANDBOOK });
    expect((await builtCli(['run'], list)).stderr).toContain(
      'overrides: expected a list (- item lines, or [a, b]), not a mapping',
    );
  });
});

describe("ESLint's --no-ignore", () => {
  it('says handbook-lint reads no ignore file and what leaves files out, exit 2', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    const run = await builtCli(['run', '--no-ignore'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Unknown option --no-ignore. handbook-lint reads no ignore file: only `exclude` under sources.markdown in the config leaves files out.',
    );
  });
});
