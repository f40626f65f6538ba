import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Page } from '../../src/model/page.js';
import { ConfluenceApi } from '../../src/platforms/confluence/api.js';
import { confluenceCredentials } from '../../src/platforms/confluence/credentials.js';
import { listPages } from '../../src/platforms/confluence/listing.js';
import { ConfluenceTree, PendingContext } from '../../src/platforms/confluence/tree.js';
import { formatJson } from '../../src/report/json.js';
import { run } from '../../src/run.js';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { confluenceConfigFile, EMAIL, EMAIL_ENV, TOKEN, TOKEN_ENV } from '../helpers/confluence.js';

const NOW = new Date('2026-10-15T00:00:00Z');
const SLOW_MS = 60_000;
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SITE = 'https://acme.atlassian.net';
const SPACES = [{ id: '1', key: 'HB', name: 'Handbook', homepageId: '10' }];

describe('a Confluence tree that grows with the listing', () => {
  it('answers only what the rest of the listing cannot change until it is finished', () => {
    const tree = ConfluenceTree.growing(SPACES, SITE, new Set());
    tree.add([{ id: '11', title: 'Deploys', spaceId: '1', parentId: '10' }]);
    expect(tree.linkUrl('HB', 'Deploys')).toBe(`${SITE}/wiki/spaces/HB/pages/11`);
    expect(tree.linkUrl('OTHER', 'Anything')).toBe(`${SITE}/wiki/display/OTHER/Anything`);
    expect(() => tree.linkUrl('HB', 'Home')).toThrow(PendingContext);
    expect(() => tree.path('11')).toThrow(PendingContext); // the parent is not listed yet
    expect(() => tree.spaceUrl('HB')).toThrow(PendingContext); // nor the home page
    expect([tree.knowsTitle('HB', 'Home'), tree.knowsAncestors('11'), tree.knowsSpace('HB')]).toEqual([
      false,
      false,
      false,
    ]);

    tree.add([
      { id: '10', title: 'Home', spaceId: '1' },
      { id: '12', title: 'Deploys', spaceId: '1' }, // a repeated title keeps its first page
    ]);
    expect([tree.knowsTitle('HB', 'Home'), tree.knowsAncestors('11'), tree.knowsSpace('HB')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(tree.path('11')).toBe('Handbook/Home/Deploys');
    expect(tree.linkUrl('HB', 'Deploys')).toBe(`${SITE}/wiki/spaces/HB/pages/11`);
    expect(() => tree.linkUrl('HB', 'Nowhere')).toThrow(PendingContext);

    tree.finish();
    expect(tree.linkUrl('HB', 'Nowhere')).toBe(`${SITE}/wiki/spaces/HB/pages/title/Nowhere`);
    expect(tree.knowsTitle('HB', 'Nowhere')).toBe(true);
  });

  it('decides membership under roots only once the whole tree is listed', () => {
    const tree = ConfluenceTree.growing(SPACES, SITE, new Set(['11']));
    tree.add([{ id: '13', title: 'Rollback', spaceId: '1', parentId: '11' }]);
    expect(() => tree.selected('13')).toThrow(PendingContext);
    tree.add([{ id: '11', title: 'Deploys', spaceId: '1' }]);
    tree.finish();
    expect(tree.selected('13')).toBe(true);
  });
});

describe('a Confluence crawl that builds pages while it lists them', () => {
  let emulator: ConfluenceEmulator;
  const space = generateConfluenceSpace(600);
  // Page 2 (first listing page) links to page 551 (third listing page); page 561 names someone no earlier page does.
  const early = space.pages[1];
  const later = space.pages[550];
  const lateComer = space.pages[560];

  beforeAll(async () => {
    if (!early || !later || !lateComer) throw new Error('the generated space is too small');
    early.body += `<p>See <ac:link><ri:page ri:content-title="${later.title}" /></ac:link>.</p>`;
    lateComer.body += '<p>Ask <ac:link><ri:user ri:account-id="557058:late" /></ac:link>.</p>';
    space.users.push({ accountId: '557058:late', displayName: 'Ada Late', email: '', timeZone: 'UTC' });
    emulator = await startConfluenceEmulator({ fixture: space });
    process.env[EMAIL_ENV] = EMAIL;
    process.env[TOKEN_ENV] = TOKEN;
  });
  afterAll(() => emulator.close());

  it(
    'resolves a link to a page listed later and names a person who turns up late, in one bulk look-up more',
    async () => {
      const pages: Page[] = [];
      const config = await loadConfig(confluenceConfigFile(emulator));
      await run(config, { now: NOW, onPage: (page) => pages.push(page) });
      expect(new Set(pages.map((p) => p.key)).size).toBe(600);
      const find = (id: string | undefined) => pages.find((p) => p.id === id);
      expect(find(early?.id)?.markdown).toContain(
        `[${later?.title}](${emulator.url}/wiki/spaces/BENCH/pages/${later?.id})`,
      );
      expect(find(lateComer?.id)?.markdown).toContain('Ask @Ada Late.');
      const lookups = emulator.log.filter((e) => e.path === '/wiki/api/v2/users-bulk');
      expect(lookups).toHaveLength(2); // after the first listing page, and once for the late one
    },
    SLOW_MS,
  );

  it.skipIf(!existsSync(CLI))(
    'gives byte-identical JSON on worker threads (the built CLI) and in this thread',
    async () => {
      const inline = formatJson(await run(await loadConfig(confluenceConfigFile(emulator)), { now: NOW }));
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          CLI,
          'run',
          '--config',
          confluenceConfigFile(emulator),
          '--format',
          'json',
          '--now',
          NOW.toISOString(),
          '--fail-on',
          'never',
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      expect(stdout).toBe(inline);
      expect(JSON.parse(stdout).summary.pages).toBe(600);
    },
    SLOW_MS,
  );
});

describe('a Confluence listing that waits for the label search', () => {
  let emulator: ConfluenceEmulator;

  beforeAll(async () => {
    emulator = await startConfluenceEmulator({ fixture: generateConfluenceSpace(600) });
    // Slow label answers: a listing left alone would ask for its last pages before the labels came.
    emulator.fault({ path: '/wiki/rest/api/content/search', delayMs: 1000, times: Number.POSITIVE_INFINITY });
    process.env[EMAIL_ENV] = EMAIL;
    process.env[TOKEN_ENV] = TOKEN;
  });
  afterAll(() => emulator.close());

  it('holds each next listing request until the crawl lets it go', async () => {
    const config = await loadConfig(confluenceConfigFile(emulator));
    if (!config.confluence) throw new Error('no Confluence source in the config');
    const api = new ConfluenceApi(config.confluence, confluenceCredentials(config.confluence));
    const listed = () => emulator.log.filter((e) => e.path === '/wiki/api/v2/pages').length;
    const before = listed();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const batches: number[] = [];
    let settled = false;
    const listing = listPages(
      api,
      undefined,
      false,
      (pages) => batches.push(pages.length),
      () => gate,
    ).finally(() => {
      settled = true;
    });
    while (batches.length === 0 && !settled) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listed() - before).toBe(1);
    release();
    await listing;
    expect(batches).toEqual([250, 250, 100]);
    expect(listed() - before).toBe(3);
  });

  it(
    'asks for its next 250 pages only once the labels reach the pages before them, with no extra request',
    async () => {
      const start = emulator.log.length;
      const result = await run(await loadConfig(confluenceConfigFile(emulator)), { now: NOW });
      expect(result.summary.pages).toBe(600);
      const log = emulator.log.slice(start);
      const listing = log.filter((e) => e.path === '/wiki/api/v2/pages');
      const labels = log.filter((e) => e.path === '/wiki/rest/api/content/search');
      expect([listing.length, labels.length]).toEqual([3, 3]);
      listing.forEach((request, k) => {
        const answered = labels.filter((l) => l.startedAt + l.durationMs <= request.startedAt).length;
        expect(answered * 200, `listing request ${k + 1}`).toBeGreaterThanOrEqual(250 * (k - 1));
      });
    },
    SLOW_MS,
  );
});
