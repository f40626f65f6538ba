import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Config } from '../src/model/config.js';
import type { LintResult } from '../src/model/result.js';
import { run } from '../src/run.js';
import { type ConfluenceEmulator, startConfluenceEmulator } from './emulators/confluence.js';
import {
  loadNotionFixture,
  type NotionEmulator,
  type NotionFixture,
  startNotionEmulator,
} from './emulators/notion.js';
import { runCli, tempTree } from './helpers/cli.js';
import * as confluence from './helpers/confluence.js';
import { NOTION_FIXTURE, TOKEN_ENV as NOTION_TOKEN_ENV, notionConfigFile } from './helpers/notion.js';

// Crawls of both emulated wikis, twice each, plus lints: more than vitest's 5 s on a busy machine.
const SLOW_MS = 60_000;

/** A finding as the equivalence compares it: where the mirror puts a page, and its key, differ by design. */
type Judgement = [ruleId: string, title: string, message: string];

const sorted = (list: Judgement[]) => list.sort((a, b) => a.join('\0').localeCompare(b.join('\0')));
// A relative link in a wiki page (which the wiki can never resolve) is looked up among the mirror's
// files, which may add a "Did you mean" hint: of the differences by design (see the README), the one
// these fixtures show.
const judgements = (result: LintResult): Judgement[] =>
  sorted(result.findings.map((f) => [f.ruleId, f.page.title, f.message.replace(/ Did you mean \S+\?$/, '')]));

/** Lints the wiki itself, as `handbook-lint run --config` does. */
async function lintWiki(config: Config, now: Date, full = false): Promise<LintResult> {
  return run(config, { now, ...(full ? { full: true } : {}) });
}

/** Lints the mirror as a Markdown folder with the same rules, rule settings and overrides. */
async function lintMirror(config: Config, out: string, now: Date): Promise<LintResult> {
  const { notion: _notion, confluence: _confluence, ...rest } = config;
  return run({ ...rest, markdown: { root: out, include: ['**/*.md'], exclude: [] } }, { now });
}

/** Every file of the mirror (the manifest too) with its content hash and file time. */
function snapshot(out: string): Map<string, { hash: string; mtimeMs: number }> {
  const files = new Map<string, { hash: string; mtimeMs: number }>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    files.set(path.slice(out.length + 1), { hash, mtimeMs: statSync(path).mtimeMs });
  }
  return files;
}

/** Files whose content or time differ between two snapshots, and files gone. */
function changed(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>) {
  const touched = [...after].filter(([file, now]) => {
    const then = before.get(file);
    return !then || then.hash !== now.hash || then.mtimeMs !== now.mtimeMs;
  });
  return {
    touched: touched.map(([file]) => file).sort(),
    removed: [...before.keys()].filter((file) => !after.has(file)).sort(),
  };
}

async function syncCli(configFile: string, out: string, ...extra: string[]) {
  return runCli(['sync', '--config', configFile, '--out', out, ...extra]);
}

const summary = (written: number, unchanged: number, deleted: number, unreadable: number) =>
  `written ${written}, unchanged ${unchanged}, deleted ${deleted}, unreadable ${unreadable}\n`;

describe('sync: a Notion workspace mirrored into Markdown', () => {
  const NOW = new Date('2026-06-01T00:00:00Z');
  let fixture: NotionFixture;
  let emulator: NotionEmulator;
  let configFile: string;
  let config: Config;
  let out: string;
  const idOf = (title: string): string => {
    const page = fixture.pages.find((p) => p.title === title);
    if (!page) throw new Error(`no fixture page "${title}"`);
    return page.id;
  };

  beforeAll(async () => {
    fixture = await loadNotionFixture(NOTION_FIXTURE);
    emulator = await startNotionEmulator({ fixture: NOTION_FIXTURE });
    process.env[NOTION_TOKEN_ENV] = emulator.token;
    configFile = notionConfigFile(emulator);
    config = await loadConfig(configFile);
    out = join(tempTree({}), 'mirror');
  });
  afterAll(async () => {
    delete process.env[NOTION_TOKEN_ENV];
    await emulator.close();
  });

  it(
    'writes one file per page; linting the mirror finds what linting the wiki finds',
    async () => {
      const first = await syncCli(configFile, out);
      // 21 listed pages, the child page it cannot open, 2 databases, and the table of contents.
      expect(first.stdout).toBe(`${out}: ${summary(25, 0, 0, 2)}`);
      expect(first.code).toBe(3); // two pages could not be read, as `run` reports them
      expect(first.stderr).toContain('acme-handbook/security.md: "Security" could not be read (403');

      const files = [...snapshot(out).keys()].sort();
      expect(files).toEqual(
        expect.arrayContaining([
          '.handbook-lint-sync.json',
          'README.md',
          'acme-handbook.md',
          'acme-handbook/engineering.md',
          'acme-handbook/engineering/decision-log.md',
          'acme-handbook/engineering/decision-log/adr-003-move-ci-to-self-hosted-runners.md',
          'acme-handbook/people/compensation-bands.md',
          'old-team-rituals.md',
        ]),
      );
      expect(files).toHaveLength(26);
      const adr = readFileSync(
        join(out, 'acme-handbook/engineering/decision-log/adr-004-replace-jenkins-with-github-actions.md'),
        'utf8',
      );
      expect(adr).toMatch(
        /^---\ntitle: "ADR-004: Replace Jenkins with GitHub Actions"\ntype: decision\nowner: Jonas Berg\nstatus: Superseded\ntags:\n {2}- ci\ndecided-on: 2024-10-15\nwiki:\n {2}source: notion\n {2}id: ae23f008-88ab-4796-838c-dc2c6691823f\n {2}url: https:\/\/www\.notion\.so\/ADR-004-/,
      );
      // Links to mirrored pages lead to their files; the one to a page that does not exist stays broken.
      const home = readFileSync(join(out, 'acme-handbook.md'), 'utf8');
      expect(home).toContain('- [How we work](acme-handbook/how-we-work.md) explains');
      const review = readFileSync(join(out, 'acme-handbook/engineering/code-review-guidelines.md'), 'utf8');
      expect(review).toContain('https://www.notion.so/418c28b60f96496a96bcaabb86ae010f');
      expect(review).toContain('(decision-log/adr-002-adopt-cursor-pagination-for-public-apis.md)');

      expect(emulator.log.filter((entry) => entry.write)).toEqual([]); // a sync only reads the wiki

      const wiki = await lintWiki(config, NOW);
      const mirror = await lintMirror(config, out, NOW);
      expect(judgements(mirror)).toEqual(judgements(wiki));
      expect(mirror.unreadable.map((u) => u.reason).sort()).toEqual(
        wiki.unreadable.map((u) => u.reason).sort(),
      );
    },
    SLOW_MS,
  );

  it('refuses a folder it did not write, a config without a wiki, and a missing --out', async () => {
    const folder = tempTree({ 'notes.md': '# Mine\n' });
    const refused = await syncCli(configFile, folder);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${folder} is not empty.`);
    expect(readFileSync(join(folder, 'notes.md'), 'utf8')).toBe('# Mine\n');
    const markdownOnly = join(tempTree({ 'c.yml': 'sources:\n  markdown:\n    root: .\n' }), 'c.yml');
    const noWiki = await syncCli(markdownOnly, join(tempTree({}), 'm'));
    expect([noWiki.code, noWiki.stderr]).toEqual([2, expect.stringContaining('sync mirrors a wiki')]);
    const noOut = await runCli(['sync', '--config', configFile]);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining('--out DIR')]);
  });

  it(
    'rewrites only the edited page, removes the deleted one, and keeps a page it cannot read',
    async () => {
      const unchanged = await syncCli(configFile, out);
      expect(unchanged.stdout).toBe(`${out}: ${summary(0, 25, 0, 2)}`);
      const before = snapshot(out);

      emulator.editPage(
        idOf('Deploying to production'),
        'Deploys go out through the pipeline. Read the [On-call handbook](https://www.notion.so/ea46225c30cc4681aec2b065c40ba951) first.\n',
        { at: '2026-05-30T10:00:00.000Z' },
      );
      emulator.deletePage(idOf('Old team rituals'));
      const dry = await syncCli(configFile, out, '--dry-run');
      expect(dry.stdout).toBe(`Dry run: ${out}: would write 2, unchanged 22, would delete 1, unreadable 2\n`);
      expect(dry.stderr).toContain(
        'write  acme-handbook/engineering/deploying-to-production.md\ndelete old-team-rituals.md\n',
      );
      expect(changed(before, snapshot(out))).toEqual({ touched: [], removed: [] });
      const next = await syncCli(configFile, out);
      expect(next.stdout).toBe(`${out}: ${summary(2, 22, 1, 2)}`);
      const after = snapshot(out);
      // The deletion takes the page off the table of contents; no other page's file is touched.
      expect(changed(before, after)).toEqual({
        touched: [
          '.handbook-lint-sync.json',
          'README.md',
          'acme-handbook/engineering/deploying-to-production.md',
        ],
        removed: ['old-team-rituals.md'],
      });
      expect(
        readFileSync(join(out, 'acme-handbook/engineering/deploying-to-production.md'), 'utf8'),
      ).toContain('Read the [On-call handbook](on-call-handbook.md) first.');
      expect(judgements(await lintMirror(config, out, NOW))).toEqual(judgements(await lintWiki(config, NOW)));

      // A page that turns unreadable keeps its last good copy, marked so: both lints skip it alike.
      const path = `/v1/pages/${idOf('On-call handbook')}/markdown`;
      emulator.addFault({ method: 'GET', path, status: 403, times: 2 });
      const hidden = await syncCli(configFile, out, '--full');
      expect(hidden.code).toBe(3);
      expect(hidden.stdout).toBe(`${out}: ${summary(1, 23, 0, 3)}`);
      const copy = readFileSync(join(out, 'acme-handbook/engineering/on-call-handbook.md'), 'utf8');
      expect(copy).toMatch(/\n {2}unreadable: "403 restricted_resource: [^\n]*"\n---\n/);
      expect(copy).toContain('## '); // the text of the last good copy is still there
      const wiki = await lintWiki(config, NOW, true);
      expect(wiki.unreadable).toHaveLength(3);
      const mirror = await lintMirror(config, out, NOW);
      expect(judgements(mirror)).toEqual(judgements(wiki));
      expect(mirror.unreadable.map((u) => u.reason).sort()).toEqual(
        wiki.unreadable.map((u) => u.reason).sort(),
      );
    },
    SLOW_MS,
  );
});

describe('sync: Confluence spaces mirrored into Markdown', () => {
  const NOW = new Date('2026-10-15T00:00:00Z');
  let emulator: ConfluenceEmulator;
  let configFile: string;
  let config: Config;
  let out: string;

  beforeAll(async () => {
    process.env[confluence.EMAIL_ENV] = confluence.EMAIL;
    process.env[confluence.TOKEN_ENV] = confluence.TOKEN;
    emulator = await startConfluenceEmulator({ fixture: confluence.CONFLUENCE_FIXTURE });
    configFile = confluence.confluenceConfigFile(emulator);
    config = await loadConfig(configFile);
    out = join(tempTree({}), 'mirror');
  });
  afterAll(async () => {
    delete process.env[confluence.EMAIL_ENV];
    delete process.env[confluence.TOKEN_ENV];
    await emulator.close();
  });

  it(
    'writes one file per page in folders per space; linting the mirror finds what linting the wiki finds',
    async () => {
      const first = await syncCli(configFile, out);
      // 21 pages, the restricted page a link leads to, and the table of contents.
      expect(first.stdout).toBe(`${out}: ${summary(23, 0, 0, 1)}`);
      expect(first.code).toBe(3);
      const files = [...snapshot(out).keys()];
      expect(files).toEqual(
        expect.arrayContaining([
          'handbook/handbook-home.md',
          'handbook/handbook-home/decision-log/dr-001-use-cursor-pagination-for-all-list-apis.md',
          'handbook/offsite-ideas-2024.md',
          'engineering/engineering-home/storage-format-samples/sample-links.md',
          'engineering/security-incident-postmortem-restricted.md',
        ]),
      );
      const escalation = readFileSync(join(out, 'handbook/handbook-home/escalation-path.md'), 'utf8');
      expect(escalation).toContain('(../../engineering/engineering-home/deploy-runbook.md#Rollback)');

      const wiki = await lintWiki(config, NOW);
      const mirror = await lintMirror(config, out, NOW);
      expect(judgements(mirror)).toEqual(judgements(wiki));
      expect(mirror.unreadable.map((u) => u.reason)).toEqual(wiki.unreadable.map((u) => u.reason));
    },
    SLOW_MS,
  );

  it(
    'rewrites only the edited page and removes the deleted one',
    async () => {
      const before = snapshot(out);
      emulator.editPage('98317', { body: '<p>Owner: Émile Laurent</p><p>Use the tools we pay for.</p>' });
      emulator.deletePage('98319');
      const next = await syncCli(configFile, out);
      expect(next.stdout).toBe(`${out}: ${summary(2, 20, 1, 1)}`);
      expect(changed(before, snapshot(out))).toEqual({
        touched: ['.handbook-lint-sync.json', 'README.md', 'handbook/handbook-home/tool-guide.md'],
        removed: ['handbook/offsite-ideas-2024.md'],
      });
      expect(judgements(await lintMirror(config, out, NOW))).toEqual(judgements(await lintWiki(config, NOW)));
    },
    SLOW_MS,
  );
});
