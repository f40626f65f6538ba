import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { ConfluenceFixtureInput } from '../emulators/confluence-fixture.js';
import type { NotionEmulator, NotionFixture } from '../emulators/notion.js';
import { runCli, runJson, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { C, confluenceSpace, N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';

// Eighteenth round: three limits that held their tongue.
// 1. The Notion walk under `roots` stopped 64 levels down without a word, and the pages it found on its last
//    level were then left out as well (the check of "below a root" went one step less deep than the walk).
// 2. A comment post that got no answer stopped the wiki's comments at the first page: the rest got none.
// 3. The HTML and Markdown reports carried a page's bidirectional overrides as they were, where the console,
//    compact and GitHub outputs show them as `\u202e`.

const NOW = ['--now', '2026-06-01'];

/** What these tests read of the JSON report. */
interface JsonReport {
  summary: { pages: number };
  findings: { page: { title: string; path: string } }[];
}
const AT = '2026-05-20T10:00:00.000Z';
const RLO = '\u202e';
const LRI = '\u2066';
const RLM = '\u200f';

/** A workspace whose root page has a chain of `levels` pages below it, one under the other. */
function deepWorkspace(levels: number): { fixture: NotionFixture; root: string; ids: string[] } {
  const id = (n: number) => `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const ids = Array.from({ length: levels + 1 }, (_, n) => id(n + 1));
  const bot = 'b0000000-0000-4000-8000-000000000001';
  const person = 'a0000000-0000-4000-8000-000000000001';
  const pages = ids.map((pageId, n) => ({
    id: pageId,
    title: n ? `Level ${n}` : 'Deep root',
    parent: n ? { type: 'page' as const, id: ids[n - 1] as string } : { type: 'workspace' as const },
    createdTime: AT,
    lastEditedTime: AT,
    createdBy: person,
    markdown: `Notes of level ${n}.\n`,
  }));
  return {
    fixture: {
      workspace: { id: 'e0000000-0000-4000-8000-000000000009', name: 'Deep' },
      bot: { id: bot, name: 'handbook-lint' },
      users: [{ id: person, name: 'Ada Park' }],
      databases: [],
      pages,
    },
    root: ids[0] as string,
    ids,
  };
}

describe.each([
  [64, false],
  [70, true],
])('Notion: a tree %i levels below the root', (levels, stops) => {
  const deep = deepWorkspace(levels);
  const env = notionBehindProxy({ fixture: deep.fixture });

  it(stops
    ? 'is walked 64 levels down, and the run says where it stopped'
    : 'is walked whole, in silence', async () => {
    // Search answers nothing: what the run reads is what the walk found.
    env.proxy.setRules([{ path: '/v1/search', fault: { kind: 'empty' } }]);
    const config = notionConfigFile({ url: env.proxy.url } as NotionEmulator, { roots: [deep.root] });
    const run = await runCli(['run', '--config', config, '--format', 'json', '--fail-on', 'never', ...NOW]);
    env.proxy.setRules([]);
    expect(run.stderr).not.toMatch(/internal error/);
    const report = JSON.parse(run.stdout) as JsonReport;
    // The root and 64 levels below it: the last level too, which was walked and then left out.
    expect(report.summary.pages).toBe(65);
    const stopped = run.stderr.split('\n').filter((line) => /walk .* stopped/.test(line));
    if (stops) {
      expect(stopped).toHaveLength(1);
      expect(stopped[0]).toContain(`64 levels down, at ${deep.ids[64]}`);
    } else expect(stopped).toEqual([]);
  }, 60_000);
});

/** A space whose home page has a chain of `levels` pages below it, one under the other. */
function deepSpace(levels: number): { fixture: ConfluenceFixtureInput; root: string; ids: string[] } {
  const ids = Array.from({ length: levels + 1 }, (_, n) => String(5000 + n));
  const version = { number: 1, createdAt: AT, authorId: 'u-ada' };
  const pages = ids.map((id, n) => ({
    id,
    title: n ? `Level ${n}` : 'Deep home',
    spaceId: '200',
    parentId: n ? (ids[n - 1] as string) : null,
    createdAt: AT,
    authorId: 'u-ada',
    ownerId: 'u-ada',
    version,
    body: `<p>Notes of level ${n}.</p>`,
  }));
  return {
    fixture: {
      users: [{ accountId: 'u-ada', displayName: 'Ada Park' }],
      spaces: [
        {
          id: '200',
          key: 'DEEP',
          name: 'Deep',
          homepageId: ids[0] as string,
          authorId: 'u-ada',
          createdAt: AT,
        },
      ],
      pages,
    },
    root: ids[0] as string,
    ids,
  };
}

describe.each([
  [64, false],
  [70, true],
])('Confluence: a page tree %i levels below the root', (levels, stops) => {
  const deep = deepSpace(levels);
  const env = confluenceBehindProxy({ fixture: deep.fixture });

  it(stops
    ? 'is crawled 64 levels down, and the run says where it stopped'
    : 'is crawled whole, in silence', async () => {
    const config = confluenceConfigFile({ url: env.proxy.url } as ConfluenceEmulator, { roots: [deep.root] });
    const run = await runCli(['run', '--config', config, '--format', 'json', '--fail-on', 'never', ...NOW]);
    expect(run.stderr).not.toMatch(/internal error/);
    const report = JSON.parse(run.stdout) as JsonReport;
    // The root and 64 levels below it: the 64th was left out too, one step short of its root.
    expect(report.summary.pages).toBe(65);
    const stopped = run.stderr.split('\n').filter((line) => /more than 64 pages above it/.test(line));
    if (stops) {
      expect(stopped).toHaveLength(1);
      expect(stopped[0]).toContain(`page ${deep.ids[65]} (and 5 more)`);
    } else expect(stopped).toEqual([]);
  }, 60_000);
});

/** A handbook with a page `levels` folders down (`l1/l2/…`); a Sphinx site whose toctree lists it when `sphinx`. */
function deepFolders(levels: number, sphinx: boolean): { root: string; folders: string[] } {
  const folders = Array.from({ length: levels }, (_, n) => `l${n + 1}`);
  const root = tempTree({
    'index.md': '# Home\n\nThe handbook.\n',
    ...(sphinx
      ? {
          'conf.py': "project = 'deep'\n",
          'index.rst': `Home\n====\n\n.. toctree::\n\n   ${folders.join('/')}/page\n`,
        }
      : {}),
  });
  mkdirSync(join(root, ...folders), { recursive: true });
  writeFileSync(join(root, ...folders, 'page.md'), '# Deep page\n\nNotes.\n');
  return { root, folders };
}

describe('Markdown: a site reader walking folders more than 12 deep', () => {
  const DEEP = /is more than 12 folders down: it was not read/;

  it('Sphinx: says where the walk stopped, once', async () => {
    const { root, folders } = deepFolders(14, true);
    const run = await runJson(root);
    expect(run.stderr).not.toMatch(/internal error/);
    const lines = run.stderr.split('\n').filter((line) => DEEP.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${folders.slice(0, 13).join('/')} is more than 12 folders down`);
  });

  it('Sphinx 12 folders deep, and a handbook of no generator 14 deep: nothing to say', async () => {
    for (const [levels, sphinx] of [
      [12, true],
      [14, false],
    ] as const) {
      const run = await runJson(deepFolders(levels, sphinx).root);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toMatch(DEEP);
    }
  });
});

// Short timeouts and two attempts keep each hang to about a second (a write is not repeated).
const HTTP = { 'max-attempts': 2, 'timeout-ms': 800 };
const bare = (id: unknown) => String(id ?? '').replaceAll('-', '');
const SKIPPED = /"Deploy guide".*skipped/;
const MAYBE = /may have been written all the same/;

/** Four more Notion pages with a broken link each, so three failures in a row can end before the last page. */
const EXTRA_N = [6, 7, 8, 9].map((n) => `c0000000-0000-4000-8000-00000000000${n}`);
function largerWorkspace(): NotionFixture {
  const fixture = notionWorkspace();
  const home = fixture.pages.find((p) => p.id === N.runbook);
  if (!home) throw new Error('the fixture has its runbook');
  for (const [i, id] of EXTRA_N.entries())
    fixture.pages.push({
      ...home,
      id,
      title: `Checklist ${i + 1}`,
      markdown: `Ask <mention-page url="https://www.notion.so/00000000000040008000000000000ab${i}"/>.\n`,
    });
  return fixture;
}

describe('Notion: a comment post that gets no answer', () => {
  const env = notionBehindProxy({ fixture: largerWorkspace() });
  const all = [N.deploy, N.runbook, N.adr, ...EXTRA_N];
  const config = (state: string) =>
    notionConfigFile({ url: env.proxy.url } as NotionEmulator, HTTP, {
      ...notionWriteBack({ cap: 50 }),
      state: { path: state },
    });
  const count = (id: string) => env.emulator.comments(id).length;
  const postsOn = (ids: string[], seen?: Set<string>) => ({
    path: '/v1/comments',
    method: 'POST',
    when: (_url: URL, body: Record<string, unknown>) => {
      const page = bare((body.parent as { page_id?: string } | undefined)?.page_id);
      seen?.add(page);
      return ids.some((id) => bare(id) === page);
    },
    fault: { kind: 'hang' as const },
  });

  // First, while no page holds a comment of ours: every page's post is tried.
  it("three posts in a row without an answer stop the wiki's comments with one line", async () => {
    const seen = new Set<string>();
    env.proxy.setRules([postsOn(all, seen)]);
    const run = await runCli(['run', '--config', config(join(tempTree({}), 'state.json')), ...NOW]);
    env.proxy.setRules([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(seen.size).toBe(3);
    expect(run.stderr.split('in a row').length - 1).toBe(1);
    expect(all.map(count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  }, 120_000);

  it("is that page's: reported for it, the other pages commented, and the page commented once on the next run", async () => {
    const state = join(tempTree({}), 'state.json');
    env.proxy.setRules([postsOn([N.deploy])]);
    const faulted = await runCli(['run', '--config', config(state), ...NOW]);
    env.proxy.setRules([]);
    expect(faulted.stderr).not.toMatch(/internal error/);
    expect(faulted.code).toBe(0);
    expect(faulted.stderr).toMatch(SKIPPED);
    expect(faulted.stderr).toMatch(MAYBE);
    expect(all.map(count)).toEqual([0, 1, 1, 1, 1, 1, 1]);

    const next = await runCli(['run', '--config', config(state), ...NOW]);
    expect(next.code).toBe(0);
    expect(all.map(count)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  }, 120_000);
});

describe('Confluence: a comment post that gets no answer', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });
  const config = (state: string) =>
    confluenceConfigFile({ url: env.proxy.url } as ConfluenceEmulator, HTTP, {
      'fail-on': 'never',
      state: { path: state },
      writeback: { comments: { enabled: true, 'cooldown-hours': 0, cap: 50 } },
    });
  const count = (id: string) => env.emulator.comments(id).length;

  it("is that page's: reported for it, the other page commented, and the page commented once on the next run", async () => {
    const state = join(tempTree({}), 'state.json');
    env.proxy.setRules([
      {
        path: '/wiki/api/v2/footer-comments',
        method: 'POST',
        when: (_url: URL, body: Record<string, unknown>) => String(body.pageId) === C.deploy,
        fault: { kind: 'hang' },
      },
    ]);
    const faulted = await runCli(['run', '--config', config(state), ...NOW]);
    env.proxy.setRules([]);
    expect(faulted.stderr).not.toMatch(/internal error/);
    expect(faulted.code).toBe(0);
    expect(faulted.stderr).toMatch(SKIPPED);
    expect(faulted.stderr).toMatch(MAYBE);
    expect([C.deploy, C.runbook].map(count)).toEqual([0, 1]);

    const next = await runCli(['run', '--config', config(state), ...NOW]);
    expect(next.code).toBe(0);
    expect([C.deploy, C.runbook].map(count)).toEqual([1, 1]);
  }, 120_000);
});

describe('bidirectional overrides in the HTML and Markdown reports', () => {
  const hostile = `Guide ${RLO}dm.exe ${LRI}x`;
  // A right-to-left page's own marks (U+200F) and Hebrew are its text: they stay.
  const rtl = `מדריך ${RLM}שלום`;
  const repository = () =>
    tempTree({
      [`docs/red${RLO}gpj.md`]: `# ${hostile}\n\nSee [x](miss${RLO}ing.md).\n`,
      'docs/hebrew.md': `# ${rtl}\n\nSee [y](gone.md).\n`,
      'docs/index.md': `# Home\n\nSee [the guide](red${RLO}gpj.md) and [the other](hebrew.md).\n`,
    });
  const FLAGS = ['--fail-on', 'never', ...NOW];

  it.each(['html', 'markdown'])(
    '--format %s shows them as \\u202e, and keeps right-to-left text',
    async (format) => {
      const root = repository();
      const out = join(root, `report.${format}`);
      const run = await runCli(['run', root, '--format', format, '-o', out, ...FLAGS]);
      expect(run.stderr).not.toMatch(/internal error/);
      const text = readFileSync(out, 'utf8');
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      // Markdown escapes the backslash it shows; a link still leads to the file as it is named.
      const shown = format === 'html' ? '\\' : '\\\\';
      expect(text).toContain(`Guide ${shown}u202edm.exe ${shown}u2066x`);
      expect(text).toContain(`miss${shown}u202eing.md`);
      expect(text).toContain('docs/red%E2%80%AEgpj.md');
      expect(text).toContain(rtl);
    },
  );

  it('--format json keeps the raw text', async () => {
    const root = repository();
    const run = await runCli(['run', root, '--format', 'json', ...FLAGS]);
    const report = JSON.parse(run.stdout) as JsonReport;
    const titles = report.findings.map((f) => f.page.title);
    expect(titles).toContain(hostile);
    expect(report.findings.map((f) => f.page.path)).toContain(`docs/red${RLO}gpj.md`);
  });
});
