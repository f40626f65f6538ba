import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli, tempTree } from './helpers/cli.js';

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe('command line', () => {
  it('prints help and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: handbook-lint <command>/);
    expect(help.stdout).toContain('Exit codes:');
    const v = await runCli(['--version']);
    expect(v.stdout.trim()).toBe(version);
  });

  it('rejects unknown commands and options with exit 2 and no stack trace', async () => {
    for (const args of [['frob'], ['run', '--bogus'], ['run', 'a', 'b'], ['run', '--format', 'xml', '.']]) {
      const { code, stderr } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(/^error /);
      expect(stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('needs a folder or a config', async () => {
    const { code, stderr } = await runCli(['run']);
    expect(code).toBe(2);
    expect(stderr).toContain('Nothing to lint');
  });

  it('exits 2 when a folder has no pages instead of calling it clean', async () => {
    const root = tempTree({ 'notes.txt': 'not markdown' });
    const { code, stdout, stderr } = await runCli(['run', root]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`No pages matched: no file in ${root} is a page`);
  });

  it('lists the rules', async () => {
    const { code, stdout } = await runCli(['rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^decision-status\s+error\s+/m);
    expect(stdout).toMatch(/^broken-link\s+error\s+/m);
  });

  it("lists a rule pack's descriptions with control characters shown, not sent to the terminal", async () => {
    const root = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown: { root: handbook }\nrule-folders: [pack]\n',
      'handbook/index.md': '# Home\n',
      'pack/shouty.yml': stringify({
        check: 'placeholder',
        description: 'Hides \u001b[2Jthe screen.',
        level: 'warning',
        message: 'Template text "{{placeholder}}".',
      }),
    });
    const { code, stdout } = await runCli(['rules', '--config', join(root, 'handbook-lint.yml')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^shouty\s+warning\s+Hides \\x1b\[2Jthe screen\.$/m);
    expect(stdout).not.toContain('\u001b');
  });
});
