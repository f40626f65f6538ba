import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import {
  TOKEN as CONFLUENCE_TOKEN,
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
  confluenceConfigFile,
  EMAIL,
  EMAIL_ENV,
} from '../helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { C, confluenceSpace, ledger, N, notionWorkspace, notionWriteBack } from './fixtures.js';

// A findings page the token may not write (Notion: no "Insert content" capability; Confluence: no
// permission to add a page to the space) must not leave comments pointing at a page that is not
// there: the comments still go out (they are useful alone), say nothing of the page, and the run's
// write-back summary says the page was not written. Second: a refused listing in a dry run says
// what a real run would do, in the words of the wiki it read.

const NOW = ['--now', '2026-06-01'];
const COMMENTED = [N.deploy, N.runbook, N.adr];
const notices = (stdout: string) =>
  (JSON.parse(stdout) as { notices?: { code: string; message: string }[] }).notices ?? [];

describe('Notion: the integration may not insert content', () => {
  let emulator: NotionEmulator;
  let file: string;
  const run = (...extra: string[]) => runCli(['run', '--config', file, '--format', 'json', ...NOW, ...extra]);

  beforeEach(async () => {
    emulator = await startNotionEmulator({ fixture: notionWorkspace() });
    process.env[TOKEN_ENV] = emulator.token;
    file = notionConfigFile(emulator, {}, notionWriteBack());
  });
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it('posts the comments without a findings page to point at, and the summary says the page was not written', async () => {
    emulator.setCapabilities({ insertContent: false });
    const { code, stdout, stderr } = await run();
    expect(code).toBe(0);
    const writes = emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.path} ${e.status}`);
    expect(writes).toContain('POST /v1/pages 403');
    expect(ledger(file).writeback.pages.notion).toBeUndefined();
    for (const id of COMMENTED) {
      const [comment, ...more] = emulator.comments(id);
      expect(more).toEqual([]);
      expect(comment?.text).toContain('handbook-lint found');
      expect(comment?.text).not.toContain('All findings');
      expect(comment?.text).not.toContain('Handbook lint findings');
    }
    expect(stderr).toMatch(
      /Write-back:\n(?:.*\n)*\s+findings page\s+notion\s+"Handbook lint findings" not written \(the warning below says why\)/,
    );
    const told = notices(stdout).find((n) => n.code === 'write-back')?.message;
    expect(told).toContain('writing the findings page "Handbook lint findings" failed: 403');
    expect(told).toContain('Insert content');
    expect(told).toContain('Comments there do not link to it this run.');
  });

  it('a dry run that cannot see the parent says the findings page would fail', async () => {
    emulator.setFaults([
      { path: `/v1/pages/${N.reports}`, method: 'GET', status: 404, times: Number.POSITIVE_INFINITY },
    ]);
    const { stderr } = await run('--dry-run');
    expect(emulator.log.filter((e) => e.write)).toEqual([]);
    expect(stderr).toMatch(
      /\s+findings page\s+notion\s+"Handbook lint findings" would fail \(the warning below says why\)/,
    );
    expect(stderr).toMatch(/\s+comment\s+notion\s+"Deploy guide"/);
  });

  it('with the capability, the page is written and every comment links to it (the right case)', async () => {
    const { code, stdout, stderr } = await run();
    expect(code).toBe(0);
    const page = ledger(file).writeback.pages.notion;
    expect(page?.url).toMatch(/^https:\/\/www\.notion\.so\//);
    for (const id of COMMENTED) {
      const text = emulator.comments(id)[0]?.text ?? '';
      expect(text).toContain('All findings');
      expect(text).toContain(page?.url);
    }
    expect(stderr).not.toContain('not written');
    expect(notices(stdout).filter((n) => n.code === 'write-back')).toEqual([]);
  });
});

describe('Confluence: the account may not add a page to the space', () => {
  let emulator: ConfluenceEmulator;
  let file: string;
  const run = (...extra: string[]) => runCli(['run', '--config', file, '--format', 'json', ...NOW, ...extra]);

  beforeAll(() => {
    process.env[EMAIL_ENV] = EMAIL;
    process.env[CONFLUENCE_TOKEN_ENV] = CONFLUENCE_TOKEN;
  });
  afterAll(() => {
    delete process.env[EMAIL_ENV];
    delete process.env[CONFLUENCE_TOKEN_ENV];
  });
  beforeEach(async () => {
    emulator = await startConfluenceEmulator({ fixture: confluenceSpace() });
    file = confluenceConfigFile(
      emulator,
      {},
      {
        'fail-on': 'never',
        writeback: {
          'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } },
          comments: { enabled: true, 'cooldown-hours': 0 },
        },
      },
    );
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('posts the comments without a link to a findings page, and the summary says the page was not written', async () => {
    emulator.fault({
      path: '/wiki/api/v2/pages',
      method: 'POST',
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    const { code, stdout, stderr } = await run();
    expect(code).toBe(0);
    expect(ledger(file).writeback.pages.confluence).toBeUndefined();
    for (const id of [C.deploy, C.runbook]) {
      const [comment, ...more] = emulator.comments(id);
      expect(more).toEqual([]);
      expect(comment?.body).toContain('handbook-lint found');
      expect(comment?.body).not.toContain('All findings');
    }
    expect(stderr).toMatch(/\s+findings page\s+confluence\s+"Handbook lint findings" not written/);
    const told = notices(stdout).find((n) => n.code === 'write-back')?.message;
    expect(told).toContain('writing the findings page "Handbook lint findings" failed: 403');
    expect(told).toContain('Comments there do not link to it this run.');
  });

  it('with the permission, the comments link to the page written (the right case)', async () => {
    const { code, stderr } = await run();
    expect(code).toBe(0);
    const page = ledger(file).writeback.pages.confluence;
    expect(page?.url).toContain('/wiki/');
    for (const id of [C.deploy, C.runbook])
      expect(emulator.comments(id)[0]?.body).toContain(`All findings: <a href="${page?.url}">`);
    expect(stderr).not.toContain('not written');
  });
});

describe('a refused listing says what the run did, in the words of the wiki it read', () => {
  it('Notion, a dry run: what a real run would do, and what Notion shares with the integration', async () => {
    const emulator = await startNotionEmulator({ fixture: notionWorkspace() });
    process.env[TOKEN_ENV] = emulator.token;
    try {
      emulator.setFaults([
        { path: `/v1/blocks/${N.home}/children`, status: 403, times: Number.POSITIVE_INFINITY },
      ]);
      const file = notionConfigFile(emulator, { roots: [N.home] }, notionWriteBack());
      const argv = ['run', '--config', file, ...NOW];
      const dry = await runCli([...argv, '--dry-run']);
      expect(dry.code).toBe(3);
      expect(dry.stderr).toContain(
        'A real run would refuse this listing too: it would write nothing back and leave the ledger unchanged, so no finding would count as fixed.',
      );
      expect(dry.stderr).not.toContain('Nothing was written back');
      expect(dry.stderr).toContain('in Notion, the pages shared with the integration');
      expect(dry.stderr).not.toContain('spaces');
      // The right case: a real run says what it did, and still only Notion's words.
      const real = await runCli(argv);
      expect(real.code).toBe(3);
      expect(real.stderr).toContain(
        'Nothing was written back and the ledger is unchanged, so no finding counts as fixed.',
      );
      expect(real.stderr).toContain('in Notion, the pages shared with the integration');
      expect(real.stderr).not.toContain('spaces');
      expect(emulator.log.filter((e) => e.write)).toEqual([]);
    } finally {
      delete process.env[TOKEN_ENV];
      await emulator.close();
    }
  });

  it("Confluence, a dry run after half the space is gone: Confluence's words, never Notion's", async () => {
    process.env[EMAIL_ENV] = EMAIL;
    process.env[CONFLUENCE_TOKEN_ENV] = CONFLUENCE_TOKEN;
    const emulator = await startConfluenceEmulator({ fixture: confluenceSpace() });
    try {
      const file = confluenceConfigFile(emulator, {}, { 'fail-on': 'never' });
      expect((await runCli(['run', '--config', file, ...NOW])).code).toBe(0);
      emulator.deletePage(C.deploy);
      emulator.deletePage(C.runbook);
      const dry = await runCli(['run', '--config', file, ...NOW, '--dry-run']);
      expect(dry.code).toBe(3);
      expect(dry.stderr).toContain('A real run would refuse this listing too');
      expect(dry.stderr).toContain('in Confluence, the spaces and pages the account can see');
      expect(dry.stderr).not.toContain('Notion');
      const real = await runCli(['run', '--config', file, ...NOW]);
      expect(real.code).toBe(3);
      expect(real.stderr).toContain('Nothing was written back and the ledger is unchanged');
    } finally {
      delete process.env[EMAIL_ENV];
      delete process.env[CONFLUENCE_TOKEN_ENV];
      await emulator.close();
    }
  });
});
