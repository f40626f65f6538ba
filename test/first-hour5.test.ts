import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runAction } from '../src/github/action.js';
import { emulatorCommand } from './emulators/main.js';
import { startNotionEmulator } from './emulators/notion.js';
import { runCli, tempTree } from './helpers/cli.js';
import { confluenceConfigFile, confluenceEmulatorForSuite } from './helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from './helpers/notion.js';
import { confluenceSpace, N, notionWorkspace } from './writeback/fixtures.js';

// A fifth round of newcomers, each in turn: a Vale user who keeps a docs style guide (per-folder
// settings, rule files of their own, an editor that jumps to file:line:col), a team lead setting up
// the nightly wiki job from the README, and a contributor opening the repository for the first time.

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

/** A handbook in docs/ with a decision record and meeting notes, its config beside docs/ (as `init docs` writes). */
const HANDBOOK = {
  'docs/index.md':
    '---\nowner: "@ana"\n---\n# Docs\n\n- [ADR 1](adr/0001-use-postgres.md)\n- [Standup](meetings/2026-03-01-standup.md)\n',
  'docs/adr/0001-use-postgres.md':
    '# ADR 1: Use Postgres\n\nStatus: Proposed\nDate: 2025-01-01\n\n## Context\n\nWe need a database.\n\n## Decision\n\nWe use Postgres.\n\n## Consequences\n\nOps work.\n',
  'docs/meetings/2026-03-01-standup.md':
    '# Standup 2026-03-01\n\nAttendees: Ana, Ben\n\nTODO: Ben fixes CI\n',
};
const ROOTED = 'sources:\n  markdown:\n    root: docs\n';

describe('an override whose paths match no page (written as the report shows them, from the config)', () => {
  it('gets a warning at its place in the config naming the glob relative to the Markdown root', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}overrides:\n  - paths: ["docs/adr/**"]\n    rules: { decision-owner: "off" }\n  - paths: ["meetings/**"]\n    rules: { meeting-agenda: error }\n`,
    });
    const file = join(dir, 'handbook-lint.yml');
    const { stdout, stderr } = await runCli([
      'run',
      '--config',
      file,
      '-f',
      'compact',
      '--now',
      '2026-04-01',
    ]);
    // It still matches nothing: the warning says why and what to write.
    expect(stdout).toContain('decision-owner');
    expect(stderr).toContain(
      `${file}:5:13  overrides: no page matches "docs/adr/**"; paths are relative to the Markdown root docs (did you mean "adr/**"?)`,
    );
    // The glob that matches a page gets no warning.
    expect(stderr).not.toContain('meetings/**');
  });

  it('and a suppression whose page glob matches none gets one too; a run on some pages warns of neither', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}suppressions:\n  - rule: decision-lag\n    page: "docs/adr/**"\n    reason: old\n    expires: 2099-01-01\n`,
    });
    const file = join(dir, 'handbook-lint.yml');
    const whole = await runCli(['run', '--config', file, '-f', 'compact', '--now', '2026-04-01']);
    expect(whole.stderr).toContain(
      `${file}:6:11  suppressions: no page matches "docs/adr/**"; paths are relative to the Markdown root docs (did you mean "adr/**"?)`,
    );
    const some = await runCli(['run', '--config', file, join(dir, 'docs/index.md'), '--now', '2026-04-01']);
    expect(some.stderr).toBe('');
  });
});

describe("an override given a rule's options, as ESLint's and Vale's per-folder sections take them", () => {
  it('says overrides set a level only and where options go, not "got warning (did you mean warning?)"', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}overrides:\n  - paths: ["adr/**"]\n    rules: { decision-lag: { level: warning, max-days: 30 } }\n`,
    });
    const { code, stderr } = await runCli(['run', '--config', join(dir, 'handbook-lint.yml')]);
    expect(code).toBe(2);
    noStack(stderr);
    expect(stderr).not.toContain('did you mean warning');
    expect(stderr).toContain(
      "overrides.0.rules.decision-lag: overrides set a level only (error, warning, info, off); a rule's options are set under rules:, for every page",
    );
  });
});

describe('a rule file of their own with a mistake in it', () => {
  const rule = (body: string) =>
    tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}rule-folders: [styles]\n`,
      'styles/meeting-attendees.yml': `${body}description: Meeting notes list who attended.\nmessage: "Meeting notes have no {{field}}."\nfields:\n  attendees: { required: true }\nexamples:\n  valid: ["# Standup\\n\\nAttendees: Ana\\n"]\n  invalid: [{ markdown: "# Standup\\n", errors: ["Meeting notes have no attendees."] }]\n`,
    });

  it('names the check kind meant', async () => {
    const dir = rule('check: field\nlevel: warning\napplies-to: { types: [meeting-notes] }\n');
    const { code, stderr } = await runCli(['rules', '--test', '--config', join(dir, 'handbook-lint.yml')]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown check kind "field" (did you mean "fields"?');
  });

  it('names the key and the level meant, as the config does', async () => {
    const dir = rule('check: fields\nlevel: warn\napplies-to: { type: meeting-notes }\n');
    const { code, stderr } = await runCli(['rules', '--test', '--config', join(dir, 'handbook-lint.yml')]);
    expect(code).toBe(2);
    noStack(stderr);
    expect(stderr).toContain(
      'meeting-attendees.yml:2:8  level: expected error, warning or info; got "warn" (did you mean warning?)',
    );
    expect(stderr).toContain('meeting-attendees.yml:3:15  unknown key "type" (did you mean "types"?)');
  });
});

describe('rules --help', () => {
  it('says where a rule file is documented, for someone about to write one', async () => {
    const { stdout } = await runCli(['rules', '--help']);
    expect(stdout).toContain('Writing your own rules');
    expect(stdout).toContain('schema/rule.schema.json');
  });
});

describe('npm test -- FILE, as a contributor runs one test file', () => {
  it('hands the file to vitest instead of running the whole suite', () => {
    const root = join(import.meta.dirname, '..');
    const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.test as string;
    // Stand-ins on PATH: a Node 22.12 for scripts/node22.sh, a tsc and a build that pass, a vitest that says what it got.
    const bin = tempTree({
      node: '#!/bin/sh\n[ "$1" = -p ] && echo 22012\nexit 0\n',
      tsc: '#!/bin/sh\nexit 0\n',
      vitest: '#!/bin/sh\necho "vitest $*"\n',
    });
    for (const name of ['node', 'tsc', 'vitest']) chmodSync(join(bin, name), 0o755);
    // npm appends the arguments after `--` to the script, quoted.
    const out = execFileSync('sh', ['-c', `${script} 'test/first-hour5.test.ts'`], {
      cwd: root,
      env: { PATH: `${bin}:/usr/bin:/bin`, HOME: bin },
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('vitest run test/first-hour5.test.ts');
  });
});

describe("the nightly job's dry run, with a findings page under a parent the integration cannot see", () => {
  it('says the write would fail instead of planning it; the real run says so in one sentence, one full stop', async () => {
    const fixture = notionWorkspace();
    fixture.pages = fixture.pages.map((p) => (p.id === N.reports ? { ...p, shared: false } : p));
    const emulator = await startNotionEmulator({ fixture });
    process.env[TOKEN_ENV] = emulator.token;
    try {
      const file = notionConfigFile(
        emulator,
        {},
        { writeback: { 'findings-page': { notion: { 'parent-page': N.reports } } } },
      );
      const args = ['run', '--config', file, '--fail-on', 'never', '--now', '2026-06-01'];
      const dry = await runCli([...args, '--dry-run']);
      noStack(dry.stderr);
      expect(dry.stderr).not.toContain('create page');
      expect(dry.stderr).toContain(
        `warning Notion: reading the findings page's parent ${N.reports} failed: 404 object_not_found: Could not find page with ID: ${N.reports}. Make sure the relevant pages and databases are shared with your integration. In Notion, give the integration`,
      );
      const real = await runCli(args);
      expect(real.stderr).toContain(
        'warning Notion: writing the findings page "Handbook lint findings" failed: 404',
      );
      expect(real.stderr).not.toContain('integration.. ');
    } finally {
      delete process.env[TOKEN_ENV];
      await emulator.close();
    }
  });
});

describe('the same dry run on Confluence, with a parent page id that names no page', () => {
  const emulator = confluenceEmulatorForSuite(confluenceSpace);

  it('says the write would fail instead of planning it', async () => {
    const file = confluenceConfigFile(
      emulator(),
      { spaces: ['HB'] },
      { writeback: { 'findings-page': { confluence: { space: 'HB', 'parent-page': '999999' } } } },
    );
    const { stderr } = await runCli(['run', '--config', file, '--dry-run', '--fail-on', 'never']);
    noStack(stderr);
    expect(stderr).not.toContain('create page');
    expect(stderr).toContain(
      "warning Confluence: reading the findings page's parent 999999 failed: 404 Not Found: No content found with id: 999999. The account needs permission",
    );
  });
});

describe("the Action's job log", () => {
  it('names a page as its annotation does, from the repository root: a reader of the log finds the file', async () => {
    const workspace = tempTree({
      ...HANDBOOK,
      'docs/guides/writing.md': '---\nowner: "@ana"\n---\n# Writing\n\nSee [missing](nope.md).\n',
      'handbook-lint.yml': ROOTED,
    });
    const temp = tempTree({ 'output.txt': '' });
    let stdout = '';
    const code = await runAction(
      {
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: join(temp, 'output.txt'),
        RUNNER_TEMP: temp,
        INPUT_CONFIG: 'handbook-lint.yml',
        INPUT_NOW: '2026-04-01',
      },
      {
        stdout: (text) => {
          stdout += text;
        },
        stderr: () => undefined,
      },
    );
    expect(code).toBe(1);
    expect(stdout).toContain('::error file=docs/guides/writing.md,line=6');
    expect(stdout).toContain('\n  docs/guides/writing.md:6:5  Broken link nope.md: no such page.');
  });
});

describe('a wiki that cannot be reached (a mistyped site URL, nothing listening, a blocked network)', () => {
  it('says why, as Node\'s fetch error cause does, not only "fetch failed"', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    await new Promise((done) => server.close(done));
    const url = `http://127.0.0.1:${port}`;
    const notion = tempTree({
      'handbook-lint.yml': `sources:\n  notion:\n    token-env: HL_FH5_TOKEN\n    base-url: ${url}\n    max-attempts: 1\n`,
    });
    const confluence = tempTree({
      'handbook-lint.yml': `sources:\n  confluence:\n    site-url: ${url}\n    email-env: HL_FH5_EMAIL\n    token-env: HL_FH5_TOKEN\n    max-attempts: 1\n`,
    });
    process.env.HL_FH5_TOKEN = 'token';
    process.env.HL_FH5_EMAIL = 'bot@example.com';
    try {
      for (const dir of [notion, confluence]) {
        const { code, stderr } = await runCli([
          'run',
          '--config',
          join(dir, 'handbook-lint.yml'),
          '--dry-run',
        ]);
        expect(code).toBe(2);
        noStack(stderr);
        expect(stderr).toContain(`TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:${port})`);
      }
    } finally {
      delete process.env.HL_FH5_TOKEN;
      delete process.env.HL_FH5_EMAIL;
    }
  });
});

describe('npm run emulator, started a second time on the README port or given a fixture that is not there', () => {
  it('says what is wrong in one line, exit 2, no stack trace', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      const taken = await captured(() => emulatorCommand(['notion', '--port', String(port)]));
      expect(taken.code).toBe(2);
      expect(taken.stderr).toBe(`emulator: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`);
    } finally {
      await new Promise((done) => server.close(done));
    }
    const missing = await captured(() => emulatorCommand(['notion', '--fixture', '/no-such-fixture.json']));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "emulator: ENOENT: no such file or directory, open '/no-such-fixture.json'\n",
    );
  });
});

/** A command's exit code and standard error. */
async function captured(command: () => Promise<number>): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await command(), stderr };
  } finally {
    err.mockRestore();
  }
}

describe("a rule folder laid out as Vale's StylesPath, the rules one folder down (styles/Acme/*.yml)", () => {
  it('is an error naming the sub-folder to list, not a run without those rules', async () => {
    const dir = tempTree({
      ...HANDBOOK,
      'handbook-lint.yml': `${ROOTED}rule-folders: [styles]\n`,
      'styles/Acme/meeting-attendees.yml': 'check: fields\n',
    });
    for (const args of [['run'], ['rules'], ['rules', '--test', join(dir, 'styles')]]) {
      const { code, stderr } = await runCli([...args, '--config', join(dir, 'handbook-lint.yml')]);
      expect(code).toBe(2);
      noStack(stderr);
      expect(stderr).toContain(
        `Rule folder ${join(dir, 'styles')} holds no rule files (*.yml), but Acme/ in it does: a rule folder's own files are its rules, so list that folder under rule-folders.`,
      );
    }
  });
});
