import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { CrawlProgress } from '../src/progress.js';
import { run } from '../src/run.js';
import type { NotionFixture } from './emulators/notion.js';
import { builtCli } from './helpers/built-cli.js';
import { tempTree } from './helpers/cli.js';
import {
  CONFLUENCE_FIXTURE,
  confluenceConfigFile,
  confluenceEmulatorForSuite,
} from './helpers/confluence.js';
import { NOTION_FIXTURE, notionConfigFile, notionEmulatorForSuite } from './helpers/notion.js';

// A thirteenth round of newcomers: a markdownlint, ESLint or Vale user whose company handbook is in
// Notion or Confluence, with an hour, from a fresh clone, following the README's first run on a wiki.

const SLOW_MS = 60_000;

const DECISION_LOG = 'fc8cb7339d2c4d04be5af060fced03ac';
const ADR_003 = '2670b4cd316c4241912d861a7a35acf6';

interface JsonReport {
  summary: { pages: number };
  findings: { page: { url?: string } }[];
}

describe('a Notion root copied from the browser while the page is open in a peek (…?v=VIEW&p=PAGE&pm=s)', () => {
  const emulator = notionEmulatorForSuite(() => NOTION_FIXTURE);

  it('crawls the page shown, not the database or page behind it', { timeout: SLOW_MS }, async () => {
    const peek = `https://www.notion.so/acme/Decision-log-${DECISION_LOG}?v=0123456789abcdef0123456789abcdef&p=${ADR_003}&pm=s`;
    const file = notionConfigFile(emulator(), { roots: [peek] });
    const run = await builtCli(['run', '--config', file, '--dry-run', '--format', 'json'], tempTree({}));
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary.pages).toBe(1);
    expect(new Set(report.findings.map((finding) => finding.page.url))).toEqual(
      new Set([`https://www.notion.so/ADR-003-Move-CI-to-self-hosted-runners-${ADR_003}`]),
    );
  });

  it('still crawls the whole database when the URL names no page in a peek', {
    timeout: SLOW_MS,
  }, async () => {
    const view = `https://www.notion.so/acme/${DECISION_LOG}?v=0123456789abcdef0123456789abcdef`;
    const file = notionConfigFile(emulator(), { roots: [view] });
    const run = await builtCli(['run', '--config', file, '--dry-run', '--format', 'json'], tempTree({}));
    const report = JSON.parse(run.stdout) as JsonReport;
    // The database and its five decision records.
    expect(report.summary.pages).toBe(6);
  });
});

describe('a Confluence page id written as a YAML number (roots: [98309], parent-page: 98305)', () => {
  const emulator = confluenceEmulatorForSuite(() => CONFLUENCE_FIXTURE);

  it('is read as the id it is, not "expected string, received number"', { timeout: SLOW_MS }, async () => {
    const file = confluenceConfigFile(
      emulator(),
      { spaces: ['HB'], roots: [98309] },
      { writeback: { 'findings-page': { confluence: { space: 'HB', 'parent-page': 98305 } } } },
    );
    const run = await builtCli(['run', '--config', file, '--dry-run', '--fail-on', 'never'], tempTree({}));
    expect(run.stderr).not.toContain('expected string, received number');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/in \d+ of 4 pages/);
    expect(run.stderr).toContain('create page  confluence');
  });

  it('a number that names no page is still refused at the crawl', { timeout: SLOW_MS }, async () => {
    const file = confluenceConfigFile(emulator(), { spaces: ['HB'], roots: [98399] });
    const run = await builtCli(['run', '--config', file, '--dry-run'], tempTree({}));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Confluence root page 98399 (sources.confluence.roots) cannot be read');
  });
});

describe('a Confluence root copied from the browser while the page is being edited (…/pages/edit-v2/ID)', () => {
  const emulator = confluenceEmulatorForSuite(() => CONFLUENCE_FIXTURE);

  it('names that page, as its view URL does', { timeout: SLOW_MS }, async () => {
    for (const root of [
      'https://acme.atlassian.net/wiki/spaces/HB/pages/edit-v2/98309',
      'https://acme.atlassian.net/wiki/spaces/HB/pages/98309/Decision+Log',
    ]) {
      const file = confluenceConfigFile(emulator(), { spaces: ['HB'], roots: [root] });
      const run = await builtCli(['run', '--config', file, '--dry-run', '--fail-on', 'never'], tempTree({}));
      expect(run.stderr).not.toContain('not a Confluence page id or page URL');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/in \d+ of 4 pages/);
    }
  });
});

describe('a Confluence space given as its URL (…/wiki/spaces/HB/overview) instead of its key', () => {
  it('says the key that URL names, not only "a space key such as ENG"', { timeout: SLOW_MS }, async () => {
    const config = {
      'sources.confluence.spaces': 'spaces: ["https://acme.atlassian.net/wiki/spaces/HB/overview"]',
      'writeback.findings-page.confluence.space': 'space: https://acme.atlassian.net/wiki/spaces/HB',
    };
    const yaml = `sources:\n  confluence:\n    site-url: https://acme.atlassian.net\n    ${config['sources.confluence.spaces']}\nwriteback:\n  findings-page:\n    confluence:\n      ${config['writeback.findings-page.confluence.space']}\n`;
    const run = await builtCli(['run', '--dry-run'], tempTree({ 'handbook-lint.yml': yaml }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'handbook-lint.yml:4:14  sources.confluence.spaces.0: a space key such as ENG, not a URL: this one names the space HB',
    );
    expect(run.stderr).toContain(
      'handbook-lint.yml:8:14  writeback.findings-page.confluence.space: a space key such as ENG, not a URL: this one names the space HB',
    );
  });

  it('keeps the plain message for a value that is no space URL', { timeout: SLOW_MS }, async () => {
    const yaml =
      'sources:\n  confluence:\n    site-url: https://acme.atlassian.net\n    spaces: ["Human Resources"]\n';
    const run = await builtCli(['run', '--dry-run'], tempTree({ 'handbook-lint.yml': yaml }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sources.confluence.spaces.0: a space key such as ENG');
    expect(run.stderr).not.toContain('not a URL');
  });
});

describe('run --help read for where the Notion or Confluence token goes', () => {
  it('names the environment variables the wikis read, in the commands that crawl them', {
    timeout: SLOW_MS,
  }, async () => {
    for (const command of ['run', 'baseline', 'sync']) {
      const help = await builtCli([command, '--help'], tempTree({}));
      expect(help.code).toBe(0);
      expect(help.stdout, command).toContain('NOTION_TOKEN');
      expect(help.stdout, command).toContain('CONFLUENCE_EMAIL, CONFLUENCE_TOKEN');
      expect(help.stdout, command).toContain('HANDBOOK_LINT_API_HOSTS');
      expect(help.stdout, command).toContain('token-env');
    }
  });

  it('leaves them out of the commands that read no wiki', { timeout: SLOW_MS }, async () => {
    for (const command of ['init', 'rules']) {
      const help = await builtCli([command, '--help'], tempTree({}));
      expect(help.stdout, command).not.toContain('NOTION_TOKEN');
    }
  });
});

describe('the progress line of a long Notion crawl', () => {
  const emulator = notionEmulatorForSuite(() => NOTION_FIXTURE);

  it('counts a page as left until it is fetched: fetched, cached and left never add up to more than listed', {
    timeout: SLOW_MS,
  }, async () => {
    // One slow page early in the listing: the pages after it are fetched while it is awaited.
    emulator().setFaults([
      {
        path: /3b18d0846669447e9df0f0c283bf5e2e|3b18d084-6669-447e-9df0-f0c283bf5e2e/,
        delayMs: 1500,
        times: Infinity,
      },
    ]);
    const progress: CrawlProgress[] = [];
    await run(await loadConfig(notionConfigFile(emulator())), {
      now: new Date(),
      onProgress: (p) => progress.push(p),
    });
    emulator().setFaults([]);
    const fetching = progress.filter((p) => p.fetched + p.cached > 0);
    expect(fetching.length).toBeGreaterThan(0);
    for (const p of fetching) expect(p.fetched + p.cached + p.left).toBeLessThanOrEqual(p.listed);
    expect(progress.at(-1)).toMatchObject({ done: true, left: 0 });
  });
});

describe('a link in a Notion page copied from a page open in a peek (…?v=VIEW&p=PAGE&pm=s)', () => {
  const VIEW = '0123456789abcdef0123456789abcdef';
  const GONE = '7d0c9a1e5b3f4e2a9c8d6b4a2f1e0d9c';
  const peek = (id: string) =>
    `https://www.notion.so/acme/Decision-log-${DECISION_LOG}?v=${VIEW}&p=${id}&pm=s`;
  const emulator = notionEmulatorForSuite(() => {
    const fixture = JSON.parse(readFileSync(NOTION_FIXTURE, 'utf8')) as NotionFixture;
    const page = fixture.pages.find((p) => p.title === 'Code review guidelines');
    if (!page) throw new Error('the fixture has the code review page');
    page.markdown += `See [the CI decision](${peek(ADR_003)}) and [the old draft](${peek(GONE)}).\n`;
    return fixture;
  });

  it('leads to the page shown: one to a page that is gone is broken, one to a page there is not', {
    timeout: SLOW_MS,
  }, async () => {
    const file = notionConfigFile(emulator());
    const run = await builtCli(
      ['run', '--config', file, '--format', 'compact', '--fail-on', 'never'],
      tempTree({}),
    );
    const broken = run.stdout.split('\n').filter((line) => line.includes('broken-link'));
    expect(broken.some((line) => line.includes(GONE))).toBe(true);
    expect(broken.some((line) => line.includes(ADR_003))).toBe(false);
  });
});

describe("a Confluence root copied with the share dialog's Copy link (a short link, …/wiki/x/BYAB)", () => {
  const emulator = confluenceEmulatorForSuite(() => CONFLUENCE_FIXTURE);

  it('names the page its code stands for, as its view URL does', { timeout: SLOW_MS }, async () => {
    // BYAB is page 98309, the Decision Log, in Confluence's short-link code.
    const file = confluenceConfigFile(emulator(), {
      spaces: ['HB'],
      roots: ['https://acme.atlassian.net/wiki/x/BYAB'],
    });
    const run = await builtCli(['run', '--config', file, '--dry-run', '--fail-on', 'never'], tempTree({}));
    expect(run.stderr).not.toContain('not a Confluence page id or page URL');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/in \d+ of 4 pages/);
  });

  it('one whose code names no page is refused at the crawl with the id it stands for', {
    timeout: SLOW_MS,
  }, async () => {
    // BYEB is page 98565.
    const file = confluenceConfigFile(emulator(), {
      spaces: ['HB'],
      roots: ['https://acme.atlassian.net/wiki/x/BYEB'],
    });
    const run = await builtCli(['run', '--config', file, '--dry-run'], tempTree({}));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Confluence root page 98565 (sources.confluence.roots) cannot be read');
  });
});
