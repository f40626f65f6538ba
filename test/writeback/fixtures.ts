import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { State } from '../../src/state.js';
import type { ConfluenceFixtureInput } from '../emulators/confluence-fixture.js';
import type { NotionFixture } from '../emulators/notion.js';

const AT = '2026-05-20T10:00:00.000Z';

/** Notion ids of the small write-back workspace. */
export const N = {
  bot: 'b0000000-0000-4000-8000-000000000001',
  maya: 'a0000000-0000-4000-8000-000000000001',
  home: 'c0000000-0000-4000-8000-000000000001',
  reports: 'c0000000-0000-4000-8000-000000000002',
  deploy: 'c0000000-0000-4000-8000-000000000003',
  runbook: 'c0000000-0000-4000-8000-000000000004',
  adr: 'c0000000-0000-4000-8000-000000000005',
  log: 'd0000000-0000-4000-8000-000000000001',
  logSource: 'd0000000-0000-4000-8000-000000000002',
} as const;

/** Two links to pages that do not exist: two broken-link errors on one page. */
export const DEPLOY_BROKEN =
  'See <mention-page url="https://www.notion.so/0123456789abcdef0123456789abcdef"/> and <mention-page url="https://www.notion.so/fedcba9876543210fedcba9876543210"/>.\n';
/** The same page with one of the two links fixed. */
export const DEPLOY_HALF_FIXED =
  'See <mention-page url="https://www.notion.so/0123456789abcdef0123456789abcdef"/>.\n';

const page = (id: string, title: string, parent: string, markdown: string) => ({
  id,
  title,
  parent: { type: 'page' as const, id: parent },
  createdTime: AT,
  lastEditedTime: AT,
  createdBy: N.maya,
  markdown,
});

/** A handbook with three offending pages (two broken-link pages, one decision record without a status, owned by Maya) and a Reports page for the findings page. */
export function notionWorkspace(): NotionFixture {
  return {
    workspace: { id: 'e0000000-0000-4000-8000-000000000001', name: 'Acme' },
    bot: { id: N.bot, name: 'handbook-lint' },
    users: [{ id: N.maya, name: 'Maya Chen' }],
    databases: [
      {
        id: N.log,
        dataSourceId: N.logSource,
        title: 'Decision log',
        parentPageId: N.home,
        createdTime: AT,
        lastEditedTime: AT,
        createdBy: N.maya,
        titleProperty: 'Name',
        schema: { Status: { type: 'status', options: ['Accepted'] }, Owner: { type: 'people' } },
      },
    ],
    pages: [
      { ...page(N.home, 'Handbook', N.home, 'Start here.\n'), parent: { type: 'workspace' } },
      page(N.reports, 'Reports', N.home, 'Generated reports live below.\n'),
      page(N.deploy, 'Deploy guide', N.home, DEPLOY_BROKEN),
      page(
        N.runbook,
        'Runbook',
        N.home,
        'Escalate per <mention-page url="https://www.notion.so/00000000000040008000000000000abc"/>.\n',
      ),
      {
        ...page(N.adr, 'ADR-001: Use Postgres', N.home, '## Context\n\nBilling needs SQL.\n'),
        parent: { type: 'data_source', id: N.logSource },
        properties: { Status: { type: 'status', name: null }, Owner: { type: 'people', ids: [N.maya] } },
      },
    ],
  };
}

/** A title with everything storage format must escape: markup, a CDATA end, an ampersand and an emoji. */
export const HOSTILE_TITLE = '<script>alert(1)</script> ]]> & 🚀 Runbook';

const version = { number: 1, createdAt: AT, authorId: 'u-ana' };
const cpage = (id: string, title: string, parentId: string | null, body: string) => ({
  id,
  title,
  spaceId: '100',
  parentId,
  createdAt: AT,
  authorId: 'u-ana',
  ownerId: 'u-ana',
  version,
  body,
});

/** Confluence ids of the small write-back space. */
export const C = { home: '1000', reports: '1001', deploy: '1002', runbook: '1003' } as const;

/** Two links to pages that do not exist. */
export const C_DEPLOY_BROKEN =
  '<p>See <ac:link><ri:page ri:content-title="Missing one" /></ac:link> and <ac:link><ri:page ri:content-title="Missing two" /></ac:link>.</p>';
/** One of them fixed. */
export const C_DEPLOY_HALF_FIXED =
  '<p>See <ac:link><ri:page ri:content-title="Missing one" /></ac:link>.</p>';

/** A space with two offending pages, one of them titled with markup, and a Reports page for the findings page. */
export function confluenceSpace(): ConfluenceFixtureInput {
  return {
    users: [{ accountId: 'u-ana', displayName: 'Ana Lima' }],
    spaces: [
      { id: '100', key: 'HB', name: 'Handbook', homepageId: C.home, authorId: 'u-ana', createdAt: AT },
    ],
    pages: [
      cpage(C.home, 'Handbook', null, '<p>Start here.</p>'),
      cpage(C.reports, 'Reports', C.home, '<p>Generated reports live below.</p>'),
      cpage(C.deploy, 'Deploy guide', C.home, C_DEPLOY_BROKEN),
      cpage(
        C.runbook,
        HOSTILE_TITLE,
        C.home,
        '<p>Escalate per <ac:link><ri:page ri:content-title="Missing three" /></ac:link>.</p>',
      ),
    ],
  };
}

/** The ledger a run left next to its config file. */
export function ledger(configFile: string): State {
  return JSON.parse(readFileSync(join(dirname(configFile), '.handbook-lint', 'state.json'), 'utf8')) as State;
}

/**
 * The top of a config that writes the findings page under the fixture's Reports page and a comment
 * on each offending page (no cool-down), and never fails on findings: what the write-back tests run.
 */
export function notionWriteBack(comments: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'fail-on': 'never',
    writeback: {
      'findings-page': { notion: { 'parent-page': N.reports } },
      comments: { enabled: true, 'cooldown-hours': 0, ...comments },
    },
  };
}
