import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { ConfluenceFixtureInput } from '../emulators/confluence-fixture.js';
import type { NotionEmulator, NotionFixture } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';

// Nineteenth round: notices a machine can read, and the last silent limits.
// 1. The run's notices (a walk stopped at its depth, a refused site file, unread .mdx pages, ...) reached
//    standard error only: a nightly job keeping the JSON report (or SARIF) could not tell part of the wiki
//    was left out.
// 2. A breadcrumb (a page's path in every report) of a Notion or Confluence page with 64 or more pages above
//    it started 64 levels up, as if that were the top, without a word.
// 3. Still silent after hardening 18: a GitBook or docsify book's navigation more than four folders above
//    the lint root, a WordPress manifest source of more than 64 URL parts, and a kep.yaml past the reader's
//    bounds. Each changed a run's findings (orphans; a status reported missing) without a word.

const NOW = ['--now', '2026-06-01'];
const FLAGS = ['--fail-on', 'never', ...NOW];
const RLO = '\u202e';

/** What these tests read of the JSON report. */
interface JsonReport {
  summary: { pages: number };
  notices?: { code: string; message: string }[];
  findings: { ruleId: string; page: { title: string; path: string } }[];
}

/** What these tests read of a SARIF log. */
interface SarifLog {
  runs: {
    invocations: {
      toolExecutionNotifications?: {
        level: string;
        message: { text: string };
        descriptor?: { id: string };
      }[];
    }[];
  }[];
}

const json = async (args: string[]) => {
  const run = await runCli(['run', ...args, '--format', 'json', ...FLAGS]);
  expect(run.stderr).not.toMatch(/internal error/);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
};

describe('the JSON report and SARIF carry the run notices', () => {
  // An unread .mdx page whose name holds a right-to-left override, and a config path that matches no page.
  const handbook = () => {
    const root = tempTree({
      'docs/index.md': '# Home\n\nSee [the guide](guide.md).\n',
      'docs/guide.md': '# Guide\n\nNotes.\n',
      [`docs/red${RLO}gpj.mdx`]: '# Page\n',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n    exclude: ["docs/guide.md"]\n',
    });
    return { root, config: join(root, 'handbook-lint.yml') };
  };

  it('--format json lists them with a code, in the order the console prints them, raw', async () => {
    const { config } = handbook();
    const { run, report } = await json(['--config', config]);
    const printed = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('warning '))
      .map((line) => line.slice('warning '.length));
    expect(report.notices?.map((n) => n.code)).toEqual(['crawl', 'paths']);
    expect(report.notices?.[0]?.message).toContain(`1 .mdx file (red${RLO}gpj.mdx) was not read`);
    expect(report.notices?.[1]?.message).toContain('did you mean "guide.md"');
    // The console shows the override as text; the report keeps the name as it is.
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('red\\u202egpj.mdx');
    expect(printed[0]).not.toContain(RLO);
    // Stable: a second run says the same, in the same order.
    expect((await json(['--config', config])).report.notices).toEqual(report.notices);
  });

  it('--format sarif has them as tool execution notifications, by their code', async () => {
    const { root, config } = handbook();
    const out = join(root, 'report.sarif');
    const run = await runCli(['run', '--config', config, '--format', 'sarif', '-o', out, ...FLAGS]);
    expect(run.stderr).not.toMatch(/internal error/);
    const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
    const told = log.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(told.map((n) => n.descriptor?.id)).toEqual(['notice/crawl', 'notice/paths']);
    expect(told[0]).toMatchObject({ level: 'warning' });
    expect(told[0]?.message.text).toContain(`red${RLO}gpj.mdx`);
  });

  it('a run with nothing to tell has an empty list, and SARIF no notifications', async () => {
    const root = tempTree({ 'index.md': '# Home\n\nSee [the guide](guide.md).\n', 'guide.md': '# Guide\n' });
    const { run, report } = await json([root]);
    expect(report.notices).toEqual([]);
    expect(run.stderr).not.toMatch(/^warning /m);
    const out = join(root, 'report.sarif');
    await runCli(['run', root, '--format', 'sarif', '-o', out, ...FLAGS]);
    const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications).toBeUndefined();
  });
});

/** The hour a page at `level` was last edited: deeper pages later, so Notion's search (newest first) lists them first. */
const editedAt = (level: number) => new Date(Date.UTC(2026, 4, 1) + level * 60_000).toISOString();
const CUT = /pages above it \(or a loop of parents\): its path in the reports/;

/** A Notion workspace whose top page has a chain of `levels` pages below it, one under the other. */
function deepWorkspace(levels: number, deepestFirst = true): { fixture: NotionFixture; ids: string[] } {
  const ids = Array.from(
    { length: levels + 1 },
    (_, n) => `f0000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
  );
  const person = 'a0000000-0000-4000-8000-000000000001';
  const pages = ids.map((id, n) => ({
    id,
    title: n ? `Level ${n}` : 'Deep top',
    parent: n ? { type: 'page' as const, id: ids[n - 1] as string } : { type: 'workspace' as const },
    createdTime: editedAt(0),
    lastEditedTime: editedAt(deepestFirst ? n : levels - n),
    createdBy: person,
    markdown: `Notes of level ${n}.\n`,
  }));
  return {
    fixture: {
      workspace: { id: 'e0000000-0000-4000-8000-000000000019', name: 'Deep' },
      bot: { id: 'b0000000-0000-4000-8000-000000000001', name: 'handbook-lint' },
      users: [{ id: person, name: 'Ada Park' }],
      databases: [],
      pages,
    },
    ids,
  };
}

// Listed top first, each breadcrumb is built on its parent's, whole: 70 levels are whole, in silence.
describe.each([
  [70, 'deepest', true],
  [63, 'deepest', false],
  [70, 'top', false],
])('Notion: a chain of pages %i levels below the top, %s listed first', (levels, first, cut) => {
  const deep = deepWorkspace(levels, first === 'deepest');
  const env = notionBehindProxy({ fixture: deep.fixture });

  it(cut
    ? 'says once that the breadcrumbs 64 levels down were cut, naming the first page and how many'
    : 'has every breadcrumb whole, in silence', async () => {
    const config = notionConfigFile({ url: env.proxy.url } as NotionEmulator);
    const { run, report } = await json(['--config', config]);
    expect(report.summary.pages).toBe(levels + 1);
    const lines = run.stderr.split('\n').filter((line) => CUT.test(line));
    const told = report.notices?.filter((n) => CUT.test(n.message)) ?? [];
    if (cut) {
      expect(lines).toHaveLength(1);
      // Levels 64 to 70 have 64 or more pages above them.
      expect(lines[0]).toContain(
        `Notion: page ${deep.ids[64]} "Level 64" (and 6 more) has 64 or more pages above it`,
      );
      expect(told).toEqual([{ code: 'crawl', message: expect.stringContaining(deep.ids[64] as string) }]);
    } else {
      expect(lines).toEqual([]);
      expect(told).toEqual([]);
    }
  }, 60_000);
});

/** A Confluence space whose home page has a chain of `levels` pages below it, one under the other. */
function deepSpace(levels: number): { fixture: ConfluenceFixtureInput; ids: string[] } {
  const ids = Array.from({ length: levels + 1 }, (_, n) => String(7000 + n));
  const version = { number: 1, createdAt: editedAt(0), authorId: 'u-ada' };
  const pages = ids.map((id, n) => ({
    id,
    title: n ? `Level ${n}` : 'Deep home',
    spaceId: '300',
    parentId: n ? (ids[n - 1] as string) : null,
    createdAt: editedAt(0),
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
          id: '300',
          key: 'DEEP',
          name: 'Deep',
          homepageId: ids[0] as string,
          authorId: 'u-ada',
          createdAt: editedAt(0),
        },
      ],
      pages,
    },
    ids,
  };
}

describe.each([
  [70, true],
  [63, false],
])('Confluence: a chain of pages %i levels below the home page', (levels, cut) => {
  const deep = deepSpace(levels);
  const env = confluenceBehindProxy({ fixture: deep.fixture });

  it(cut
    ? 'says once that the breadcrumbs 64 levels down were cut, naming the first page and how many'
    : 'has every breadcrumb whole, in silence', async () => {
    const config = confluenceConfigFile({ url: env.proxy.url } as ConfluenceEmulator);
    const { run, report } = await json(['--config', config]);
    expect(report.summary.pages).toBe(levels + 1);
    const lines = run.stderr.split('\n').filter((line) => CUT.test(line));
    const told = report.notices?.filter((n) => CUT.test(n.message)) ?? [];
    if (cut) {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        'Confluence: page 7064 "Level 64" (and 6 more) has 64 or more pages above it',
      );
      expect(told).toEqual([{ code: 'crawl', message: expect.stringContaining('page 7064') }]);
    } else {
      expect(lines).toEqual([]);
      expect(told).toEqual([]);
    }
  }, 60_000);
});

const orphans = (report: JsonReport) =>
  report.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.path);
const page = (title: string) => `# ${title}\n\nHow we work.\n`;

describe("a book's navigation above the lint root", () => {
  // A repository whose SUMMARY.md, at its root, lists two pages five folders down.
  const book = () =>
    tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'SUMMARY.md': '# Summary\n\n* [Guide](a/b/c/d/e/guide.md)\n* [Rota](a/b/c/d/e/rota.md)\n',
      'a/b/c/d/e/guide.md': page('Guide'),
      'a/b/c/d/e/rota.md': page('Rota'),
    });
  const FAR = /SUMMARY\.md is more than 4 folders above the lint root/;

  it('five folders up is not read, and the run says so once, naming the file and the bound', async () => {
    const { run, report } = await json([join(book(), 'a/b/c/d/e')]);
    const lines = run.stderr.split('\n').filter((line) => FAR.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('../../../../../SUMMARY.md is more than 4 folders above');
    expect(report.notices?.filter((n) => FAR.test(n.message)).map((n) => n.code)).toEqual(['site']);
    expect(orphans(report).sort()).toEqual(['guide.md', 'rota.md']);
  });

  it('four folders up is read, in silence: its pages are no orphans', async () => {
    const { run, report } = await json([join(book(), 'a/b/c/d')]);
    expect(run.stderr).not.toMatch(FAR);
    expect(orphans(report)).toEqual([]);
  });

  it('a far book that lists none of the pages linted says nothing', async () => {
    const root = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'SUMMARY.md': '# Summary\n\n* [Intro](intro.md)\n',
      'intro.md': page('Intro'),
      'a/b/c/d/e/guide.md': page('Guide'),
    });
    const { run } = await json([join(root, 'a/b/c/d/e')]);
    expect(run.stderr).not.toMatch(FAR);
  });
});

describe('a WordPress manifest source of many URL parts', () => {
  const source = (path: string) => `https://github.com/example/handbook/blob/main/${path}`;
  /** A handbook whose manifest lists its front page and an index `folders` folders down. */
  const handbook = (folders: number) => {
    const deep = `${'d/'.repeat(folders)}index.md`;
    const manifest = {
      index: { markdown_source: source('index.md') },
      deep: { markdown_source: source(deep) },
    };
    return {
      root: tempTree({
        'index.md': page('Handbook'),
        [deep]: page('Deep'),
        'handbook-manifest.json': JSON.stringify(manifest),
      }),
      deep,
    };
  };
  const LONG = /handbook-manifest\.json: the markdown_source .* has more than 64 parts: not read/;

  it('past 64 parts is not read, and the run says so once, naming the manifest and the bound', async () => {
    const { root, deep } = handbook(62);
    const { run, report } = await json([root]);
    const lines = run.stderr.split('\n').filter((line) => LONG.test(line));
    expect(lines).toHaveLength(1);
    expect(report.notices?.filter((n) => LONG.test(n.message)).map((n) => n.code)).toEqual(['site']);
    expect(orphans(report)).toEqual([deep]);
  });

  it('64 parts are read, in silence', async () => {
    const { root } = handbook(59);
    const { run, report } = await json([root]);
    expect(run.stderr).not.toMatch(LONG);
    expect(orphans(report)).toEqual([]);
  });
});

describe("a kep.yaml past the reader's bounds", () => {
  const kep = (yaml: string) =>
    `title: Faster builds\nstatus: implementable\nauthors: ["@ada"]\nowning-sig: sig-build\n${yaml}`;
  const record = (n: number) => `# KEP-${n}: Faster builds ${n}\n\n## Summary\n\nBuilds take less time.\n`;
  const SIDECAR = /kep\.yaml .*: not read, so its page is judged without its fields/;

  it('over 1 MiB, or brackets nested past 100, is told once, naming the first file, its bound and how many', async () => {
    const root = tempTree({
      'keps/0001-big/README.md': record(1),
      'keps/0001-big/kep.yaml': kep(`notes: "${'x'.repeat(1_100_000)}"\n`),
      'keps/0002-deep/README.md': record(2),
      'keps/0002-deep/kep.yaml': kep(`shape: ${'['.repeat(101)}${']'.repeat(101)}\n`),
      'keps/0003-fine/README.md': record(3),
      'keps/0003-fine/kep.yaml': kep(''),
    });
    const { run, report } = await json([root]);
    const lines = run.stderr.split('\n').filter((line) => SIDECAR.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'keps/0001-big/kep.yaml is over 1 MiB, more than this tool reads there (and 1 more metadata files)',
    );
    expect(report.notices?.filter((n) => SIDECAR.test(n.message)).map((n) => n.code)).toEqual(['crawl']);
  });

  it('within the bounds is read, in silence', async () => {
    const root = tempTree({
      'keps/0003-fine/README.md': record(3),
      'keps/0003-fine/kep.yaml': kep(`shape: ${'['.repeat(100)}${']'.repeat(100)}\n`),
    });
    const { run } = await json([root]);
    expect(run.stderr).not.toMatch(SIDECAR);
  });
});
