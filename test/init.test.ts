import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { parseSources, starterConfig } from '../src/init.js';
import { runCli, tempTree } from './helpers/cli.js';

async function init(args: string[] = [], files: Record<string, string> = {}) {
  const dir = tempTree(files);
  const file = join(dir, 'handbook-lint.yml');
  const cli = await runCli(['init', '-o', file, ...args]);
  return { ...cli, file };
}

describe('handbook-lint init', () => {
  it('writes a commented Markdown starter config that loads, and says what to do next', async () => {
    const { code, stdout, stderr, file } = await init();
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/handbook-lint/schema/handbook-lint.schema.json',
    );
    expect(text).toContain('\n# handbook-lint configuration');
    expect(text.split('\n').filter((line) => line.trim().startsWith('#')).length).toBeGreaterThan(10);
    const config = await loadConfig(file);
    expect(config.markdown?.root).toBe(join(file, '..'));
    expect(config.notion).toBeUndefined();
    expect(stdout).toContain(`Wrote ${file} (sources: markdown).`);
    // A Markdown handbook gets no write-back from the starter: the first run is the plain one.
    expect(stdout).toContain(`  handbook-lint run --config ${file}\n`);
    expect(stdout).not.toContain('--dry-run');
    expect(stdout).not.toContain('export ');
  });

  it('writes a Notion source with the real schema keys, and names the token to set', async () => {
    const { code, stdout, file } = await init(['--source', 'notion']);
    expect(code).toBe(0);
    const config = await loadConfig(file);
    expect(config.notion).toMatchObject({ tokenEnv: 'NOTION_TOKEN', requestsPerSecond: 3, roots: [] });
    expect(config.markdown).toBeUndefined();
    expect(stdout).toContain('export NOTION_TOKEN=');
    expect(stdout).toContain(
      `3. Try a first run that writes nothing back to the wiki:\n  handbook-lint run --config ${file} --dry-run\n`,
    );
  });

  it('writes a Confluence source with the real schema keys, and names the credentials to set', async () => {
    const { code, stdout, file } = await init(['--source', 'confluence']);
    expect(code).toBe(0);
    const config = await loadConfig(file);
    expect(config.confluence).toMatchObject({
      siteUrl: 'https://your-company.atlassian.net',
      emailEnv: 'CONFLUENCE_EMAIL',
      tokenEnv: 'CONFLUENCE_TOKEN',
      spaces: [],
    });
    expect(stdout).toContain('export CONFLUENCE_EMAIL=');
    expect(stdout).toContain('export CONFLUENCE_TOKEN=');
  });

  it('takes several sources, repeated or comma-separated', async () => {
    const { code, file } = await init(['--source', 'confluence,markdown', '--source', 'notion']);
    expect(code).toBe(0);
    const config = await loadConfig(file);
    expect([config.markdown, config.notion, config.confluence].every(Boolean)).toBe(true);
    expect(parseSources(['Notion, markdown', 'notion'])).toEqual(['markdown', 'notion']);
    expect(parseSources(undefined)).toEqual(['markdown']);
  });

  it('every combination of sources loads', async () => {
    const combos = [['markdown'], ['notion'], ['confluence'], ['markdown', 'notion', 'confluence']] as const;
    for (const combo of combos) {
      const dir = tempTree({ 'c.yml': starterConfig(combo) });
      await expect(loadConfig(join(dir, 'c.yml'))).resolves.toBeDefined();
    }
  });

  it('writes handbook-lint.yml in the current folder by default', async () => {
    const dir = tempTree({});
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, stdout } = await runCli(['init']);
      expect(code).toBe(0);
      expect(stdout).toContain('Wrote handbook-lint.yml');
      // Discovery finds the file init wrote, so the next step needs no --config.
      expect(stdout).toContain('  handbook-lint run\n');
      writeFileSync(join(dir, 'index.md'), '---\nowner: "@ana"\n---\n# Handbook\n\nHow we work.\n');
      const first = await runCli(['run']);
      expect(first.stdout).toContain('No problems in 1 page.');
      expect(first.code).toBe(0);
      await expect(loadConfig(join(dir, 'handbook-lint.yml'))).resolves.toBeDefined();
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses to overwrite an existing file without --force, and never asks', async () => {
    const { code, stderr, file } = await init([], { 'handbook-lint.yml': 'fail-on: never\n' });
    expect(code).toBe(2);
    expect(stderr).toContain('already exists; pass --force to overwrite it');
    expect(readFileSync(file, 'utf8')).toBe('fail-on: never\n');
    const forced = await runCli(['init', '-o', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('\n# handbook-lint configuration');
  });

  it('rejects an unknown source', async () => {
    const { code, stderr } = await init(['--source', 'sharepoint']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      '--source must be one or more of markdown, notion, confluence; got "sharepoint"',
    );
  });

  it('a first run of the Markdown starter lints the folder it sits in', async () => {
    const { file } = await init();
    writeFileSync(join(file, '..', 'index.md'), '---\nowner: "@ana"\n---\n# Handbook\n\nHow we work.\n');
    const { code, stdout } = await runCli(['run', '--config', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('No problems in 1 page.');
  });
});
