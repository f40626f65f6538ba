import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers/built-cli.js';
import { type CliRun, tempTree } from './helpers/cli.js';

// A fourteenth round of newcomers: a markdownlint, ESLint or Vale user whose company handbook is a
// docs/ folder of a MkDocs or Docusaurus site in git, with an hour, from a fresh clone and from the
// packed package, putting it in CI and a pre-commit hook.

const SLOW_MS = 60_000;

const CONFIG = 'sources:\n  markdown:\n    root: docs\n';
const HANDBOOK = {
  'docs/index.md': '---\nowner: "@ana"\n---\n# Handbook\n\n- [Leave](leave.md)\n',
  'docs/leave.md': '---\nowner: "@ana"\n---\n# Leave\n\nAsk your lead. Location: TBD.\n',
};

/** The run's config error lines for `rules:` holding `setting` for placeholder. */
function ruleSettingError(setting: string): Promise<CliRun> {
  const config = `${CONFIG}rules:\n  placeholder: ${setting}\n`;
  return builtCli(['run'], tempTree({ 'handbook-lint.yml': config, ...HANDBOOK }));
}

describe("markdownlint's severity and enabled in a rule's mapping (MD013: { severity: warning })", () => {
  it('name level: as the key that sets a level here, at the key', { timeout: SLOW_MS }, async () => {
    const severity = await ruleSettingError('{ severity: warning }');
    expect(severity.code).toBe(2);
    expect(severity.stderr).toContain(
      'handbook-lint.yml:5:18  unknown key "severity" (markdownlint\'s severity: here a rule\'s level is level: error, warning, info or off)',
    );
    const enabled = await ruleSettingError('{ enabled: false }');
    expect(enabled.code).toBe(2);
    expect(enabled.stderr).toContain(
      'handbook-lint.yml:5:18  unknown key "enabled" (markdownlint\'s enabled: here write level: off to turn a rule off; a rule is on without it)',
    );
  });

  it('a level: in the mapping is taken, and a misspelled option still gets the nearest one', {
    timeout: SLOW_MS,
  }, async () => {
    const taken = await ruleSettingError('{ level: error }');
    expect(taken.code).toBe(1);
    expect(taken.stdout).toMatch(/error +placeholder/);
    const typo = await builtCli(
      ['run'],
      tempTree({
        'handbook-lint.yml': `${CONFIG}rules:\n  stale-page: { max-age-day: 90 }\n`,
        ...HANDBOOK,
      }),
    );
    expect(typo.stderr).toContain('unknown key "max-age-day" (did you mean "max-age-days"?)');
  });
});
