import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, loadRuleFiles } from '../../src/rules/load.js';
import { runExample } from '../../src/rules/tester.js';

const rules = [...(await loadRuleFiles([DEFAULT_RULES_DIR])).values()];

describe('default rule pack', () => {
  it('has rules', () => {
    expect(rules.length).toBeGreaterThan(10);
  });

  describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    it('has valid and invalid examples', () => {
      expect(rule.examples.valid.length, `${rule.file} needs examples.valid`).toBeGreaterThan(0);
      expect(rule.examples.invalid.length, `${rule.file} needs examples.invalid`).toBeGreaterThan(0);
    });

    it.each(rule.examples.valid.map((example, i) => [i, example] as const))(
      'valid example %i has no findings',
      (_i, example) => {
        expect(runExample(rule, example)).toEqual([]);
      },
    );

    it.each(rule.examples.invalid.map((example, i) => [i, example] as const))(
      'invalid example %i gives exactly its errors',
      (_i, example) => {
        expect(runExample(rule, example)).toEqual(example.errors);
      },
    );
  });
});
