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

describe("ESLint's [level, options] list for a rule (placeholder: [warn, { … }])", () => {
  it('says to write a level or a mapping, and shows the mapping that list means', {
    timeout: SLOW_MS,
  }, async () => {
    const list = await ruleSettingError('[warn, { max-age-days: 90 }]');
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(
      'got ["warn",{"max-age-days":90}] (ESLint\'s [level, options] list: here write { level: warning, max-age-days: 90 })',
    );
    const alone = await ruleSettingError('[error]');
    expect(alone.stderr).toContain(`got ["error"] (ESLint's [level, options] list: here write error)`);
  });

  it('a plain level is still told the one it is near', { timeout: SLOW_MS }, async () => {
    const near = await ruleSettingError('warnign');
    expect(near.stderr).toContain('got "warnign" (did you mean warning?)');
  });
});

describe('a level in capitals (ERROR, WARNING), as some tools print them', () => {
  it('names the level meant, in rules: and in fail-on', { timeout: SLOW_MS }, async () => {
    const rule = await ruleSettingError('ERROR');
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain('got "ERROR" (did you mean error?)');
    const failOn = await builtCli(
      ['run'],
      tempTree({ 'handbook-lint.yml': `${CONFIG}fail-on: WARNING\n`, ...HANDBOOK }),
    );
    expect(failOn.code).toBe(2);
    expect(failOn.stderr).toContain('got "WARNING" (did you mean warning?)');
  });

  it('a word that is no level gets no guess', { timeout: SLOW_MS }, async () => {
    const none = await ruleSettingError('LOUD');
    expect(none.stderr).toContain('got "LOUD"');
    expect(none.stderr).not.toContain('did you mean');
  });
});

describe('a Docusaurus docs/ folder of .mdx pages linted before there is a config', () => {
  const SITE = {
    'docs/intro.md': '---\nowner: "@ana"\n---\n# Intro\n\nSee [remote work](remote).\n',
    'docs/remote.mdx': '---\nowner: "@ana"\n---\n# Remote work\n\nBudget: TBD.\n',
  };

  it('says a config reads them and how to write one, not to edit a handbook-lint.yml that is not there', {
    timeout: SLOW_MS,
  }, async () => {
    const run = await builtCli(['run', 'docs'], tempTree(SITE));
    expect(run.stderr).toContain(
      "1 .mdx file (remote.mdx) was not read: add '**/*.mdx' to sources.markdown.include in a config (handbook-lint init writes one) to lint them as Markdown.",
    );
  });

  it('names the config file that is there, whatever its name', { timeout: SLOW_MS }, async () => {
    const run = await builtCli(['run'], tempTree({ '.handbook-lint.yaml': CONFIG, ...SITE }));
    expect(run.stderr).toContain(
      "1 .mdx file (remote.mdx) was not read: add '**/*.mdx' to sources.markdown.include in .handbook-lint.yaml to lint them as Markdown.",
    );
  });
});

describe('the version asked for as a command (handbook-lint version, as git, npm and docker take it)', () => {
  it('names --version, exit 2; --version prints it', { timeout: SLOW_MS }, async () => {
    const dir = tempTree(HANDBOOK);
    const command = await builtCli(['version'], dir);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Unknown command "version". Use --version (-v).');
    const option = await builtCli(['--version'], dir);
    expect(option.code).toBe(0);
    expect(option.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('--config written with a typo or as Windows writes paths (.\\handbook-lint.yml in WSL or a Linux CI)', () => {
  it('names the config file that is there, exit 2, before any page is read', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    const windows = await builtCli(['run', '--config', '.\\handbook-lint.yml'], dir);
    expect(windows.code).toBe(2);
    expect(windows.stderr).toContain(
      'Config file not found: .\\handbook-lint.yml. Did you mean ./handbook-lint.yml?',
    );
    const typo = await builtCli(['rules', '--config', 'handbok-lint.yml'], dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Config file not found: handbok-lint.yml. Did you mean handbook-lint.yml?');
  });

  it('a name near none still says how to write one, and the right name runs', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    const missing = await builtCli(['run', '--config', 'lint/other.yml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('other.yml (handbook-lint init writes a starter config)');
    const right = await builtCli(['run', '--config', './handbook-lint.yml'], dir);
    expect(right.code).toBe(0);
  });
});

describe("ESLint 9's options a lint-staged or pre-commit setup passes (--no-warn-ignored, --no-inline-config, …)", () => {
  it('say what handbook-lint does instead, exit 2', { timeout: SLOW_MS }, async () => {
    const dir = tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK });
    const hints: Record<string, string> = {
      '--no-warn-ignored': "a file the config's exclude leaves out, given by name, is skipped with a warning",
      '--no-inline-config': 'inline directives always apply',
      '--no-config-lookup': 'without --config, the nearest handbook-lint.yml',
      '--pass-on-no-patterns': "with no path, run lints the config's handbook",
    };
    for (const [option, hint] of Object.entries(hints)) {
      const run = await builtCli(['run', option, 'docs/leave.md'], dir);
      expect(run.code, option).toBe(2);
      expect(run.stderr, option).toContain(`Unknown option ${option}. `);
      expect(run.stderr.toLowerCase(), option).toContain(hint.toLowerCase());
    }
  });

  it('an excluded file given by name is still the warning and exit 0 the hint promises', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({
      'handbook-lint.yml': `${CONFIG}    exclude: [CHANGELOG.md]\n`,
      'docs/CHANGELOG.md': '# Changes\n\nTBD.\n',
      ...HANDBOOK,
    });
    const run = await builtCli(['run', 'docs/CHANGELOG.md'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("left out by the config's exclude, not linted");
  });
});

describe('a top-level key indented under another (rules: or fail-on: under sources:, a YAML indent slip)', () => {
  it('says it belongs at the top of the file, at its place; a key of a nested section names that section', {
    timeout: SLOW_MS,
  }, async () => {
    const places: Record<string, string> = {
      [`${CONFIG}  rules:\n    placeholder: off\n`]:
        'handbook-lint.yml:4:3  unknown key "rules" (it belongs at the top of the file, without indent)',
      [`${CONFIG}    fail-on: warning\n`]:
        'handbook-lint.yml:4:5  unknown key "fail-on" (it belongs at the top of the file, without indent)',
      'sources:\n  exclude: [CHANGELOG.md]\n  markdown:\n    root: docs\n':
        'handbook-lint.yml:2:3  unknown key "exclude" (did you mean sources.markdown.exclude?)',
    };
    for (const [config, line] of Object.entries(places)) {
      const run = await builtCli(['run'], tempTree({ 'handbook-lint.yml': config, ...HANDBOOK }));
      expect(run.code, config).toBe(2);
      expect(run.stderr, config).toContain(line);
    }
  });

  it('a typo still gets the nearest key there, and a key known nowhere gets no guess', {
    timeout: SLOW_MS,
  }, async () => {
    const typo = await builtCli(
      ['run'],
      tempTree({ 'handbook-lint.yml': `${CONFIG}    exlude: []\n`, ...HANDBOOK }),
    );
    expect(typo.stderr).toContain('unknown key "exlude" (did you mean "exclude"?)');
    const unknown = await builtCli(
      ['run'],
      tempTree({ 'handbook-lint.yml': `${CONFIG}    colour: blue\n`, ...HANDBOOK }),
    );
    expect(unknown.stderr).toContain('unknown key "colour"\n');
  });
});

describe('a rule id in capitals (PLACEHOLDER, as markdownlint writes MD013)', () => {
  it('names the rule meant in the config, in a directive and in rules ID', { timeout: SLOW_MS }, async () => {
    const config = await builtCli(
      ['run'],
      tempTree({ 'handbook-lint.yml': `${CONFIG}rules:\n  PLACEHOLDER: off\n`, ...HANDBOOK }),
    );
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('unknown rule id "PLACEHOLDER" (did you mean "placeholder"?)');
    const page = '---\nowner: "@ana"\n---\n# Leave\n\nTBD. <!-- handbook-lint-disable-line PLACEHOLDER -->\n';
    const directive = await builtCli(
      ['run', '--format', 'compact'],
      tempTree({ 'handbook-lint.yml': CONFIG, ...HANDBOOK, 'docs/leave.md': page }),
    );
    expect(directive.stdout).toContain(
      'Unknown rule "PLACEHOLDER" in handbook-lint-disable-line (did you mean "placeholder"?).',
    );
    const docs = await builtCli(['rules', 'STALE-PAGE'], tempTree(HANDBOOK));
    expect(docs.code).toBe(2);
    expect(docs.stderr).toContain('Unknown rule "STALE-PAGE". Did you mean stale-page?');
  });

  it('an id near no rule in any case gets no guess', { timeout: SLOW_MS }, async () => {
    const none = await builtCli(['rules', 'SPELLING'], tempTree(HANDBOOK));
    expect(none.code).toBe(2);
    expect(none.stderr).not.toContain('Did you mean');
  });
});
