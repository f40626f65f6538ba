import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers/built-cli.js';
import { tempTree } from './helpers/cli.js';

// A ninth round of newcomers: a markdownlint user, an ESLint user and a Vale user with an hour, from
// a fresh clone and from the packed package, following the README.

const SLOW_MS = 60_000;
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

const PAGE = '---\nowner: "@ana"\n---\n# Hours\n\nContact: TBD\n';

describe("a rule's level written at the top of the config, as .markdownlint.yaml keeps its rules", () => {
  it('says the key is a rule and that its level goes under rules:, not only "unknown key"', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\nplaceholder: false\n',
      'docs/hours.md': PAGE,
    });
    const run = await builtCli(['run'], dir);
    expect(run.code).toBe(2);
    noStack(run.stderr);
    expect(run.stderr).toContain(
      'handbook-lint.yml:4:1  unknown key "placeholder" (a rule: its level goes under rules:, as rules: { placeholder: off })',
    );
    // Appended at the end of init's config, it lands under state:, and gets the same hint.
    const appended = tempTree({
      'handbook-lint.yml': 'state:\n  path: .handbook-lint/state.json\n  stale-page: off\n',
      'docs/hours.md': PAGE,
    });
    const under = await builtCli(['run', 'docs'], appended);
    expect(under.stderr).toContain('unknown key "stale-page" (a rule: its level goes under rules:');
    // A config of nothing but rule ids is ours, written the markdownlint way: not "another tool's config".
    const only = tempTree({ 'handbook-lint.yml': 'placeholder: false\n', 'docs/hours.md': PAGE });
    const alone = await builtCli(['run', 'docs'], only);
    expect(alone.stderr).not.toContain("another tool's config");
    expect(alone.stderr).toContain('unknown key "placeholder" (a rule');
  });
});

describe('init -o naming a folder (the handbook’s, where the config should go)', () => {
  it('says it is a folder and what -o and FOLDER take, not "already exists; pass --force"', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'docs/hours.md': PAGE });
    const run = await builtCli(['init', '-o', 'docs'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${join(dir, 'docs')} is a folder: -o names the config file (-o ${join(dir, 'docs', 'handbook-lint.yml')}); init FOLDER names the handbook's folder.`,
    );
    expect(run.stderr).not.toContain('--force');
    // --force, as the old message sent them to, got Node's EISDIR.
    const forced = await builtCli(['init', '-o', 'docs', '--force'], dir);
    expect(forced.code).toBe(2);
    expect(forced.stderr).not.toContain('EISDIR');
    expect(readdirSync(join(dir, 'docs'))).toEqual(['hours.md']);
    // A file where a folder of the path should be is said in words, not taken for the config itself.
    const under = await builtCli(['init', '-o', 'docs/hours.md/handbook-lint.yml'], dir);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain('docs/hours.md/handbook-lint.yml: a folder on its path is a file');
    expect(under.stderr).not.toContain('already exists');
    expect(existsSync(join(dir, 'handbook-lint.yml'))).toBe(false);
  });
});

describe("markdownlint-cli's short options (-q, -s, -i, -p, -x, -r, -d, -j, -V)", () => {
  it('say what does the job here, as their long names do, exit 2', { timeout: SLOW_MS }, async () => {
    const dir = tempTree({ 'docs/hours.md': PAGE });
    const expected: Record<string, string> = {
      '-q': 'Use --quiet.',
      '-s': 'Use --stdin (or the path -).',
      '-i': 'Leave files out with `exclude` under sources.markdown in the config.',
      '-p': 'Leave files out with `exclude` under sources.markdown in the config.',
      '-x': "Set a rule's level in the config (rules: { ID: off })",
      '-r': 'Name folders or npm packages of rules under rule-folders in the config.',
      '-d': 'Dot folders are skipped in a folder or glob',
      '-j': 'Use --format json (-f json).',
      '-V': 'Use -v (--version).',
    };
    for (const [option, hint] of Object.entries(expected)) {
      const run = await builtCli(['run', 'docs', option], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Unknown option ${option}. ${hint}`);
    }
  });
});

describe('an inline directive with its reason written without " -- " (ESLint’s separator)', () => {
  it('gets one finding saying where the reason goes, not one "Unknown rule" per word', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'docs/hours.md': `${PAGE}\n<!-- handbook-lint-disable-next-line placeholder because open role -->\nRoom: TBD\n`,
    });
    const run = await builtCli(['run', 'docs/hours.md', '-f', 'compact'], dir);
    const directives = run.stdout.split('\n').filter((line) => line.includes('  directive  '));
    expect(directives).toEqual([
      'docs/hours.md:8:1  warning  directive  "because open role" names no rule in handbook-lint-disable-next-line: write a reason after " -- " (handbook-lint-disable-next-line placeholder -- because open role).',
    ]);
    // The rule it names is still silenced; with the separator the directive is clean.
    expect(run.stdout).not.toContain('docs/hours.md:9:');
    const fixed = tempTree({
      'docs/hours.md': `${PAGE}\n<!-- handbook-lint-disable-next-line placeholder -- open role -->\nRoom: TBD\n`,
    });
    expect((await builtCli(['run', 'docs/hours.md', '-f', 'compact'], fixed)).stdout).not.toContain(
      'directive',
    );
    // One unknown word is most likely a mistyped id, and stays one.
    const typo = tempTree({
      'docs/hours.md': `${PAGE}\n<!-- handbook-lint-disable-next-line placeholder brokn-link -->\nRoom: TBD\n`,
    });
    expect((await builtCli(['run', 'docs/hours.md', '-f', 'compact'], typo)).stdout).toContain(
      'Unknown rule "brokn-link" in handbook-lint-disable-next-line (did you mean "broken-link"?).',
    );
  });
});

describe('the test suite in a fresh clone, with no ../shared beside it', () => {
  it('names every corpus a skipped test needed, as the README says (skipped: ../shared/corpora/NAME not found)', () => {
    const root = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.test.ts'),
    );
    const silent = files.filter((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      const readsShared = /['"]shared['"],\s*['"]corpora['"]|\.\.\/shared\/corpora/.test(text);
      return readsShared && /\.(?:skipIf|runIf)\(/.test(text) && !/sharedCorpus\(|console\.\w+\(/.test(text);
    });
    expect(silent).toEqual([]);
  });
});

describe('a page owned through its folder’s README, given alone (a pre-commit hook, lint-staged, an editor)', () => {
  it('is owned as in the run of the whole handbook; the README is read for it, never judged', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n',
      'docs/README.md': '# Handbook\n\nOwner: @dana\n\nContact: TBD\n\n- [Hours](team/hours.md)\n',
      'docs/team/hours.md': '# Hours\n\nWe reply within a day. See [the home page](../README.md#handbook).\n',
      'docs/team/leave.md': '# Leave\n\nAsk your lead.\n',
    });
    const whole = await builtCli(['run', '-f', 'compact'], dir);
    expect(whole.stdout).not.toContain('page-owner');
    for (const paths of [
      ['docs/team/hours.md'],
      [join(dir, 'docs/team/hours.md')],
      ['docs/team'],
      ['docs/team/*.md'],
    ]) {
      const run = await builtCli(['run', ...paths, '-f', 'compact'], dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
    }
    // The README's own finding (TBD) is not reported on a run that was not given it, nor counted.
    const console = await builtCli(['run', 'docs/team/hours.md', 'docs/team/leave.md'], dir);
    expect(console.stdout).toContain('No problems in 2 pages.');
    // A page owned by nobody is still reported.
    const orphan = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n',
      'docs/README.md': '# Handbook\n\n- [Hours](team/hours.md)\n',
      'docs/team/hours.md': '# Hours\n\nWe reply within a day.\n',
    });
    expect((await builtCli(['run', 'docs/team/hours.md', '-f', 'compact'], orphan)).stdout).toContain(
      'docs/team/hours.md:1:1  warning  page-owner  Page owner is missing (found: none).',
    );
  });
});

describe('the README while the package is not on the npm registry', () => {
  it('points at no CDN copy of its files (unpkg, jsDelivr serve only published packages)', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    expect(readme).toContain('handbook-lint is not on the npm registry yet');
    expect(readme).not.toMatch(/unpkg\.com|cdn\.jsdelivr\.net/);
  });
});

describe("an option of a shipped rule set in the config (the rule's documentation lists them)", () => {
  it("is taken, not refused for the rule's own default patterns (lookaround, which only the pack may use)", {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml':
        'rules:\n  placeholder:\n    ignore-patterns: ["^TBC$"]\n  action-items:\n    require-due: false\n',
      'docs/hours.md': PAGE,
      'docs/meetings/2026-11-30-sync.md':
        '# Sync 2026-11-30\n\n## Agenda\n\n- Release\n\n## Action items\n\n- [ ] @ana ships the release\n',
    });
    const run = await builtCli(['run', 'docs', '-f', 'compact'], dir);
    expect(run.stderr).not.toContain('lookahead');
    expect(run.stderr).not.toContain('lookbehind');
    expect(run.code).toBe(0);
    // The defaults still apply beside the option set: TBD is reported, the owned task without a date is not.
    expect(run.stdout).toContain('docs/hours.md:6:10  warning  placeholder  Unfilled template text "TBD".');
    expect(run.stdout).not.toContain('action-items');
    // A pattern of the config's own is still held to RE2.
    const own = tempTree({
      'handbook-lint.yml': 'rules:\n  placeholder:\n    ignore-patterns: ["(?<=a)b"]\n',
      'docs/hours.md': PAGE,
    });
    const refused = await builtCli(['run', 'docs'], own);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'handbook-lint.yml:3:23  rules.placeholder.ignore-patterns.0: lookbehind `(?<=` / `(?<!` is not allowed',
    );
  });
});

describe('an exclude glob that leaves out nothing (written from the config’s folder, or a folder as ignore files name one)', () => {
  it('gets a warning at its place in the config with the glob that leaves the folder out', {
    timeout: SLOW_MS,
  }, async () => {
    const config = (exclude: string) =>
      `sources:\n  markdown:\n    root: docs\n    exclude: ["${exclude}"]\n`;
    const files = { 'docs/index.md': '---\nowner: "@ana"\n---\n# Home\n', 'docs/drafts/plan.md': PAGE };
    const expected: Record<string, string> = {
      'docs/drafts/**': 'globs are relative to the Markdown root docs (did you mean "drafts/**"?)',
      'drafts/': 'a folder\'s files are "drafts/**" (did you mean "drafts/**"?)',
      'docs/drafts':
        'globs are relative to the Markdown root docs, and a folder\'s files are "drafts/**" (did you mean "drafts/**"?)',
    };
    for (const [exclude, hint] of Object.entries(expected)) {
      const dir = tempTree({ ...files, 'handbook-lint.yml': config(exclude) });
      const run = await builtCli(['run', '-f', 'compact'], dir);
      expect(run.stderr).toContain(`handbook-lint.yml:4:15  exclude: no file matches "${exclude}"; ${hint}`);
      expect(run.stdout).toContain('docs/drafts/plan.md');
    }
    // One that leaves the folder out, or names a folder not there yet, is quiet.
    for (const exclude of ['drafts/**', 'archive/**']) {
      const dir = tempTree({ ...files, 'handbook-lint.yml': config(exclude) });
      expect((await builtCli(['run', '-f', 'compact'], dir)).stderr).toBe('');
    }
  });
});

describe('a config value written as other linters write it: fail-on: warn, a glob without its list brackets', () => {
  it('says the value found and the one meant, as --fail-on warn does, and how to write a list', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n    include: "**/*.md"\nfail-on: warn\n',
      'docs/hours.md': PAGE,
    });
    const run = await builtCli(['run'], dir);
    expect(run.code).toBe(2);
    noStack(run.stderr);
    expect(run.stderr).toContain(
      'handbook-lint.yml:4:14  sources.markdown.include: Invalid input: expected array, received string; a list: write ["**/*.md"]',
    );
    expect(run.stderr).toContain(
      'handbook-lint.yml:5:10  fail-on: Invalid option: expected one of "error"|"warning"|"never"; got "warn" (did you mean warning?)',
    );
  });
});
