import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { type ActionEnv, runAction } from '../src/github/action.js';
import { tempTree } from './helpers/cli.js';

// A second newcomer's first hour: one who comes from the GitHub Action, Vale and markdownlint,
// against the built CLI and Action entry as they ship.
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SLOW_MS = 60_000;

const PAGE = { 'handbook/index.md': '---\nowner: "@ana"\n---\n# Home\n\nSee [x](gone.md).\n' };

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node [nodeArgs] script args` in `cwd` with `env` over an environment without color variables. */
function spawnNode(
  script: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Spawned> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NO_COLOR' && name !== 'FORCE_COLOR' && !name.startsWith('INPUT_'),
    ),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), script, ...args],
      { cwd: options.cwd, env: { ...env, ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 70) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const spawnCli = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  spawnNode(CLI, args, options);

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('config look-alikes', () => {
  it('are files: the ledger folder .handbook-lint/ and a clone named handbook-lint get no warning', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ ...PAGE, '.git/HEAD': 'ref: refs/heads/main\n' });
    mkdirSync(join(dir, '.handbook-lint'));
    mkdirSync(join(dir, 'handbook-lint'));
    const { code, stderr } = await spawnCli(['run', 'handbook', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe('');

    const withFile = tempTree({ ...PAGE, '.git/HEAD': 'ref: refs/heads/main\n', '.handbook-lintrc': '{}' });
    const warned = await spawnCli(['run', 'handbook', '-f', 'json'], { cwd: withFile });
    expect(warned.stderr).toContain('.handbook-lintrc is not read');
    noStack(warned.stderr);
  });
});

describe("other linters' report formats and options", () => {
  it('--format names the format of ours that does the job, or what to use instead, exit 2', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(PAGE);
    const known = 'must be one of console, compact, json, markdown, sarif, html, github';
    for (const [format, hint] of [
      ['stylish', 'did you mean console?'],
      ['unix', 'did you mean compact?'],
      ['line', 'did you mean compact?'],
      ['checkstyle', 'for another tool, use json or sarif'],
      ['github-actions', 'did you mean github?'],
    ] as const) {
      const { code, stdout, stderr } = await spawnCli(['run', 'handbook', '--format', format], { cwd: dir });
      expect(code, format).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`--format ${known}; got "${format}"; ${hint}`);
      noStack(stderr);
    }
  });

  it("takes a format in capitals (Vale's JSON) and names the level a prefix begins", {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(PAGE);
    const json = await spawnCli(['run', 'handbook', '--format=JSON'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ tool: { name: 'handbook-lint' } });
    const warn = await spawnCli(['run', 'handbook', '--fail-on', 'warn'], { cwd: dir });
    expect(warn.code).toBe(2);
    expect(warn.stderr).toContain(
      'error --fail-on must be one of error, warning, never; got "warn"; did you mean warning?\n',
    );
  });

  it("refuses a format's name as the --output file (Vale's --output=line) and writes nothing", {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(PAGE);
    for (const [output, format] of [
      ['line', 'compact'],
      ['json', 'json'],
      ['JSON', 'json'],
    ] as const) {
      const { code, stdout, stderr } = await spawnCli(['run', 'handbook', `--output=${output}`], {
        cwd: dir,
      });
      expect(code, output).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        `--output names the report file, not a format: got "${output}". Use --format ${format}`,
      );
      expect(existsSync(join(dir, output))).toBe(false);
    }
    const written = await spawnCli(['run', 'handbook', '-o', 'line.txt'], { cwd: dir });
    expect(written.code).toBe(1);
    expect(readFileSync(join(dir, 'line.txt'), 'utf8')).toContain('Broken link gone.md');
  });

  it("says what to use instead of ESLint's and Vale's options", { timeout: SLOW_MS }, async () => {
    const dir = tempTree(PAGE);
    for (const [option, instead] of [
      ['--output-file=x.json', 'Use -o FILE (--output FILE).'],
      ['--no-exit', 'Use --fail-on never'],
      ['--minAlertLevel=error', 'Use --quiet to report errors only'],
      ['--rule=stale-page:off', "Set a rule's level in the config (rules: { ID: off })"],
      ['--glob=*.md', "Pass files, folders and quoted globs as paths: handbook-lint run 'docs/**/*.md'."],
    ] as const) {
      const { code, stderr } = await spawnCli(['run', 'handbook', option], { cwd: dir });
      expect(code, option).toBe(2);
      expect(stderr).toContain(`Unknown option ${option.split('=')[0]}. ${instead}`);
      noStack(stderr);
    }
  });
});

/** The action's entry as a runner starts it: `INPUT_*` from the workflow's `with:`, GitHub's files. */
async function runAsRunner(inputs: Record<string, string>) {
  const workspace = tempTree({ ...PAGE, 'output.txt': '', 'summary.md': '' });
  const env: ActionEnv = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(workspace, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'),
    RUNNER_TEMP: workspace,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [
        `INPUT_${name.toUpperCase().replace(/-/g, '_')}`,
        value,
      ]),
    ),
  };
  let stdout = '';
  let stderr = '';
  // An error is printed by the CLI's own reporter, on the process's standard error.
  const processErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runAction(env, {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    });
    return { code, stdout, stderr };
  } finally {
    processErr.mockRestore();
  }
}

describe('the GitHub Action given a wrong input', () => {
  it('names the input as the workflow spells it, with one error annotation', {
    timeout: SLOW_MS,
  }, async () => {
    for (const [inputs, message] of [
      [
        { format: 'sarif' },
        'Input format must be one of console, json, markdown; got "sarif"; every run writes',
      ],
      [
        { format: 'stylish' },
        'Input format must be one of console, json, markdown; got "stylish"; did you mean console?',
      ],
      [
        { 'fail-on': 'warn' },
        'Input fail-on must be one of error, warning, never; got "warn"; did you mean warning?',
      ],
      [{ now: '2026-13-01' }, 'Input now takes a date like 2026-06-01, not "2026-13-01"'],
      // Checked before the path is: the first mistake in the workflow is the one reported.
      [{ path: 'nope', format: 'sarif' }, 'Input format must be one of console, json, markdown; got "sarif"'],
      [{ path: 'nope' }, `No such file or folder: `],
      [
        { path: '' },
        'Nothing to lint: set the input path (a Markdown folder) or config, or commit a handbook-lint.yml',
      ],
    ] as const) {
      const { code, stdout, stderr } = await runAsRunner({ path: 'handbook', ...inputs });
      expect(code, message).toBe(2);
      expect(stdout).toMatch(
        new RegExp(`^::error title=handbook-lint::${message.replace(/[.*?()[\]^$]/g, '\\$&')}`),
      );
      expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
      // One line on standard error for the log.
      expect(stderr.startsWith(`error ${message}`)).toBe(true);
      expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});

describe('one rule’s documentation: handbook-lint rules ID', () => {
  it('shows what it checks, the fix, its options with the config’s values, examples and how to turn it off', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      ...PAGE,
      'handbook-lint.yml': 'rules:\n  stale-page:\n    level: error\n    max-age-days: 90\n',
    });
    const { code, stdout, stderr } = await spawnCli(['rules', 'stale-page'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^stale-page {2}error {2}\(check: stale; .*rules[/\\]stale-page\.yml\)\n/);
    expect(stdout).toContain('\nA page nobody has edited, reviewed or verified for six months');
    expect(stdout).toContain('\nFix: Review the page');
    expect(stdout).toContain('Options (under rules.stale-page in the config):\n    max-age-days: 90\n');
    expect(stdout).toContain('Reported:\n    ---\n    last_reviewed: 2025-09-01\n');
    expect(stdout).toContain('  → Page may be out of date: it was last updated on 2025-09-01');
    expect(stdout).toContain('Accepted:\n');
    expect(stdout).toContain('rules: { stale-page: off }');
    expect(stdout).toContain('<!-- handbook-lint-disable-file stale-page -->');
    expect(stdout).not.toMatch(/[ \t]\n/);
  });

  it('names the nearest rule for an unknown id, exit 2', { timeout: SLOW_MS }, async () => {
    const dir = tempTree(PAGE);
    const { code, stdout, stderr } = await spawnCli(['rules', 'broken-lnk'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown rule "broken-lnk". Did you mean broken-link?');
    noStack(stderr);
  });
});

describe('a run from the folder above the handbook', () => {
  it('names an unreadable page from the working folder, as its findings are, in console and compact', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      ...PAGE,
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: handbook\n    max-page-bytes: 100\n',
      'handbook/big.md': `# Big\n\n${'word '.repeat(50)}\n`,
    });
    const people = await spawnCli(['run'], { cwd: dir });
    expect(people.code).toBe(3);
    expect(people.stdout).toMatch(/\nunreadable handbook\/big\.md: the page is \d+ bytes/);
    expect(people.stdout).toContain('\n  handbook/index.md:6:5  Broken link gone.md');
    const compact = await spawnCli(['run', '-f', 'compact'], { cwd: dir });
    expect(compact.stdout).toMatch(/^handbook\/big\.md:1:1 {2}error {2}unreadable/m);
  });
});

describe('--config naming a file that is not there', () => {
  it('says how to write one, exit 2', { timeout: SLOW_MS }, async () => {
    const dir = tempTree(PAGE);
    const { code, stderr } = await spawnCli(['run', 'handbook', '--config', 'missing.yml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('missing.yml (handbook-lint init writes a starter config)\n');
    noStack(stderr);
  });
});

describe('help', () => {
  it('says where the documentation is and how to read one rule', { timeout: SLOW_MS }, async () => {
    const { code, stdout } = await spawnCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '\nDocumentation: https://github.com/handbook-lint/handbook-lint#readme (README.md in the package);\nhandbook-lint rules ID documents one rule.\n',
    );
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe("another tool's config passed as --config", () => {
  it('says a config is a YAML mapping and asks whether it is another tool’s, at file:1:1, exit 2', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      ...PAGE,
      '.vale.ini': 'StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Vale\n',
      'list.json': '["MD013"]\n',
    });
    for (const file of ['.vale.ini', 'list.json']) {
      const { code, stdout, stderr } = await spawnCli(['run', 'handbook', '--config', file], { cwd: dir });
      expect(code, file).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        `${file}:1:1  a config is a YAML mapping of settings (sources:, rules:, fail-on: ...); is this another tool's config?`,
      );
      noStack(stderr);
    }
    // JSON that is a mapping is a config: YAML reads it.
    const json = tempTree({ ...PAGE, 'config.json': '{"rules": {"broken-link": "off"}}\n' });
    const clean = await spawnCli(['run', 'handbook', '--config', 'config.json', '-f', 'compact'], {
      cwd: json,
    });
    expect(clean.stdout).not.toContain('broken-link');
  });
});

describe("markdownlint-cli2's excluding globs", () => {
  it('#glob and !glob say to use the config’s exclude, exit 2; a file so named is still linted', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ ...PAGE, 'handbook/#notes.md': '# Notes\n\nSee [x](gone.md).\n' });
    // #node_modules gets its own message (first-hour8): node_modules is always left out.
    for (const path of ['#handbook/archive', '!handbook/drafts/**']) {
      const { code, stdout, stderr } = await spawnCli(['run', 'handbook/**/*.md', path], { cwd: dir });
      expect(code, path).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        `${path}: a path that leaves files out (markdownlint-cli2's #glob or !glob) is not taken.`,
      );
      expect(stderr).toContain('sources.markdown.exclude');
      noStack(stderr);
    }
    const named = await spawnCli(['run', 'handbook/#notes.md', '-f', 'compact'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('handbook/#notes.md:3:5  error  broken-link');
  });
});

describe('a config saved on Windows (CRLF line endings, a byte order mark)', () => {
  it('is read, and a mistake in it is shown at file:line:col with the line as written', {
    timeout: SLOW_MS,
  }, async () => {
    const config = '\ufeffsources:\r\n  markdown:\r\n    root: handbook\r\nrules:\r\n  stale-page: offf\r\n';
    const dir = tempTree({ ...PAGE, 'handbook-lint.yml': config });
    const { code, stderr } = await spawnCli(['run'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('handbook-lint.yml:5:15  rules.stale-page: expected a level');
    expect(stderr).toContain('\n      stale-page: offf\n');
    expect(stderr).not.toContain('\\x0d');
    const fixed = tempTree({ ...PAGE, 'handbook-lint.yml': config.replace('offf', 'off') });
    const run = await spawnCli(['run', '-f', 'compact'], { cwd: fixed });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('handbook/index.md:6:5  error  broken-link');
  });
});

describe('a Node older than 22.12', () => {
  it('in an installed package (no scripts/ beside dist/) gets the one line without the clone’s script', {
    timeout: SLOW_MS,
  }, async () => {
    // cli.js checks the version before it loads anything else, so it runs alone.
    const installed = tempTree({ 'dist/cli.js': readFileSync(CLI, 'utf8') });
    const { code, stdout, stderr } = await spawnNode(join(installed, 'dist/cli.js'), ['run', '.'], {
      nodeArgs: [
        '--import',
        'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.11.0"})',
      ],
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'handbook-lint needs Node.js 22.12 or newer; this is Node.js 20.11.0. Install a newer Node.js: https://nodejs.org\n',
    );
  });
});

describe('rules --test ID', () => {
  it("runs only that rule's examples; a name that is neither a folder nor a rule names the nearest rule", {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(PAGE);
    const one = await spawnCli(['rules', '--test', 'stale-page'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^All \d+ examples of 1 rule pass\.\n$/);
    const typo = await spawnCli(['rules', '--test', 'stale-pag'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('No rule folder or rule named stale-pag. Did you mean stale-page?');
    noStack(typo.stderr);
  });
});
