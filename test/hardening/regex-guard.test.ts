import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { compileRuleRegex, ruleRegexProblem } from '../../src/rules/regex.js';
import { loadActiveRules } from '../../src/rules/settings.js';
import { regexSchema } from '../../src/schemas.js';
import { runCli, tempTree } from '../helpers/cli.js';

function ruleWith(pattern: string): string {
  return [
    'check: conditional',
    'description: Pages that shout have a summary.',
    'level: error',
    'if:',
    `  text: ${JSON.stringify(pattern)}`,
    'then:',
    '  any-of:',
    '    - section: Summary',
    'message: "Shouting page without {{expected}}."',
    '',
  ].join('\n');
}

function handbook(pattern: string): string {
  const root = tempTree({
    'README.md': `# Home\n\n${'a'.repeat(40)}!\n\naaa\n`,
    'rules/shout.yml': ruleWith(pattern),
  });
  writeFileSync(
    join(root, 'handbook-lint.yml'),
    'sources:\n  markdown:\n    root: .\n    exclude: ["rules/**"]\nrule-folders: [rules]\n',
  );
  return root;
}

describe('rule patterns run on a linear-time engine', () => {
  it('a catastrophic pattern on a 40-character line does not hang the run', async () => {
    const root = handbook('(a+)+$');
    const result = await runCli(['run', '--config', join(root, 'handbook-lint.yml'), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('shout');
  }, 60_000);

  it('refuses lookaround and backreferences at load with file:line:col and the construct', async () => {
    const root = handbook('(?<=x)a+(?=!)');
    const result = await runCli(['run', '--config', join(root, 'handbook-lint.yml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /shout\.yml:5:\d+.*lookbehind `\(\?<=` \/ `\(\?<!` is not allowed: rule patterns run on RE2/,
    );
    expect(ruleRegexProblem('(a)\\1')).toMatch(/^backreference/);
    expect(ruleRegexProblem('a(?!b)')).toMatch(/^lookahead/);
    expect(ruleRegexProblem('a[')).toBe('not a valid regular expression: missing closing ]: `[`');
  });

  it('holds config patterns (document types, coverage topics) to the same engine', () => {
    const issue = regexSchema.safeParse('^ADR(?!-0)').error?.issues[0];
    expect(issue?.message).toMatch(
      /^lookahead .* is not allowed: rule patterns run on RE2.*: \^ADR\(\?!-0\)$/,
    );
    expect(regexSchema.safeParse('^(ADR|RFC)[-\\s]?\\d+').success).toBe(true);
  });

  it('supports what the default rules and document types use', async () => {
    const rules = await loadActiveRules(defaultConfig('.'));
    expect(rules.length).toBeGreaterThan(10);
    for (const matcher of Object.values(DEFAULT_DOCUMENT_TYPES))
      for (const title of matcher.titles ?? []) expect(ruleRegexProblem(title)).toBeUndefined();
    const re = compileRuleRegex('^\\s*(?:[-*+]\\s+)?(?:\\*\\*)?Summary\\b\\p{L}*:', 'im');
    expect(re.exec('intro\n- **summary:** x')?.index).toBe(6);
    expect([...compileRuleRegex('\\bTBD\\b').matchAll('😀 TBD, TBD')].map((m) => m.index)).toEqual([3, 8]);
  });
});
