import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { detectRepository } from '../../src/repository.js';
import { siteOptions } from '../../src/site-options.js';
import { runCli, tempTree } from '../helpers/cli.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-C', cwd, ...args], { stdio: 'ignore' });

function checkout(files: Record<string, string>, remote: string): string {
  const root = tempTree(files);
  git(root, 'init', '-q');
  git(root, 'remote', 'add', 'origin', remote);
  return root;
}

describe('the handbook repository and site settings', () => {
  it('reads site-url, base-path, slug-style and repository from config', async () => {
    const root = tempTree({
      'c.yml': [
        'sources:',
        '  markdown:',
        '    root: hb',
        '    site-url: https://handbook.example.com',
        '    base-path: /handbook',
        '    slug-style: hugo',
        '    repository: https://github.com/acme/handbook/tree/main/hb',
      ].join('\n'),
    });
    expect(siteOptions(await loadConfig(join(root, 'c.yml')))).toEqual({
      basePath: '/handbook',
      siteUrl: 'https://handbook.example.com',
      slugStyle: 'hugo',
      repository: { name: 'github.com/acme/handbook', folder: 'hb' },
      folder: join(root, 'hb'),
    });
  });

  it('rejects an unknown slug style', async () => {
    const root = tempTree({ 'c.yml': 'sources:\n  markdown: { root: hb, slug-style: jekyll }\n' });
    await expect(loadConfig(join(root, 'c.yml'))).rejects.toThrow(/Invalid config/);
  });

  it('detects the repository and the lint root folder in it from a git checkout', () => {
    const root = checkout({ 'docs/index.md': '# Docs\n' }, 'git@github.com:Acme/Handbook.git');
    expect(detectRepository(join(root, 'docs'))).toMatchObject({
      name: 'github.com/acme/handbook',
      folder: 'docs',
    });
  });

  it('in a checkout, takes links to the repository and to files beside the lint root as internal', async () => {
    const root = checkout(
      {
        Makefile: 'all:\n',
        'docs/index.md': [
          '# Docs',
          '',
          '[guide](https://github.com/acme/handbook/blob/main/docs/guide.md)',
          '[gone](https://github.com/acme/handbook/blob/main/docs/gone.md)',
          '[make](../Makefile) [nothing](../nothing.txt) [readme](/Makefile)',
        ].join('\n'),
        'docs/guide.md': '# Guide\n',
        'docs/lonely.md': '# Lonely\n\nOnly a repository URL links here.\n',
        'docs/other.md':
          '# Other\n\nSee [lonely](https://github.com/acme/handbook/blob/main/docs/lonely.md).\n',
      },
      'https://github.com/acme/handbook.git',
    );
    const { stdout } = await runCli(['run', join(root, 'docs'), '--format', 'json', '--now', '2026-06-01']);
    const findings = (
      JSON.parse(stdout) as { findings: { ruleId: string; excerpt?: string; page: { file: string } }[] }
    ).findings;
    expect(findings.filter((f) => f.ruleId === 'broken-link').map((f) => f.excerpt)).toEqual([
      'https://github.com/acme/handbook/blob/main/docs/gone.md',
      '../nothing.txt',
    ]);
    // lonely.md is linked by URL only; other.md is the one page nothing reaches
    expect(findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file)).toEqual(['other.md']);
  });
});
