import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { DEPLOY_HALF_FIXED, ledger, N, notionWorkspace, notionWriteBack } from './fixtures.js';

interface Report {
  findings: { ruleId: string; page: { key: string }; status: string; fingerprint: string }[];
  fixed: { ruleId: string; page: { key: string } }[];
}

const OFFENDING = [N.deploy, N.runbook, N.adr];

describe('Notion write-back against the emulator', () => {
  let emulator: NotionEmulator;
  let file: string;
  const writes = () => emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.path}`);
  const lint = async (...extra: string[]) => {
    emulator.log.splice(0);
    const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01', ...extra]);
    expect(run.code).toBe(0);
    return { ...run, report: JSON.parse(run.stdout) as Report };
  };

  beforeEach(async () => {
    emulator = await startNotionEmulator({ fixture: notionWorkspace() });
    process.env[TOKEN_ENV] = emulator.token;
    file = notionConfigFile(emulator, {}, notionWriteBack());
  });
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it('ten runs over an unchanged workspace: one findings page, one comment per offending page, no writes after run 1', async () => {
    const first = await lint();
    expect(first.report.findings.every((f) => f.status === 'new')).toBe(true);
    expect(writes().filter((w) => w === 'POST /v1/pages')).toHaveLength(1);
    expect(writes().filter((w) => w === 'POST /v1/comments')).toHaveLength(OFFENDING.length);
    expect(first.stderr).toContain('Write-back:');
    const findingsPage = ledger(file).writeback.pages.notion;
    expect(emulator.page(findingsPage?.id ?? '')).toMatchObject({
      title: 'Handbook lint findings',
      parent: { type: 'page', id: N.reports },
    });

    for (let run = 2; run <= 10; run++) {
      const { report } = await lint();
      // Findings going from new to still open is no change to the handbook: no rewrite for it.
      expect(writes()).toEqual([]);
      expect(report.findings.every((f) => f.status === 'open')).toBe(true);
    }
    expect(ledger(file).writeback.pages.notion?.id).toBe(findingsPage?.id);
    for (const id of OFFENDING) expect(emulator.comments(id)).toHaveLength(1);
    // The findings page itself is crawled but never linted or commented on.
    expect(emulator.comments(findingsPage?.id ?? '')).toEqual([]);
    expect(first.report.findings.some((f) => f.page.key === `notion:${findingsPage?.id}`)).toBe(false);
    const adr = emulator.comments(N.adr)[0];
    expect(adr?.text).toContain(`<mention-user url="user://${N.maya}"/>`);
    expect(adr?.text).toMatch(/\nhandbook-lint #[0-9a-f]{12}: [0-9a-f]{16}/);
    // The page still reads as written by run 1, the last run that changed something.
    expect(emulator.page(findingsPage?.id ?? '')?.markdown).toMatch(/\*\*\d+ new\*\*, 0 still open/);
  }, 60_000); // ten CLI runs: room for a busy machine

  it('fixing a problem moves it to fixed, follows up in the same discussion and changes the findings page', async () => {
    await lint();
    const findingsId = ledger(file).writeback.pages.notion?.id ?? '';
    const before = emulator.page(findingsId)?.markdown;
    emulator.editPage(N.deploy, DEPLOY_HALF_FIXED, { at: '2026-05-31T12:00:00.000Z' });
    const { report } = await lint();
    expect(report.fixed).toEqual([
      expect.objectContaining({
        ruleId: 'broken-link',
        page: expect.objectContaining({ key: `notion:${N.deploy}` }),
      }),
    ]);
    const thread = emulator.comments(N.deploy);
    expect(thread).toHaveLength(2);
    expect(thread[1]?.discussionId).toBe(thread[0]?.discussionId);
    expect(thread[1]?.text).toContain('Update: 0 new, 1 fixed');
    expect(writes()).toEqual([`PATCH /v1/pages/${findingsId}/markdown`, 'POST /v1/comments']);
    const after = emulator.page(findingsId)?.markdown;
    expect(after).not.toBe(before);
    expect(after).toContain('Fixed since the last run (1)');

    emulator.editPage(N.deploy, 'All links work now.\n', { at: '2026-05-31T13:00:00.000Z' });
    await lint();
    expect(emulator.comments(N.deploy).map((c) => c.text)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.stringContaining('All handbook-lint findings on this page are fixed'),
    ]);
    await lint();
    expect(writes()).toEqual([]); // nothing changed since: no comment, and the page keeps what it said
  });

  it('--dry-run makes no write request and prints the plan', async () => {
    const { stderr } = await lint('--dry-run');
    expect(writes()).toEqual([]);
    expect(stderr).toContain('Dry run: nothing was written. 4 planned writes:');
    expect(stderr).toMatch(/create page\s+notion\s+"Handbook lint findings" \(first run\)/);
    expect(stderr).toMatch(
      /comment\s+notion\s+"Deploy guide" <https:\/\/www\.notion\.so\/[^>]+> \(2 findings\)/,
    );
    await lint();
    emulator.editPage(N.deploy, DEPLOY_HALF_FIXED, { at: '2026-05-31T12:00:00.000Z' });
    const planned = await lint('--dry-run');
    expect(writes()).toEqual([]);
    expect(planned.stderr).toMatch(/update page\s+notion/);
    expect(planned.stderr).toMatch(/follow-up\s+notion\s+"Deploy guide".*\(1 finding\)/);
  });

  it('recreates a findings page deleted by hand, and never touches another page', async () => {
    await lint();
    const first = ledger(file).writeback.pages.notion?.id ?? '';
    emulator.deletePage(first);
    await lint();
    const second = ledger(file).writeback.pages.notion?.id ?? '';
    expect(second).not.toBe(first);
    expect(writes()).toEqual(['POST /v1/pages']);
    expect(emulator.page(first)?.inTrash).toBe(true);
  });

  it('a lost ledger adopts the findings page and the comments by their marker instead of duplicating them', async () => {
    await lint();
    const id = ledger(file).writeback.pages.notion?.id;
    rmSync(join(dirname(file), '.handbook-lint'), { recursive: true });
    await lint();
    expect(writes()).toEqual([]); // the page carries its digest: unchanged, so not rewritten
    expect(ledger(file).writeback.pages.notion?.id).toBe(id);
    for (const page of OFFENDING) expect(emulator.comments(page)).toHaveLength(1);
  });

  it('caps comments per run and lists the waiting pages on the findings page', async () => {
    file = notionConfigFile(emulator, {}, notionWriteBack({ cap: 1 }));
    await lint();
    expect(writes().filter((w) => w === 'POST /v1/comments')).toHaveLength(1);
    const page = emulator.page(ledger(file).writeback.pages.notion?.id ?? '');
    expect(page?.markdown).toContain('Waiting for a comment (2)');
    await lint();
    expect(writes().filter((w) => w === 'POST /v1/comments')).toHaveLength(1);
  });

  it('leaves a page commented within the cooldown alone and lists it as waiting', async () => {
    file = notionConfigFile(emulator, {}, notionWriteBack({ 'cooldown-hours': 24 }));
    await lint();
    emulator.editPage(N.deploy, DEPLOY_HALF_FIXED, { at: '2026-05-31T12:00:00.000Z' });
    await lint();
    expect(writes().filter((w) => w === 'POST /v1/comments')).toEqual([]);
    expect(emulator.page(ledger(file).writeback.pages.notion?.id ?? '')?.markdown).toContain(
      'Waiting for a comment (1)',
    );
    await lint('--now', '2026-06-03');
    expect(writes().filter((w) => w === 'POST /v1/comments')).toHaveLength(1);
    expect(emulator.comments(N.deploy)).toHaveLength(2);
  });

  it('reports a missing comment capability clearly and still writes the findings page', async () => {
    emulator.setCapabilities({ insertComments: false, readComments: false });
    const { stderr } = await lint();
    expect(stderr).toContain('Notion: reading comments failed: 403 restricted_resource');
    expect(stderr).toContain('Read comments and Insert comments');
    expect(stderr.match(/warning/g)).toHaveLength(1);
    expect(writes()).toEqual(['POST /v1/pages']);
  });
});
