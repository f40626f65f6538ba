#!/usr/bin/env node
// Confluence crawl benchmark: the real confluence.js crawling a generated space on the local
// emulator, which enforces the same request budget the crawler is configured with. A crawl can be
// no faster than (requests needed) / (allowed rate). The floor counts what no crawler of this API
// can skip: the space look-up, listing pages of 250, label searches of 200 (listings carry no
// labels), one bulk user look-up per 250 people, and one bulk body fetch per 250 edited pages.
//   npm run build && npx tsc -p tsconfig.emulators.json && node bench/confluence-crawl.mjs [--pages 5000] [--rate 10] [--edited 0.01]
// The emulator runs in the same process as the crawler, so wall time includes serving the requests.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const EMULATORS = join(DIST, 'emulators/confluence.js');
const FIXTURES = join(DIST, 'emulators/confluence-fixture.js');
const EMAIL_ENV = 'HANDBOOK_LINT_BENCH_CONFLUENCE_EMAIL';
const TOKEN_ENV = 'HANDBOOK_LINT_BENCH_CONFLUENCE_TOKEN';
const LISTING_PAGE = 250; // v2 maximum page size, also the bulk-by-id maximum
const CQL_PAGE = 200; // v1 CQL maximum without bodies
const USERS_PAGE = 250;

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '4' },
    edited: { type: 'string', default: '0.01' },
  },
});
const pages = Number(args.pages);
const rate = Number(args.rate);
const concurrency = Number(args.concurrency);
const editedShare = Number(args.edited);
if (
  ![pages, rate, concurrency].every((n) => Number.isInteger(n) && n > 0) ||
  !(editedShare > 0 && editedShare <= 1)
) {
  console.error(
    'bench: --pages, --rate and --concurrency take positive integers, --edited a share in (0, 1]',
  );
  process.exit(2);
}
if (!existsSync(join(DIST, 'run.js')) || !existsSync(EMULATORS)) {
  console.error('bench: build first: npm run build && npx tsc -p tsconfig.emulators.json');
  process.exit(2);
}

const { loadConfig } = await import(join(DIST, 'config.js'));
const { run } = await import(join(DIST, 'run.js'));
const { startConfluenceEmulator } = await import(EMULATORS);
const { generateConfluenceSpace } = await import(FIXTURES);

const space = generateConfluenceSpace(pages);
const emulator = await startConfluenceEmulator({ fixture: space });
emulator.rateLimit({ requests: rate, perMs: 1000 });
process.env[EMAIL_ENV] = 'bot@example.com';
process.env[TOKEN_ENV] = 'test-token';
const dir = mkdtempSync(join(tmpdir(), 'handbook-lint-bench-confluence-'));
const configFile = join(dir, 'handbook-lint.yml');
writeFileSync(
  configFile,
  [
    'sources:',
    '  confluence:',
    `    site-url: ${emulator.url}`,
    `    email-env: ${EMAIL_ENV}`,
    `    token-env: ${TOKEN_ENV}`,
    `    requests-per-second: ${rate}`,
    `    concurrency: ${concurrency}`,
    'fail-on: never',
    '',
  ].join('\n'),
);
const config = await loadConfig(configFile);
const people = new Set(space.users.map((u) => u.accountId)).size;
const fixed =
  1 + Math.ceil(pages / LISTING_PAGE) + Math.ceil(pages / CQL_PAGE) + Math.ceil(people / USERS_PAGE);

async function crawl(label, edited) {
  emulator.log.splice(0);
  let last;
  const started = performance.now();
  const result = await run(config, { now: new Date('2026-10-15T00:00:00Z'), onProgress: (p) => (last = p) });
  const seconds = (performance.now() - started) / 1000;
  const pageRequests = emulator.log.filter((e) => e.path === '/wiki/api/v2/pages').length;
  return {
    label,
    pages: result.summary.pages,
    requests: last.requests,
    floorRequests: fixed + Math.ceil(edited / LISTING_PAGE),
    pageRequests,
    rateLimited: last.rateLimited,
    fetched: last.fetched,
    cached: last.cached,
    seconds,
    floorSeconds: last.requests / rate,
  };
}

const rows = [];
try {
  rows.push(await crawl('full crawl (bodies in the listing)', 0));
  const edits = Math.max(1, Math.round(pages * editedShare));
  for (const page of space.pages.slice(1, edits + 1)) {
    emulator.editPage(page.id, {
      body: `${page.body}<p>Edited for the benchmark.</p>`,
      at: new Date('2026-10-14T10:00:00.000Z'),
    });
  }
  rows.push(await crawl(`incremental, ${edits} edited (${(editedShare * 100).toFixed(1)} %)`, edits));
} finally {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `\nConfluence crawl: ${pages} generated pages, budget ${rate} req/s (emulator-enforced), concurrency ${concurrency}\n`,
);
console.log(
  '| run | pages | requests | floor | 429s | /pages requests | fetched | cached | wall s | floor s (requests / rate) | wall / floor |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.pages} | ${r.requests} | ${r.floorRequests} | ${r.rateLimited} | ${r.pageRequests} | ${r.fetched} | ${r.cached} | ${r.seconds.toFixed(1)} | ${r.floorSeconds.toFixed(1)} | ${(r.seconds / r.floorSeconds).toFixed(2)} |`,
  );
}
