import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers/cli.js';

// What a newcomer types in the first hour, against the built CLI as the package runs it.
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SLOW_MS = 60_000;
const ENGINES = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;

const PAGE = { 'handbook/index.md': '---\nowner: "@ana"\n---\n# Home\n\nSee [x](gone.md).\n' };
const ESC = '\u001b[';

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs dist/cli.js with `nodeArgs` before it, in `cwd`, with `env` over an environment without color variables. */
function spawnCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Spawned> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NO_COLOR' && name !== 'FORCE_COLOR'),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), CLI, ...args],
      { cwd: options.cwd, env: { ...env, ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 70) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Node flags that make the CLI see another Node version, as on a machine with an older Node. */
const pretendNode = (version: string) => [
  '--import',
  `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`,
];

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('a Node older than package.json engines', () => {
  it('gets a line naming the Node it needs (in a clone, one more naming scripts/node22.sh), exit 2, no stack trace', {
    timeout: SLOW_MS,
  }, async () => {
    expect(ENGINES).toBe('>=22.12');
    for (const version of ['20.11.0', '22.11.0']) {
      const { code, stdout, stderr } = await spawnCli(['run', '.'], { nodeArgs: pretendNode(version) });
      expect(code, version).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `handbook-lint needs Node.js 22.12 or newer; this is Node.js ${version}. Install a newer Node.js: https://nodejs.org\nFrom this clone, put sh scripts/node22.sh before the command: it runs it with Node 22, fetched once.\n`,
      );
    }
    const supported = await spawnCli(['--version'], { nodeArgs: pretendNode('22.12.0') });
    expect(supported).toMatchObject({ code: 0, stderr: '' });
    expect(supported.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('a path where the command goes, as markdownlint-cli2, ESLint and Vale take it', () => {
  it('says the command that lints it, exit 2', { timeout: SLOW_MS }, async () => {
    const dir = tempTree(PAGE);
    for (const path of ['handbook', '.', 'handbook/index.md', 'docs/**/*.md', '-']) {
      const { code, stdout, stderr } = await spawnCli([path], { cwd: dir });
      expect(code, path).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`Unknown command "${path}". To lint it: handbook-lint run ${path}\n`);
      noStack(stderr);
    }
  });

  it("points other linters' command names at run, and lists the commands for any other word", {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({});
    for (const word of ['lint', 'check']) {
      const { code, stderr } = await spawnCli([word, 'handbook'], { cwd: dir });
      expect(code).toBe(2);
      expect(stderr).toContain(`Unknown command "${word}". Did you mean run?`);
    }
    const other = await spawnCli(['frobnicate'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      'Unknown command "frobnicate". The commands: run, rules, baseline, init, sync.',
    );
  });
});

describe('the console report of a run on some pages (a pre-commit hook, an editor)', () => {
  const HANDBOOK = {
    ...PAGE,
    'handbook/policy.md': '---\nowner: "@ana"\n---\n# Policy\n\nSee [home](index.md) and [old](old.md).\n',
  };

  it('leaves out the handbook metrics and, for one page, the pages to fix first', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(HANDBOOK);
    const one = await spawnCli(['run', 'handbook/policy.md'], { cwd: dir });
    expect(one.code).toBe(1);
    expect(one.stdout).not.toContain('Metrics');
    expect(one.stdout).not.toContain('Documentation coverage');
    expect(one.stdout).not.toContain('Pages to fix first');
    expect(one.stdout).toContain('handbook/policy.md:6:26  Broken link old.md: no such page.');
    expect(one.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 1 of 1 page');

    const json = await spawnCli(['run', 'handbook/policy.md', '--format', 'json'], { cwd: dir });
    expect(
      (JSON.parse(json.stdout) as { coverage?: { metrics: unknown[] } }).coverage?.metrics.length,
    ).toBeGreaterThan(0);
  });

  it('keeps them for the whole folder', { timeout: SLOW_MS }, async () => {
    const dir = tempTree(HANDBOOK);
    const whole = await spawnCli(['run', 'handbook'], { cwd: dir });
    expect(whole.code).toBe(1);
    expect(whole.stdout).toMatch(/^Metrics\n {2}✖ Documentation coverage/);
    expect(whole.stdout).toContain('Pages to fix first');
  });
});

describe('help', () => {
  it("sync's help lists the exit codes sync has: none for findings", { timeout: SLOW_MS }, async () => {
    const sync = await spawnCli(['sync', '--help']);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toContain('Exit codes: 0 the mirror was written, 2 usage or config error');
    expect(sync.stdout).not.toContain('findings at or above');
    const run = await spawnCli(['run', '--help']);
    expect(run.stdout).toContain('1 findings at or above it');
  });
});

describe("other linters' options", () => {
  it('--fix and --ignore-pattern say what handbook-lint does instead, exit 2', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(PAGE);
    const fix = await spawnCli(['run', 'handbook', '--fix'], { cwd: dir });
    expect(fix.code).toBe(2);
    expect(fix.stdout).toBe('');
    expect(fix.stderr).toContain('Unknown option --fix. handbook-lint never changes a page');
    for (const option of ['--ignore-pattern', '--ignore-path']) {
      const ignore = await spawnCli(['run', 'handbook', option, 'drafts/**'], { cwd: dir });
      expect(ignore.code).toBe(2);
      expect(ignore.stderr).toContain(
        `Unknown option ${option}. Leave files out with \`exclude\` under sources.markdown in the config.`,
      );
    }
  });
});

describe('--stdin, as ESLint spells it', () => {
  it('reads one page from standard input, as the path - does', { timeout: SLOW_MS }, async () => {
    const dir = tempTree(PAGE);
    const page = '# Draft\n\nSee [home](index.md) and [x](nope.md).\n';
    const run = (args: string[]) =>
      new Promise<Spawned>((resolve) => {
        const child = execFile(process.execPath, [CLI, ...args], { cwd: dir }, (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr }),
        );
        child.stdin?.end(page);
      });
    const flag = await run(['run', '--stdin', '--stdin-filename', 'handbook/draft.md', '-f', 'compact']);
    const dash = await run(['run', '-', '--stdin-filename', 'handbook/draft.md', '-f', 'compact']);
    expect(flag.code).toBe(1);
    expect(flag.stdout).toContain(
      'handbook/draft.md:3:26  error  broken-link  Broken link nope.md: no such page.',
    );
    expect(flag.stdout).not.toContain('Broken link index.md');
    expect(flag).toEqual(dash);
    const both = await run(['run', '--stdin', '-', '--stdin-filename', 'handbook/draft.md', '-f', 'compact']);
    expect(both).toEqual(dash);
  });
});

describe('--color and --no-color', () => {
  it('--color colors a piped report; --no-color wins over FORCE_COLOR', { timeout: SLOW_MS }, async () => {
    const dir = tempTree(PAGE);
    const colored = await spawnCli(['run', 'handbook', '--color'], { cwd: dir });
    expect(colored.code).toBe(1);
    expect(colored.stdout).toContain(ESC);
    const plain = await spawnCli(['run', 'handbook', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('Broken link gone.md');
    expect(plain.stdout).not.toContain(ESC);
    const rules = await spawnCli(['rules', '--color'], { cwd: dir });
    expect(rules.stdout).toContain(ESC);
  });

  it('never colors a report written to a file, and refuses both flags at once', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(PAGE);
    const written = await spawnCli(['run', 'handbook', '--color', '-o', 'report.txt'], { cwd: dir });
    expect(written.code).toBe(1);
    const report = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(report).toContain('Broken link gone.md');
    expect(report).not.toContain(ESC);

    const both = await spawnCli(['run', 'handbook', '--color', '--no-color'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--color and --no-color contradict each other');
    noStack(both.stderr);
  });
});
