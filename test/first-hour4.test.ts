import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { globalHelp } from '../src/cli/help.js';
import { reportError } from '../src/main.js';
import { palette } from '../src/report/colors.js';
import { runCli, tempTree } from './helpers/cli.js';

// A fourth newcomer's first hour: years of markdownlint-cli2, ESLint and Vale, a fresh clone with no
// ../shared beside it, and those tools' habits typed into this one.
const PAGE = { 'handbook/index.md': '---\nowner: "@ana"\n---\n# Home\n\nSee [x](gone.md).\n' };

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('-o naming a device or a pipe (ESLint users write --output-file /dev/stdout)', () => {
  it('writes into it and leaves it what it was: a rename would replace /dev/null with a file as root', async () => {
    const dir = tempTree(PAGE);
    const fifo = join(dir, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk) => {
      read += String(chunk);
    });
    const closed = new Promise((resolve) => reader.on('close', resolve));
    try {
      const { code, stderr } = await runCli(['run', join(dir, 'handbook'), '-f', 'json', '-o', fifo]);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      await closed;
      expect(JSON.parse(read).summary.findings).toBe(1);
    } finally {
      reader.kill();
    }
  });
});

/** A config error's stderr for `config` (a handbook-lint.yml beside PAGE's handbook). */
async function configError(config: string): Promise<{ file: string; stderr: string }> {
  const dir = tempTree({ ...PAGE, 'handbook-lint.yml': config });
  const file = join(dir, 'handbook-lint.yml');
  const { code, stdout, stderr } = await runCli(['run', '--config', file]);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  noStack(stderr);
  return { file, stderr };
}

const MARKDOWN = 'sources:\n  markdown:\n    root: handbook\n';

describe('a mistyped or misplaced config key', () => {
  it('gets the nearest key at its own depth, not only at the top', async () => {
    const { file, stderr } = await configError(`${MARKDOWN}    exlude: [drafts/**]\n`);
    expect(stderr).toContain(`${file}:4:5  unknown key "exlude" (did you mean "exclude"?)`);
  });

  it("gets the key other linters' names stand for: ignores, ignorePatterns, an override's files", async () => {
    const ignores = await configError(`${MARKDOWN}    ignores: [drafts/**]\n`);
    expect(ignores.stderr).toContain(`${ignores.file}:4:5  unknown key "ignores" (did you mean "exclude"?)`);
    const files = await configError(
      `${MARKDOWN}overrides:\n  - files: [adr/**]\n    rules: { stale-page: off }\n`,
    );
    expect(files.stderr).toContain(`${files.file}:5:5  unknown key "files" (did you mean "paths"?)`);
    // The key the override lacks is "missing", not zod's "expected array, received undefined".
    expect(files.stderr).toContain(`${files.file}:5:5  overrides.0.paths: missing (expected array)`);
  });

  it('at the top, names the place it belongs: exclude is sources.markdown.exclude, format is report.format', async () => {
    const exclude = await configError(`${MARKDOWN}exclude: [drafts/**]\n`);
    expect(exclude.stderr).toContain(
      `${exclude.file}:4:1  unknown key "exclude" (did you mean sources.markdown.exclude?)`,
    );
    const ignores = await configError(`${MARKDOWN}ignores: [drafts/**]\n`);
    expect(ignores.stderr).toContain(`unknown key "ignores" (did you mean sources.markdown.exclude?)`);
    const format = await configError(`${MARKDOWN}format: json\n`);
    expect(format.stderr).toContain(`unknown key "format" (did you mean report.format?)`);
  });

  it('extends says a config extends no other and how rules are shared', async () => {
    const { file, stderr } = await configError(`extends: ../base.yml\n${MARKDOWN}`);
    expect(stderr).toContain(`${file}:1:1  unknown key "extends" (a config extends no other file;`);
    expect(stderr).toContain('rule-folders');
  });
});

describe("a rule's level as ESLint and markdownlint write it", () => {
  it('names the level it stands for: warn, ESLint 0/1/2, markdownlint false; in rules, a level: key and overrides', async () => {
    const cases: [string, string, string][] = [
      ['rules:\n  stale-page: warn\n', '5:15', '"warn" (did you mean warning?)'],
      ['rules:\n  stale-page: 2\n', '5:15', '2 (did you mean error?)'],
      ['rules:\n  stale-page: 0\n', '5:15', '0 (did you mean off?)'],
      ['rules:\n  stale-page: false\n', '5:15', 'false (did you mean off?)'],
      [
        'rules:\n  stale-page:\n    level: warn\n    max-age-days: 90\n',
        '6:5',
        '"warn" (did you mean warning?)',
      ],
      [
        'overrides:\n  - paths: [adr/**]\n    rules: { stale-page: warn }\n',
        '6:26',
        '"warn" (did you mean warning?)',
      ],
    ];
    for (const [rules, at, got] of cases) {
      const { file, stderr } = await configError(`${MARKDOWN}${rules}`);
      expect(stderr, rules).toContain(`${file}:${at}  `);
      expect(stderr, rules).toContain(`; got ${got}`);
    }
  });
});

describe('color variables as Node, chalk and CI systems set them', () => {
  const colored = (isTTY: boolean, env: NodeJS.ProcessEnv) => palette({ isTTY }, env).bold('x') !== 'x';
  it('FORCE_COLOR=0 or false turns color off, even on a terminal; TERM=dumb too unless forced', () => {
    expect(colored(false, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colored(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colored(true, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colored(true, { TERM: 'dumb' })).toBe(false);
    expect(colored(true, { TERM: 'dumb', FORCE_COLOR: '1' })).toBe(true);
    expect(colored(false, { FORCE_COLOR: '' })).toBe(true);
    expect(colored(true, {})).toBe(true);
    expect(colored(true, { NO_COLOR: '1' })).toBe(false);
  });
});

describe('--max-warnings -1, ESLint’s "no limit"', () => {
  it('is read as the value it is and refused with what to write instead, exit 2', async () => {
    const dir = tempTree(PAGE);
    for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
      const { code, stdout, stderr } = await runCli(['run', join(dir, 'handbook'), ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).not.toContain('needs a value');
      expect(stderr).toContain('--max-warnings takes a whole number, not "-1": leave it out for no limit');
    }
    // A flag after an option that takes a value is still a missing value.
    const missing = await runCli(['run', join(dir, 'handbook'), '--max-warnings', '--quiet']);
    expect(missing.stderr).toContain('--max-warnings needs a value (N).');
  });
});

describe('--stdin-filename without - or --stdin', () => {
  it('is an error that says to add -, also with no path: not a run of the config’s whole handbook', async () => {
    const dir = tempTree({ ...PAGE, 'handbook-lint.yml': MARKDOWN });
    for (const paths of [[], [join(dir, 'handbook')]]) {
      const { code, stdout, stderr } = await runCli([
        'run',
        ...paths,
        '--config',
        join(dir, 'handbook-lint.yml'),
        '--stdin-filename',
        join(dir, 'handbook/draft.md'),
      ]);
      expect(code, `${paths.length} paths`).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        '--stdin-filename names the page read from standard input: add - (or --stdin)',
      );
    }
  });
});

describe("other tools' report formats", () => {
  it('gitlab is not taken for a typo of github: its code quality report is another tool’s format', async () => {
    const dir = tempTree(PAGE);
    for (const format of ['gitlab', 'codeclimate', 'tap']) {
      const { code, stderr } = await runCli(['run', join(dir, 'handbook'), '--format', format]);
      expect(code, format).toBe(2);
      expect(stderr).not.toContain('did you mean github');
      expect(stderr).toContain(`got "${format}"; for another tool, use json or sarif (SARIF 2.1.0)`);
    }
  });
});

describe('listing and reading rules as other linters do', () => {
  it('rules --list and rules list say that rules lists them; an unknown id is not sent to rules --test', async () => {
    const list = await runCli(['rules', '--list']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('Unknown option --list. handbook-lint rules lists every rule');
    for (const id of ['list', 'MD013']) {
      const { code, stderr } = await runCli(['rules', id]);
      expect(code, id).toBe(2);
      expect(stderr).toContain(`Unknown rule "${id}".`);
      expect(stderr).toContain('handbook-lint rules lists them.');
      // `rules --test MD013` only fails again: there is no such rule or folder.
      expect(stderr).not.toContain('--test');
    }
  });
});

describe('inline directives as markdownlint and ESLint users write them', () => {
  const lint = async (body: string) => {
    const dir = tempTree({ 'handbook/index.md': `---\nowner: "@ana"\n---\n# Home\n\n${body}` });
    const { stdout } = await runCli(['run', join(dir, 'handbook'), '-f', 'compact', '--fail-on', 'never']);
    return stdout;
  };

  it('a disable-line on a line of its own says it silences only its own line and names disable-next-line', async () => {
    const stdout = await lint('<!-- handbook-lint-disable-line placeholder -->\nContact: TBD\n');
    expect(stdout).toContain(
      'index.md:6:1  warning  directive  Unused handbook-lint-disable-line: no "placeholder" finding to suppress; it silences its own line only: for the line below, use handbook-lint-disable-next-line.',
    );
    expect(stdout).toContain('index.md:7:10  warning  placeholder');
  });

  it('* or all for every rule (as suppressions write "*") says to name no rule', async () => {
    for (const every of ['*', 'all']) {
      const stdout = await lint(`<!-- handbook-lint-disable-next-line ${every} -->\nContact: TBD\n`);
      expect(stdout, every).toContain(
        `Unknown rule "${every}" in handbook-lint-disable-next-line (name no rule to silence every rule).`,
      );
    }
  });
});

describe('a run from a sub-folder of the handbook', () => {
  it('names pages from the working folder as a terminal opens them: x.md, not ../adr/x.md', async () => {
    const dir = tempTree({
      ...PAGE,
      'handbook-lint.yml': MARKDOWN,
      'handbook/adr/notes.md': '---\nowner: "@ana"\n---\n# Notes\n\nSee [y](gone.md).\n',
    });
    const before = process.cwd();
    process.chdir(join(dir, 'handbook', 'adr'));
    try {
      const { stdout } = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '-f', 'compact']);
      expect(stdout).toContain('\nnotes.md:6:5  error  broken-link');
      expect(stdout).toContain('../index.md:6:5  error  broken-link');
      expect(stdout).not.toContain('../adr/');
    } finally {
      process.chdir(before);
    }
  });
});

describe('an ignore file named for handbook-lint, as .markdownlintignore and .eslintignore are', () => {
  it('gets a warning that it is not read and what leaves files out, with or without --config', async () => {
    const dir = tempTree({ ...PAGE, 'handbook-lint.yml': MARKDOWN, '.handbook-lintignore': 'drafts/\n' });
    const before = process.cwd();
    process.chdir(dir);
    try {
      for (const args of [['run'], ['run', '--config', 'handbook-lint.yml']]) {
        const { stderr } = await runCli([...args, '-f', 'compact']);
        expect(stderr, args.join(' ')).toContain(
          `warning: ${join(dir, '.handbook-lintignore')} is not read; list the files to leave out under sources.markdown.exclude in the config`,
        );
      }
    } finally {
      process.chdir(before);
    }
  });
});

describe("another linter's config, a mapping, passed as --config", () => {
  it("says first that none of its keys is handbook-lint's and asks whether it is another tool's", async () => {
    const { file, stderr } = await configError(
      'default: true\nMD013: false\nMD033:\n  allowed_elements: [br]\n',
    );
    expect(stderr).toContain(
      `${file}:1:1  none of these keys is a handbook-lint setting (sources:, rules:, fail-on: ...); is this another tool's config?`,
    );
    expect(stderr).toContain(`${file}:2:1  unknown key "MD013"`);
    // One key of ours among the mistakes is a config with typos, not another tool's.
    const typo = await configError(`${MARKDOWN}exlude: [x]\n`);
    expect(typo.stderr).not.toContain('none of these keys');
  });
});

describe('an option given an empty value, as --config "$CONFIG" with the variable unset', () => {
  it('is a missing value, exit 2, not a run with the discovered config or none', async () => {
    const dir = tempTree(PAGE);
    for (const args of [['--config', ''], ['-c', ''], ['--config='], ['--owner', '']]) {
      const { code, stdout, stderr } = await runCli(['run', join(dir, 'handbook'), ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/--(config|owner)|-c/);
      expect(stderr).toContain('needs a value');
    }
  });
});

describe("ESLint's options for rules, directives and debugging", () => {
  it('say what does the job here, exit 2', async () => {
    const dir = tempTree(PAGE);
    const cases: [string, string][] = [
      ['--rulesdir=my-rules', 'Name folders or npm packages of rules under rule-folders'],
      ['--plugin=x', 'Name folders or npm packages of rules under rule-folders'],
      ['--init', 'Use the init command: handbook-lint init [FOLDER] writes a starter config'],
      ['--debug', 'Use --verbose'],
      ['--print-config', "handbook-lint rules lists every rule with the config's level"],
      [
        '--report-unused-disable-directives',
        'The directive rule always reports a directive that suppressed nothing',
      ],
      ['--ignore', 'Leave files out with `exclude` under sources.markdown in the config.'],
    ];
    for (const [option, instead] of cases) {
      const { code, stderr } = await runCli(['run', join(dir, 'handbook'), option]);
      expect(code, option).toBe(2);
      expect(stderr).toContain(`Unknown option ${option.split('=')[0]}. ${instead}`);
    }
  });
});

describe('init --source with a typo', () => {
  it('names the source meant, exit 2, and writes nothing', async () => {
    const dir = tempTree({});
    const file = join(dir, 'handbook-lint.yml');
    const { code, stderr } = await runCli(['init', '--source', 'notoin', '-o', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      '--source must be one or more of markdown, notion, confluence; got "notoin"; did you mean notion?',
    );
    expect(existsSync(file)).toBe(false);
  });
});

describe('a suppression in the config naming a misspelled rule', () => {
  it('is an unknown rule id at file:line:col with the nearest one, as in rules and overrides, not a suppression of nothing', async () => {
    const suppression = (rule: string) =>
      `${MARKDOWN}suppressions:\n  - rule: ${rule}\n    page: index.md\n    reason: known\n    expires: 2099-01-01\n`;
    const { file, stderr } = await configError(suppression('broken-lnk'));
    expect(stderr).toContain(`${file}:5:11  unknown rule id "broken-lnk" (did you mean "broken-link"?)`);
    const dir = tempTree({ ...PAGE, 'handbook-lint.yml': suppression('"*"') });
    const every = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '-f', 'compact']);
    expect(every.code).toBe(0);
  });
});

describe('--group-by file, as ESLint and markdownlint list findings', () => {
  it('names page, exit 2', async () => {
    const dir = tempTree(PAGE);
    const { code, stderr } = await runCli(['run', join(dir, 'handbook'), '--group-by', 'file']);
    expect(code).toBe(2);
    expect(stderr).toContain('--group-by must be one of rule, page, owner; got "file"; did you mean page?');
  });
});

describe('a line directive naming a rule whose finding is about the whole page', () => {
  it('says it cannot silence it and names disable-file, not "no finding to suppress" beside that finding', async () => {
    const dir = tempTree({
      // No owner on the index: the draft would inherit it.
      'handbook/index.md': '# Home\n\n[Draft](draft.md)\n',
      'handbook/draft.md': '<!-- handbook-lint-disable-next-line page-owner -->\n# Draft\n\nText.\n',
    });
    const { stdout } = await runCli(['run', join(dir, 'handbook'), '-f', 'compact', '--fail-on', 'never']);
    expect(stdout).toContain('draft.md:1:1  warning  page-owner');
    expect(stdout).toContain(
      'draft.md:1:1  warning  directive  handbook-lint-disable-next-line cannot silence "page-owner": its findings are about the whole page; use handbook-lint-disable-file.',
    );
    expect(stdout).not.toContain('no "page-owner" finding to suppress');
  });
});

describe('exit code 70, an internal error', () => {
  it('is listed in --help, and the error says how to get the stack a bug report needs', () => {
    expect(globalHelp()).toContain('70 an internal error (a bug: HANDBOOK_LINT_DEBUG=1 prints its stack)');
    let stderr = '';
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const debug = process.env.HANDBOOK_LINT_DEBUG;
    delete process.env.HANDBOOK_LINT_DEBUG;
    try {
      expect(reportError(new Error('boom'))).toBe(70);
    } finally {
      err.mockRestore();
      if (debug !== undefined) process.env.HANDBOOK_LINT_DEBUG = debug;
    }
    expect(stderr).toContain('internal error boom\n');
    expect(stderr).toContain('This is a bug: please report it, with the stack HANDBOOK_LINT_DEBUG=1 prints.');
  });
});
