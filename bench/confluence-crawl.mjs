#!/usr/bin/env node
// Confluence crawl benchmark: the real confluence.js crawling a generated space on the local
// emulator, which enforces the same request budget the crawler is configured with. A crawl can be
// no faster than (requests needed) / (allowed rate). The floor counts what no crawler of this API
// can skip: the space look-up, listing pages of 250, label searches of 200 (listings carry no
// labels), one bulk user look-up per 250 people, and one bulk body fetch per 250 edited pages.
//   npm run build && npx tsc -p tsconfig.emulators.json && node bench/confluence-crawl.mjs [--pages 5000] [--rate 10] [--edited 0.01]
// The emulator runs in the same process as the crawler, so wall time includes serving the requests.
import {
  crawlArgs,
  drainRateWindow,
  loadBuilt,
  printTable,
  timedCrawl,
  writeConfig,
} from './crawl-harness.mjs';

const EMAIL_ENV = 'HANDBOOK_LINT_BENCH_CONFLUENCE_EMAIL';
const TOKEN_ENV = 'HANDBOOK_LINT_BENCH_CONFLUENCE_TOKEN';
const LISTING_PAGE = 250; // v2 maximum page size, also the bulk-by-id maximum
const CQL_PAGE = 200; // v1 CQL maximum without bodies
const USERS_PAGE = 250;
const NOW = new Date('2026-10-15T00:00:00Z');

const { pages, rate, concurrency, editedShare, edits } = crawlArgs({ pages: 5000, rate: 10, concurrency: 4 });
const {
  loadConfig,
  run,
  emulators: [{ startConfluenceEmulator }, { generateConfluenceSpace }],
} = await loadBuilt(['confluence.js', 'confluence-fixture.js']);

const space = generateConfluenceSpace(pages);
const emulator = await startConfluenceEmulator({ fixture: space });
emulator.rateLimit({ requests: rate, perMs: 1000 });
process.env[EMAIL_ENV] = 'bot@example.com';
process.env[TOKEN_ENV] = 'test-token';
const configFile = writeConfig('confluence', [
  'sources:',
  '  confluence:',
  `    site-url: ${emulator.url}`,
  `    email-env: ${EMAIL_ENV}`,
  `    token-env: ${TOKEN_ENV}`,
  `    requests-per-second: ${rate}`,
  `    concurrency: ${concurrency}`,
]);
const config = await loadConfig(configFile.file);
const people = new Set(space.users.map((u) => u.accountId)).size;
const fixed =
  1 + Math.ceil(pages / LISTING_PAGE) + Math.ceil(pages / CQL_PAGE) + Math.ceil(people / USERS_PAGE);

async function crawl(label, edited) {
  emulator.log.splice(0);
  const measured = await timedCrawl(run, config, NOW, rate);
  const pageRequests = emulator.log.filter((e) => e.path === '/wiki/api/v2/pages').length;
  return { label, floorRequests: fixed + Math.ceil(edited / LISTING_PAGE), pageRequests, ...measured };
}

const rows = [];
try {
  rows.push(await crawl('full crawl (bodies in the listing)', 0));
  for (const page of space.pages.slice(1, edits + 1)) {
    emulator.editPage(page.id, {
      body: `${page.body}<p>Edited for the benchmark.</p>`,
      at: new Date('2026-10-14T10:00:00.000Z'),
    });
  }
  await drainRateWindow();
  rows.push(await crawl(`incremental, ${edits} edited (${(editedShare * 100).toFixed(1)} %)`, edits));
} finally {
  await emulator.close();
  configFile.cleanup();
}

printTable(
  `Confluence crawl: ${pages} generated pages, budget ${rate} req/s (emulator-enforced), concurrency ${concurrency}`,
  [
    ['floor', (r) => r.floorRequests],
    ['429s', (r) => r.rateLimited],
    ['/pages requests', (r) => r.pageRequests],
  ],
  rows,
);
