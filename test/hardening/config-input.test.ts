import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  '',
].join('\n');

async function lintWith(files: Record<string, string>, ...extra: string[]) {
  const root = tempTree({ 'handbook/index.md': '# Home\n', ...files });
  const file = join(root, 'config.yml');
  return { ...(await runCli(['run', join(root, 'handbook'), '--config', file, ...extra])), file, root };
}

describe('config files that break YAML limits are config errors, not internal ones', () => {
  it('an alias bomb in the config: exit 2 at the first alias', async () => {
    const { code, stderr, file } = await lintWith({ 'config.yml': BOMB });
    expect(code).toBe(2);
    expect(stderr).not.toContain('internal error');
    expect(stderr).toContain(`${file}:2:8  YAML aliases expand to too much (more than 100 aliases)`);
  });

  it('an alias to no anchor: exit 2 at that alias', async () => {
    const { code, stderr, file } = await lintWith({ 'config.yml': 'fail-on: &x error\nrules: *y\n' });
    expect(code).toBe(2);
    expect(stderr).not.toContain('internal error');
    expect(stderr).toContain(`${file}:2:8  YAML: `);
  });

  it('an alias bomb in a rule file: exit 2 at the first alias', async () => {
    const { code, stderr, root } = await lintWith({
      'config.yml': 'rule-folders: [rules]\n',
      'rules/bomb.yml': `check: required-fields\n${BOMB}`,
    });
    expect(code).toBe(2);
    expect(stderr).not.toContain('internal error');
    expect(stderr).toContain(`${join(root, 'rules/bomb.yml')}:3:8  YAML aliases expand to too much`);
  });
  it('nesting deeper than the parser goes: exit 2, with a short snippet of the long line', async () => {
    const { code, stderr, file } = await lintWith({
      'config.yml': `rules: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    });
    expect(code).toBe(2);
    expect(stderr).not.toContain('internal error');
    expect(stderr).toMatch(new RegExp(`${file}:1:\\d+  YAML syntax: `));
    const snippet = stderr.split('\n')[2] ?? '';
    expect(snippet).toMatch(/^ {4}\.\.\.\[+\.\.\.$/);
    expect(snippet.length).toBeLessThan(120);
    expect(stderr.split('\n')[3]).toMatch(/^ +\^$/);
  });
});

describe('a credential written into the config is refused and never printed', () => {
  const NOTION = 'secret_AbC123xyzDEF456ghiJKL789mnoPQR';
  const CONFLUENCE = 'ATATT3xFfGF0-Zy9=Qw1Er2Ty3Ui4Op5';
  const HEX = 'a9f86d081884c7d659a2feaa0c55ad015a3bf4f1';
  const where = (file: string, line: number, column: number) => `${file}:${line}:${column}  `;

  it.each([
    ['as an unknown key', `sources:\n  notion:\n    token: ${NOTION}\n`, NOTION, 3, 5, 'unknown key "token"'],
    [
      'in token-env, where it fails the name check',
      `sources:\n  confluence:\n    site-url: https://acme.atlassian.net\n    token-env: ${CONFLUENCE}\n`,
      CONFLUENCE,
      4,
      16,
      'sources.confluence.token-env: ',
    ],
    [
      'in token-env, where it passes the name check',
      `sources:\n  notion:\n    token-env: ${NOTION}\n`,
      NOTION,
      3,
      16,
      'sources.notion.token-env: this looks like the credential itself',
    ],
    [
      'in token-env as a hex secret',
      `sources:\n  notion:\n    token-env: ${HEX}\n`,
      HEX,
      3,
      16,
      'sources.notion.token-env: this looks like the credential itself',
    ],
    [
      'on a line YAML cannot parse',
      `sources:\n  notion:\n    token-env: ${NOTION} bad: x\n`,
      NOTION,
      3,
      16,
      'YAML syntax: ',
    ],
    [
      'under a password key',
      `writeback:\n  password: hunter2hunter2\n`,
      'hunter2hunter2',
      2,
      3,
      'unknown key "password"',
    ],
  ])('%s', async (_, config, secret, line, column, message) => {
    for (const format of ['console', 'json']) {
      const { code, stdout, stderr, file } = await lintWith({ 'config.yml': config }, '--format', format);
      expect(code).toBe(2);
      expect(stderr).toContain(`${where(file, line, column)}${message}`);
      expect(stdout + stderr).not.toContain(secret);
      expect(stdout + stderr).not.toContain(secret.slice(0, 12));
    }
  });
});
