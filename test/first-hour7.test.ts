import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runAction } from '../src/github/action.js';
import { runCli, tempTree } from './helpers/cli.js';

// A seventh round of newcomers: a Vale user writing house rules, a GitHub Action user, a writer
// whose files were saved by other editors, and someone upgrading with an old baseline.

// Root opens any folder, so a folder without permission is simulated for paths under "no-entry".
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    stat: (async (path: string, ...rest: unknown[]) => {
      if (String(path).includes('/no-entry/')) {
        const error = new Error(`EACCES: permission denied, stat '${path}'`) as NodeJS.ErrnoException;
        error.code = 'EACCES';
        throw error;
      }
      return (fs.stat as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof fs.stat,
  };
});

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

const HANDBOOK = {
  'docs/index.md': '---\nowner: "@ana"\n---\n# Docs\n\n- [Policy](policy.md)\n',
  'docs/policy.md': '---\nowner: "@ana"\n---\n# Policy\n\nSimply ask. Contact: TBD\n',
};
const ROOTED = 'sources:\n  markdown:\n    root: docs\n';
const WEASEL = `check: placeholder\ndescription: Avoid words that talk down to the reader.\nlevel: warning\npatterns: ['\\b[Ss]imply\\b']\nvalue-patterns: []\nmessage: 'Avoid "{{placeholder}}".'\nexamples:\n  valid: ["# Guide\\n\\nRead it.\\n"]\n  invalid: [{ markdown: "# Guide\\n\\nSimply read it.\\n", errors: ['3:1-3:7: Avoid "Simply".'] }]\n`;

describe("Vale's levels and switches", () => {
  it('suggestion names info and NO names off, in the config and in a rule file', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}rules:\n  placeholder: suggestion\n  todo-note: NO\n`,
    });
    const config = await runCli(['rules', '--config', join(dir, 'handbook-lint.yml')]);
    expect(config.code).toBe(2);
    noStack(config.stderr);
    expect(config.stderr).toContain('got "suggestion" (did you mean info?)');
    expect(config.stderr).toContain('got "NO" (did you mean off?)');
    // markdownlint's true and Vale's YES: on, at the rule's own level.
    const on = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}rules:\n  placeholder: true\n  todo-note: YES\n`,
    });
    const switched = await runCli(['rules', '--config', join(on, 'handbook-lint.yml')]);
    expect(switched.stderr).toContain(
      'got true (a rule is on at its own level: leave it out of rules:, or give a level)',
    );
    expect(switched.stderr).toContain('got "YES" (a rule is on at its own level');

    const rule = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}rule-folders: [styles]\n`,
      'styles/weasel.yml': WEASEL.replace('level: warning', 'level: suggestion'),
    });
    const file = await runCli(['rules', '--test', '--config', join(rule, 'handbook-lint.yml')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(
      'weasel.yml:3:8  level: expected error, warning or info; got "suggestion" (did you mean info?)',
    );
  });

  it("a rule named as Vale names it (Acme.Weasel) gets the id it has: its file's name", async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}rule-folders: [styles/Acme]\nrules:\n  Acme.Weasel: "off"\n`,
      'styles/Acme/Weasel.yml': WEASEL,
    });
    const { code, stderr } = await runCli(['rules', '--config', join(dir, 'handbook-lint.yml')]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'unknown rule id "Acme.Weasel" (did you mean "Weasel"? a rule\'s id is its file name, without the folder)',
    );
  });

  it("a rule file's mistakes are listed in the order of its lines", async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}rule-folders: [styles]\n`,
      'styles/weasel.yml':
        'check: placeholder\ndescription: x\nmessage: "Avoid it."\nignorecase: true\nlevel: loud\ntokens: [simply]\n',
    });
    const { code, stderr } = await runCli(['rules', '--test', '--config', join(dir, 'handbook-lint.yml')]);
    expect(code).toBe(2);
    const lines = [...stderr.matchAll(/weasel\.yml:(\d+):\d+/g)].map((m) => Number(m[1]));
    expect(lines).toEqual([4, 5, 6]);
    // Vale's keys get what they are called here.
    expect(stderr).toContain(
      'weasel.yml:4:1  unknown key "ignorecase" (start a pattern with (?i) to ignore case)',
    );
    expect(stderr).toContain(
      `weasel.yml:6:1  unknown key "tokens" (Vale's tokens are patterns: here, regular expressions (check: placeholder))`,
    );
  });
});

describe('the Action on a pull request from a fork, whose run gets no secrets', () => {
  it('says GitHub passes no secrets there and what to do, not only to set the variable', async () => {
    const workspace = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}  notion:\n    token-env: HL_TEST_FORK_NOTION_TOKEN\n`,
    });
    let stdout = '';
    const code = await runAction(
      { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace, GITHUB_EVENT_NAME: 'pull_request' },
      {
        stdout: (text) => {
          stdout += text;
        },
        stderr: () => undefined,
      },
    );
    expect(code).toBe(2);
    expect(stdout).toContain('No Notion token: set the environment variable HL_TEST_FORK_NOTION_TOKEN');
    expect(stdout).toContain('GitHub passes no secrets to a pull request from a fork');
  });
});

describe('pages saved by other editors', () => {
  it('a UTF-16 file (Windows Notepad\'s "Unicode") is read as the text it is', async () => {
    const text = '---\nowner: ana\n---\n# Notepad page\n\nSee [x](nope.md).\n';
    const dir = tempTree({ 'docs/index.md': '# Docs\n\n- [n](notepad.md)\n- [b](big.md)\n' });
    writeFileSync(
      join(dir, 'docs/notepad.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const be = Buffer.from(text, 'utf16le').swap16();
    writeFileSync(join(dir, 'docs/big.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const { stdout } = await runCli(['run', join(dir, 'docs'), '-f', 'compact', '--now', '2026-04-01']);
    expect(stdout).toContain('notepad.md:6:5  error  broken-link  Broken link nope.md: no such page.');
    expect(stdout).toContain('big.md:6:5  error  broken-link');
    expect(stdout).not.toMatch(/(notepad|big)\.md:1:1 {2}warning {2}page-owner/);
  });

  it('a Latin-1 file is a finding at its first byte UTF-8 cannot read, not a page read with � in silence', async () => {
    const dir = tempTree({});
    writeFileSync(
      join(dir, 'latin1.md'),
      Buffer.from('---\nowner: Jos\xe9\n---\n# Caf\xe9\n\nR\xe9sum\xe9.\n', 'latin1'),
    );
    writeFileSync(join(dir, 'utf8.md'), '---\nowner: José\n---\n# Café\n\nA literal \uFFFD is text.\n');
    const { stdout } = await runCli(['run', dir, '-f', 'compact', '--now', '2026-04-01']);
    expect(stdout).toContain(
      'latin1.md:2:11  error  front-matter  The file is not UTF-8: the byte at 2:11 cannot be read as text (a Latin-1 or Windows-1252 file?); save it as UTF-8.',
    );
    // A U+FFFD written in UTF-8 is text.
    expect(stdout).not.toMatch(/utf8\.md.*front-matter/);
  });
});

describe('a baseline whose entries no finding of the run matches any more', () => {
  it('says how many and that baseline refreshes it (an upgrade can change how findings are identified)', async () => {
    const dir = tempTree({ ...HANDBOOK, 'handbook-lint.yml': `${ROOTED}baseline: baseline.json\n` });
    const config = join(dir, 'handbook-lint.yml');
    expect((await runCli(['baseline', '--config', config, '--now', '2026-04-01'])).code).toBe(0);
    const file = join(dir, 'baseline.json');
    const baseline = JSON.parse(readFileSync(file, 'utf8'));
    // As a later version that words one finding differently sees it.
    baseline.findings[0].fingerprint = '0000000000000000';
    writeFileSync(file, JSON.stringify(baseline));
    const { code, stderr } = await runCli(['run', '--config', config, '--now', '2026-04-01']);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `1 finding accepted by the baseline ${file} was not found on the pages this run read: fixed, or identified differently since (as after an upgrade). Run \`handbook-lint baseline\` to refresh it.`,
    );
    // A run on some pages does not judge the others' entries.
    const some = await runCli(['run', '--config', config, join(dir, 'docs/index.md'), '--now', '2026-04-01']);
    expect(some.stderr).not.toContain('was not found');
  });
});

describe("a rule's message naming a value its check does not give", () => {
  it("is an error at the message: Vale's %s, and a {{name}} the check never fills in", async () => {
    const rule = (message: string) =>
      tempTree({
        ...HANDBOOK,
        'handbook-lint.yml': `${ROOTED}rule-folders: [styles]\n`,
        'styles/weasel.yml': WEASEL.replace(`message: 'Avoid "{{placeholder}}".'`, `message: "${message}"`),
      });
    const vale = await runCli([
      'rules',
      '--test',
      '--config',
      join(rule("Avoid '%s'."), 'handbook-lint.yml'),
    ]);
    expect(vale.code).toBe(2);
    noStack(vale.stderr);
    expect(vale.stderr).toContain(
      "weasel.yml:6:10  message: Vale's %s is filled in by nothing here: name a value of check: placeholder in {{ }}, one of {{title}}, {{placeholder}}",
    );
    const named = await runCli(['run', '--config', join(rule('Avoid {{word}}.'), 'handbook-lint.yml')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(
      'weasel.yml:6:10  message: {{word}} is no value of check: placeholder; it gives {{title}}, {{placeholder}}',
    );
  });
});

describe('rules --test on a rule of their own without examples', () => {
  it('says nothing tests it, instead of only "all pass"', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}rule-folders: [styles]\n`,
      'styles/weasel.yml': WEASEL.slice(0, WEASEL.indexOf('examples:')),
    });
    const { code, stdout } = await runCli([
      'rules',
      '--test',
      join(dir, 'styles'),
      '--config',
      join(dir, 'handbook-lint.yml'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'All 0 examples of 1 rule pass. weasel has no examples, so nothing tests it: add examples.valid and examples.invalid.',
    );
  });
});

describe('a page given by name in a folder this user may not open', () => {
  it('says permission denied, not "No such file or folder" (which sends them looking for a typo)', async () => {
    const dir = tempTree({ 'no-entry/page.md': '# Page\n' });
    const { code, stderr } = await runCli(['run', join(dir, 'no-entry/page.md')]);
    expect(code).toBe(2);
    noStack(stderr);
    expect(stderr).toContain('no-entry/page.md: permission denied (EACCES)');
    expect(stderr).not.toContain('No such file');
  });
});

describe('a baseline written by a newer version (CI upgraded, a laptop not yet)', () => {
  it('says so and to upgrade, not that the file is no baseline', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'baseline.json': JSON.stringify({ schemaVersion: 2, tool: { name: 'handbook-lint' }, findings: [] }),
    });
    const file = join(dir, 'baseline.json');
    const { code, stderr } = await runCli(['run', join(dir, 'docs'), '--baseline', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `Baseline file ${file} was written by a newer handbook-lint (schema 2; this one reads 1): upgrade handbook-lint.`,
    );
  });
});

describe('a symbolic link given by name whose target is gone, or that leads back to itself', () => {
  it('says it is a link and why it leads to no page, not "No such file or folder" for a file ls lists', async () => {
    const dir = tempTree({ 'docs/index.md': '# Docs\n' });
    symlinkSync('moved-away.md', join(dir, 'docs/dangling.md'));
    symlinkSync('self.md', join(dir, 'docs/self.md'));
    const dangling = await runCli(['run', join(dir, 'docs/dangling.md')]);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain(
      'dangling.md is a symbolic link to moved-away.md, which does not exist',
    );
    const loop = await runCli(['run', join(dir, 'docs/self.md')]);
    expect(loop.stderr).toContain(
      'self.md is a symbolic link to self.md, a loop of links that never reaches a file',
    );
  });
});

describe('the Action used twice in one workflow run (a matrix of handbooks, or a second job)', () => {
  it('uploads each dashboard under a name the workflow gives: upload-artifact@v4 refuses a name already taken', () => {
    const action = parseYaml(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      runs: { steps: { uses?: string; if?: string; with?: Record<string, string> }[] };
    };
    expect(action.inputs['dashboard-artifact']?.default).toBe('handbook-lint-dashboard');
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.name).toBe(`\${{ inputs.dashboard-artifact }}`);
    expect(upload?.if).toContain("inputs.dashboard-artifact != ''");
  });
});

describe('a config saved by another editor', () => {
  it('is read in UTF-16 (Notepad), and one that is not UTF-8 is an error at its first bad byte', async () => {
    const text = `${ROOTED}rules:\n  placeholder: "off"\n`;
    const dir = tempTree(HANDBOOK);
    const utf16 = join(dir, 'utf16.yml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const read = await runCli(['run', '--config', utf16, '-f', 'compact', '--now', '2026-04-01']);
    expect(read.code).toBe(0);
    expect(read.stdout).not.toContain('placeholder');
    const latin1 = join(dir, 'latin1.yml');
    writeFileSync(latin1, Buffer.from('sources:\n  markdown:\n    root: d\xf6cs\n', 'latin1'));
    const refused = await runCli(['run', '--config', latin1]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${latin1}:3:12  The file is not UTF-8: the byte at 3:12 cannot be read as text (a Latin-1 or Windows-1252 file?); save it as UTF-8.`,
    );
    expect(refused.stderr).not.toContain('Cannot read handbook folder');
  });
});
