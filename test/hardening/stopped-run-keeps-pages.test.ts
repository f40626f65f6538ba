import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { pageCachePath } from '../../src/page-cache.js';
import { type ConfluenceEmulator, startConfluenceEmulator } from '../emulators/confluence.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { generateNotionWorkspace, type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import * as confluence from '../helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';

// A Notion run stopped halfway (Ctrl-C, the SIGTERM of systemd's TimeoutStartSec or a CI job's time
// limit, a crawl error) saved nothing: the next run fetched every page again, so a first crawl of
// 20,000 pages (some 2 hours) killed at a nightly time limit never completed. It now keeps the pages
// it fetched in the page cache (never the ledger), and the next run fetches only the others, with the
// findings of a clean run. Counted in requests for page content on the emulator, never in seconds.

// The built command line, as cron runs it (`npm test` builds it first).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const PAGES = 60;
const CONTENT = /^\/v1\/pages\/[^/]+\/markdown$/;
const ARGS = ['--format', 'json', '--fail-on', 'never', '--now', '2026-06-01'];

const contentRequests = (emulator: NotionEmulator) =>
  emulator.log.filter((entry) => entry.method === 'GET' && CONTENT.test(entry.path)).length;

/** Pages in the page cache beside the ledger of `config` (its header line left out). */
function cachedPages(config: string): number {
  const path = pageCachePath(join(dirname(config), '.handbook-lint', 'state.json'));
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).length - 1;
}

const ledgerOf = (config: string) => join(dirname(config), '.handbook-lint', 'state.json');

/** What a run found, as comparable across runs: rule, page and message of each finding. */
function findingsOf(stdout: string): string[] {
  const report = JSON.parse(stdout) as {
    findings: { ruleId: string; page: { key: string }; message: string }[];
  };
  // Links name the emulator's address, which differs from one emulator to the next.
  const text = (f: (typeof report.findings)[number]) => `${f.ruleId} ${f.page.key} ${f.message}`;
  return report.findings.map((f) => text(f).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'SITE')).sort();
}

describe('a Notion run stopped halfway keeps the pages it fetched', () => {
  let emulator: NotionEmulator | undefined;
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator?.close();
    emulator = undefined;
  });

  async function start(): Promise<NotionEmulator> {
    emulator = await startNotionEmulator({ fixture: generateNotionWorkspace(PAGES, 7) });
    process.env[TOKEN_ENV] = emulator.token;
    return emulator;
  }

  /** The run after a stop: it ends well, asks only for the pages not kept, and finds what a clean run finds. */
  async function expectResumed(
    wiki: NotionEmulator,
    config: string,
    clean: { findings: string[]; requests: number },
    kept: number,
  ): Promise<void> {
    wiki.setFaults([]);
    wiki.log.splice(0);
    const resumed = await runCli(['run', '--config', config, ...ARGS]);
    expect(resumed.code).toBe(0);
    expect(contentRequests(wiki)).toBe(clean.requests - kept);
    expect(findingsOf(resumed.stdout)).toEqual(clean.findings);
  }

  /** A clean run's findings and content requests, on a workspace and state of its own. */
  async function cleanRun(): Promise<{ findings: string[]; requests: number }> {
    const wiki = await start();
    const run = await runCli(['run', '--config', notionConfigFile(wiki), ...ARGS]);
    expect(run.code).toBe(0);
    const result = { findings: findingsOf(run.stdout), requests: contentRequests(wiki) };
    await wiki.close();
    emulator = undefined;
    return result;
  }

  it('after a crawl error: same exit, no ledger, the next run fetches only the rest', async () => {
    const clean = await cleanRun();
    const wiki = await start();
    const config = notionConfigFile(wiki);
    // The token is refused after 20 pages' content (revoked mid-crawl): the crawl ends, exit 2.
    wiki.setFaults([
      { path: CONTENT, times: 20 },
      { path: CONTENT, status: 401, times: Number.POSITIVE_INFINITY },
    ]);
    const stopped = await runCli(['run', '--config', config, ...ARGS]);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/pages fetched so far are kept in the page cache/);
    expect(existsSync(ledgerOf(config))).toBe(false);
    const kept = cachedPages(config);
    expect(kept).toBe(20);

    await expectResumed(wiki, config, clean, kept);
    expect(existsSync(ledgerOf(config))).toBe(true);
  });

  it("pages kept from another workspace are never taken for this one's", async () => {
    const fixture = generateNotionWorkspace(PAGES, 7);
    const wiki = await start();
    const config = notionConfigFile(wiki);
    wiki.setFaults([
      { path: CONTENT, times: 20 },
      { path: CONTENT, status: 401, times: Number.POSITIVE_INFINITY },
    ]);
    expect((await runCli(['run', '--config', config, ...ARGS])).code).toBe(2);
    expect(cachedPages(config)).toBe(20);
    await wiki.close();
    // The same page ids and versions in another workspace (a config pointed elsewhere): the cache
    // names whose pages it holds, so the run refuses the listing as for another wiki's ledger.
    const other = {
      ...fixture,
      workspace: { ...fixture.workspace, id: '0f0e0d0c-0b0a-4908-8706-050403020100' },
    };
    emulator = await startNotionEmulator({ fixture: other });
    process.env[TOKEN_ENV] = emulator.token;
    writeFileSync(config, readFileSync(config, 'utf8').replace(wiki.url, emulator.url));
    const run = await runCli(['run', '--config', config, ...ARGS]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /was written for Notion workspace .*, but this run read Notion workspace 0f0e0d0c/,
    );
    expect(existsSync(ledgerOf(config))).toBe(false);
  });

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it.skipIf(!existsSync(CLI))(
      `stopped by ${signal}: exits ${code}, says so, the next run fetches only the rest`,
      async () => {
        const clean = await cleanRun();
        const wiki = await start();
        const config = notionConfigFile(wiki, { 'timeout-ms': 55_000 });
        // 25 pages' content answers, then every content request hangs: the run is surely mid-crawl.
        wiki.setFaults([
          { path: CONTENT, times: 25 },
          { path: CONTENT, hang: true, times: Number.POSITIVE_INFINITY },
        ]);
        const child = spawn(process.execPath, [CLI, 'run', '--config', config, ...ARGS], {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, [TOKEN_ENV]: wiki.token },
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        while (contentRequests(wiki) <= 25) await sleep(50);
        child.kill(signal);
        expect(await exited).toBe(code);
        expect(stderr).toContain(`stopped by ${signal}`);
        expect(stderr).toMatch(/pages fetched so far are kept in the page cache/);
        expect(existsSync(ledgerOf(config))).toBe(false);
        const kept = cachedPages(config);
        expect(kept).toBeGreaterThan(0);
        expect(kept).toBeLessThanOrEqual(25);

        await expectResumed(wiki, config, clean, kept);
      },
    );
  }
});

// Confluence's first crawl takes the bodies with the listing (250 pages an answer): the listing is the
// crawl's cost, so pages kept save no request. A run resumed from them lists versions only and
// fetches the bodies it lacks 250 to a request: at most one request per 250 pages not kept more than
// starting over, with the same findings. Kept pages are used only while their version is unchanged.
describe('a Confluence run stopped halfway', () => {
  let emulator: ConfluenceEmulator | undefined;
  afterEach(async () => {
    delete process.env[confluence.EMAIL_ENV];
    delete process.env[confluence.TOKEN_ENV];
    await emulator?.close();
    emulator = undefined;
  });
  const LISTING = /^\/wiki\/api\/v2\/pages$/;

  async function start(): Promise<ConfluenceEmulator> {
    emulator = await startConfluenceEmulator({ fixture: generateConfluenceSpace(600, 3) });
    process.env[confluence.EMAIL_ENV] = confluence.EMAIL;
    process.env[confluence.TOKEN_ENV] = confluence.TOKEN;
    return emulator;
  }

  it('keeps the bodies it listed; the next run has the findings of a clean one', async () => {
    // One page is edited after the stop: its kept body is of an older version, so it is fetched again.
    const edited = generateConfluenceSpace(600, 3).pages[0]?.id ?? '';
    const edit = { body: '<p>Edited after the stop.</p>' };
    const clean = await start();
    clean.editPage(edited, edit);
    const cleanRun = await runCli(['run', '--config', confluence.confluenceConfigFile(clean), ...ARGS]);
    const cleanRequests = clean.log.length;
    await clean.close();

    const wiki = await start();
    const config = confluence.confluenceConfigFile(wiki);
    // Two listing answers (500 pages with their bodies), then the credentials are refused: exit 2.
    wiki.fault({ path: LISTING, times: 2 });
    wiki.fault({ path: LISTING, status: 401, times: Number.POSITIVE_INFINITY });
    const stopped = await runCli(['run', '--config', config, ...ARGS]);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/pages fetched so far are kept in the page cache/);
    expect(existsSync(ledgerOf(config))).toBe(false);
    const kept = cachedPages(config);
    expect(kept).toBe(500);

    wiki.editPage(edited, edit);
    wiki.clearFaults();
    wiki.log.splice(0);
    const resumed = await runCli(['run', '--config', config, ...ARGS]);
    expect(resumed.code).toBe(0);
    const bulk = wiki.log.filter((entry) => LISTING.test(entry.path) && 'id' in entry.query);
    const asked = bulk.flatMap((entry) => [entry.query.id].flat());
    expect(asked).toContain(edited);
    expect(asked).toHaveLength(600 - kept + 1);
    expect(wiki.log.length).toBeLessThanOrEqual(cleanRequests + Math.ceil((600 - kept + 1) / 250));
    expect(findingsOf(resumed.stdout)).toEqual(findingsOf(cleanRun.stdout));
  });
});
