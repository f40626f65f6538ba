import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverConfig } from '../src/config-discovery.js';
import { runCli, tempTree } from './helpers/cli.js';

// A page without an owner: page-owner reports it unless the config turns the rule off.
const PAGES = { 'handbook/index.md': '# Home\n\nHow we work.\n', 'handbook/guide.md': '# Guide\n\nSteps.\n' };
const OWNER_OFF = 'sources:\n  markdown: { root: handbook }\nrules:\n  page-owner: "off"\n';

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

/** Runs the CLI from `folder` of a fresh tree that is its own repository (a `.git` folder at its root). */
async function runIn(files: Record<string, string>, folder: string, args: string[]) {
  const root = tempTree(files);
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(join(root, folder), { recursive: true });
  process.chdir(join(root, folder));
  return { ...(await runCli(args)), root };
}

const ruleIds = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);

describe('config discovery', () => {
  it('uses handbook-lint.yml in the working folder: `run` needs no --config', async () => {
    const { code, stdout, stderr } = await runIn({ ...PAGES, 'handbook-lint.yml': OWNER_OFF }, '.', [
      'run',
      '-f',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.pages).toBe(2);
    expect(ruleIds(stdout)).not.toContain('page-owner');
  });

  it('finds the config in a parent folder; its paths stay relative to the config', async () => {
    const { code, stdout, stderr, root } = await runIn(
      { ...PAGES, 'handbook-lint.yml': OWNER_OFF },
      'handbook/deep',
      ['run', '-f', 'json', '--verbose'],
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.pages).toBe(2);
    expect(stderr).toMatch(new RegExp(`^handbook-lint: config ${join(root, 'handbook-lint.yml')}\n`));
  });

  it('stops at the repository root: a config above it does not apply', async () => {
    const outer = tempTree({ 'handbook-lint.yml': OWNER_OFF, 'repo/handbook/index.md': '# Home\n' });
    mkdirSync(join(outer, 'repo', '.git'));
    process.chdir(join(outer, 'repo', 'handbook'));
    const { code, stderr } = await runCli(['run']);
    expect(code).toBe(2);
    expect(stderr).toContain('Nothing to lint');
    expect(discoverConfig(join(outer, 'repo', 'handbook'))).toBeUndefined();
    expect(discoverConfig(join(outer, 'repo', '..'))).toBe(join(outer, 'handbook-lint.yml'));
  });

  it('stops at the filesystem root outside a repository', () => {
    const root = tempTree({ 'a/b/c.md': '# C\n' });
    expect(discoverConfig(join(root, 'a', 'b'))).toBeUndefined();
  });

  // The names the README lists, in its order.
  it.each(['handbook-lint.yml', 'handbook-lint.yaml', '.handbook-lint.yml', '.handbook-lint.yaml'])(
    'finds %s',
    (name) => {
      const root = tempTree({ [name]: OWNER_OFF, 'sub/x.md': '# X\n' });
      mkdirSync(join(root, '.git'));
      expect(discoverConfig(join(root, 'sub'))).toBe(join(root, name));
    },
  );

  it('the nearest folder wins', () => {
    const root = tempTree({ 'handbook-lint.yml': OWNER_OFF, 'team/.handbook-lint.yaml': OWNER_OFF });
    mkdirSync(join(root, '.git'));
    expect(discoverConfig(join(root, 'team'))).toBe(join(root, 'team', '.handbook-lint.yaml'));
  });

  it('refuses two config files in one folder, naming both (exit 2)', async () => {
    const { code, stderr, root } = await runIn(
      { ...PAGES, 'handbook-lint.yml': OWNER_OFF, '.handbook-lint.yaml': OWNER_OFF },
      '.',
      ['run'],
    );
    expect(code).toBe(2);
    expect(stderr).toContain(join(root, 'handbook-lint.yml'));
    expect(stderr).toContain(join(root, '.handbook-lint.yaml'));
  });

  it('--config overrides discovery: a broken discovered file is never read', async () => {
    const { code, stdout, stderr } = await runIn(
      { ...PAGES, 'handbook-lint.yml': 'nonsense: [', 'other.yml': OWNER_OFF },
      '.',
      ['run', '--config', 'other.yml', '-f', 'json', '--verbose'],
    );
    expect(code).toBe(0);
    // A given config is no news: --verbose names only a discovered one.
    expect(stderr).not.toContain('config');
    expect(ruleIds(stdout)).not.toContain('page-owner');
  });

  it("`run PATH` lints PATH with the discovered config's rules", async () => {
    const files = { ...PAGES, 'other/page.md': '# Other\n\nText.\n', 'handbook-lint.yml': OWNER_OFF };
    const withConfig = await runIn(files, '.', ['run', 'other', '-f', 'json']);
    expect(JSON.parse(withConfig.stdout).summary.pages).toBe(1);
    expect(ruleIds(withConfig.stdout)).not.toContain('page-owner');
    const without = await runIn({ ...PAGES, 'other/page.md': '# Other\n\nText.\n' }, '.', [
      'run',
      'other',
      '-f',
      'json',
    ]);
    expect(ruleIds(without.stdout)).toContain('page-owner');
  });

  it("`baseline` writes the discovered config's baseline file", async () => {
    const config = 'sources:\n  markdown: { root: handbook }\nbaseline: accepted.json\n';
    const { code, root } = await runIn({ ...PAGES, 'handbook-lint.yml': config }, 'handbook', ['baseline']);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'accepted.json'), 'utf8'))).toBeTypeOf('object');
  });

  it("`rules` lists the discovered config's levels", async () => {
    const { code, stdout } = await runIn({ 'handbook-lint.yml': OWNER_OFF }, '.', ['rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/page-owner\s+off\s/);
  });

  it('warns about a config under a name other linters use, which it does not read', async () => {
    for (const name of [
      '.handbook-lintrc',
      'handbook-lint.json',
      '.handbook-lintrc.yml',
      'handbook-lint.config.js',
    ]) {
      const { stderr } = await runIn({ ...PAGES, [name]: OWNER_OFF }, 'handbook', ['run', '.', '-f', 'json']);
      expect(stderr, name).toMatch(
        new RegExp(`warning: .*${name.replace(/\./g, '\\.')} is not read; the config is handbook-lint\\.yml`),
      );
    }
    // A config that is found: no warning about a look-alike beside it.
    const found = await runIn({ ...PAGES, 'handbook-lint.yml': OWNER_OFF, 'handbook-lint.json': '{}' }, '.', [
      'run',
      '-f',
      'json',
    ]);
    expect(found.stderr).not.toContain('is not read');
  });
});
