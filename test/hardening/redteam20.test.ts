import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { childBlocks } from '../../src/platforms/notion/markdown.js';
import type { State } from '../../src/state.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { emulatorsPerTest } from '../helpers/emulators-per-test.js';
import { notionConfigFile } from '../helpers/notion.js';
import { confluenceSpace, ledger, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { notionBehindProxy } from './behind-proxy.js';

// Hardening 20: a red team's fresh look at the written promises, from angles no earlier round took.

const NOW = ['--now', '2026-06-01'];
const TITLE = 'Handbook lint findings';
const PERSONAL = 'c0000000-0000-4000-8000-0000000000ab';
const AT = '2026-05-20T10:00:00.000Z';
/** A mention of a page nobody shared: one broken-link finding on the page that writes it. */
const BROKEN = 'Agenda per <mention-page url="https://www.notion.so/0000000000004000800000000000fade"/>.\n';

interface JsonReport {
  findings: { ruleId: string; page: { key: string } }[];
  history: { fixed: number };
  summary: { pages: number };
}

const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const bare = (id: string) => id.replaceAll('-', '');
const onPage = (report: JsonReport, id: string) =>
  report.findings.filter((f) => bare(f.page.key).endsWith(bare(id))).map((f) => f.ruleId);

/** Retitles a page through the API, as a person does in Notion's editor. */
async function retitle(notion: NotionEmulator, id: string, title: string): Promise<void> {
  const client = new Client({ auth: notion.token, baseUrl: notion.url });
  await client.pages.update({
    page_id: id,
    properties: { title: { title: [{ text: { content: title } }] } },
  });
}

// The crawl leaves the tool's own findings page unjudged, and knew it by the ledger's page id or by
// its title under the configured parent. A person's page of that title (retitled by hand, or written
// to explain the findings) was taken for ours on every run: never judged, never counted, and its
// findings of the night before called fixed.
describe("a person's page retitled like the findings page is still judged", () => {
  const start = emulatorsPerTest();

  it('Notion: its finding stays open, our recorded page stays out of the judging', async () => {
    const fixture = notionWorkspace();
    fixture.pages.push({
      id: PERSONAL,
      title: 'Offsite notes',
      parent: { type: 'page', id: N.reports },
      createdTime: AT,
      lastEditedTime: AT,
      createdBy: N.maya,
      markdown: BROKEN,
    });
    const notion = await start.notion(fixture);
    const file = notionConfigFile(notion, {}, notionWriteBack({ enabled: false }));

    const first = await runCli(['run', '--config', file, '--format', 'json', ...NOW]);
    expect(first.code).toBe(0);
    expect(onPage(json(first.stdout), PERSONAL)).toContain('broken-link');
    const ours = ledger(file).writeback.pages.notion?.id ?? '';
    expect(ours).not.toBe('');

    await retitle(notion, PERSONAL, TITLE);
    const second = await runCli(['run', '--config', file, '--format', 'json', ...NOW]);
    expect(second.code).toBe(0);
    const report = json(second.stdout);
    expect(onPage(report, PERSONAL)).toContain('broken-link');
    expect(report.history.fixed).toBe(0);
    expect(report.summary.pages).toBe(json(first.stdout).summary.pages);
    // Our own page, found by the ledger's id, is still no page of the handbook.
    expect(onPage(report, ours)).toEqual([]);
    expect(notion.page(PERSONAL)?.markdown).toBe(BROKEN);
  }, 60_000);
});

describe('Confluence: a page of the findings title in another space of the crawl', () => {
  const start = emulatorsPerTest();

  it('is judged once the ledger records our page (no parent page configured)', async () => {
    const fixture = confluenceSpace();
    fixture.spaces.push({
      id: '200',
      key: 'ENG',
      name: 'Engineering',
      homepageId: '2000',
      authorId: 'u-ana',
      createdAt: AT,
    });
    const cpage = (id: string, title: string, parentId: string | null, body: string) => ({
      id,
      title,
      spaceId: '200',
      parentId,
      createdAt: AT,
      authorId: 'u-ana',
      ownerId: 'u-ana',
      version: { number: 1, createdAt: AT, authorId: 'u-ana' },
      body,
    });
    fixture.pages.push(
      cpage('2000', 'Engineering', null, '<p>Start here.</p>'),
      cpage(
        '2001',
        TITLE,
        '2000',
        '<p>See <ac:link><ri:page ri:content-title="Missing four" /></ac:link>.</p>',
      ),
    );
    const confluence = await start.confluence(fixture);
    const file = confluenceConfigFile(
      confluence,
      { spaces: ['HB', 'ENG'] },
      { 'fail-on': 'never', writeback: { 'findings-page': { confluence: { space: 'HB' } } } },
    );
    const first = await runCli(['run', '--config', file, '--format', 'json', ...NOW]);
    expect(first.code).toBe(0);
    const ours = ledger(file).writeback.pages.confluence?.id ?? '';
    expect(ours).not.toBe('');
    expect(ours).not.toBe('2001');

    const second = await runCli(['run', '--config', file, '--format', 'json', ...NOW]);
    const report = json(second.stdout);
    expect(onPage(report, '2001')).toContain('broken-link');
    expect(onPage(report, ours)).toEqual([]);
    expect(confluence.getPage('2001')).toMatchObject({ version: expect.objectContaining({ number: 1 }) });
  }, 60_000);
});

// Write-back errors are reported with the token taken out (`reason`), but the Notion findings
// page's search for a page of ours, and its read of the integration's own user, were not wrapped:
// an error answer there ended the run as an internal error (exit 70), printing the server's message
// as it came, token and all.
describe('Notion: the findings page search answers an error that echoes the request', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });

  it.each([
    [400, 'validation_error'],
    [503, 'service_unavailable'],
  ])(
    '%i: a write-back warning without the token; the run ends as usual',
    async (status, code) => {
      const token = process.env.HL_TEST_NOTION_TOKEN ?? '';
      expect(token).not.toBe('');
      env.proxy.setRules([
        {
          path: '/v1/search',
          method: 'POST',
          when: (_url, body) => body.query === TITLE,
          fault: {
            kind: 'status',
            status,
            body: { object: 'error', status, code, message: `rejected: authorization=Bearer ${token}` },
          },
        },
      ]);
      const state = join(tempTree({}), 'state.json');
      const file = notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        {},
        { ...notionWriteBack(), state: { path: state } },
      );
      const run = await runCli(['run', '--config', file, '--format', 'json', ...NOW]);
      env.proxy.setRules([]);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(0);
      expect(run.stderr + run.stdout).not.toContain(token);
      expect(run.stderr).toContain('[token]');
      expect(run.stderr).toMatch(/findings page/);
      // The comments still go out, one on each offending page.
      expect([N.deploy, N.runbook, N.adr].map((id) => env.emulator.comments(id).length)).toEqual([1, 1, 1]);
      expect(readFileSync(state, 'utf8')).not.toContain(token);
    },
    120_000,
  );
});

// The listing gate compares this run's pages with the most the ledger knew of (its `listed` count,
// its cached pages, its pages with findings). A `listed` that is no count (a hand edit, a planted
// cache: `1e400` reads as Infinity, `"many"` as a string) made that comparison NaN, which is never
// over the bound: a crawl that lost most of the wiki had its findings called fixed. A negative count
// was held already (the gate takes the most of three counts); it is refused the same way now.
describe('a ledger whose listed count is no count', () => {
  const start = emulatorsPerTest();

  it.each([
    ['1e400', '1e400'],
    ['a word', '"many"'],
    ['negative', '-5'],
  ])(
    '%s: refused as a corrupt ledger (exit 2, left as it was), nothing called fixed',
    async (_what, listed) => {
      const notion = await start.notion(notionWorkspace());
      const file = notionConfigFile(notion, {}, { 'fail-on': 'never' });
      const first = await runCli(['run', '--config', file, ...NOW]);
      expect(first.code).toBe(0);
      const path = join(dirname(file), '.handbook-lint', 'state.json');
      const open = Object.keys(ledger(file).findings).length;
      expect(open).toBeGreaterThan(2);
      const text = readFileSync(path, 'utf8').replace(/"listed":\s*\d+/, `"listed": ${listed}`);
      expect(text).toContain(`"listed": ${listed}`);
      writeFileSync(path, text);

      // Three of the five pages are gone from the listing: a night the gate exists for.
      for (const id of [N.deploy, N.runbook, N.adr]) notion.unsharePage(id);
      const run = await runCli(['run', '--config', file, '--format', 'json', ...NOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('has a malformed entry for source "notion"');
      expect(run.stdout).toBe('');
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
    60_000,
  );

  it('a sound count still refuses the shrunken listing (exit 3, the ledger unchanged)', async () => {
    const notion = await start.notion(notionWorkspace());
    const file = notionConfigFile(notion, {}, { 'fail-on': 'never' });
    expect((await runCli(['run', '--config', file, ...NOW])).code).toBe(0);
    const path = join(dirname(file), '.handbook-lint', 'state.json');
    const before = readFileSync(path, 'utf8');
    for (const id of [N.deploy, N.runbook, N.adr]) notion.unsharePage(id);
    const run = await runCli(['run', '--config', file, ...NOW]);
    expect(run.code).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe(before);
  }, 60_000);
});

// Held: a Notion page whose content answer echoes the request's Authorization header. The reason it
// is unreadable goes to every output a run makes: the console, the JSON and SARIF reports, the ledger
// and its page cache, and the findings page written into the wiki. Each carries `[token]` instead.
describe("Notion: a page's content answer echoes the token (held)", () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });

  it('the unreadable reason reaches every output with the token taken out', async () => {
    const token = process.env.HL_TEST_NOTION_TOKEN ?? '';
    expect(token).not.toBe('');
    env.proxy.setRules([
      {
        path: new RegExp(`^/v1/pages/${N.runbook}/markdown`),
        method: 'GET',
        fault: {
          kind: 'status',
          status: 400,
          body: {
            object: 'error',
            status: 400,
            code: 'validation_error',
            message: `echo authorization=Bearer ${token}`,
          },
        },
      },
    ]);
    const dir = tempTree({});
    const state = join(dir, 'state.json');
    const file = notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...notionWriteBack(), state: { path: state } },
    );
    const run = await runCli(['run', '--config', file, '--format', 'json', ...NOW]);
    const sarif = await runCli(['run', '--config', file, '--dry-run', '--format', 'sarif', ...NOW]);
    env.proxy.setRules([]);
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as { unreadable: { key: string; reason: string }[] };
    const reason = report.unreadable.find((u) => bare(u.key).endsWith(bare(N.runbook)))?.reason;
    expect(reason).toContain('Bearer [token]');
    expect(sarif.code).toBe(3);
    const findingsPage =
      env.emulator.page((JSON.parse(readFileSync(state, 'utf8')) as State).writeback.pages.notion?.id ?? '')
        ?.markdown ?? '';
    expect(findingsPage).toContain('Bearer \\[token\\]');
    const comments = [N.deploy, N.runbook, N.adr].flatMap((id) =>
      env.emulator.comments(id).map((c) => c.text),
    );
    const written = [
      run.stdout,
      run.stderr,
      sarif.stdout,
      sarif.stderr,
      readFileSync(state, 'utf8'),
      readFileSync(join(dir, 'state.cache.json'), 'utf8'),
      findingsPage,
      ...comments,
    ];
    for (const text of written) expect(text).not.toContain(token);
  }, 120_000);
});

// A person who hangs a page of notes under the findings page (Notion shows it as a block of the page)
// made every later update of the findings page fail: `replace_content` refuses to drop a child page.
// The notes were kept, but the findings page stayed as it was, night after night, with a warning that
// told the person to set an API flag. The update now carries the child pages' tags over.
describe("Notion: a person's page under the findings page", () => {
  const start = emulatorsPerTest();
  const OURS = 'c0000000-0000-4000-8000-0000000000f1';
  const NOTES = 'c0000000-0000-4000-8000-0000000000f2';
  const NOTES_TEXT = 'Maya: what we agreed about the broken links.\n';

  it('is kept, and the findings page is brought up to date around it', async () => {
    const fixture = notionWorkspace();
    fixture.pages.push(
      {
        id: OURS,
        title: TITLE,
        parent: { type: 'page', id: N.reports },
        createdTime: AT,
        lastEditedTime: AT,
        createdBy: N.bot,
        markdown: 'An old report.\n',
      },
      {
        id: NOTES,
        title: 'Notes on the findings',
        parent: { type: 'page', id: OURS },
        createdTime: AT,
        lastEditedTime: AT,
        createdBy: N.maya,
        markdown: NOTES_TEXT,
      },
    );
    const notion = await start.notion(fixture);
    const file = notionConfigFile(notion, {}, notionWriteBack({ enabled: false }));
    const run = await runCli(['run', '--config', file, ...NOW]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/findings page.*failed/);
    expect(ledger(file).writeback.pages.notion?.id).toBe(OURS);
    expect(notion.page(OURS)?.markdown).toMatch(/Written by handbook-lint, digest [0-9a-f]{16}/);
    expect(notion.page(OURS)?.markdown).toContain(bare(NOTES));
    expect(notion.page(NOTES)).toMatchObject({ inTrash: false, markdown: NOTES_TEXT });

    // Brought up to date again on a later night: still around the notes, never over them.
    const firstDigest = /digest ([0-9a-f]{16})/.exec(notion.page(OURS)?.markdown ?? '')?.[1];
    notion.editPage(N.runbook, 'Escalate to the on-call.\n');
    const again = await runCli(['run', '--config', file, ...NOW]);
    expect(again.stderr).not.toMatch(/findings page.*failed/);
    const digest = (text = '') => /digest ([0-9a-f]{16})/.exec(text)?.[1];
    expect(digest(notion.page(OURS)?.markdown)).not.toBe(firstDigest);
    expect(notion.page(OURS)?.markdown.match(/^<page url=/gm)).toHaveLength(1);
    expect(notion.page(NOTES)).toMatchObject({ inTrash: false, markdown: NOTES_TEXT });
  }, 60_000);

  it('only child blocks are carried: a title quoting the tag stays text, as does a tag inside a line', () => {
    const tag = '<page url="https://www.notion.so/Notes-c00000000000400080000000000000f2">Notes</page>';
    const markdown = [
      '# Handbook lint findings',
      `- [\\${tag.replace('</', '\\</')}](https://www.notion.so/x): 1 finding`,
      `| ${tag} | broken-link |`,
      `\t${tag}`,
      `Written by handbook-lint, digest 0123456789abcdef ${tag}`,
      tag,
      '<database url="https://www.notion.so/d0000000000040008000000000000001">Decision log</database>',
    ].join('\n');
    expect(childBlocks(markdown)).toEqual([
      tag,
      '<database url="https://www.notion.so/d0000000000040008000000000000001">Decision log</database>',
    ]);
  });
});
