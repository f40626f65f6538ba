#!/usr/bin/env node
// Notion crawl benchmark: the real SDK crawling a generated workspace on the local emulator, which
// enforces the same request budget the crawler is configured with (as Notion would). A crawl can be
// no faster than (requests needed) / (allowed rate), so the table compares both with that floor:
// requests made vs listing requests + one per page, and wall time vs requests / rate.
//   npm run build && npx tsc -p tsconfig.emulators.json && node bench/notion-crawl.mjs [--pages 2000] [--rate 50] [--edited 0.01]
// The emulator runs in the same process as the crawler, so wall time includes serving the requests.
import {
  crawlArgs,
  drainRateWindow,
  loadBuilt,
  printTable,
  timedCrawl,
  writeConfig,
} from './crawl-harness.mjs';

const TOKEN_ENV = 'HANDBOOK_LINT_BENCH_NOTION_TOKEN';
const PAGE_SIZE = 100; // Notion's maximum page size for search
const NOW = new Date('2026-06-01T00:00:00Z');

const { pages, rate, concurrency, editedShare, edits } = crawlArgs({
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
emulator.setRateLimit({ requests: rate, perMs: 1000 });
process.env[TOKEN_ENV] = emulator.token;
const configFile = writeConfig('notion', [
  'sources:',
  '  notion:',
  `    token-env: ${TOKEN_ENV}`,
  `    base-url: ${emulator.url}`,
  `    requests-per-second: ${rate}`,
  `    concurrency: ${concurrency}`,
]);
const config = await loadConfig(configFile.file);
const listing = Math.ceil(pages / PAGE_SIZE) + 1 + 1; // page search, data-source search, users

const rows = [];
try {
  rows.push({
    label: 'full crawl',
    floorRequests: listing + pages,
    ...(await timedCrawl(run, config, NOW, rate)),
  });
  // Edits stamped in the past, as if made between two nightly runs.
  const standalone = workspace.pages.filter((p) => p.parent.type !== 'workspace');
  for (const page of standalone.slice(0, edits)) {
    emulator.editPage(page.id, `${page.markdown ?? ''}\nEdited for the benchmark.\n`, {
      at: '2026-06-01T10:00:00.000Z',
    });
  }
  await drainRateWindow();
  rows.push({
    label: `incremental, ${edits} edited (${(editedShare * 100).toFixed(1)} %)`,
    floorRequests: listing + edits,
    ...(await timedCrawl(run, config, NOW, rate)),
  });
} finally {
  await emulator.close();
  configFile.cleanup();
}

printTable(
  `Notion crawl: ${pages} generated pages, budget ${rate} req/s (emulator-enforced), concurrency ${concurrency}`,
  [
    ['floor (listing + content)', (r) => r.floorRequests],
    ['429s', (r) => r.rateLimited],
    ['retries', (r) => r.retries],
  ],
  rows,
);
