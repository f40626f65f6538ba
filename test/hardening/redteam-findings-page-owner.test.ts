import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { emulatorsPerTest } from '../helpers/emulators-per-test.js';
import { notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, ledger, N, notionWorkspace } from '../writeback/fixtures.js';

const NOW = ['--now', '2026-06-01'];
const TITLE = 'Handbook lint findings';
const NOTES = 'Maya: my notes for the offsite, please keep.\n';
const PERSONAL = 'c0000000-0000-4000-8000-0000000000aa';

// A run without a ledger (the first run, or one after the ledger was lost) looks for its findings
// page by parent and title; a person's page that happens to carry that title is not its page.
describe("a person's page with the findings page's title is never taken over", () => {
  const start = emulatorsPerTest();

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
    const notion = await start.notion(fixture);
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
    const confluence = await start.confluence(fixture);
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
