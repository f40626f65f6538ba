import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { LintResult } from '../src/model/result.js';
import { formatMarkdown } from '../src/report/markdown.js';
import { run } from '../src/run.js';
import type { ConfluenceFixtureInput } from './emulators/confluence-fixture.js';
import type { NotionFixture } from './emulators/notion.js';
import { confluenceConfigFile, confluenceEmulatorForSuite, EMAIL } from './helpers/confluence.js';
import { notionConfigFile, notionEmulatorForSuite } from './helpers/notion.js';

const NOW = new Date('2026-06-01T00:00:00Z');
// Every page carries one placeholder, so every page has a finding that shows its owner.
const TODO = '[Add your notes]';

/** Each page's resolved owner and its source, from the findings (one entry per page). */
function owners(result: LintResult): Record<string, [string | undefined, string | undefined]> {
  return Object.fromEntries(result.findings.map((f) => [f.page.title, [f.page.owner, f.page.ownerSource]]));
}

const MAYA = '0b6f4a4e-1f0e-4a53-9d1c-6f1f2a3b4c5d';
const TOMAS = '1c7e5b5f-2a1f-4b64-8e2d-7a2b3c4d5e6f';
const LEE = '2d8f6c6a-3b2a-4c75-9f3e-8b3c4d5e6f7a';
const id = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
const CREATED = '2026-01-01T00:00:00.000Z';
const EDITED = '2026-05-01T00:00:00.000Z';

const NOTION: NotionFixture = {
  workspace: { id: id(90), name: 'Acme' },
  bot: { id: id(91), name: 'Handbook Lint' },
  users: [
    { id: MAYA, name: 'Maya Chen' },
    { id: TOMAS, name: 'Tomás Rivera' },
    { id: LEE, name: 'Lee Park' },
  ],
  databases: [
    {
      id: id(20),
      dataSourceId: id(21),
      title: 'Policy register',
      parentPageId: id(2),
      createdTime: CREATED,
      lastEditedTime: EDITED,
      createdBy: MAYA,
      titleProperty: 'Name',
      schema: { Owner: { type: 'people' } },
    },
  ],
  pages: [
    {
      id: id(1),
      title: 'Handbook',
      parent: { type: 'workspace' },
      createdTime: CREATED,
      lastEditedTime: EDITED,
      createdBy: LEE,
      markdown: `Owner: Maya Chen\n\n${TODO}\n`,
    },
    {
      id: id(2),
      title: 'Policies',
      parent: { type: 'page', id: id(1) },
      createdTime: CREATED,
      lastEditedTime: EDITED,
      createdBy: LEE,
      markdown: `${TODO}\n`,
    },
    {
      id: id(3),
      title: 'Travel policy',
      parent: { type: 'data_source', id: id(21) },
      createdTime: CREATED,
      lastEditedTime: EDITED,
      createdBy: LEE,
      properties: { Owner: { type: 'people', ids: [TOMAS] } },
      markdown: `${TODO}\n`,
    },
    {
      id: id(4),
      title: 'Expense policy',
      parent: { type: 'data_source', id: id(21) },
      createdTime: CREATED,
      lastEditedTime: EDITED,
      createdBy: LEE,
      properties: { Owner: { type: 'people', ids: [] } },
      markdown: `${TODO}\n`,
    },
    {
      id: id(5),
      title: 'Scratch',
      parent: { type: 'workspace' },
      createdTime: CREATED,
      lastEditedTime: EDITED,
      createdBy: MAYA,
      lastEditedBy: LEE,
      markdown: `${TODO}\n`,
    },
  ],
};

describe('owners of Notion pages (emulator)', () => {
  const emulator = notionEmulatorForSuite(() => NOTION);

  const lint = async (top: Record<string, unknown> = {}) =>
    run(await loadConfig(notionConfigFile(emulator(), {}, top)), { now: NOW });

  it('come from an Owner: line, a people property, or the nearest parent page that names one', async () => {
    expect(owners(await lint())).toEqual({
      Handbook: ['Maya Chen', 'page'],
      Policies: ['Maya Chen', 'parent'],
      'Travel policy': ['Tomás Rivera', 'property'],
      // A row with an empty Owner: its database sits on Policies, which inherits from Handbook.
      'Expense policy': ['Maya Chen', 'parent'],
      Scratch: [undefined, undefined],
    });
  }, 60_000);

  it('fall back to the last editor only when owners.last-editor allows it', async () => {
    const result = await lint({ owners: { 'last-editor': true } });
    expect(owners(result).Scratch).toEqual(['Lee Park', 'last-editor']);
    // The last editor routes the findings, but the page still names no owner.
    expect(result.findings.some((f) => f.ruleId === 'page-owner' && f.page.title === 'Scratch')).toBe(true);
    expect(owners(result).Handbook).toEqual(['Maya Chen', 'page']);
  }, 60_000);

  it('give the findings page a By owner section dated from the ledger, the same on the next run', async () => {
    const config = await loadConfig(notionConfigFile(emulator()));
    const byOwner = (text: string) => text.slice(text.indexOf('## By owner'));
    const first = byOwner(formatMarkdown(await run(config, { now: NOW }), undefined));
    const next = new Date('2026-06-02T00:00:00Z');
    const second = byOwner(formatMarkdown(await run(config, { now: next }), undefined));
    expect(first).toMatch(
      /^\| Maya Chen \| 3 \| \d+ \| \d+ \| `[\w-]+` on .* \(open since 2026-06-01\) \|$/m,
    );
    expect(second).toBe(first);
  }, 60_000);
});

const CONFLUENCE: ConfluenceFixtureInput = {
  users: [
    { accountId: 'ana', displayName: 'Ana Souza' },
    { accountId: 'ben', displayName: 'Ben Okafor' },
    { accountId: 'bot', displayName: 'Lint Bot', email: EMAIL },
  ],
  spaces: [
    { id: '1', key: 'HB', name: 'Handbook', homepageId: '10', authorId: 'ana', createdAt: CREATED },
    { id: '2', key: 'LAB', name: 'Lab', homepageId: '20', authorId: 'ben', createdAt: CREATED },
  ],
  pages: (
    [
      ['10', '1', null, 'Handbook home', 'ana', `<p>${TODO}</p>`],
      ['11', '1', '10', 'Travel', null, `<p>${TODO}</p>`],
      ['12', '1', '10', 'Security', null, `<p>Owner: Ben Okafor</p><p>${TODO}</p>`],
      ['20', '2', null, 'Lab home', null, `<p>${TODO}</p>`],
    ] as const
  ).map(([pageId, spaceId, parentId, title, ownerId, body]) => ({
    id: pageId,
    title,
    spaceId,
    parentId,
    createdAt: CREATED,
    authorId: 'ana',
    ownerId,
    // Ben saved the current version of every page: the last editor.
    version: { number: 2, createdAt: EDITED, authorId: 'ben' },
    body,
  })),
};

describe('owners of Confluence pages (emulator)', () => {
  const emulator = confluenceEmulatorForSuite(() => CONFLUENCE);

  const lint = async (top: Record<string, unknown> = {}) =>
    run(await loadConfig(confluenceConfigFile(emulator(), {}, top)), { now: NOW });

  it('come from the page owner, an Owner: line, or the parent page; the version author only when allowed', async () => {
    expect(owners(await lint())).toEqual({
      'Handbook home': ['Ana Souza', 'platform'],
      Travel: ['Ana Souza', 'parent'],
      Security: ['Ben Okafor', 'page'],
      'Lab home': [undefined, undefined],
    });
    expect(owners(await lint({ owners: { 'last-editor': true } }))['Lab home']).toEqual([
      'Ben Okafor',
      'last-editor',
    ]);
  }, 60_000);
});
