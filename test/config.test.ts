import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

const page = { 'handbook/index.md': '---\nowner: Ann\n---\n# Home\n' };

async function withConfig(config: string, extra: Record<string, string> = {}) {
  const root = tempTree({ ...page, 'config.yml': config, ...extra });
  const result = await runCli(['run', '--config', join(root, 'config.yml')]);
  return { ...result, file: join(root, 'config.yml'), root };
}

describe('config errors', () => {
  it('reports an unknown key at its line and column, exit 2', async () => {
    const { code, stderr, file } = await withConfig(
      'sources:\n  markdown:\n    root: handbook\n    inclde: ["*.md"]\n',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:4:5  unknown key "inclde"`);
    expect(stderr).toContain('    inclde: ["*.md"]');
  });

  it('suggests the key likely meant, at the top and in a rule, by spelling or as a prefix of it', async () => {
    const top = await withConfig('sources:\n  markdown: { root: handbook }\nfail_on: never\n');
    expect(top.code).toBe(2);
    expect(top.stderr).toContain(`${top.file}:3:1  unknown key "fail_on" (did you mean "fail-on"?)`);
    const rule = await withConfig(
      'sources:\n  markdown: { root: handbook }\nrules:\n  stale-page: { max-age: 10 }\n',
    );
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain(`${rule.file}:4:17  unknown key "max-age" (did you mean "max-age-days"?)`);
  });

  it('reports a wrong type', async () => {
    const { code, stderr, file } = await withConfig(
      'sources:\n  markdown:\n    root: handbook\nfail-on: 3\n',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`${file}:4:10  fail-on: `));
  });

  it('reports a bad regular expression', async () => {
    const config =
      'sources:\n  markdown: { root: handbook }\ndocument-types:\n  decision:\n    titles: ["^(ADR"]\n';
    const { code, stderr, file } = await withConfig(config);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${file}:5:14  document-types.decision.titles.0: invalid regular expression: ^(ADR`,
    );
  });

  it('reports a bad glob', async () => {
    const { code, stderr, file } = await withConfig(
      'sources:\n  markdown:\n    root: handbook\n    exclude: ["a/[b"]\n',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:4:15`);
    expect(stderr).toContain('invalid glob');
  });

  it('reports an unknown rule id with a suggestion', async () => {
    const { code, stderr, file } = await withConfig(
      'sources:\n  markdown: { root: handbook }\nrules:\n  stale-pgae: off\n',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:4:3  unknown rule id "stale-pgae" (did you mean "stale-page"?)`);
  });

  it('reports an unknown rule id in overrides', async () => {
    const config =
      'sources:\n  markdown: { root: handbook }\noverrides:\n  - paths: ["a/**"]\n    rules: { nope: off }\n';
    const { code, stderr, file } = await withConfig(config);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:5:14  unknown rule id "nope"`);
  });

  it('reports a YAML syntax error', async () => {
    const { code, stderr, file } = await withConfig(
      'sources:\n  markdown: { root: handbook\nfail-on: error\n',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`${file}:[34]:\\d+  YAML syntax: `));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('collects several errors at once', async () => {
    const { stderr } = await withConfig(
      'sources:\n  markdown: { root: handbook, bogus: 1 }\nfail-on: sometimes\nextra: 1\n',
    );
    expect(stderr.match(/config\.yml:\d+:\d+/g)?.length).toBe(3);
  });

  it('reports a missing config file', async () => {
    const { code, stderr } = await runCli(['run', '--config', '/nonexistent/handbook-lint.yml']);
    expect(code).toBe(2);
    expect(stderr).toContain('Config file not found: /nonexistent/handbook-lint.yml');
  });
});

describe('rule file errors', () => {
  const rulesConfig = 'sources:\n  markdown: { root: handbook }\nrule-folders: [my-rules]\n';

  it('reports an unknown key in a rule file', async () => {
    const rule = 'check: stale\ndescription: Old pages.\nlevel: warning\nmessage: old\nmax-age: 3\n';
    const { code, stderr, root } = await withConfig(rulesConfig, { 'my-rules/old.yml': rule });
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(root, 'my-rules/old.yml')}:5:1  unknown key "max-age"`);
  });

  it('reports an unknown check kind', async () => {
    const rule = 'check: spelling\ndescription: x\nlevel: warning\nmessage: x\n';
    const { code, stderr, root } = await withConfig(rulesConfig, { 'my-rules/spell.yml': rule });
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(root, 'my-rules/spell.yml')}:1:8  unknown check kind "spelling"`);
  });

  it('reports a wrong level and a YAML error in two files at once', async () => {
    const bad = 'check: stale\ndescription: x\nlevel: loud\nmessage: x\n';
    const broken = 'check: stale\ndescription: [x\n';
    const { code, stderr, root } = await withConfig(rulesConfig, {
      'my-rules/a.yml': bad,
      'my-rules/b.yml': broken,
    });
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(root, 'my-rules/a.yml')}:3:8  level:`);
    expect(stderr).toContain(`${join(root, 'my-rules/b.yml')}:`);
  });
});

describe('config.example.yml', () => {
  it('lists the built-in document types as they are, so a copy of them replaces the defaults with themselves', async () => {
    const { loadConfig } = await import('../src/config.js');
    const { DEFAULT_DOCUMENT_TYPES } = await import('../src/normalize/document-types.js');
    const config = await loadConfig(join(import.meta.dirname, '..', 'config.example.yml'));
    expect(config.documentTypes).toEqual(DEFAULT_DOCUMENT_TYPES);
  });
});
