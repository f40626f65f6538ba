import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

// A fifteenth round of newcomers: a Vale, ESLint 9 or markdownlint-cli2 user with a handbook in a
// docs/ folder, from a fresh clone and from the packed package installed in an empty project, who
// types the options, config keys and page comments those tools taught them.

const HANDBOOK = {
  'docs/index.md': '---\nowner: "@ana"\n---\n# Handbook\n\n- [Leave](leave.md)\n',
  'docs/leave.md': '---\nowner: "@ana"\n---\n# Leave\n\nAsk your lead. Location: TBD.\n',
};

describe("Vale's and ESLint 9's options that have no counterpart here (--sort, --concurrency, --output-format)", () => {
  it('say what does the job here, exit 2', async () => {
    const docs = join(tempTree(HANDBOOK), 'docs');
    const said = async (option: string[]) => {
      const run = await runCli(['run', docs, ...option]);
      expect(run.code).toBe(2);
      return run.stderr;
    };
    expect(await said(['--sort'])).toContain('Unknown option --sort. Findings come in one stable order');
    expect(await said(['--no-wrap'])).toContain('Use --format compact');
    expect(await said(['--relative'])).toContain('already name files from the working folder');
    expect(await said(['--concurrency', '2'])).toContain('linted on worker threads on its own');
    expect(await said(['--stats'])).toContain('Use --verbose');
    expect(await said(['--exit-on-fatal-error'])).toContain('never stops a run');
    expect(await said(['--output-format', 'json'])).toContain('Use --format (-f)');
    expect(await said(['--reporter', 'json'])).toContain('Use --format (-f)');
    // Not "Did you mean --config?": the negation asks for no config, which --config cannot give.
    const noConfig = await said(['--no-config']);
    expect(noConfig).not.toContain('Did you mean');
    expect(noConfig).toContain('the nearest handbook-lint.yml');
  });

  it('a misspelled option of ours still gets the nearest one', async () => {
    const docs = join(tempTree(HANDBOOK), 'docs');
    const typo = await runCli(['run', docs, '--formt', 'json']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Unknown option --formt. Did you mean --format?');
  });
});

/** The config error lines for a handbook-lint.yml that adds `lines` to a Markdown source. */
async function configError(lines: string): Promise<string> {
  const dir = tempTree({
    'handbook-lint.yml': `sources:\n  markdown:\n    root: docs\n${lines}`,
    ...HANDBOOK,
  });
  const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml')]);
  expect(run.code).toBe(2);
  return run.stderr;
}

describe("a top-level key of markdownlint-cli2's, ESLint's or Vale's config (gitignore:, MinAlertLevel:, files:)", () => {
  it('names the setting that does its job here, at its place', async () => {
    expect(await configError('gitignore: true\n')).toContain(
      'handbook-lint.yml:4:1  unknown key "gitignore" (markdownlint-cli2\'s gitignore: handbook-lint reads no .gitignore; list the files to leave out under sources.markdown.exclude)',
    );
    expect(await configError('MinAlertLevel: warning\n')).toContain(
      'handbook-lint.yml:4:1  unknown key "MinAlertLevel" (Vale\'s MinAlertLevel: --quiet reports errors only, and fail-on sets the level',
    );
    expect(await configError('StylesPath: styles\n')).toContain('under rule-folders');
    expect(await configError('files: ["**/*.md"]\n')).toContain(
      'the pages to lint are sources.markdown.include',
    );
    expect(await configError('linterOptions:\n  noInlineConfig: true\n')).toContain(
      'unknown key "linterOptions" (ESLint\'s linterOptions: inline directives always apply',
    );
  });

  it('a typo of a key of ours still gets the nearest one, and a key known nowhere gets no guess', async () => {
    expect(await configError('fail-onn: warning\n')).toContain(
      'unknown key "fail-onn" (did you mean "fail-on"?)',
    );
    expect(await configError('colour-scheme: dark\n')).toMatch(/unknown key "colour-scheme"\n/);
  });
});

describe('an option of the command line written in the config (max-warnings: 10, quiet: true)', () => {
  it("says it is an option of the command line, in kebab-case and in ESLint's camelCase", async () => {
    expect(await configError('max-warnings: 10\n')).toContain(
      'unknown key "max-warnings" (--max-warnings is an option of the command line, not a setting: pass it to run (an npm script keeps it))',
    );
    expect(await configError('maxWarnings: 10\n')).toContain(
      '--max-warnings is an option of the command line',
    );
    expect(await configError('quiet: true\n')).toContain('--quiet is an option of the command line');
  });

  it('an option that is also a setting is taken: fail-on in the config fails the run on a warning', async () => {
    const dir = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\nfail-on: warning\n',
      ...HANDBOOK,
    });
    const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '--now', '2026-12-07']);
    expect(run.stdout).toMatch(/warning +placeholder/);
    expect(run.code).toBe(1);
  });
});

/** The compact findings of a run on docs/ whose leave page holds `body`. */
async function pageFindings(body: string): Promise<string[]> {
  const docs = join(
    tempTree({ ...HANDBOOK, 'docs/leave.md': `---\nowner: "@ana"\n---\n# Leave\n\n${body}` }),
    'docs',
  );
  const run = await runCli(['run', docs, '-f', 'compact', '--now', '2026-12-07']);
  // Paths start from the working folder, the worktree: keep them from the handbook's folder.
  return run.stdout
    .split('\n')
    .filter((line) => line.includes('leave.md'))
    .map((line) => line.slice(line.indexOf('leave.md')));
}

describe("Vale's comment naming a handbook-lint rule (<!-- vale placeholder = NO -->)", () => {
  it('is reported at its line with the comment that silences it here; the finding stays', async () => {
    const lines = await pageFindings(
      '<!-- vale placeholder = NO -->\nLocation: TBD\n<!-- vale placeholder = YES -->\n',
    );
    expect(lines).toContain(
      'leave.md:6:1  warning  directive  <!-- vale placeholder = NO --> names handbook-lint\'s rule "placeholder", but Vale reads it, not handbook-lint: write <!-- handbook-lint-disable placeholder -->.',
    );
    expect(lines).toContain(
      'leave.md:8:1  warning  directive  <!-- vale placeholder = YES --> names handbook-lint\'s rule "placeholder", but Vale reads it, not handbook-lint: write <!-- handbook-lint-enable placeholder -->.',
    );
    expect(lines.some((line) => /leave\.md:7:\d+ +warning +placeholder/.test(line))).toBe(true);
  });

  it("takes the rule after Vale's style prefix (HandbookLint.placeholder)", async () => {
    const lines = await pageFindings('<!-- vale HandbookLint.placeholder = NO -->\nLocation: TBD\n');
    expect(
      lines.some((line) => line.includes('directive  <!-- vale HandbookLint.placeholder = NO --> names')),
    ).toBe(true);
  });

  it("leaves Vale's own comments alone: vale off, and a rule of Vale's", async () => {
    const lines = await pageFindings(
      '<!-- vale off -->\nLocation: TBD\n<!-- vale on -->\n\n<!-- vale Vale.Spelling = NO -->\nThe ACME rota.\n',
    );
    expect(lines.filter((line) => line.includes('directive'))).toEqual([]);
    expect(lines.some((line) => /leave\.md:7:\d+ +warning +placeholder/.test(line))).toBe(true);
  });

  it("ESLint's comment for a rule here names ESLint as it spells itself", async () => {
    const lines = await pageFindings('<!-- eslint-disable-next-line placeholder -->\nLocation: TBD\n');
    expect(lines.some((line) => line.includes('but ESLint reads it, not handbook-lint'))).toBe(true);
  });

  it('shown in a code block, it is not read', async () => {
    const lines = await pageFindings('```markdown\n<!-- vale placeholder = NO -->\n```\n');
    expect(lines.filter((line) => line.includes('directive'))).toEqual([]);
  });
});

describe('init in a sub-folder of a repository whose root already has handbook-lint.yml', () => {
  const tree = () =>
    tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n',
      ...HANDBOOK,
    });

  it('warns that runs from there now use the new config instead of the one above, and still writes it', async () => {
    const dir = tree();
    const made = join(dir, 'docs', 'handbook-lint.yml');
    const run = await runCli(['init', '-o', made]);
    expect(run.code).toBe(0);
    // Both files named from the working folder, as a terminal opens them.
    const from = (path: string) => relative(process.cwd(), path);
    expect(run.stderr).toContain(
      `handbook-lint: warning: ${from(join(dir, 'handbook-lint.yml'))} applied here until now; runs from ${from(join(dir, 'docs'))} and below now use ${made} instead (the nearest config wins)`,
    );
    expect(run.stdout).toContain('Wrote');
  });

  it('a config under a name discovery never reads, or the first config of a repository, gets no warning', async () => {
    const other = await runCli(['init', '-o', join(tree(), 'docs', 'lint', 'handbook.yml')]);
    expect(other.code).toBe(0);
    expect(other.stderr).toBe('');
    const first = await runCli([
      'init',
      '-o',
      join(tempTree({ '.git/HEAD': 'x\n', ...HANDBOOK }), 'handbook-lint.yml'),
    ]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
  });

  it('beside a config of another discovered name, says a run there refuses both', async () => {
    const dir = tree();
    const run = await runCli(['init', '-o', join(dir, '.handbook-lint.yaml')]);
    expect(run.stderr).toContain(
      'is in the same folder: a run there refuses two config files until one is removed',
    );
  });
});

describe('report.output naming a .json file in the config, with no report.format', () => {
  const config = (report: string) => `sources:\n  markdown:\n    root: docs\nreport:\n${report}`;

  it('writes JSON, as -o report.json does, not the console report in a file called report.json', async () => {
    const dir = tempTree({ 'handbook-lint.yml': config('  output: out/report.json\n'), ...HANDBOOK });
    const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '--now', '2026-12-07']);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.tool.name).toBe('handbook-lint');
    expect(report.findings.some((finding: { ruleId: string }) => finding.ruleId === 'placeholder')).toBe(
      true,
    );
  });

  it('a format the config names wins over the name, and a name of no format keeps console', async () => {
    const named = tempTree({
      'handbook-lint.yml': config('  format: compact\n  output: out/report.json\n'),
      ...HANDBOOK,
    });
    await runCli(['run', '--config', join(named, 'handbook-lint.yml'), '--now', '2026-12-07']);
    expect(readFileSync(join(named, 'out', 'report.json'), 'utf8')).toMatch(
      /leave\.md:\d+:\d+ +warning +placeholder/,
    );
    const plain = tempTree({ 'handbook-lint.yml': config('  output: out/report.txt\n'), ...HANDBOOK });
    await runCli(['run', '--config', join(plain, 'handbook-lint.yml'), '--now', '2026-12-07']);
    expect(readFileSync(join(plain, 'out', 'report.txt'), 'utf8')).toContain('Findings per rule');
  });

  it("-o another file takes the format from its own name, not from the config's report.json", async () => {
    const dir = tempTree({ 'handbook-lint.yml': config('  output: out/report.json\n'), ...HANDBOOK });
    const text = join(dir, 'out', 'report.txt');
    await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '-o', text, '--now', '2026-12-07']);
    expect(readFileSync(text, 'utf8')).toContain('Findings per rule');
  });
});

describe('run --help on -o', () => {
  it('says the name of the file picks the format, as the README does', async () => {
    const help = await runCli(['run', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'Without --format, a name ending in .json, .sarif, .html or .md picks that format.',
    );
  });
});

/** A repository whose docs/README.md was last changed in 2024 and docs/new.md today, and a shallow clone of it. */
function shallowAndFull(): { full: string; shallow: string } {
  const full = tempTree({ 'docs/README.md': '# Old\n\nOwner: @ana\n\n- [New](new.md)\n' });
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=a', '-c', 'user.email=a@example.com', ...args], {
      cwd,
      stdio: 'ignore',
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    });
  git(full, ['init', '-q']);
  git(full, ['add', '.']);
  git(full, ['commit', '-qm', 'old'], '2024-01-01T00:00:00Z');
  writeFileSync(join(full, 'docs', 'new.md'), '# New\n\nOwner: @ana\n');
  git(full, ['add', '.']);
  git(full, ['commit', '-qm', 'new']);
  const shallow = join(tempTree({}), 'clone');
  git(full, ['clone', '-q', '--depth', '1', `file://${full}`, shallow]);
  return { full, shallow };
}

describe("a CI checkout's shallow clone (actions/checkout's default fetch-depth: 1)", () => {
  it('gets a warning that old pages look changed at its one commit and how to fetch the history', async () => {
    const { shallow } = shallowAndFull();
    const run = await runCli(['run', join(shallow, 'docs'), '-f', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.findings.filter((finding: { ruleId: string }) => finding.ruleId === 'stale-page')).toEqual(
      [],
    );
    expect(run.stderr).toContain("warning The git history is a shallow clone's");
    expect(run.stderr).toContain('actions/checkout with fetch-depth: 0, or git fetch --unshallow');
  });

  it('the whole history gets no warning, and its old page is stale', async () => {
    const { full } = shallowAndFull();
    const run = await runCli(['run', join(full, 'docs'), '-f', 'json']);
    expect(run.stderr).not.toContain('shallow');
    const stale = JSON.parse(run.stdout).findings.filter(
      (finding: { ruleId: string }) => finding.ruleId === 'stale-page',
    );
    expect(stale.map((finding: { page: { path: string } }) => finding.page.path)).toEqual(['README.md']);
  });
});

describe("fail-on info (or Vale's suggestion), the level the report counts last", () => {
  it('says info never fails a run and what does fail it, on the command line and at its place in the config', async () => {
    const docs = join(tempTree(HANDBOOK), 'docs');
    const flag = await runCli(['run', docs, '--fail-on', 'info']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(
      '--fail-on must be one of error, warning, never; got "info"; info findings never fail a run: warning fails it on warnings and errors',
    );
    expect(await configError('fail-on: suggestion\n')).toContain(
      'handbook-lint.yml:4:10  fail-on: Invalid option: expected one of "error"|"warning"|"never"; got "suggestion" (Vale\'s suggestion is info here, which never fails a run',
    );
  });

  it('a misspelled level there still gets the level meant', async () => {
    expect(await configError('fail-on: warnig\n')).toContain('got "warnig" (did you mean warning?)');
  });
});

describe('rules --format json, for the rules as data', () => {
  it('names the JSON report that lists them; the list it points at is there', async () => {
    const dir = tempTree(HANDBOOK);
    const rules = await runCli(['rules', '--format', 'json']);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain('--format is not an option of rules. For the rules as data');
    const run = await runCli(['run', join(dir, 'docs'), '--format', 'json', '--fail-on', 'never']);
    const listed = JSON.parse(run.stdout).rules as { id: string; level: string; description: string }[];
    expect(listed.find((rule) => rule.id === 'placeholder')).toMatchObject({ level: 'warning' });
  });

  it('another option of another command keeps the plain message', async () => {
    const rules = await runCli(['rules', '--owner', 'ana']);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toMatch(/--owner is not an option of rules\.\n/);
  });
});
