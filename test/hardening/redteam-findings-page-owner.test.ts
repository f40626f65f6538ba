import { afterEach, describe, expect, it } from 'vitest';
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
import { C, confluenceSpace, ledger, N, notionWorkspace } from '../writeback/fixtures.js';

const NOW = ['--now', '2026-06-01'];
const TITLE = 'Handbook lint findings';
const NOTES = 'Maya: my notes for the offsite, please keep.\n';
const PERSONAL = 'c0000000-0000-4000-8000-0000000000aa';

// A run without a ledger (the first run, or one after the ledger was lost) looks for its findings
// page by parent and title; a person's page that happens to carry that title is not its page.
describe("a person's page with the findings page's title is never taken over", () => {
  let notion: NotionEmulator | undefined;
  let confluence: ConfluenceEmulator | undefined;
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    delete process.env[EMAIL_ENV];
    delete process.env[CONFLUENCE_TOKEN_ENV];
    await notion?.close();
    await confluence?.close();
    notion = undefined;
    confluence = undefined;
  });

  it('Notion: the page keeps its text, and the findings go to a page of the integration', async () => {
    const fixture = notionWorkspace();
    fixture.pages.push({
      id: PERSONAL,
      title: TITLE,
      parent: { type: 'page', id: N.reports },
      createdTime: '2026-05-01T10:00:00.000Z',
      lastEditedTime: '2026-05-01T10:00:00.000Z',
      createdBy: N.maya,
      markdown: NOTES,
    });
    notion = await startNotionEmulator({ fixture });
    process.env[TOKEN_ENV] = notion.token;
    const file = notionConfigFile(
      notion,
      {},
      { 'fail-on': 'never', writeback: { 'findings-page': { notion: { 'parent-page': N.reports } } } },
    );
    const run = await runCli(['run', '--config', file, ...NOW]);
    expect(run.code).toBe(0);
    expect(notion.page(PERSONAL)?.markdown).toBe(NOTES);
    const ours = ledger(file).writeback.pages.notion?.id ?? '';
    expect(ours).not.toBe(PERSONAL);
    expect(notion.page(ours)).toMatchObject({ title: TITLE, parent: { type: 'page', id: N.reports } });
  });

  it('Confluence: the page keeps its body and version; the run says why it wrote no findings page', async () => {
    const fixture = confluenceSpace();
    const personal = {
      id: '1099',
      title: TITLE,
      spaceId: '100',
      parentId: C.reports,
      createdAt: '2026-05-01T10:00:00.000Z',
      authorId: 'u-ana',
      ownerId: 'u-ana',
      version: { number: 3, createdAt: '2026-05-01T10:00:00.000Z', authorId: 'u-ana' },
      body: '<p>Ana: my notes, please keep.</p>',
    };
    fixture.pages.push(personal);
    confluence = await startConfluenceEmulator({ fixture });
    process.env[EMAIL_ENV] = EMAIL;
    process.env[CONFLUENCE_TOKEN_ENV] = CONFLUENCE_TOKEN;
    const file = confluenceConfigFile(
      confluence,
      {},
      {
        'fail-on': 'never',
        writeback: { 'findings-page': { confluence: { space: 'HB', 'parent-page': C.reports } } },
      },
    );
    const run = await runCli(['run', '--config', file, ...NOW]);
    expect(run.code).toBe(0);
    expect(confluence.getPage(personal.id)).toMatchObject({
      body: personal.body,
      version: expect.objectContaining({ number: 3 }),
    });
    expect(run.stderr).toContain(`"${TITLE}"`);
    expect(run.stderr).toContain('did not create');
  });
});
