import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli, tempTree } from './helpers/cli.js';

const PAGE = { 'handbook/index.md': '# Home\n\nOwner: Ana\n\nSee [x](gone.md).\n' };

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('per-command help', () => {
  it("shows only the command's options", async () => {
    const run = await runCli(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: handbook-lint run \[PATH\.\.\.\] \[options\]/);
    expect(run.stdout).toContain('--baseline FILE');
    expect(run.stdout).toContain('--stdin-filename NAME');
    expect(run.stdout).not.toContain('--force');
    expect(run.stdout).not.toContain('--out DIR');

    const init = await runCli(['init', '--help']);
    expect(init.stdout).toMatch(/^Usage: handbook-lint init \[FOLDER\] \[options\]/);
    expect(init.stdout).toContain('--force');
    expect(init.stdout).not.toContain('--format');
    expect(init.stdout).not.toContain('--fail-on');

    const sync = await runCli(['help', 'sync']);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toContain('--out DIR');
    expect(sync.stdout).not.toContain('--source');

    for (const command of ['rules', 'baseline']) {
      const help = await runCli([command, '-h']);
      expect(help.stdout, command).toMatch(new RegExp(`^Usage: handbook-lint ${command} `));
    }
  });

  it('keeps the overview in the global help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['run', 'rules', 'baseline', 'init', 'sync'])
      expect(stdout).toContain(`  ${command} `);
    expect(stdout).toContain('<command> --help');
    expect(stdout).not.toContain('--fail-on');
  });
});

describe('mistakes on the command line', () => {
  it('suggests the option meant by a misspelt flag, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['run', '--formt', 'json', '.']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown option --formt. Did you mean --format?');
    expect(stderr).toContain('handbook-lint run --help');
    noStack(stderr);
  });

  it('suggests the value meant for --format, --fail-on; before reading any file', async () => {
    const format = await runCli(['run', '--format', 'jsn', 'no-such-folder']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain(
      '--format must be one of console, compact, json, markdown, sarif, html, github; got "jsn"; did you mean json?',
    );
    const failOn = await runCli(['run', '--fail-on', 'warnings', '.']);
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toContain('did you mean warning?');
    noStack(format.stderr + failOn.stderr);
  });

  it("rejects another command's option, a missing value, a value on a switch and a misspelt command", async () => {
    const cases: [string[], string][] = [
      [['init', '--format', 'json'], '--format is not an option of init.'],
      [['run', '--format'], '--format needs a value (FORMAT).'],
      [['run', '--now', '--full', '.'], '--now needs a value (DATE).'],
      [['run', '--full=yes', '.'], '--full takes no value.'],
      [['baselin'], 'Unknown command "baselin". Did you mean baseline?'],
      [['init', 'a', 'b'], 'init takes one folder: a b'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toContain(message);
      noStack(stderr);
    }
  });

  it('lists the allowed levels for a bad level in the config', async () => {
    const dir = tempTree({
      ...PAGE,
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: handbook\nrules:\n  page-owner: of\n',
    });
    const { code, stderr } = await runCli(['run', '--config', join(dir, 'handbook-lint.yml')]);
    expect(code).toBe(2);
    expect(stderr).toContain('handbook-lint.yml:5:15');
    expect(stderr).toContain('error, warning, info, off');
    expect(stderr).not.toContain('Invalid input');
  });
});

describe('-o', () => {
  it('creates missing folders for the report', async () => {
    const dir = tempTree(PAGE);
    const out = join(dir, 'reports/deep/lint.json');
    const { code } = await runCli([
      'run',
      join(dir, 'handbook'),
      '-o',
      out,
      '-f',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.pages).toBe(1);
  });

  it('takes the format from the file name when --format does not give one', async () => {
    const dir = tempTree(PAGE);
    const lint = async (name: string, ...more: string[]) => {
      const out = join(dir, name);
      expect(
        (await runCli(['run', join(dir, 'handbook'), '-o', out, '--fail-on', 'never', ...more])).code,
      ).toBe(0);
      return readFileSync(out, 'utf8');
    };
    expect(JSON.parse(await lint('lint.json')).summary.pages).toBe(1);
    expect(JSON.parse(await lint('lint.sarif')).version).toBe('2.1.0');
    expect(await lint('lint.html')).toMatch(/^<!DOCTYPE html>/i);
    expect(await lint('lint.md')).toMatch(/^# /);
    // --format wins; an unknown extension keeps the console format.
    expect(await lint('lint.json.txt')).not.toMatch(/^\{/);
    expect(await lint('other.json', '-f', 'markdown')).toMatch(/^# /);
  });

  it('names the file, not a temporary one, when it cannot write', async () => {
    const dir = tempTree({ ...PAGE, 'taken.txt': 'a file, not a folder' });
    const out = join(dir, 'taken.txt/lint.json');
    const { code, stderr } = await runCli(['run', join(dir, 'handbook'), '-o', out]);
    expect(code).toBe(2);
    expect(stderr).toContain(`Cannot write report to ${out}:`);
    expect(stderr).not.toContain('.tmp');
    noStack(stderr);
  });
});

describe('run --baseline', () => {
  it('uses a baseline written with baseline -o, without editing the config', async () => {
    const dir = tempTree({
      ...PAGE,
      'handbook-lint.yml': stringify({ sources: { markdown: { root: 'handbook' } } }),
    });
    const config = join(dir, 'handbook-lint.yml');
    const file = join(dir, 'lint/baseline.json');
    const made = await runCli(['baseline', '--config', config, '-o', file, '--now', '2026-06-01']);
    expect(made.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const before = await runCli(['run', '--config', config, '-f', 'json', '--now', '2026-06-01']);
    expect(before.code).toBe(1);
    const after = await runCli([
      'run',
      '--config',
      config,
      '--baseline',
      file,
      '-f',
      'json',
      '--now',
      '2026-06-01',
    ]);
    expect(after.code).toBe(0);
    const report = JSON.parse(after.stdout);
    expect(report.summary.findings).toBe(0);
    expect(report.history.accepted.baselined).toBeGreaterThan(0);
  });

  it('is a clear error when the file does not exist', async () => {
    const dir = tempTree(PAGE);
    const { code, stderr } = await runCli([
      'run',
      join(dir, 'handbook'),
      '--baseline',
      join(dir, 'none.json'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('none.json does not exist');
  });
});
