import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMirror, readManifest } from '../src/sync/mirror.js';
import { startNotionEmulator } from './emulators/notion.js';
import { runCli, tempTree } from './helpers/cli.js';
import { confluenceConfigFile, confluenceEmulatorForSuite } from './helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from './helpers/notion.js';
import { confluenceSpace, N, notionWorkspace } from './writeback/fixtures.js';

// A sixth round of newcomers: the last round's leftovers first, then someone who installs the
// package instead of cloning, an ESLint/markdownlint-cli2 user wiring it into CI, and a wiki admin
// preparing the nightly job.

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('a Notion root whose blocks the integration may not list (403)', () => {
  it('says so in sentences that end in one full stop each, not two', async () => {
    const emulator = await startNotionEmulator({ fixture: notionWorkspace() });
    process.env[TOKEN_ENV] = emulator.token;
    try {
      emulator.setFaults([
        { path: `/v1/blocks/${N.home}/children`, status: 403, times: Number.POSITIVE_INFINITY },
      ]);
      const file = notionConfigFile(emulator, { roots: [N.home] });
      const { code, stderr } = await runCli([
        'run',
        '--config',
        file,
        '--fail-on',
        'never',
        '--now',
        '2026-06-01',
      ]);
      noStack(stderr);
      expect(code).toBe(3);
      expect(stderr).toContain(
        `Notion listing of the blocks in ${N.home} failed: 403 restricted_resource: Injected fault: restricted_resource. Nothing was written back`,
      );
      expect(stderr).not.toContain('..');
    } finally {
      delete process.env[TOKEN_ENV];
      await emulator.close();
    }
  });
});

describe('a Confluence space key in the wrong case (eng for ENG)', () => {
  const emulator = confluenceEmulatorForSuite(confluenceSpace);

  it('names the key that exists, exit 2', async () => {
    const file = confluenceConfigFile(emulator(), { spaces: ['hb'] });
    const { code, stderr } = await runCli(['run', '--config', file, '--dry-run']);
    expect(code).toBe(2);
    noStack(stderr);
    expect(stderr).toContain(
      'Confluence space hb not found, or not visible to this account (sources.confluence.spaces). Did you mean HB?',
    );
    // The findings page's space too, where the write-back's dry run reads it.
    const writing = confluenceConfigFile(
      emulator(),
      { spaces: ['HB'] },
      { writeback: { 'findings-page': { confluence: { space: 'hb' } } } },
    );
    const dry = await runCli(['run', '--config', writing, '--dry-run', '--fail-on', 'never']);
    noStack(dry.stderr);
    expect(dry.stderr).toContain(
      'space hb (writeback.findings-page.confluence.space) not found or not visible. Did you mean HB?',
    );
  });
});

describe('extends: in a rule file of their own (as a Vale rule names its kind)', () => {
  it("says a rule names its check kind with check:, not the config's hint about sharing rules", async () => {
    const dir = tempTree({
      'docs/index.md': '---\nowner: "@ana"\n---\n# Docs\n',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\nrule-folders: [styles]\n',
      'styles/meeting-attendees.yml':
        'extends: existence\ncheck: fields\nlevel: warning\ndescription: Meeting notes list who attended.\nmessage: "Meeting notes have no {{field}}."\nfields:\n  attendees: { required: true }\n',
    });
    const { code, stderr } = await runCli(['rules', '--config', join(dir, 'handbook-lint.yml')]);
    expect(code).toBe(2);
    noStack(stderr);
    expect(stderr).not.toContain('a config extends no other file');
    expect(stderr).toContain(
      'meeting-attendees.yml:1:1  unknown key "extends" (a rule file names its check kind under check: and extends no other rule; to change a shipped rule, set its level and options under rules: in the config)',
    );
    // Written as Vale writes it, with no check: at all: the missing check says where the kind goes.
    const vale = tempTree({
      'docs/index.md': '# Docs\n',
      'handbook-lint.yml': 'rule-folders: [styles]\n',
      'styles/attendees.yml': 'extends: existence\nlevel: warning\n',
    });
    const second = await runCli(['rules', '--config', join(vale, 'handbook-lint.yml')]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(
      'attendees.yml:1:1  missing `check` (a rule names it under check:, not extends:; known: conditional',
    );
  });
});

describe("a rule of the team's own in SARIF and the reports (code scanning shows its help)", () => {
  it("links no page of handbook-lint's repository, where the rule is not; a shipped rule keeps its link", async () => {
    const dir = tempTree({
      'docs/index.md': '---\nowner: "@ana"\n---\n# Docs\n\n- [Standup](meetings/2026-03-01-standup.md)\n',
      'docs/meetings/2026-03-01-standup.md':
        '# Standup 2026-03-01\n\n## Agenda\n\n- CI\n\n## Action items\n\n- [ ] @ben: fix CI (due 2026-03-08)\n',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\nrule-folders: [styles]\n',
      'styles/meeting-attendees.yml':
        'check: fields\nlevel: warning\ndescription: Meeting notes list who attended.\nmessage: "Meeting notes have no {{field}}."\napplies-to: { types: [meeting-notes] }\nfields:\n  attendees: { required: true }\n',
    });
    const out = join(dir, 'report.sarif');
    await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '-o', out, '--now', '2026-03-02']);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    const rules = sarif.runs[0].tool.driver.rules as Array<{
      id: string;
      helpUri?: string;
      help: { text: string };
    }>;
    const own = rules.find((r) => r.id === 'meeting-attendees');
    expect(own?.helpUri).toBeUndefined();
    expect(own?.help.text).toBe('Meeting notes list who attended.');
    expect(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'meeting-attendees')).toBe(
      true,
    );
    expect(rules.find((r) => r.id === 'stale-page')?.helpUri).toBe(
      'https://github.com/handbook-lint/handbook-lint/blob/main/rules/stale-page.yml',
    );
  });
});

describe('a disable-line written before the text on its line, as <!-- markdownlint-disable-line --> is placed', () => {
  it('says the rest of a line that starts with <!-- is HTML and is not checked, not to use disable-next-line', async () => {
    const dir = tempTree({
      'docs/a.md':
        '---\nowner: "@ana"\n---\n# A\n\n<!-- handbook-lint-disable-line broken-link -->See [the plan](gone.md).\n',
    });
    const { stdout } = await runCli(['run', join(dir, 'docs'), '-f', 'compact', '--now', '2026-04-01']);
    expect(stdout).not.toContain('use handbook-lint-disable-next-line');
    expect(stdout).toContain(
      'Unused handbook-lint-disable-line: no "broken-link" finding to suppress; the text after it is HTML to Markdown (a line that starts with <!-- is an HTML block), so nothing there is checked: put the comment at the end of the line.',
    );
  });
});

describe('a baseline taken while a page cannot be read (over max-page-bytes, a wiki page the account may not see)', () => {
  it('says which page its findings are missing for and exits 3, as run does: the next run would report them all as new', async () => {
    const dir = tempTree({
      'handbook-lint.yml':
        'sources:\n  markdown:\n    root: docs\n    max-page-bytes: 200\nbaseline: baseline.json\n',
      'docs/a.md': '---\nowner: "@ana"\n---\n# A\n\n[x](nope.md)\n',
      'docs/big.md': `# Big\n\n[y](nope2.md)\n\n${'word '.repeat(100)}\n`,
    });
    const { code, stdout, stderr } = await runCli(['baseline', '--config', join(dir, 'handbook-lint.yml')]);
    expect(stdout).toContain('2 findings accepted');
    expect(stderr).toContain(
      'warning 1 page could not be read, so its findings are not in the baseline; a later run that reads it reports them as new:',
    );
    expect(stderr).toContain('big.md: the page is');
    expect(code).toBe(3);
  });
});

describe("a directive with the tool's name misspelled, or another linter's name before a handbook-lint rule", () => {
  it('is reported with the name handbook-lint reads, and silences nothing; markdownlint naming its own rules is left alone', async () => {
    const line = (comment: string) => `${comment}\nSee [the plan](gone.md).\n\n`;
    const dir = tempTree({
      'docs/a.md': `---\nowner: "@ana"\n---\n# A\n\n${[
        '<!-- handbooklint-disable-next-line broken-link -->',
        '<!-- handbook_lint-disable-next-line broken-link -->',
        '<!-- markdownlint-disable-next-line broken-link -->',
        '<!-- markdownlint-disable-next-line MD013 -->',
        '<!-- handbook-lint-ignore broken-link -->',
      ]
        .map(line)
        .join('')}`,
    });
    const { stdout } = await runCli(['run', join(dir, 'docs'), '-f', 'compact', '--now', '2026-04-01']);
    expect(stdout).toContain(
      'a.md:6:1  warning  directive  handbooklint-disable-next-line is not read: did you mean handbook-lint-disable-next-line?',
    );
    expect(stdout).toContain(
      'a.md:9:1  warning  directive  handbook_lint-disable-next-line is not read: did you mean handbook-lint-disable-next-line?',
    );
    expect(stdout).toContain(
      'a.md:12:1  warning  directive  markdownlint-disable-next-line names handbook-lint\'s rule "broken-link", but markdownlint reads it, not handbook-lint: write handbook-lint-disable-next-line.',
    );
    expect(stdout).not.toContain('a.md:15:1');
    expect(stdout).toContain(
      'a.md:18:1  warning  directive  Unknown directive handbook-lint-ignore (did you mean handbook-lint-disable-next-line?).',
    );
    // None of them silenced its link.
    for (const at of [7, 10, 13, 16, 19]) expect(stdout).toContain(`a.md:${at}:5  error  broken-link`);
  });
});

describe('a first sync stopped while it writes the mirror (Ctrl-C, a cancelled job, a full disk)', () => {
  it('leaves a folder the next sync takes as its mirror, not one it refuses as "not empty"', async () => {
    const root = tempTree({ sub: 'a file where the mirror wants a folder: writing under it fails\n' });
    const entries = [
      { key: 'notion:1', file: 'a.md', content: '# A\n' },
      { key: 'notion:2', file: 'sub/b.md', content: '# B\n' },
    ];
    await expect(applyMirror(root, entries, undefined, false, () => undefined)).rejects.toThrow();
    const manifest = await readManifest(root, () => undefined);
    expect(manifest?.pages['notion:1']?.file).toBe('a.md');
  });
});

describe('sync --out naming a file (a report name given by mistake)', () => {
  it('says it is a file, not that its manifest is unreadable', async () => {
    const dir = tempTree({ 'report.md': '# Report\n' });
    await expect(readManifest(join(dir, 'report.md'), () => undefined)).rejects.toThrow(
      `${join(dir, 'report.md')} is a file, not a folder.`,
    );
  });
});
