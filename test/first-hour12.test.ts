import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers/built-cli.js';
import { tempTree } from './helpers/cli.js';

// A twelfth round of newcomers: a markdownlint, ESLint or Vale user who runs a company handbook, with an
// hour, from a fresh clone and from the packed package, following the README.

const SLOW_MS = 60_000;

const CONFIG = 'sources:\n  markdown:\n    root: docs\n';
const HANDBOOK = {
  'docs/README.md': '# Handbook\n\n- [Hours](hours.md)\n',
  'docs/hours.md': '---\nowner: "@ana"\n---\n# Hours\n\nWe reply within a day.\n',
};

describe("markdownlint's `default: true` (every rule on) carried into the config", () => {
  it('says at its place that the rules here are on at their own levels, at the top and under rules:', {
    timeout: SLOW_MS,
  }, async () => {
    const places: Record<string, string> = {
      [`default: true\n${CONFIG}`]:
        'handbook-lint.yml:1:1  unknown key "default" (`default` is markdownlint\'s switch',
      [`${CONFIG}rules:\n  default: true\n`]:
        "handbook-lint.yml:5:12  rules.default: `default` is markdownlint's switch",
    };
    for (const [config, start] of Object.entries(places)) {
      const run = await builtCli(['run'], tempTree({ 'handbook-lint.yml': config, ...HANDBOOK }));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(start);
      expect(run.stderr).toContain('turn a rule off by its id, as rules: { stale-page: off }');
      // Not the level check's answer for a `true`, which reads as if `default` were a rule.
      expect(run.stderr).not.toContain('a rule is on at its own level: leave it out of rules:');
    }
  });

  it('leaves a rule of the pack named under rules: to the level check', { timeout: SLOW_MS }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': `${CONFIG}rules:\n  stale-page: true\n`, ...HANDBOOK });
    const run = await builtCli(['run'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a rule is on at its own level: leave it out of rules:');
    expect(run.stderr).not.toContain("markdownlint's switch");
  });
});
