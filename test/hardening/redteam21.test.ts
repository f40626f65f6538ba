import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import {
  C,
  C_DEPLOY_HALF_FIXED,
  confluenceSpace,
  DEPLOY_HALF_FIXED,
  N,
  notionWorkspace,
  notionWriteBack,
} from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

// Hardening 21: a wiki whose answers are well-formed JSON of the wrong shape. The Notion SDK checks no
// schema (Confluence's does, and fails the listing with the field it missed), so every field the crawl
// and write-back read of an answer was trusted as Notion documents it.

const NOW = ['--now', '2026-06-01'];
const LATER = ['--now', '2026-06-02'];

interface JsonReport {
  findings: { ruleId: string; page: { key: string } }[];
  unreadable: { key: string; reason: string }[];
}

const bare = (id: string) => id.replaceAll('-', '');
const pageSearch = (body: Record<string, unknown>) =>
  (body.filter as { value?: string } | undefined)?.value === 'page' && !body.query;
/** The first result of the page search changed by `change`. */
const firstResult = (change: (page: Record<string, unknown>) => unknown): ProxyRule => ({
  path: '/v1/search',
  method: 'POST',
  when: (_u, body) => pageSearch(body),
  fault: {
    kind: 'transform',
    change: (json) => ({
      ...json,
      results: (json.results ?? []).map((r, i) => (i === 0 ? change(r as Record<string, unknown>) : r)),
    }),
  },
});

// A search result of the wrong shape (null, or a page without its parent, creator or properties) ended
// the run as an internal error (exit 70, "Cannot read properties of null"): the SDK's `isFullPage`
// reads `result.object`, and the listing read `parent.type`, `created_by.id` and the properties as given.
describe('Notion: a page search answer of the wrong shape', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));
  const config = () =>
    notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...notionWriteBack(), state: { path: join(tempTree({}), 'state.json') } },
    );

  it.each([
    ['a result that is null', () => null],
    ['a page whose parent is null', (p: Record<string, unknown>) => ({ ...p, parent: null })],
    ['a page whose creator is null', (p: Record<string, unknown>) => ({ ...p, created_by: null })],
    ['a page whose properties are null', (p: Record<string, unknown>) => ({ ...p, properties: null })],
  ])(
    '%s: the listing failed, said so (exit 2), nothing written back',
    async (_what, change) => {
      env.proxy.setRules([firstResult(change)]);
      const comments = [N.deploy, N.runbook, N.adr].map((id) => env.emulator.comments(id).length);
      const run = await runCli(['run', '--config', config(), ...NOW]);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /Notion search for pages failed: .*(no object|without its (parent|creator|properties))/,
      );
      expect([N.deploy, N.runbook, N.adr].map((id) => env.emulator.comments(id).length)).toEqual(comments);
    },
    60_000,
  );

  it('a partial page object (no url: Notion gives one for pages the token may not read) is still passed over', async () => {
    env.proxy.setRules([firstResult((p) => ({ object: 'page', id: p.id }))]);
    const run = await runCli(['run', '--config', config(), '--format', 'json', ...NOW]);
    expect(run.stderr).not.toMatch(/internal error|search for pages failed/);
    expect(run.code).toBe(0);
  }, 60_000);
});

// A page's Markdown answer without its text (`markdown` null or a number) or with `unknown_block_ids`
// that is no list ended the whole run (exit 70, "markdown.split is not a function", "ids.map is not a
// function"): one page's answer stopped every other page's lint and the ledger.
describe("Notion: one page's Markdown answer of the wrong shape", () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  it.each([
    ['markdown null', { markdown: null }],
    ['markdown a number', { markdown: 42 }],
    ['unknown_block_ids a string', { truncated: true, unknown_block_ids: 'c0000000' }],
    ['unknown_block_ids missing', { unknown_block_ids: undefined }],
  ])(
    '%s: that page is unreadable with the reason (exit 3), the others linted',
    async (_what, fields) => {
      env.proxy.setRules([
        {
          path: `/v1/pages/${N.runbook}/markdown`,
          method: 'GET',
          fault: { kind: 'transform', change: (json) => ({ ...json, ...fields }) },
        },
      ]);
      const file = notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        {},
        { 'fail-on': 'never', state: { path: join(tempTree({}), 'state.json') } },
      );
      const run = await runCli(['run', '--config', file, '--format', 'json', ...NOW]);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(3);
      const report = JSON.parse(run.stdout) as JsonReport;
      const unreadable = report.unreadable.find((u) => bare(u.key).endsWith(bare(N.runbook)));
      expect(unreadable?.reason).toMatch(/Markdown/);
      // The neighbour: the Deploy guide's two broken links are still found.
      const deploy = report.findings.filter((f) => bare(f.page.key).endsWith(bare(N.deploy)));
      expect(deploy.filter((f) => f.ruleId === 'broken-link')).toHaveLength(2);
    },
    60_000,
  );
});

// The findings page's creation answered without the page's id: the run recorded the page as
// `{url, hash}` and saved that ledger, which every later run refused as malformed (exit 2, "Move it
// aside"): one odd answer stopped the nightly job for good, until someone deleted the ledger.
describe.each([
  ['without an id', (json: Record<string, unknown>) => ({ ...json, id: undefined })],
  ['with an id that is no Notion id', (json: Record<string, unknown>) => ({ ...json, id: '../users/me' })],
])('Notion: the answer to creating the findings page names no page (%s)', (_what, change) => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  it('a warning, a ledger the next run reads, and no second page', async () => {
    const dir = tempTree({});
    const state = join(dir, 'state.json');
    const file = notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...notionWriteBack(), state: { path: state } },
    );
    env.proxy.setRules([
      {
        path: '/v1/pages',
        method: 'POST',
        fault: { kind: 'transform', change: (json) => change(json) as typeof json },
      },
    ]);
    const first = await runCli(['run', '--config', file, ...NOW]);
    env.proxy.setRules([]);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/findings page.*names no page/);
    const before = env.proxy.log.filter((r) => r.method === 'POST' && r.path === '/v1/pages').length;

    const second = await runCli(['run', '--config', file, ...LATER]);
    expect(second.stderr).not.toMatch(/malformed/);
    expect(second.code).toBe(0);
    // The page the first run made is ours (by its creator): adopted, not made again.
    expect(env.proxy.log.filter((r) => r.method === 'POST' && r.path === '/v1/pages').length).toBe(before);
    const recorded = JSON.parse(readFileSync(state, 'utf8')) as {
      writeback: { pages: { notion?: { id: string } } };
    };
    expect(recorded.writeback.pages.notion?.id).toMatch(/^[0-9a-f-]{36}$/);
  }, 90_000);
});

// A comment's creation answered without its id or discussion: the ledger kept the page's entry without
// them, and the next change of the page's findings could only start a new discussion, a second comment
// of ours on the page beside the first.
describe.each([
  ['without an id', { id: undefined }],
  ['without a discussion', { discussion_id: undefined }],
])('Notion: the answer to posting a comment names no comment (%s)', (_what, fields) => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  it('the page gets one discussion of ours, its follow-up a reply in it', async () => {
    const state = join(tempTree({}), 'state.json');
    const file = notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...notionWriteBack(), state: { path: state } },
    );
    env.proxy.setRules([
      {
        path: '/v1/comments',
        method: 'POST',
        fault: { kind: 'transform', change: (json) => ({ ...json, ...fields }) },
      },
    ]);
    const first = await runCli(['run', '--config', file, ...NOW]);
    env.proxy.setRules([]);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    expect(env.emulator.comments(N.deploy).filter((c) => c.createdBy === N.bot)).toHaveLength(1);

    // One of the two broken links is fixed: the comment's follow-up is due.
    env.emulator.editPage(N.deploy, DEPLOY_HALF_FIXED);
    const second = await runCli(['run', '--config', file, ...LATER]);
    expect(second.code).toBe(0);
    const ours = env.emulator.comments(N.deploy).filter((c) => c.createdBy === N.bot);
    expect(new Set(ours.map((c) => c.discussionId)).size).toBe(1);
    // The neighbour: the follow-up was written (a reply in the one discussion).
    expect(ours.length).toBe(2);
  }, 90_000);
});

// The Markdown findings file was written over whatever file sat at its path: a config naming a person's
// page (`handbook/notes.md`, a README, by mistake or in a pull request) had that page replaced by the
// report on the first run, without a word. The wikis' writers take over only a page the integration
// created; the file is now replaced only when it is ours: the ledger names it, or it opens with the
// findings page's heading, as every findings file this tool wrote does.
describe("Markdown: a findings file path naming a person's page", () => {
  const NOTES = '# Team notes\n\nOur own words, kept by hand; see [the old plan](old-plan.md).\n';
  const handbook = (extra: Record<string, string> = {}) =>
    tempTree({
      'handbook/README.md': '# Handbook\n\nSee [the plan](missing.md).\n',
      'handbook/notes.md': NOTES,
      'handbook-lint.yml':
        'sources:\n  markdown:\n    root: handbook\nfail-on: never\nwriteback:\n  findings-page:\n    markdown:\n      path: handbook/notes.md\n',
      ...extra,
    });

  it('is left as it was, with a warning naming it; a dry run says the same', async () => {
    for (const dry of [[], ['--dry-run']]) {
      const dir = handbook();
      const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), ...dry, ...NOW]);
      expect(run.code).toBe(0);
      expect(readFileSync(join(dir, 'handbook/notes.md'), 'utf8')).toBe(NOTES);
      expect(run.stderr).toMatch(/findings file .*notes\.md.* did not write it/);
    }
  }, 60_000);

  it('is judged like any other page (it was left out as the findings file)', async () => {
    const dir = handbook();
    const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '--format', 'json', ...NOW]);
    const report = JSON.parse(run.stdout) as JsonReport;
    const notes = report.findings.filter((f) => f.page.key.endsWith('notes.md'));
    expect(notes.map((f) => f.ruleId)).toContain('broken-link');
  }, 60_000);

  it('a findings file of ours is still rewritten without the ledger (a CI cache lost), and a missing one made; it is never judged', async () => {
    const dir = handbook();
    const config = join(dir, 'handbook-lint.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('handbook/notes.md', 'handbook/FINDINGS.md'));
    const first = await runCli(['run', '--config', config, ...NOW]);
    expect(first.code).toBe(0);
    const made = readFileSync(join(dir, 'handbook/FINDINGS.md'), 'utf8');
    expect(made).toMatch(/^# Handbook lint findings\n/);
    expect(made).toContain('missing.md');

    rmSync(join(dir, '.handbook-lint'), { recursive: true });
    writeFileSync(join(dir, 'handbook/README.md'), '# Handbook\n\nSee [the plan](gone.md).\n');
    const second = await runCli(['run', '--config', config, '--format', 'json', ...LATER]);
    expect(second.stderr).not.toMatch(/did not write it/);
    expect(readFileSync(join(dir, 'handbook/FINDINGS.md'), 'utf8')).toContain('gone.md');
    // Ours is still no page of the handbook: never judged, though it links to pages that are gone.
    const report = JSON.parse(second.stdout) as JsonReport;
    expect(report.findings.filter((f) => f.page.key.endsWith('FINDINGS.md'))).toEqual([]);
  }, 60_000);
});

// Confluence: a comment's creation answered without its id. The ledger kept `id: ''`, which names no
// comment, so the next change of the page's findings posted a second comment beside the first (the
// update path posts anew for an id Confluence never gives).
describe('Confluence: the answer to posting a comment names no comment', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  afterEach(() => env.proxy.setRules([]));

  it('the page keeps one comment of ours, brought up to date in place', async () => {
    const dir = tempTree({});
    const file = confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      { spaces: ['HB'] },
      {
        'fail-on': 'never',
        state: { path: join(dir, 'state.json') },
        writeback: { comments: { enabled: true, 'cooldown-hours': 0 } },
      },
    );
    env.proxy.setRules([
      {
        path: '/wiki/api/v2/footer-comments',
        method: 'POST',
        fault: {
          kind: 'transform',
          change: (json) => {
            const { id: _, ...rest } = json;
            return rest;
          },
        },
      },
    ]);
    const first = await runCli(['run', '--config', file, ...NOW]);
    env.proxy.setRules([]);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    expect(env.emulator.comments(C.deploy)).toHaveLength(1);

    env.emulator.editPage(C.deploy, { body: C_DEPLOY_HALF_FIXED });
    const second = await runCli(['run', '--config', file, ...LATER]);
    expect(second.code).toBe(0);
    const comments = env.emulator.comments(C.deploy);
    expect(comments).toHaveLength(1);
    // The neighbour: the one comment now lists the one link still broken.
    expect(comments[0]?.body).toMatch(/^<p>Update: .*Missing%20one/);
    expect(comments[0]?.body).not.toContain('Missing%20two');
  }, 90_000);
});

// A first comment mentions the page's owner, read from the page's people properties. A page answer whose
// properties were null, or whose people list was none, ended the run in write-back as an internal error
// (exit 70, "Cannot convert undefined or null to object"), after the findings page was written and
// before the ledger was saved.
describe.each([
  ['properties null', () => null],
  [
    'an owner property whose people are null',
    (properties: Record<string, unknown>) => ({ ...properties, Owner: { type: 'people', people: null } }),
  ],
])('Notion: the owner look-up answers a page with %s', (_what, change) => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });

  it('the comment goes out without a mention, the run ends as usual', async () => {
    env.proxy.setRules([
      {
        path: `/v1/pages/${N.adr}`,
        method: 'GET',
        fault: {
          kind: 'transform',
          change: (json) => ({ ...json, properties: change(json.properties as Record<string, unknown>) }),
        },
      },
    ]);
    const file = notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      {},
      { ...notionWriteBack(), state: { path: join(tempTree({}), 'state.json') } },
    );
    const run = await runCli(['run', '--config', file, ...NOW]);
    env.proxy.setRules([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(env.emulator.comments(N.adr).filter((c) => c.createdBy === N.bot)).toHaveLength(1);
    // The neighbour: the other pages' comments went out too.
    expect([N.deploy, N.runbook].map((id) => env.emulator.comments(id).length)).toEqual([1, 1]);
  }, 60_000);
});

// A run without its ledger reads the findings page of ours back for the digest it carries. An answer
// without Markdown text there left the findings page `not written`, a TypeError for its reason, where a
// page that cannot be read back is simply rewritten.
describe('Notion: the findings page read back without its Markdown text', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });

  it('is rewritten, as a page that cannot be read back is; the run ends as usual', async () => {
    const config = (state: string) =>
      notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        {},
        { ...notionWriteBack(), state: { path: state } },
      );
    const firstState = join(tempTree({}), 'state.json');
    expect((await runCli(['run', '--config', config(firstState), ...NOW])).code).toBe(0);
    const ours = (
      JSON.parse(readFileSync(firstState, 'utf8')) as { writeback: { pages: { notion: { id: string } } } }
    ).writeback.pages.notion.id;
    env.proxy.setRules([
      {
        path: `/v1/pages/${ours}/markdown`,
        method: 'GET',
        fault: { kind: 'transform', change: (json) => ({ ...json, markdown: null }) },
      },
    ]);
    const run = await runCli(['run', '--config', config(join(tempTree({}), 'state.json')), ...LATER]);
    env.proxy.setRules([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/update page +notion +"Handbook lint findings"/);
  }, 90_000);
});
