import { execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closest } from '../src/closest.js';
import { tempTree } from './helpers/cli.js';

// A third newcomer's first hour: a developer who adds handbook-lint to an existing repository as a
// devDependency, runs it through npx, an npm script, a pre-commit hook or lint-staged, and in CI.
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'dist', 'cli.js');
const SLOW_MS = 60_000;

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment of a shell with this Node first on PATH, no color and no package manager's variables. */
function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(npm_|NO_COLOR$|FORCE_COLOR$|INPUT_)/i.test(entry[0]),
    ),
  );
  return { ...env, PATH: [dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter), ...extra };
}

function spawnIn(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Spawned> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: baseEnv(options.env), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: number; signal?: NodeJS.Signals }) | null;
        resolve({
          code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0,
          signal: failed?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

const spawnCli = (args: string[], cwd: string, env?: Record<string, string>) =>
  spawnIn(process.execPath, [CLI, ...args], { cwd, ...(env ? { env } : {}) });

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

/** A project that has handbook-lint as a devDependency: node_modules/handbook-lint is this checkout. */
function project(files: Record<string, string> = {}): string {
  const dir = tempTree({ 'package.json': '{"name":"app","private":true}\n', ...files });
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(REPO, join(dir, 'node_modules', 'handbook-lint'), 'dir');
  symlinkSync('../handbook-lint/dist/cli.js', join(dir, 'node_modules', '.bin', 'handbook-lint'));
  return dir;
}

const installedCli = (dir: string) => join(dir, 'node_modules', 'handbook-lint', 'dist', 'cli.js');

/** The command init's next steps print for the first run: the line under the step that names it. */
function firstRun(stdout: string): string {
  const lines = stdout.split('\n');
  const step = lines.findIndex((text) => /^\d\. (?:Lint the handbook|Try a first run)/.test(text));
  return step < 0 ? '' : (lines[step + 1] ?? '').trim();
}

const npx = ['/usr/bin/npx', '/usr/local/bin/npx'].find((file) => existsSync(file));

describe('init, installed in a project', () => {
  it('prints next steps typed as the tool runs: npx, pnpm exec, yarn; the bare name when on PATH', {
    timeout: SLOW_MS,
  }, async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'npx handbook-lint run'],
      [{ npm_config_user_agent: 'npm/10.9.0 node/v22.12.0 linux x64' }, 'npx handbook-lint run'],
      [{ npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v22.12.0 linux x64' }, 'pnpm exec handbook-lint run'],
      [{ npm_config_user_agent: 'yarn/4.5.0 npm/? node/v22.12.0 linux x64' }, 'yarn handbook-lint run'],
    ];
    for (const [env, expected] of cases) {
      const dir = project();
      const { code, stdout } = await spawnIn(process.execPath, [installedCli(dir), 'init'], {
        cwd: dir,
        env,
      });
      expect(code).toBe(0);
      expect(firstRun(stdout), JSON.stringify(env)).toBe(expected);
    }
    // A global install or `npm link`: the name alone, which the shell finds.
    const dir = project();
    const bin = join(dir, 'global-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'handbook-lint'), '#!/bin/sh\n');
    chmodSync(join(bin, 'handbook-lint'), 0o755);
    const global = await spawnIn(process.execPath, [installedCli(dir), 'init'], {
      cwd: dir,
      env: { PATH: [dirname(process.execPath), bin, '/usr/bin', '/bin'].join(delimiter) },
    });
    expect(firstRun(global.stdout)).toBe('handbook-lint run');
  });

  it('keeps the bare name when run from a clone (the README puts it on PATH with npm link)', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({});
    const { code, stdout } = await spawnCli(['init'], dir);
    expect(code).toBe(0);
    expect(firstRun(stdout)).toBe('handbook-lint run');
  });

  it.skipIf(!npx)(
    'through npx: the first run it prints runs as printed',
    { timeout: SLOW_MS * 2 },
    async () => {
      const dir = project({ 'docs/index.md': '---\nowner: "@ana"\n---\n# Home\n\nSee [x](gone.md).\n' });
      const init = await spawnIn(npx as string, ['--no-install', 'handbook-lint', 'init'], { cwd: dir });
      expect(init.code, init.stderr).toBe(0);
      const printed = firstRun(init.stdout);
      expect(printed).toBe('npx handbook-lint run');
      const run = await spawnIn('/bin/sh', ['-c', printed], { cwd: dir });
      expect(run.stderr).not.toMatch(/not found/);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toContain('Broken link gone.md');
    },
  );

  it("init FOLDER roots the config at the handbook's folder, relative to the config file", {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'docs/index.md': '---\nowner: "@ana"\n---\n# Home\n', 'README.md': '# App\n' });
    mkdirSync(join(dir, '.git'));
    const init = await spawnCli(['init', 'docs'], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(readFileSync(join(dir, 'handbook-lint.yml'), 'utf8')).toContain('\n    root: docs\n');
    // The README beside the config is not judged as a handbook page.
    const run = await spawnCli(['run', '-f', 'json'], dir);
    expect((JSON.parse(run.stdout) as { summary: { pages: number } }).summary.pages).toBe(1);
    const elsewhere = await spawnCli(['init', 'docs', '-o', 'config/handbook-lint.yml'], dir);
    expect(elsewhere.code).toBe(0);
    expect(readFileSync(join(dir, 'config/handbook-lint.yml'), 'utf8')).toContain('\n    root: ../docs\n');
    const missing = await spawnCli(['init', 'handbook', '--force'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("error init takes the handbook's folder: handbook is not a folder.\n");
  });

  it("a config in a monorepo's package names the schema in the node_modules above it", {
    timeout: SLOW_MS,
  }, async () => {
    const dir = project({ 'packages/web/docs/index.md': '# Web\n' });
    const web = join(dir, 'packages', 'web');
    const init = await spawnIn(process.execPath, [installedCli(dir), 'init', 'docs'], { cwd: web });
    expect(init.code, init.stderr).toBe(0);
    expect(readFileSync(join(web, 'handbook-lint.yml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/node_modules\/handbook-lint\/schema\/handbook-lint\.schema\.json\n/,
    );
  });

  it('usage errors name the command as it runs', { timeout: SLOW_MS }, async () => {
    const dir = project();
    const { code, stderr } = await spawnIn(process.execPath, [installedCli(dir), 'docs/'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('To lint it: npx handbook-lint run docs/');
    expect(stderr).toContain('Run npx handbook-lint --help for the options.');
  });
});

describe('--format github', () => {
  const TREE = {
    'docs/index.md': '---\nowner: "@ana"\n---\n# Home\n\nSee [x](gone.md) and [y](100%25.md).\n',
    'docs/hr/leave.md': '# Leave\n\nLinked from nowhere.\n',
  };

  it('prints one annotation per finding, placed on the file from the repository root, from any folder', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(TREE);
    mkdirSync(join(dir, '.git'));
    const fromRoot = await spawnCli(['run', 'docs', '--format', 'github'], dir);
    expect(fromRoot.code).toBe(1);
    const lines = fromRoot.stdout.trimEnd().split('\n');
    expect(lines.every((line) => /^::(error|warning|notice) /.test(line))).toBe(true);
    expect(lines).toContain(
      '::error file=docs/index.md,line=6,endLine=6,col=5,endColumn=17,title=broken-link::Broken link gone.md: no such page.',
    );
    expect(fromRoot.stdout).toMatch(/^::warning file=docs\/hr\/leave\.md,title=orphan-page::Orphan page/m);
    // A '%' in a message is escaped: the runner decodes it back, and no text can start a command.
    expect(fromRoot.stdout).toContain('100%2525.md');
    const fromDocs = await spawnCli(['run', '.', '-f', 'github'], join(dir, 'docs'));
    expect(fromDocs.stdout).toBe(fromRoot.stdout);
    const quiet = await spawnCli(['run', 'docs', '-f', 'github', '--quiet'], dir);
    expect(quiet.stdout).not.toContain('::warning');
    expect(quiet.stdout).toContain('::error');
  });

  it("names github for the GitHub formatters' other names", { timeout: SLOW_MS }, async () => {
    const dir = tempTree(TREE);
    for (const name of ['gha', 'github-actions']) {
      const { code, stderr } = await spawnCli(['run', 'docs', '-f', name], dir);
      expect(code).toBe(2);
      expect(stderr).toContain(`got "${name}"; did you mean github?`);
    }
  });
});

describe('file names as a pre-commit hook or lint-staged passes them', () => {
  const TREE = {
    'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n    exclude: [CHANGELOG.md]\n',
    'README.md': '---\nowner: "@ana"\n---\n# App\n',
    'docs/CHANGELOG.md': '# Changes\n\n[x](gone.md)\n',
    'docs/index.md': '---\nowner: "@ana"\n---\n# Home\n\nSee [x](gone.md).\n',
    'docs/hr/leave.md': '---\nowner: "@ana"\n---\n# Leave\n\nAsk [HR](../index.md).\n',
  };

  it('lints many absolute paths at once with the config found above them', { timeout: SLOW_MS }, async () => {
    const dir = tempTree(TREE);
    mkdirSync(join(dir, '.git'));
    const files = ['docs/index.md', 'docs/hr/leave.md'].map((file) => join(dir, file));
    const { code, stdout, stderr } = await spawnCli(['run', ...files, '-f', 'compact'], dir);
    expect(code, stderr).toBe(1);
    expect(stdout).toBe('docs/index.md:6:5  error  broken-link  Broken link gone.md: no such page.\n');
  });

  it('a file the config excludes, given alone, is a warning and exit 0, not an error', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(TREE);
    mkdirSync(join(dir, '.git'));
    const alone = await spawnCli(['run', join(dir, 'docs/CHANGELOG.md')], dir);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain("docs/CHANGELOG.md: left out by the config's exclude, not linted");
    const withPage = await spawnCli(['run', 'docs/CHANGELOG.md', 'docs/index.md', '-f', 'compact'], dir);
    expect(withPage.code).toBe(1);
    expect(withPage.stdout).not.toContain('CHANGELOG');
    // With a file outside the config's root (the README lint-staged passes too), the common folder is
    // the root, and the excludes still leave out the same file.
    const wider = await spawnCli(
      ['run', join(dir, 'docs/CHANGELOG.md'), join(dir, 'README.md'), '-f', 'compact'],
      dir,
    );
    expect(wider.stdout).not.toContain('CHANGELOG');
    expect(wider.code, wider.stderr).toBe(0);
    // A glob that matches only excluded files is still "no pages matched".
    const glob = await spawnCli(['run', 'docs/CHANGE*.md'], dir);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('No pages matched: docs/CHANGE*.md');
  });
});

describe('messages a newcomer meets', () => {
  const TREE = { 'docs/company/values.md': '# Values\n', 'docs/hr/leave.md': '# Leave\n' };

  it('a missing path gets the nearest path that exists, never a guess for a folder that is not there', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(TREE);
    for (const [given, near] of [
      ['doc', 'docs'],
      ['docs/compnay', 'docs/company'],
      ['doc/company/valuse.md', 'docs/company/values.md'],
      ['docs/hr/leave', 'docs/hr/leave.md'],
    ] as const) {
      const { code, stderr } = await spawnCli(['run', given], dir);
      expect(code, given).toBe(2);
      expect(stderr).toContain(`No such file or folder: ${given}. Did you mean ${near}?`);
      noStack(stderr);
    }
    for (const given of ['docs/policies', 'docs/policies/values.md', 'handbook']) {
      const { code, stderr } = await spawnCli(['run', given], dir);
      expect(code, given).toBe(2);
      expect(stderr).toBe(`error No such file or folder: ${given}\n`);
    }
  });

  it('a shared folder or extension does not make two names near', () => {
    expect(closest('packages/web/docs/missing.md', ['packages/web/docs/readme.md'])).toBeUndefined();
    expect(closest('docs/valuse.md', ['docs/values.md', 'docs/leave.md'])).toBe('docs/values.md');
    expect(closest('stale-pgae', ['stale-page', 'page-owner'])).toBe('stale-page');
    // Two letters swapped are one typo.
    expect(closest('rnu', ['run', 'rules', 'init'])).toBe('run');
  });

  it('a command with two letters swapped names the command', { timeout: SLOW_MS }, async () => {
    const { code, stderr } = await spawnCli(['rnu', 'docs'], tempTree({}));
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "rnu". Did you mean run?');
  });

  it('an empty folder and a folder without Markdown say so', { timeout: SLOW_MS }, async () => {
    const dir = tempTree({ 'images/logo.png': 'png', 'notes/.drafts/a.md': '# A\n' });
    mkdirSync(join(dir, 'empty'));
    const empty = await spawnCli(['run', 'empty'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('error No pages matched: empty is empty\n');
    for (const folder of ['images', 'notes']) {
      const none = await spawnCli(['run', folder], dir);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain(
        `No pages matched: no file in ${folder} is a page by include ["**/*.md","**/*.markdown"] (dot folders and node_modules are skipped)`,
      );
    }
  });

  it('a config in a sub-folder is named when none is found from here', { timeout: SLOW_MS }, async () => {
    const dir = tempTree({ 'docs/handbook-lint.yml': 'sources:\n  markdown:\n    root: .\n', ...TREE });
    mkdirSync(join(dir, '.git'));
    const { code, stderr } = await spawnCli(['run'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'one in a sub-folder is not read from here: docs/handbook-lint.yml. Pass it (handbook-lint run --config docs/handbook-lint.yml)',
    );
  });

  it('rules on a folder of pages points at run; rules --test on it says it holds no rules', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree(TREE);
    const shown = await spawnCli(['rules', 'docs'], dir);
    expect(shown.code).toBe(2);
    expect(shown.stderr).toContain('Unknown rule "docs". To lint it: handbook-lint run docs\n');
    const tested = await spawnCli(['rules', '--test', 'docs'], dir);
    expect(tested.code).toBe(2);
    expect(tested.stdout).toBe('');
    expect(tested.stderr).toBe(
      'error docs holds no rule files (*.yml); to lint its pages: handbook-lint run docs\n',
    );
  });
});

describe('interrupted and cut-short runs', () => {
  it('Ctrl-C ends a run by SIGINT (the shell shows 130) and leaves no report file behind', {
    timeout: SLOW_MS * 2,
  }, async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => [`docs/p${i}.md`, `# Page ${i}\n\n[next](p${i + 1}.md)\n`]),
    );
    const dir = tempTree(pages);
    const child = spawn(process.execPath, [CLI, 'run', 'docs', '-o', 'out/report.json'], {
      cwd: dir,
      env: baseEnv(),
      stdio: 'ignore',
    });
    // Interrupted while the pages are read: long before 3000 pages are linted.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );
    expect(signal === 'SIGINT' || code === 130).toBe(true);
    expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : []).toEqual([]);
  });

  it("a reader that closes the pipe early (| head) gets no stack trace, and the exit code is the run's", {
    timeout: SLOW_MS,
  }, async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`docs/p${i}.md`, `# Page ${i}\n\n[gone](gone${i}.md)\n`]),
    );
    const dir = tempTree(pages);
    for (const args of [['run', 'docs', '-f', 'json'], ['rules']]) {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: baseEnv() });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
      });
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(code, args.join(' ')).toBe(args[0] === 'run' ? 1 : 0);
      expect(stderr).toBe('');
    }
  });
});
