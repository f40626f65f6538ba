import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { ledger, N, notionWorkspace } from '../writeback/fixtures.js';

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
  });
});
