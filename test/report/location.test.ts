import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@notionhq/client';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Config } from '../../src/model/config.js';
import type { Finding } from '../../src/model/finding.js';
import type { Heading } from '../../src/model/page.js';
import type { LintResult } from '../../src/model/result.js';
import { confluenceAnchor, nearestHeading } from '../../src/normalize/anchors.js';
import { formatJson } from '../../src/report/json.js';
import { matchHeadingBlocks } from '../../src/report/location.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatSarif } from '../../src/report/sarif.js';
import { quoteLine } from '../../src/rules/quote.js';
import { run } from '../../src/run.js';
import { formatStorage } from '../../src/writeback/storage.js';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import type { ConfluenceFixtureInput } from '../emulators/confluence-fixture.js';
import { loadNotionFixture, type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import {
  CONFLUENCE_FIXTURE,
  TOKEN as CONFLUENCE_TOKEN,
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
  confluenceConfigFile,
  EMAIL,
  EMAIL_ENV,
} from '../helpers/confluence.js';
import { NOTION_FIXTURE, TOKEN_ENV as NOTION_TOKEN_ENV, notionConfigFile } from '../helpers/notion.js';

const heading = (text: string, line: number): Heading => ({
  depth: 2,
  text,
  slug: text.toLowerCase(),
  position: { start: { line, column: 1, offset: 0 }, end: { line, column: 1 + text.length, offset: 0 } },
});

describe('quotes and anchors', () => {
  it('quotes a line trimmed, cut around the finding with ellipses, control characters escaped', () => {
    expect(quoteLine('   Owner: TBD  ')).toBe('Owner: TBD');
    expect(quoteLine('bell \u0007 here')).toBe('bell \\x07 here');
    const long = `${'a'.repeat(100)} TBD ${'b'.repeat(100)}`;
    const quote = quoteLine(long, 102) ?? '';
    expect([...quote]).toHaveLength(80);
    expect(quote).toMatch(/^…a+ TBD b+…$/);
    expect(quoteLine(`TBD ${'c'.repeat(200)}`, 1)).toMatch(/^TBD c+…$/);
    expect(quoteLine('   ')).toBeUndefined();
    expect(quoteLine('## Decision')).toBe('Decision');
    expect(quoteLine('  - [ ] Book the offsite venue')).toBe('Book the offsite venue');
    expect(quoteLine('> 1. First')).toBe('First');
    expect(quoteLine('---')).toBe('---');
  });

  it("writes Confluence Cloud's heading anchor: spaces become hyphens, case and punctuation stay", () => {
    expect(confluenceAnchor('After the meeting')).toBe('After-the-meeting');
    expect(confluenceAnchor('Rollback plan: step 1')).toBe('Rollback-plan:-step-1');
    expect(confluenceAnchor('Zürich (HQ) #1 & 100%')).toBe('Z%C3%BCrich-(HQ)-%231-&-100%25');
  });

  it('takes the heading at or before the line, none above the first heading', () => {
    const headings = [heading('One', 3), heading('Two', 9)];
    expect(nearestHeading(headings, 2)).toBeUndefined();
    expect(nearestHeading(headings, 3)?.heading.text).toBe('One');
    expect(nearestHeading(headings, 8)?.index).toBe(0);
    expect(nearestHeading(headings, 40)?.index).toBe(1);
  });

  it('matches Markdown headings to heading blocks by text in order, by position when texts differ', () => {
    const headings = [heading('Intro', 1), heading('Steps', 4), heading('Intro', 8)];
    const blocks = [
      { id: 'a', text: 'Intro' },
      { id: 'x', text: 'Toggle heading' },
      { id: 'b', text: 'Steps' },
      { id: 'c', text: 'Intro {color="red"}' },
    ];
    expect(matchHeadingBlocks(headings, blocks)).toEqual(['a', 'b', 'c']);
    expect(matchHeadingBlocks([heading('See @Ada', 2)], [{ id: 'm', text: 'See Ada Lovelace' }])).toEqual([
      'm',
    ]);
    expect(matchHeadingBlocks([heading('Gone', 2)], [])).toEqual([undefined]);
  });
});

interface JsonFinding {
  ruleId: string;
  page: { title: string; url: string };
  location: { url: string; anchor?: string; quote?: string } | null;
}

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { message?: { text: string } }[];
  properties?: { wikiLocation: { url: string; anchor?: string; quote?: string } };
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validSarif = ajv.compile(
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../fixtures/sarif-2.1.0.schema.json', import.meta.url)), 'utf8'),
  ),
);

function reports(result: LintResult) {
  const json = JSON.parse(formatJson(result)) as { findings: JsonFinding[] };
  const sarif = JSON.parse(formatSarif(result)) as { runs: { results: SarifResult[] }[] };
  validSarif(sarif);
  expect(validSarif.errors ?? []).toEqual([]);
  const page = formatMarkdown(result, result.coverage);
  return { json: json.findings, sarif: sarif.runs[0]?.results ?? [], page };
}

function only<T>(items: T[], what: string): T {
  expect(items, what).toHaveLength(1);
  return items[0] as T;
}

const placeholderOn = (findings: JsonFinding[], title: string) =>
  only(
    findings.filter((f) => f.ruleId === 'placeholder' && f.page.title === title),
    `one placeholder finding on ${title}`,
  );

describe('Notion findings point at the nearest heading block', () => {
  let emulator: NotionEmulator;
  let config: Config;
  let result: LintResult;
  const TITLE = 'Time off policy';

  beforeAll(async () => {
    const fixture = await loadNotionFixture(NOTION_FIXTURE);
    const page = fixture.pages.find((p) => p.title === TITLE);
    if (!page) throw new Error(`no fixture page ${TITLE}`);
    page.markdown = `${page.markdown}Who to ask: TBD\n`;
    emulator = await startNotionEmulator({ fixture });
    process.env[NOTION_TOKEN_ENV] = emulator.token;
    config = await loadConfig(notionConfigFile(emulator));
    result = await run(config, { now: new Date('2026-06-01T00:00:00Z') });
  }, 60_000);
  afterAll(async () => {
    delete process.env[NOTION_TOKEN_ENV];
    await emulator.close();
  });

  it('links JSON, SARIF and the findings page to the heading block, with the quoted line', async () => {
    const pageId = result.findings.find((f) => f.page.title === TITLE)?.page.key.slice('notion:'.length);
    if (!pageId) throw new Error('no finding on the page');
    const client = new Client({ auth: emulator.token, baseUrl: emulator.url });
    const blocks = await client.blocks.children.list({ block_id: pageId });
    const holidays = blocks.results.find(
      (b) =>
        'type' in b && b.type === 'heading_2' && b.heading_2.rich_text[0]?.plain_text === 'Public holidays',
    );
    if (!holidays) throw new Error('no heading block "Public holidays"');
    const blockHex = holidays.id.replace(/-/g, '');

    const { json, sarif, page } = reports(result);
    const finding = placeholderOn(json, TITLE);
    expect(finding.location).toEqual({
      url: `${finding.page.url}#${blockHex}`,
      anchor: blockHex,
      quote: 'Who to ask: TBD',
    });
    const url = finding.location?.url ?? '';
    expect(url).toMatch(/^https:\/\/www\.notion\.so\/.*[0-9a-f]{32}#[0-9a-f]{32}$/);
    const result2 = only(
      sarif.filter((r) => r.ruleId === 'placeholder' && r.message.text.includes(url)),
      'the SARIF result',
    );
    expect(result2.locations[0]?.message?.text).toBe(url);
    expect(result2.properties?.wikiLocation).toEqual(finding.location);
    expect(page).toContain(`](${url}): Unfilled template text`);
    expect(page).toContain('“Who to ask: TBD”');
  });

  it('links a whole-page finding to the page alone', () => {
    const { json } = reports(result);
    const stale = json.find((f) => f.ruleId === 'stale-page' && f.page.title === 'Expense policy');
    expect(stale?.location).toEqual({ url: stale?.page.url });
  });

  it('asks the block API only for pages with a finding below a heading', () => {
    const blockReads = emulator.log.filter((e) => /^\/v1\/blocks\/[^/]+\/children/.test(e.path));
    const pages = new Set(blockReads.map((e) => e.path.split('/')[3]));
    const located = new Set(
      result.findings
        .filter((f) => f.location?.anchor && f.page.key.startsWith('notion:'))
        .map((f) => f.page.key.slice('notion:'.length)),
    );
    const positioned = new Set(
      result.findings.filter((f) => f.position).map((f) => f.page.key.slice('notion:'.length)),
    );
    expect(located.size).toBeGreaterThan(0);
    for (const id of located) expect(pages).toContain(id);
    for (const id of pages) expect(positioned).toContain(id);
  });

  it('keeps heading blocks in the page cache: an unchanged page is not asked again', async () => {
    emulator.log.splice(0);
    const again = await run(config, { now: new Date('2026-06-01T00:00:00Z') });
    expect(emulator.log.filter((e) => e.path.startsWith('/v1/blocks/'))).toEqual([]);
    expect(again.findings.map((f) => f.location)).toEqual(result.findings.map((f) => f.location));
  });

  it('links to the page alone when the blocks cannot be read, and the run goes on', async () => {
    emulator.setFaults([{ path: '/v1/blocks/*/children', status: 404, times: Number.POSITIVE_INFINITY }]);
    try {
      const refetched = await run(config, { now: new Date('2026-06-01T00:00:00Z'), full: true });
      const finding = refetched.findings.find((f) => f.ruleId === 'placeholder' && f.page.title === TITLE);
      expect(finding?.location).toEqual({ url: finding?.page.url, quote: 'Who to ask: TBD' });
    } finally {
      emulator.setFaults([]);
    }
  });
});

describe('Confluence findings point at the nearest heading anchor', () => {
  let emulator: ConfluenceEmulator;
  let result: LintResult;
  const TITLE = 'Meeting Policy';

  beforeAll(async () => {
    const fixture = JSON.parse(readFileSync(CONFLUENCE_FIXTURE, 'utf8')) as ConfluenceFixtureInput;
    const page = fixture.pages.find((p) => p.title === TITLE);
    if (!page || !Array.isArray(page.body)) throw new Error(`no fixture page ${TITLE}`);
    const at = page.body.indexOf('<h2>After the meeting</h2>');
    page.body.splice(at, 1, '<h2>After the meeting: notes</h2>', '<p>Note taker: TBD</p>');
    emulator = await startConfluenceEmulator({ fixture });
    process.env[EMAIL_ENV] = EMAIL;
    process.env[CONFLUENCE_TOKEN_ENV] = CONFLUENCE_TOKEN;
    const config = await loadConfig(confluenceConfigFile(emulator));
    result = await run(config, { now: new Date('2026-10-15T00:00:00Z') });
  }, 60_000);
  afterAll(async () => {
    delete process.env[EMAIL_ENV];
    delete process.env[CONFLUENCE_TOKEN_ENV];
    await emulator.close();
  });

  it('links JSON, SARIF and the findings page to the heading, with the quoted line', () => {
    const { json, sarif, page } = reports(result);
    const finding = placeholderOn(json, TITLE);
    expect(finding.page.url).toMatch(/\/wiki\/spaces\/HB\/pages\/98308\//);
    const url = `${finding.page.url}#After-the-meeting:-notes`;
    expect(finding.location).toEqual({ url, anchor: 'After-the-meeting:-notes', quote: 'Note taker: TBD' });
    const sarifResult = only(
      sarif.filter((r) => r.ruleId === 'placeholder' && r.message.text.includes(url)),
      'the SARIF result',
    );
    expect(sarifResult.locations[0]?.message?.text).toBe(url);
    expect(page).toContain(`](${url}): Unfilled template text`);
    // The findings page as written into Confluence (storage format) links the spot as well.
    expect(formatStorage(result)).toContain(`<a href="${url}">“Note taker: TBD”</a>`);
  });

  it('locates site findings too: a broken link below a heading', () => {
    const { json } = reports(result);
    const broken = json.find((f) => f.ruleId === 'broken-link' && f.page.title === 'Onboarding Guide');
    expect(broken?.location?.url).toBe(`${broken?.page.url}#Your-first-week`);
    expect(broken?.location?.anchor).toBe('Your-first-week');
    expect(broken?.location?.quote).toBe('Laptop Setup Checklist'); // the link text a reader sees
  });

  it('links a whole-page finding to the page alone', () => {
    const whole = result.findings.filter((f) => f.page.key.startsWith('confluence:') && !f.position);
    expect(whole.length).toBeGreaterThan(0);
    for (const f of whole) expect(f.location).toEqual({ url: f.page.url } satisfies Finding['location']);
  });
});
