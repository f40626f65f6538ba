import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleFolder } from '../../src/rules/packs.js';
import { runCli, tempTree } from '../helpers/cli.js';

const rule = (description: string) =>
  `check: fields\ndescription: ${description}\nlevel: warning\nfields:\n  team: { required: true }\nmessage: "No team."\n`;

/** A project with two installed rule packs in its node_modules and a config one folder below. */
function project(ruleFoldersYaml: string) {
  return tempTree({
    'node_modules/@acme/handbook-rules/package.json': JSON.stringify({
      name: '@acme/handbook-rules',
      'handbook-lint': { rules: 'lint-rules' },
    }),
    'node_modules/@acme/handbook-rules/lint-rules/team-field.yml': rule('Pages name their team.'),
    'node_modules/plain-rules/package.json': JSON.stringify({ name: 'plain-rules' }),
    'node_modules/plain-rules/rules/plain-team.yml': rule('Plain pack rule.'),
    'node_modules/empty-pack/package.json': JSON.stringify({ name: 'empty-pack' }),
    'docs/handbook/index.md': '# Home\n',
    'docs/handbook-lint.yml': `sources:\n  markdown: { root: handbook }\nrule-folders: ${ruleFoldersYaml}\n`,
  });
}

describe('rule-folders: installed npm packages', () => {
  it("loads a package's rules from its handbook-lint.rules field or its rules/ folder, found from the config's folder upwards", async () => {
    const root = project('["@acme/handbook-rules", plain-rules]');
    const { code, stdout, stderr } = await runCli([
      'rules',
      '--config',
      join(root, 'docs/handbook-lint.yml'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/team-field\s+warning\s+Pages name their team\./);
    expect(stdout).toMatch(/plain-team\s+warning\s+Plain pack rule\./);
    expect(ruleFolder('plain-rules', join(root, 'docs'))).toEqual({
      folder: join(root, 'node_modules/plain-rules/rules'),
    });
  });

  it('a folder beside the config still wins over a package of the same name', () => {
    const root = tempTree({
      'docs/plain-rules/x.yml': rule('Local.'),
      'node_modules/plain-rules/package.json': '{}',
    });
    expect(ruleFolder('plain-rules', join(root, 'docs'))).toEqual({ folder: join(root, 'docs/plain-rules') });
  });

  it('names an entry that is neither a folder nor an installed package at its line and column', async () => {
    const root = project('[plain-rules, "@acme/missing"]');
    const file = join(root, 'docs/handbook-lint.yml');
    const { code, stderr } = await runCli(['run', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${file}:3:29  "@acme/missing" is neither a folder next to the config nor an installed npm package`,
    );
  });

  it('refuses a package that ships no rule folder', async () => {
    const root = project('[empty-pack]');
    const file = join(root, 'docs/handbook-lint.yml');
    const { code, stderr } = await runCli(['run', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:3:16  package "empty-pack" has no rule folder`);
  });
});
