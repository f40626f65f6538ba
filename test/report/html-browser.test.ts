import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Debian's chromium package; CI installs it (.ci/run), a developer machine may not have it.
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT = join(REPO, 'docs/dashboard.png');

if (!HAVE_CHROMIUM && !process.env.CI)
  process.stderr.write(`skipped: HTML dashboard browser test (no ${CHROMIUM}; apt-get install chromium)\n`);

const CONFIG = `sources:
  markdown:
    root: handbook
state:
  path: .handbook-lint/state.json
  history: true
`;

const BROKEN = `---
owner: Dana
last-reviewed: 2026-10-01
---
# Incident reviews

See the [runbook](./no-such-runbook.md).
`;

const HOSTILE_TITLE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
const HOSTILE = `---
title: '${HOSTILE_TITLE}'
owner: '"><svg onload=alert(1)>'
last-reviewed: 2026-11-01
---
# Page

A link to [nothing](./missing-page.md).
`;

// Run in the page (as source text: the tests are compiled without the DOM's types).
const CHARTS = `[...document.querySelectorAll('svg[data-chart]')].map((svg) => ({
  id: svg.getAttribute('data-chart'),
  role: svg.getAttribute('role'),
  title: svg.querySelector('title')?.textContent ?? '',
  desc: svg.querySelector('desc')?.textContent ?? '',
  series: Object.fromEntries([...svg.querySelectorAll('g.series')].map((g) => [
    g.getAttribute('data-series'),
    [...g.querySelectorAll('.point')].map((p) => p.getAttribute('data-run')),
  ])),
}))`;
const HOSTILE_CHECK = `({
  pwned: window.__pwned ?? 0,
  scripts: document.querySelectorAll('script').length,
  images: document.querySelectorAll('img').length,
  text: document.body.textContent ?? '',
})`;

/** What CHARTS reads from each chart: its accessible name and the runs of each series' points. */
interface Chart {
  id: string;
  role: string;
  title: string;
  desc: string;
  series: Record<string, string[]>;
}

/**
 * Three runs on a copy of the example handbook, each changing pages: the first lacks the
 * onboarding pages and has a broken link, the second brings onboarding back, the third fixes the
 * link, adds a page with hostile title and owner, and is months later (pages went stale).
 */
async function threeRuns(dir: string): Promise<string> {
  const handbook = join(dir, 'handbook');
  cpSync(join(REPO, 'examples/handbook'), handbook, { recursive: true });
  writeFileSync(join(dir, 'handbook-lint.yml'), CONFIG);
  const onboarding = join(dir, 'onboarding-aside');
  cpSync(join(handbook, 'onboarding'), onboarding, { recursive: true });
  rmSync(join(handbook, 'onboarding'), { recursive: true });
  writeFileSync(join(handbook, 'incident-reviews.md'), BROKEN);
  const config = join(dir, 'handbook-lint.yml');
  await runCli([
    'run',
    '--config',
    config,
    '--now',
    '2026-11-02',
    '--format',
    'json',
    '-o',
    join(dir, '1.json'),
  ]);
  cpSync(onboarding, join(handbook, 'onboarding'), { recursive: true });
  await runCli([
    'run',
    '--config',
    config,
    '--now',
    '2026-11-16',
    '--format',
    'json',
    '-o',
    join(dir, '2.json'),
  ]);
  writeFileSync(join(handbook, 'incident-reviews.md'), BROKEN.replace('./no-such-runbook.md', './index.md'));
  mkdirSync(join(handbook, 'zz'), { recursive: true });
  writeFileSync(join(handbook, 'zz/hostile.md'), HOSTILE);
  const report = join(dir, 'report.html');
  const last = await runCli([
    'run',
    '--config',
    config,
    '--now',
    '2027-06-01',
    '--format',
    'html',
    '-o',
    report,
  ]);
  expect(last.stderr).not.toMatch(/internal error/);
  return report;
}

describe.runIf(HAVE_CHROMIUM)('the HTML dashboard in headless Chromium', () => {
  let dir: string;
  let report: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'handbook-lint-html-'));
    report = await threeRuns(dir);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records three runs in the ledger, with the figures the charts draw', () => {
    const state = JSON.parse(readFileSync(join(dir, '.handbook-lint/state.json'), 'utf8'));
    expect(state.runs).toHaveLength(3);
    for (const run of state.runs) expect(run.stalePages).toEqual(expect.any(Number));
    expect(state.runs[2].stalePages).toBeGreaterThan(state.runs[0].stalePages);
  });

  it('renders without errors or requests, one point per run on every chart, and writes the screenshot', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'handbook-lint-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 1250 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(report).href;
      await page.goto(url, { waitUntil: 'load' });

      expect(problems).toEqual([]);
      // The file is everything: no font, script, image or style from anywhere else.
      expect(requests).toEqual([url]);

      const charts = (await page.evaluate(CHARTS)) as Chart[];
      expect(charts.map((c) => c.id)).toEqual(['chart-coverage', 'chart-findings', 'chart-stale']);
      const runs = ['2026-11-02', '2026-11-16', '2027-06-01'];
      for (const chart of charts) {
        expect(chart.role).toBe('img');
        expect(chart.title).not.toBe('');
        expect(chart.desc).toContain('3 runs from 2026-11-02 to 2027-06-01');
        for (const points of Object.values(chart.series)) expect(points).toEqual(runs);
      }
      expect(Object.keys(charts[1]?.series ?? {})).toEqual(['open', 'new', 'fixed']);

      // The hostile title and owner are text on the page, never markup.
      const hostile = (await page.evaluate(HOSTILE_CHECK)) as { pwned: number; text: string };
      expect(hostile).toMatchObject({ pwned: 0, scripts: 0, images: 0 });
      expect(hostile.text).toContain(HOSTILE_TITLE);

      // Readable without the chart: each has its numbers in a table.
      const numbers = await page.locator('#chart-findings details table tbody tr').count();
      expect(numbers).toBe(3);

      await page.screenshot({ path: SCREENSHOT });
      expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.runIf(!HAVE_CHROMIUM && process.env.CI)('the HTML dashboard in CI', () => {
  it('needs Chromium', () => {
    expect.fail(
      `${CHROMIUM} is missing: CI must install Debian's chromium package to test the HTML dashboard`,
    );
  });
});
