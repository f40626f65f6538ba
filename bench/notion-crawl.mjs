#!/usr/bin/env node
// Notion crawl benchmark: the real SDK crawling a generated workspace on the local emulator, which
// enforces the same request budget the crawler is configured with (as Notion would): `rate` requests
// per fixed 1-second window. The floor is the least time the needed requests (listing + one markdown
// request per fetched page) can span under that window (see floorMs in crawl-harness.mjs).
//   npx tsc -p tsconfig.emulators.json && node bench/notion-crawl.mjs [--pages 2000] [--rate 50] [--incremental-rate R] [--edited 0.01]
// Issue 18's targets for 2,000 pages: full crawl <= 1.1x its floor, incremental <= 1.3x. An
// incremental run's requests (about 40) fit one window at 50 requests/s, so its floor there is 0:
// `--incremental-rate 3` (Notion's documented average, the config default) gives it a floor.
// The emulator runs in the same process as the crawler, so wall time includes serving the requests.
import {
  configFolder,
  crawlArgs,
  drainRateWindow,
  loadBuilt,
  printTable,
  printVerdicts,
  rateWindow,
  timedCrawl,
} from './crawl-harness.mjs';

const TOKEN_ENV = 'HANDBOOK_LINT_BENCH_NOTION_TOKEN';
const PAGE_SIZE = 100; // Notion's maximum page size for search
const NOW = new Date('2026-06-01T00:00:00Z');
/** Issue 18: wall / floor bounds. */
const TARGETS = { full: 1.1, incremental: 1.3 };

const { pages, rate, incrementalRate, concurrency, editedShare, edits } = crawlArgs({
  pages: 2000,
  rate: 50,
  concurrency: 10,
});
const {
  loadConfig,
  run,
  emulators: [{ generateNotionWorkspace, startNotionEmulator }],
} = await loadBuilt(['notion.js']);

const workspace = generateNotionWorkspace(pages, 1);
const emulator = await startNotionEmulator({ fixture: workspace });
process.env[TOKEN_ENV] = emulator.token;
// The emulator is not the platform's own host: name it where the token is set, as a user would.
process.env.HANDBOOK_LINT_API_HOSTS = '127.0.0.1';
const folder = configFolder('notion');
const configFor = (requestsPerSecond) =>
  loadConfig(
    folder.write(`handbook-lint-${requestsPerSecond}.yml`, [
      'sources:',
      '  notion:',
      `    token-env: ${TOKEN_ENV}`,
      `    base-url: ${emulator.url}`,
      `    requests-per-second: ${requestsPerSecond}`,
      `    concurrency: ${concurrency}`,
    ]),
  );
const listing = Math.ceil(pages / PAGE_SIZE) + 1 + 1; // page search, data-source search, users

/** One crawl with the emulator's window and the crawler's budget both at `requestsPerSecond`. */
async function crawl(label, requestsPerSecond, fetched) {
  const window = rateWindow(requestsPerSecond);
  emulator.setRateLimit(window);
  const measured = await timedCrawl({
    run,
    config: await configFor(requestsPerSecond),
    now: NOW,
    log: emulator.log,
    window,
    neededRequests: listing + fetched,
  });
  return { label, ...measured };
}

const rows = [];
try {
  rows.push(await crawl('full crawl', rate, pages));
  // Edits stamped in the past, as if made between two nightly runs.
  const standalone = workspace.pages.filter((p) => p.parent.type !== 'workspace');
  for (const page of standalone.slice(0, edits)) {
    emulator.editPage(page.id, `${page.markdown ?? ''}\nEdited for the benchmark.\n`, {
      at: '2026-06-01T10:00:00.000Z',
    });
  }
  await drainRateWindow(rows[0].window);
  rows.push(
    await crawl(`incremental, ${edits} edited (${(editedShare * 100).toFixed(1)} %)`, incrementalRate, edits),
  );
} finally {
  await emulator.close();
  folder.cleanup();
}

printTable(
  `Notion crawl: ${pages} generated pages, budget ${rate} req/s (incremental ${incrementalRate} req/s, emulator-enforced), concurrency ${concurrency}`,
  [
    ['429s', (r) => r.rateLimited],
    ['retries', (r) => r.retries],
  ],
  rows,
);
printVerdicts([
  { what: `Notion ${pages} pages, full crawl at ${rate} req/s`, row: rows[0], max: TARGETS.full },
  {
    what: `Notion ${pages} pages, incremental at ${incrementalRate} req/s`,
    row: rows[1],
    max: TARGETS.incremental,
  },
]);
