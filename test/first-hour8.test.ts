import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAction } from '../src/github/action.js';
import { type CrawlProgress, progressLine } from '../src/progress.js';
import { runCli, tempTree } from './helpers/cli.js';

// An eighth round of newcomers: someone who installs the package, a markdownlint-cli2 user, an
// ESLint user, a writer piping pages from an editor, and a reader of CI logs.

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SLOW_MS = 60_000;
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd` with `input` on its standard input. */
function piped(args: string[], cwd: string, input: Buffer): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 70) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

describe('a page piped from an editor that saved it as UTF-16 or Latin-1 (- and --stdin)', () => {
  it('is read as a file is: UTF-16 by its byte order mark, Latin-1 reported at its first bad byte', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook/index.md': '---\nowner: "@ana"\n---\n# Home\n' });
    const page = '---\nowner: "@ana"\n---\n# Café\n\nContact: TBD\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]);
    const args = ['run', '-', '--stdin-filename', 'handbook/draft.md', '-f', 'compact'];
    const wide = await piped(args, dir, utf16);
    // Read as UTF-8 it was NUL bytes between letters: no owner, no title, no placeholder found.
    expect(wide.stdout).not.toContain('page-owner');
    expect(wide.stdout).toContain(
      'handbook/draft.md:6:10  warning  placeholder  Unfilled template text "TBD".',
    );
    const latin1 = await piped(args, dir, Buffer.from(page, 'latin1'));
    expect(latin1.code).toBe(1);
    noStack(latin1.stderr);
    expect(latin1.stdout).toContain(
      'handbook/draft.md:4:6  error  front-matter  The file is not UTF-8: the byte at 4:6 cannot be read as text',
    );
  });
});

describe('a page piped in under a name the config excludes (an editor sends the file being edited)', () => {
  it('is left out with the warning the same file given by name gets, exit 0, not linted', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n    exclude: [CHANGELOG.md]\n',
      'docs/index.md': '---\nowner: "@ana"\n---\n# Home\n',
      'docs/CHANGELOG.md': '# Changes\n\nTBD\n',
    });
    const text = Buffer.from('# Changes\n\nTBD\n');
    const piped1 = await piped(
      ['run', '-', '--stdin-filename', 'docs/CHANGELOG.md', '-f', 'compact'],
      dir,
      text,
    );
    expect(piped1.code).toBe(0);
    expect(piped1.stdout).toBe('');
    expect(piped1.stderr).toContain("docs/CHANGELOG.md: left out by the config's exclude, not linted");
    // Under a name the config keeps, the same text is linted.
    const kept = await piped(['run', '-', '--stdin-filename', 'docs/draft.md', '-f', 'compact'], dir, text);
    expect(kept.stdout).toContain('docs/draft.md:3:1  warning  placeholder');
  });
});

describe("the Action's step summary of a run with more findings than it lists", () => {
  const MANY = {
    'docs/index.md': `---\nowner: "@ana"\n---\n# Docs\n\n${Array.from({ length: 520 }, (_, i) => `- [x${i}](gone${i}.md)`).join('\n')}\n`,
  };

  it('says where the rest are: the JSON report is a file on the runner, gone with it unless uploaded', async () => {
    const workspace = tempTree({ ...MANY, 'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n' });
    const temp = tempTree({ 'summary.md': '', 'output.txt': '' });
    const code = await runAction(
      {
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
        GITHUB_OUTPUT: join(temp, 'output.txt'),
        RUNNER_TEMP: temp,
        INPUT_CONFIG: 'handbook-lint.yml',
        INPUT_NOW: '2026-04-01',
      },
      { stdout: () => undefined, stderr: () => undefined },
    );
    expect(code).toBe(1);
    const summary = readFileSync(join(temp, 'summary.md'), 'utf8');
    expect(summary).toContain(
      '…and 20 more findings not listed here (the JSON report has them all: the file the json-report output names, gone with the runner unless a step uploads it (actions/upload-artifact)).',
    );
  });

  it('and the command line names the run that lists them, not a JSON report nobody wrote', async () => {
    const dir = tempTree(MANY);
    const run = await runCli(['run', join(dir, 'docs'), '--format', 'markdown', '--now', '2026-04-01']);
    expect(run.stdout).toContain(
      '…and 20 more findings not listed here (a run with --format json lists them all).',
    );
  });
});

describe("the Action's job log", () => {
  it('ends on the report’s totals: the annotations and the timings come before them', async () => {
    const workspace = tempTree({
      'docs/index.md': '---\nowner: "@ana"\n---\n# Docs\n\nSee [missing](nope.md).\n',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n',
    });
    const temp = tempTree({ 'output.txt': '' });
    const log: string[] = [];
    await runAction(
      {
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: join(temp, 'output.txt'),
        RUNNER_TEMP: temp,
        INPUT_CONFIG: 'handbook-lint.yml',
        INPUT_NOW: '2026-04-01',
      },
      { stdout: (text) => log.push(text), stderr: (text) => log.push(text) },
    );
    const lines = log.join('').trimEnd().split('\n');
    expect(lines.join('\n')).toContain('::error file=docs/index.md,line=6');
    // The report is printed with workflow commands stopped: its last line is the stop's end.
    expect(lines.at(-2)).toMatch(/^✖ 1 problem \(1 error, 0 warnings\)/);
  });
});

describe('a failing run whose report goes to a file (--format sarif -o handbook.sarif, as the README suggests for CI)', () => {
  it('says the totals and where the report is on standard error: the log had only the exit code', async () => {
    const dir = tempTree({ 'docs/index.md': '---\nowner: "@ana"\n---\n# Docs\n\nSee [missing](nope.md).\n' });
    const out = join(dir, 'reports/handbook.sarif');
    const failing = await runCli(['run', join(dir, 'docs'), '-f', 'sarif', '-o', out, '--now', '2026-04-01']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe('');
    expect(failing.stderr).toContain('✖ 1 problem (1 error, 0 warnings) in 1 of 1 page (the report is in ');
    expect(failing.stderr).toContain('handbook.sarif)');
    // A run that passes stays as quiet as ESLint's with -o.
    const passing = await runCli(['run', join(dir, 'docs'), '-o', out, '--fail-on', 'never']);
    expect(passing.code).toBe(0);
    expect(passing.stderr).toBe('');
  });

  it('and --format github, annotations only, ends a failing run on its totals too', async () => {
    const dir = tempTree({ 'docs/index.md': '---\nowner: "@ana"\n---\n# Docs\n\nSee [missing](nope.md).\n' });
    const run = await runCli(['run', join(dir, 'docs'), '-f', 'github', '--now', '2026-04-01']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=/);
    expect(run.stderr).toBe('✖ 1 problem (1 error, 0 warnings) in 1 of 1 page\n');
  });
});

describe('a long crawl in a CI log (CI set, standard error not a terminal)', () => {
  const progress = (fetched: number, done = false): CrawlProgress => ({
    source: 'notion',
    listed: 1200,
    fetched,
    cached: 0,
    left: 1200 - fetched,
    requests: fetched,
    rateLimited: 0,
    retries: 0,
    done,
  });

  it('prints a whole line every half minute, no carriage-return redraws, and none when done', () => {
    const writes: string[] = [];
    const stream = { isTTY: false, write: (text: string) => writes.push(text) };
    let clock = 0;
    const report = progressLine(stream, () => clock, { CI: 'true' });
    report(progress(0));
    clock = 29_000;
    report(progress(80));
    clock = 30_000;
    report(progress(90));
    clock = 45_000;
    report(progress(130));
    clock = 61_000;
    report(progress(180));
    report(progress(1200, true));
    expect(writes).toEqual([
      'notion: listed 1200, fetched 90, 1110 left, 3.0 req/s\n',
      'notion: listed 1200, fetched 180, 1020 left, 3.0 req/s\n',
    ]);
  });

  it('stays quiet in a pipe, and with CI=false', () => {
    for (const env of [{}, { CI: 'false' }, { CI: '0' }]) {
      const writes: string[] = [];
      let clock = 0;
      const report = progressLine(
        { isTTY: false, write: (text: string) => writes.push(text) },
        () => clock,
        env,
      );
      report(progress(0));
      clock = 60_000;
      report(progress(180));
      expect(writes).toEqual([]);
    }
  });
});

describe('markdownlint-cli2\'s own example, "**/*.md" "#node_modules"', () => {
  it('says node_modules is always left out and to drop the path, not to write a config for it', async () => {
    const dir = tempTree({ 'docs/a.md': '# A\n' });
    for (const negation of ['#node_modules', '!node_modules', '#**/node_modules/**']) {
      const run = await runCli(['run', join(dir, 'docs'), negation]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `${negation}: node_modules (like every dot folder) is always left out: drop this path.`,
      );
    }
    const other = await runCli(['run', join(dir, 'docs'), '#drafts']);
    expect(other.stderr).toContain('List them under sources.markdown.exclude in the config');
  });
});

describe('markdownlint-cli2 --config .markdownlint-cli2.jsonc, kept when the command was swapped', () => {
  it("says first whose config it is, not only YAML syntax errors about a JSONC file's comments", async () => {
    const dir = tempTree({
      'docs/a.md': '# A\n',
      '.markdownlint-cli2.jsonc':
        '// markdownlint-cli2\n{\n  "config": { "MD013": false },\n  "ignores": ["CHANGELOG.md"]\n}\n',
    });
    const run = await runCli(['run', join(dir, 'docs'), '--config', join(dir, '.markdownlint-cli2.jsonc')]);
    expect(run.code).toBe(2);
    noStack(run.stderr);
    expect(run.stderr).toContain(
      ".markdownlint-cli2.jsonc:1:1  this is markdownlint-cli2's config, which handbook-lint does not read: its config is YAML (handbook-lint init writes handbook-lint.yml)",
    );
  });
});

describe("ESLint's options for caching, bulk suppressions, config inspection and unmatched globs", () => {
  it('say what does the job here, exit 2', async () => {
    const dir = tempTree({ 'docs/a.md': '# A\n' });
    const expected: Record<string, string> = {
      '--cache': 'handbook-lint keeps no cache of results',
      '--cache-location=.cache': 'handbook-lint keeps no cache of results',
      '--suppress-all': 'Use the baseline command: handbook-lint baseline',
      '--prune-suppressions': 'Use the baseline command',
      '--inspect-config': "handbook-lint rules lists every rule with the config's level",
      '--no-error-on-unmatched-pattern': 'A path or glob that matches no page is an error here (exit 2)',
    };
    for (const [option, hint] of Object.entries(expected)) {
      const run = await runCli(['run', join(dir, 'docs'), option]);
      expect(run.code).toBe(2);
      noStack(run.stderr);
      expect(run.stderr).toContain(`Unknown option ${option.split('=')[0]}. ${hint}`);
    }
  });
});

describe("markdownlint-cli's options, and ESLint's variants of those with hints", () => {
  it('say what does the job here, exit 2', async () => {
    const dir = tempTree({ 'docs/a.md': '# A\n' });
    const expected: Record<string, string> = {
      '--json': 'Use --format json (-f json).',
      '--disable': "Set a rule's level in the config",
      '--enable': "Set a rule's level in the config",
      '--rules': 'Name folders or npm packages of rules under rule-folders',
      '--dot': 'Dot folders are skipped in a folder or glob, and linted when a path or glob names them',
      '--fix-dry-run': 'handbook-lint never changes a page',
      '--report-unused-disable-directives-severity': 'The directive rule always reports a directive',
    };
    for (const [option, hint] of Object.entries(expected)) {
      const run = await runCli(['run', join(dir, 'docs'), option]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Unknown option ${option}. ${hint}`);
    }
    // What --dot stands for: a glob naming the dot folder reads it.
    const dotted = tempTree({ '.github/a.md': '# A\n\nContact: TBD\n' });
    const run = await runCli(['run', join(dotted, '.github/*.md'), '-f', 'compact']);
    expect(run.stdout).toContain('placeholder');
  });
});
