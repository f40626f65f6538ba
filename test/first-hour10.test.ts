import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers/built-cli.js';
import { tempTree } from './helpers/cli.js';

// A tenth round of newcomers: a markdownlint, ESLint or Vale user who runs a company handbook, with an
// hour, from a fresh clone and from the packed package, following the README.

const SLOW_MS = 60_000;

const CONFIG = 'sources:\n  markdown:\n    root: docs\n';
const HANDBOOK = {
  'docs/README.md':
    '# Handbook\n\n- [Hours](hours.md)\n- [Leave](leave.md)\n- [Queues](adr/0001-use-queues.md)\n',
  'docs/hours.md': '---\nowner: "@ana"\n---\n# Hours\n\nWe reply within a day.\n',
  'docs/leave.md': '# Leave\n\nAsk your lead.\n',
  'docs/adr/0001-use-queues.md':
    '# 1. Use queues\n\nStatus: Accepted\nDate: 2026-11-02\nDeciders: @ben\n\n## Context\n\nJobs pile up.\n\n## Decision\n\nWe queue them because retries are cheap.\n\n## Consequences\n\nOne more service.\n',
};

interface MetricJson {
  id: string;
  numerator: number;
  denominator: number;
  percent: number | null;
}

describe('the "Pages with an owner" metric', () => {
  it('counts the pages page-owner asks an owner of, not a folder index or a decision record that names none', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    const run = await builtCli(['run'], dir);
    // hours.md names its owner, leave.md does not; README.md and the record are not asked for one.
    expect(run.stdout).toMatch(/Pages with an owner\s+50 %\s+\(1 of 2\)/);
    const json = await builtCli(['run', '-f', 'json'], dir);
    const metrics: MetricJson[] = JSON.parse(json.stdout).coverage.metrics;
    expect(metrics.find((m) => m.id === 'ownership')).toMatchObject({ numerator: 1, denominator: 2 });
    // With page-owner off, nothing asks any page for an owner: nothing to measure, not 100 %.
    const off = tempTree({ 'handbook-lint.yml': `${CONFIG}rules:\n  page-owner: "off"\n`, ...HANDBOOK });
    expect((await builtCli(['run'], off)).stdout).toMatch(
      /Pages with an owner\s+n\/a\s+target 90 %\s+nothing to measure/,
    );
  });
});

describe('--owner with a name no page is owned by (a typo, or someone who owns nothing yet)', () => {
  it('says so on standard error and names the owner meant or the owners there are, not only "No problems"', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    const nobody = await builtCli(['run', '--owner', 'bob'], dir);
    expect(nobody.code).toBe(0);
    expect(nobody.stderr).toBe(
      'warning --owner bob: no page is owned by bob; the pages name 1 owner: @ana.\n',
    );
    // Not "No problems in 0 pages", which reads as a clean handbook (twelfth first-hour round).
    expect(nobody.stdout).toBe('No pages were linted.\n');
    const typo = await builtCli(['run', '--owner', '@anna', '-f', 'compact'], dir);
    expect(typo.stderr).toBe('warning --owner @anna: no page is owned by @anna (did you mean @ana?).\n');
    // A name that owns a page, with or without its @, gets no warning.
    for (const name of ['ana', '@ANA'])
      expect((await builtCli(['run', '--owner', name], dir)).stderr).toBe('');
  });
});

describe('an override naming a folder as markdownlint, ESLint or an ignore file would (adr, adr/, docs/adr)', () => {
  it("gets a warning at its place in the config with the glob of the folder's pages, not silence", {
    timeout: SLOW_MS,
  }, async () => {
    const override = (root: string, glob: string) =>
      `sources:\n  markdown:\n    root: ${root}\noverrides:\n  - paths: ["${glob}"]\n    rules: { decision-owner: error }\n`;
    const expected: Record<string, string> = {
      adr: 'a folder\'s pages are "adr/**" (did you mean "adr/**"?)',
      'adr/': 'a folder\'s pages are "adr/**" (did you mean "adr/**"?)',
      'docs/adr':
        'paths are relative to the Markdown root docs, and a folder\'s pages are "adr/**" (did you mean "adr/**"?)',
      'docs/adr/':
        'paths are relative to the Markdown root docs, and a folder\'s pages are "adr/**" (did you mean "adr/**"?)',
    };
    for (const [glob, hint] of Object.entries(expected)) {
      const dir = tempTree({ 'handbook-lint.yml': override('docs', glob), ...HANDBOOK });
      const run = await builtCli(['run', '-f', 'compact'], dir);
      expect(run.stderr).toContain(`handbook-lint.yml:5:13  overrides: no page matches "${glob}"; ${hint}`);
    }
    // With the handbook at the config's folder, a folder name is the same mistake.
    const flat = tempTree({
      'handbook-lint.yml': override('.', 'adr/'),
      ...Object.fromEntries(Object.entries(HANDBOOK).map(([path, text]) => [path.slice(5), text])),
    });
    expect((await builtCli(['run', '-f', 'compact'], flat)).stderr).toContain(
      'handbook-lint.yml:5:13  overrides: no page matches "adr/"; a folder\'s pages are "adr/**" (did you mean "adr/**"?)',
    );
    // The folder's glob is quiet, and applies.
    const right = tempTree({ 'handbook-lint.yml': override('docs', 'adr/**'), ...HANDBOOK });
    const run = await builtCli(['run', '-f', 'compact'], right);
    expect(run.stderr).toBe('');
  });
});

describe('a run with a baseline and no suppressions in the config', () => {
  it('says how many the baseline accepted, without "0 suppressed in the config"', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    expect((await builtCli(['baseline', '-o', 'lint/baseline.json'], dir)).code).toBe(0);
    const run = await builtCli(['run', '--baseline', 'lint/baseline.json'], dir);
    expect(run.stdout).toContain('No problems in 4 pages.\n1 accepted by the baseline.\n');
    expect(run.stdout).not.toContain('0 suppressed');
  });
});

describe('a rule file of their own with level: warn (ESLint’s word)', () => {
  it('says the level meant once, not "got "warn" (did you mean warning?)" twice', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml': `${CONFIG}rule-folders: [lint-rules]\n`,
      'lint-rules/reviewer.yml':
        'check: fields\ndescription: Every page names its reviewer.\nlevel: warn\nmessage: "Reviewer {{problem}}."\nfields:\n  reviewer:\n    required: true\n',
      ...HANDBOOK,
    });
    const run = await builtCli(['run'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'lint-rules/reviewer.yml:3:8  level: expected error, warning or info; got "warn" (did you mean warning?)\n',
    );
  });
});

describe('a config whose sources.markdown.root is not there (a folder renamed, a typo)', () => {
  it('is an error at the root: line with the folder meant, not "Cannot read handbook folder …: ENOENT"', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': 'sources:\n  markdown:\n    root: doc\n', ...HANDBOOK });
    const run = await builtCli(['run'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('ENOENT');
    expect(run.stderr).toContain(
      `handbook-lint.yml:3:11  sources.markdown.root: no folder ${join(dir, 'doc')} (a path from the config file's folder; did you mean docs?)`,
    );
    // A file where the folder should be is said too.
    const file = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs/hours.md\n',
      ...HANDBOOK,
    });
    expect((await builtCli(['run'], file)).stderr).toContain(
      `handbook-lint.yml:3:11  sources.markdown.root: ${join(file, 'docs/hours.md')} is a file; the root is the handbook's folder`,
    );
  });
});

describe("Vale's commands: sync (which fetches styles) and ls-config", () => {
  it('say what does the job here, exit 2', { timeout: SLOW_MS }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    const sync = await builtCli(['sync'], dir);
    expect(sync.code).toBe(2);
    expect(sync.stderr).toContain(
      "sync mirrors the config's Notion or Confluence wiki into Markdown files: pass --out DIR. Vale's sync, which fetches styles, has none here: name folders or npm packages of rules under rule-folders in the config.",
    );
    const config = await builtCli(['ls-config'], dir);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain(
      'Unknown command "ls-config". handbook-lint rules lists every rule with the config\'s level; --verbose names the config file a run uses.',
    );
  });
});

describe('a switch written yes or no (YAML 1.1, as older YAML tools read it)', () => {
  it('says to write true or false, not only "expected boolean, received string"', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': `${CONFIG}state:\n  history: yes\n`, ...HANDBOOK });
    const run = await builtCli(['run'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'handbook-lint.yml:5:12  state.history: Invalid input: expected boolean, received string; got "yes": write true',
    );
  });
});
