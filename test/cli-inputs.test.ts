import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { runCli, tempTree } from './helpers/cli.js';

interface Report {
  summary: { pages: number };
  findings: { ruleId: string; page: { key: string }; message: string }[];
}

const HANDBOOK = {
  'handbook/index.md': '# Home\n\nOwner: Ana\n\n- [Policy](policy.md)\n- [Intro](guide/intro.md)\n',
  'handbook/policy.md': '# Policy\n\nOwner: Ana\n\nSee [the intro](guide/intro.md) and [old](gone.md).\n',
  'handbook/guide/intro.md': '# Intro\n\nOwner: Ana\n\nBack to [the policy](../policy.md).\n',
  'handbook/guide/lonely.md': '# Lonely\n\nOwner: Ana\n\nNobody links here.\n',
  'handbook/logo.png': 'png',
  'handbook/node_modules/pkg/README.md': '# A dependency\n',
};

async function lint(...args: string[]) {
  const run = await runCli(['run', '--format', 'json', '--now', '2026-06-01', '--fail-on', 'never', ...args]);
  const report = (
    run.code === 0 ? JSON.parse(run.stdout) : { summary: { pages: 0 }, findings: [] }
  ) as Report;
  const keys = (rule: string) => report.findings.filter((f) => f.ruleId === rule).map((f) => f.page.key);
  const pages = [...new Set(report.findings.map((f) => f.page.key))];
  return { ...run, report, keys, pages };
}

afterEach(() => vi.restoreAllMocks());

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Runs the built CLI with `input` piped to its standard input. */
function pipeToCli(args: string[], input: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout }));
    child.stdin.end(input);
  });
}

describe('run inputs: files, folders, globs, standard input', () => {
  it('lints a single file; a link to a page that was not given is checked against the disk', async () => {
    const dir = tempTree(HANDBOOK);
    const { code, report, keys } = await lint(join(dir, 'handbook/policy.md'));
    expect(code).toBe(0);
    expect(report.summary.pages).toBe(1);
    expect(keys('broken-link')).toEqual(['markdown:policy.md']);
    expect(report.findings.find((f) => f.ruleId === 'broken-link')?.message).toContain('gone.md');
  });

  it('checks a link above the folder it was given against the disk, outside a git checkout too', async () => {
    const dir = tempTree(HANDBOOK);
    // guide/ linted on its own: ../policy.md is not a page of this run but is on disk; ../gone.md is not.
    writeFileSync(
      join(dir, 'handbook/guide/intro.md'),
      '# Intro\n\nOwner: Ana\n\n[Policy](../policy.md), [gone](../gone.md).\n',
    );
    const { code, report } = await lint(join(dir, 'handbook/guide'));
    expect(code).toBe(0);
    const broken = report.findings.filter((f) => f.ruleId === 'broken-link').map((f) => f.message);
    expect(broken).toEqual([expect.stringContaining('../gone.md')]);
  });

  it('resolves links of a file outside any handbook on disk: found, missing, and above it', async () => {
    // A temporary folder is in no git checkout and has no config: only the given file is listed.
    const dir = tempTree({
      'notes/today.md':
        '# Today\n\nOwner: Ana\n\n[plan](plan.md), [old](archive/old.md), [gone](gone.md), [up](../todo.md).\n',
      'notes/plan.md': '# Plan\n',
      'notes/archive/old.md': '# Old\n',
      'todo.md': '# Todo\n',
    });
    const { code, report } = await lint(join(dir, 'notes/today.md'));
    expect(code).toBe(0);
    const broken = report.findings.filter((f) => f.ruleId === 'broken-link').map((f) => f.message);
    expect(broken).toEqual([expect.stringContaining('gone.md')]);
  });

  it('lints several files within their common folder, keyed from it', async () => {
    const dir = tempTree(HANDBOOK);
    const { report, keys } = await lint(
      join(dir, 'handbook/policy.md'),
      join(dir, 'handbook/guide/intro.md'),
    );
    expect(report.summary.pages).toBe(2);
    expect(keys('broken-link')).toEqual(['markdown:policy.md']);
  });

  it('expands a glob the shell left quoted, keeping only Markdown pages', async () => {
    const dir = tempTree(HANDBOOK);
    const all = await lint(join(dir, 'handbook/**'));
    expect(all.report.summary.pages).toBe(4);
    const guide = await lint(join(dir, 'handbook/guide/*.md'));
    expect(guide.report.summary.pages).toBe(2);
  });

  it('takes a path that exists literally even when it looks like a glob', async () => {
    const dir = tempTree({ 'notes/[draft].md': '# Draft\n\nOwner: Ana\n\nSee [x](nowhere.md).\n' });
    const { report, keys } = await lint(join(dir, 'notes/[draft].md'));
    expect(report.summary.pages).toBe(1);
    expect(keys('broken-link')).toEqual(['markdown:[draft].md']);
  });

  it('mixes a folder and a file', async () => {
    const dir = tempTree(HANDBOOK);
    const { report, keys } = await lint(join(dir, 'handbook/guide'), join(dir, 'handbook/policy.md'));
    expect(report.summary.pages).toBe(3);
    expect(keys('broken-link')).toEqual(['markdown:policy.md']);
  });

  it('does not call a page orphan because the pages linking to it were not given', async () => {
    const dir = tempTree(HANDBOOK);
    const whole = await lint(join(dir, 'handbook'));
    expect(whole.keys('orphan-page')).toEqual(['markdown:guide/lonely.md']);
    const some = await lint(join(dir, 'handbook/guide/lonely.md'), join(dir, 'handbook/policy.md'));
    expect(some.report.summary.pages).toBe(2);
    expect(some.keys('orphan-page')).toEqual([]);
  });

  it("keys files inside the config's Markdown root from that root, as a full run does", async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': stringify({ sources: { markdown: { root: 'handbook' } } }),
    });
    const { report, keys } = await lint(
      '--config',
      join(dir, 'handbook-lint.yml'),
      join(dir, 'handbook/policy.md'),
    );
    expect(report.summary.pages).toBe(1);
    expect(keys('broken-link')).toEqual(['markdown:policy.md']);
    const folder = await lint('--config', join(dir, 'handbook-lint.yml'), join(dir, 'handbook/guide'));
    expect(folder.report.summary.pages).toBe(2);
    writeFileSync(join(dir, 'handbook/guide/broken.md'), '# Broken\n\nOwner: Ana\n\nSee [x](nope.md).\n');
    const again = await lint('--config', join(dir, 'handbook-lint.yml'), join(dir, 'handbook/guide'));
    expect(again.keys('broken-link')).toEqual(['markdown:guide/broken.md']);
  });

  it('leaves the write-back and the ledger alone when linting some pages', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': stringify({
        sources: { markdown: { root: 'handbook' } },
        writeback: { 'findings-page': { markdown: { path: 'FINDINGS.md' } } },
      }),
    });
    const config = join(dir, 'handbook-lint.yml');
    const some = await lint('--config', config, join(dir, 'handbook/policy.md'));
    expect(some.report.summary.pages).toBe(1);
    expect(existsSync(join(dir, 'FINDINGS.md'))).toBe(false);
    expect(existsSync(join(dir, '.handbook-lint'))).toBe(false);
    await lint('--config', config);
    expect(existsSync(join(dir, 'FINDINGS.md'))).toBe(true);
  });

  it('records no run with state.history on when linting a file, a glob or standard input', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': stringify({
        sources: { markdown: { root: 'handbook' } },
        state: { history: true },
      }),
    });
    const config = join(dir, 'handbook-lint.yml');
    const state = join(dir, '.handbook-lint/state.json');
    await lint('--config', config, join(dir, 'handbook/policy.md'));
    await lint('--config', config, join(dir, 'handbook/guide/*.md'));
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from(['# New\n']) as typeof process.stdin);
    const piped = await lint('--config', config, '-', '--stdin-filename', join(dir, 'handbook/new.md'));
    expect(piped.report.summary.pages).toBe(1);
    expect(existsSync(state)).toBe(false);
    await lint('--config', config);
    expect(existsSync(state)).toBe(true);
  });

  it("lints a folder outside the config's Markdown root without the wikis, write-back or ledger", async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'notes/a.md': '# A\n\nOwner: Ana\n\nSee [x](nope.md).\n',
      'notes/b.md': '# B\n\nOwner: Ana\n\nNobody links here.\n',
      'handbook-lint.yml': stringify({
        sources: { markdown: { root: 'handbook' } },
        state: { history: true },
        writeback: { 'findings-page': { markdown: { path: 'FINDINGS.md' } } },
      }),
    });
    const { report, keys } = await lint('--config', join(dir, 'handbook-lint.yml'), join(dir, 'notes'));
    expect(report.summary.pages).toBe(2);
    expect(keys('broken-link')).toEqual(['markdown:a.md']);
    expect(keys('orphan-page')).toEqual([]);
    expect(existsSync(join(dir, 'FINDINGS.md'))).toBe(false);
    expect(existsSync(join(dir, '.handbook-lint'))).toBe(false);
  });

  it('dates a page from standard input by --now when git has no commit for it', async () => {
    const dir = tempTree(HANDBOOK);
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(
      Readable.from(['# Draft\n\nOwner: Ana\n\nText.\n']) as typeof process.stdin,
    );
    const file = join(dir, 'handbook/draft.md');
    const args = ['run', '-', '--stdin-filename', file, '-f', 'json', '--fail-on', 'never'];
    const { stdout } = await runCli([...args, '--now', '2036-01-01']);
    const report = JSON.parse(stdout) as Report;
    expect(report.summary.pages).toBe(1);
    expect(report.findings.filter((f) => f.ruleId === 'stale-page')).toEqual([]);
  });

  it('reads one page from standard input, named by --stdin-filename for its links', async () => {
    const dir = tempTree(HANDBOOK);
    const page = '# New\n\nOwner: Ana\n\nSee [the policy](policy.md) and [a typo](polcy.md).\n';
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([page]) as typeof process.stdin);
    const { report, keys } = await lint('-', '--stdin-filename', join(dir, 'handbook/new.md'));
    expect(report.summary.pages).toBe(1);
    expect(keys('broken-link')).toEqual(['markdown:new.md']);
    expect(report.findings.filter((f) => f.ruleId === 'broken-link')).toHaveLength(1);
  });

  it.skipIf(!existsSync(CLI))(
    'reads a page piped into the built CLI',
    async () => {
      const dir = tempTree(HANDBOOK);
      const page = '# Piped\n\nOwner: Ana\n\nSee [the intro](intro.md) and [nothing](none.md).\n';
      const args = ['run', '-', '--stdin-filename', join(dir, 'handbook/guide/piped.md'), '-f', 'json'];
      const { code, stdout } = await pipeToCli([...args, '--fail-on', 'never'], page);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as Report;
      expect(report.findings.filter((f) => f.ruleId === 'broken-link').map((f) => f.message)).toEqual([
        expect.stringContaining('none.md'),
      ]);
    },
    60_000,
  );

  it("lints standard input's text in place of the file it names, as an editor sends unsaved changes", async () => {
    const dir = tempTree(HANDBOOK);
    const edited = '# Policy\n\nOwner: Ana\n\nSee [the intro](guide/intro.md), fixed.\n';
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([edited]) as typeof process.stdin);
    const { report, keys } = await lint('-', '--stdin-filename', join(dir, 'handbook/policy.md'));
    expect(report.summary.pages).toBe(1);
    expect(keys('broken-link')).toEqual([]);
  });

  it('names a page from standard input <stdin> without --stdin-filename', async () => {
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(
      Readable.from(['# Note\n\nSee [x](missing-page.md).\n']) as typeof process.stdin,
    );
    const { report, keys } = await lint('-');
    expect(report.summary.pages).toBe(1);
    expect(keys('broken-link')).toEqual(['markdown:<stdin>']);
  });

  it('says which path matched nothing and exits 2', async () => {
    const dir = tempTree(HANDBOOK);
    const missing = await runCli(['run', join(dir, 'handbook/nope.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file or folder:');
    const glob = await runCli(['run', join(dir, 'handbook/*.mdx')]);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('No pages matched:');
    expect(glob.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns, and exits 0, when the only file given is excluded (as a pre-commit hook passes it)', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': stringify({ sources: { markdown: { root: 'handbook', exclude: ['guide/**'] } } }),
    });
    const { code, stderr } = await runCli([
      'run',
      '--config',
      join(dir, 'handbook-lint.yml'),
      join(dir, 'handbook/guide/intro.md'),
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain("guide/intro.md: left out by the config's exclude, not linted");
  });

  it('exits 2 saying so when a folder holds no page', async () => {
    const root = tempTree({ 'notes.txt': 'not markdown' });
    const { code, stdout, stderr } = await runCli(['run', root]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`No pages matched: no file in ${root} is a page`);
  });
});
