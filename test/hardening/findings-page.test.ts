import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import {
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
  confluenceConfigFile,
  EMAIL,
  EMAIL_ENV,
  TOKEN,
} from '../helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { C, confluenceSpace, ledger, N, notionWorkspace } from '../writeback/fixtures.js';

interface Report {
  summary: { pages: number };
  findings: { ruleId: string; page: { key: string }; status: string }[];
  fixed: { ruleId: string; page: { key: string } }[];
}

/** A lone top-level page nothing links to: an orphan the findings page lists, and so links to. */
const LONELY = 'c0000000-0000-4000-8000-0000000000aa';

describe('the findings page is not part of the handbook it judges (Notion)', () => {
  let emulator: NotionEmulator;
  let file: string;
  const lint = async (now = '2026-06-01') => {
    emulator.log.splice(0);
    const run = await runCli(['run', '--config', file, '--format', 'json', '--now', now]);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as Report;
  };
  const writes = () => emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.path}`);

  beforeEach(async () => {
    const fixture = notionWorkspace();
    fixture.pages.push({
      id: LONELY,
      title: 'Old expense policy',
      parent: { type: 'workspace' },
      createdTime: '2026-05-20T10:00:00.000Z',
      lastEditedTime: '2026-05-20T10:00:00.000Z',
      createdBy: N.maya,
      markdown: 'Use the old form.\n',
    });
    emulator = await startNotionEmulator({ fixture });
    process.env[TOKEN_ENV] = emulator.token;
    file = notionConfigFile(
      emulator,
      {},
      {
        'fail-on': 'never',
        writeback: { 'findings-page': { notion: { 'parent-page': N.reports } } },
      },
    );
  });
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it('keeps an orphan an orphan after the findings page links to it', async () => {
    const orphan = (r: Report) =>
      r.findings.find((f) => f.ruleId === 'orphan-page' && f.page.key === `notion:${LONELY}`);
    const first = await lint();
    expect(orphan(first)).toMatchObject({ status: 'new' });
    const page = emulator.page(ledger(file).writeback.pages.notion?.id ?? '');
    expect(page?.markdown).toContain(LONELY.replace(/-/g, ''));
    const second = await lint();
    expect(orphan(second)).toMatchObject({ status: 'open' });
    expect(second.fixed).toEqual([]);
    expect(second.summary.pages).toBe(first.summary.pages);
  }, 60_000); // two CLI runs: room for a busy machine

  it('a run without the ledger (CI without a cache) reads the digest off the unchanged page', async () => {
    await lint('2026-06-01');
    const id = ledger(file).writeback.pages.notion?.id;
    rmSync(join(dirname(file), '.handbook-lint'), { recursive: true });
    await lint('2026-06-02');
    expect(writes()).toEqual([]);
    expect(ledger(file).writeback.pages.notion?.id).toBe(id);
  }, 60_000); // two CLI runs: room for a busy machine

  it('three nightly runs over an unchanged workspace write the findings page once', async () => {
    let count = 0;
    for (const now of ['2026-06-01', '2026-06-02', '2026-06-03']) {
      await lint(now);
      count += writes().length;
    }
    expect(count).toBe(1);
    // A change is written, with what changed since the run before.
    emulator.editPage(
      LONELY,
      'Use the old form. See <mention-page url="https://www.notion.so/0123456789abcdef0123456789abcdef"/>.\n',
      {
        at: '2026-06-03T12:00:00.000Z',
      },
    );
    await lint('2026-06-04');
    const id = ledger(file).writeback.pages.notion?.id ?? '';
    expect(writes()).toEqual([`PATCH /v1/pages/${id}/markdown`]);
    expect(emulator.page(id)?.markdown).toContain('since the run of 2026-06-03');
  }, 60_000); // several CLI runs: room for a busy machine
});

describe('the findings page is rewritten only when it changes (Confluence)', () => {
  let emulator: ConfluenceEmulator;
  beforeAll(() => {
    process.env[EMAIL_ENV] = EMAIL;
    process.env[CONFLUENCE_TOKEN_ENV] = TOKEN;
  });
  afterAll(() => {
    delete process.env[EMAIL_ENV];
    delete process.env[CONFLUENCE_TOKEN_ENV];
  });
  afterEach(() => emulator.close());

  it('three nightly runs over an unchanged space write the findings page once', async () => {
    emulator = await startConfluenceEmulator({ fixture: confluenceSpace() });
    const file = confluenceConfigFile(
      emulator,
      {},
      {
        'fail-on': 'never',
        writeback: { 'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } } },
      },
    );
    const writes: string[] = [];
    for (const now of ['2026-06-01', '2026-06-02', '2026-06-03']) {
      emulator.log.length = 0;
      const run = await runCli(['run', '--config', file, '--format', 'json', '--now', now]);
      expect(run.code).toBe(0);
      writes.push(...emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.path}`));
    }
    expect(writes).toEqual(['POST /wiki/api/v2/pages']);
  }, 60_000); // three CLI runs: room for a busy machine

  it('a run without the ledger reads the digest off the unchanged page', async () => {
    emulator = await startConfluenceEmulator({ fixture: confluenceSpace() });
    const file = confluenceConfigFile(
      emulator,
      {},
      {
        'fail-on': 'never',
        writeback: { 'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } } },
      },
    );
    expect((await runCli(['run', '--config', file, '--now', '2026-06-01'])).code).toBe(0);
    rmSync(join(dirname(file), '.handbook-lint'), { recursive: true });
    emulator.log.length = 0;
    expect((await runCli(['run', '--config', file, '--now', '2026-06-02'])).code).toBe(0);
    expect(emulator.log.filter((e) => e.write)).toEqual([]);
  }, 60_000); // two CLI runs: room for a busy machine
});
