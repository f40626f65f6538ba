import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INIT_SOURCES, SCHEMA_REFERENCE, starterConfig } from '../src/init.js';
import { SCHEMA_FILES, schemaText } from '../src/json-schema.js';
import { DEFAULT_RULES_DIR } from '../src/rules/load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

// Strict mode: a keyword or format the validator does not know is an error, as it is for editors' validators.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validateConfig = ajv.compile(JSON.parse(read('schema/handbook-lint.schema.json')));
const validateRule = ajv.compile(JSON.parse(read('schema/rule.schema.json')));

const errorsOf = (validate: typeof validateConfig, data: unknown) =>
  validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

/** The README's YAML blocks: config fragments, rule files (they have `check:`), and workflows (skipped). */
function readmeBlocks(): { line: number; data: Record<string, unknown> }[] {
  const lines = read('README.md').split('\n');
  const blocks: { line: number; data: Record<string, unknown> }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```yaml') continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ line: i + 2, data: parse(lines.slice(i + 1, end).join('\n')) });
    i = end;
  }
  // Not configs: GitHub workflows (jobs) and pre-commit's config (repos).
  return blocks.filter(({ data }) => !('jobs' in data) && !('repos' in data));
}

describe('JSON Schemas', () => {
  it.each(Object.entries(SCHEMA_FILES))(
    'schema/%s is what `npm run schema` generates now',
    (name, generate) => {
      expect(read(`schema/${name}`), 'run `npm run schema` and commit the result').toBe(
        schemaText(generate()),
      );
    },
  );

  it("init's $schema line names the shipped file", () => {
    expect(SCHEMA_REFERENCE).toBe('./node_modules/handbook-lint/schema/handbook-lint.schema.json');
    expect(starterConfig(['markdown'])).toMatch(/^# yaml-language-server: \$schema=\S+\n/);
  });

  it.each(['config.example.yml', 'examples/notion-emulator.yml', 'examples/confluence-emulator.yml'])(
    '%s validates',
    (file) => {
      expect(errorsOf(validateConfig, parse(read(file)))).toEqual([]);
    },
  );

  it.each(INIT_SOURCES)('the starter config for %s validates', (source) => {
    expect(errorsOf(validateConfig, parse(starterConfig([source])))).toEqual([]);
  });

  it("the README's config and rule examples validate", () => {
    const blocks = readmeBlocks();
    expect(blocks.length).toBeGreaterThan(3);
    for (const { line, data } of blocks) {
      const errors = 'check' in data ? errorsOf(validateRule, data) : errorsOf(validateConfig, data);
      expect(errors, `README.md:${line}`).toEqual([]);
    }
  });

  it('refuses what the loader refuses: an unknown key, a wrong enum value', () => {
    expect(errorsOf(validateConfig, { sources: { markdown: { root: '.', inclde: [] } } })).not.toEqual([]);
    expect(errorsOf(validateConfig, { 'fail-on': 'sometimes' })).not.toEqual([]);
    expect(errorsOf(validateConfig, { sources: { markdown: {} } })).not.toEqual([]);
  });

  const ruleFiles = [
    ...readdirSync(DEFAULT_RULES_DIR).map((name) => join(DEFAULT_RULES_DIR, name)),
    ...readdirSync(join(ROOT, 'test/fixtures/notion/rules')).map((n) =>
      join(ROOT, 'test/fixtures/notion/rules', n),
    ),
  ];

  it.each(ruleFiles)('rule file %s validates', (file) => {
    expect(errorsOf(validateRule, parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it("refuses a rule with another kind's option or an unknown check kind", () => {
    const rule = { check: 'stale', description: 'x', level: 'warning', message: 'x' };
    expect(errorsOf(validateRule, rule)).toEqual([]);
    expect(errorsOf(validateRule, { ...rule, fields: { owner: { required: true } } })).not.toEqual([]);
    expect(errorsOf(validateRule, { ...rule, check: 'spelling' })).not.toEqual([]);
  });
});
