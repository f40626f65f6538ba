#!/usr/bin/env node
// Notion crawl benchmark: the real SDK crawling a generated workspace on the local emulator, which
// enforces the same request budget the crawler is configured with (as Notion would). A crawl can be
// no faster than (requests needed) / (allowed rate), so the table compares both with that floor:
// requests made vs listing requests + one per page, and wall time vs requests / rate.
//   npm run build && npx tsc -p tsconfig.emulators.json && node bench/notion-crawl.mjs [--pages 2000] [--rate 50] [--edited 0.01]
// The emulator runs in the same process as the crawler, so wall time includes serving the requests.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const EMULATORS = join(DIST, 'emulators/notion.js');
const TOKEN_ENV = 'HANDBOOK_LINT_BENCH_NOTION_TOKEN';
const PAGE_SIZE = 100; // Notion's maximum page size for search

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '10' },
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
const { generateNotionWorkspace, startNotionEmulator } = await import(EMULATORS);

const workspace = generateNotionWorkspace(pages, 1);
const emulator = await startNotionEmulator({ fixture: workspace });
emulator.setRateLimit({ requests: rate, perMs: 1000 });
process.env[TOKEN_ENV] = emulator.token;
const dir = mkdtempSync(join(tmpdir(), 'handbook-lint-bench-notion-'));
const configFile = join(dir, 'handbook-lint.yml');
writeFileSync(
  configFile,
  [
    'sources:',
    '  notion:',
    `    token-env: ${TOKEN_ENV}`,
    `    base-url: ${emulator.url}`,
    `    requests-per-second: ${rate}`,
    `    concurrency: ${concurrency}`,
    'fail-on: never',
    '',
  ].join('\n'),
);
const config = await loadConfig(configFile);

async function crawl(label, expectedContent) {
  emulator.log.splice(0);
  let last;
  const started = performance.now();
  const result = await run(config, { now: new Date('2026-06-01T00:00:00Z'), onProgress: (p) => (last = p) });
  const seconds = (performance.now() - started) / 1000;
  const listing = Math.ceil(pages / PAGE_SIZE) + 1 + 1; // page search, data-source search, users
  const floorRequests = listing + expectedContent;
  return {
    label,
    pages: result.summary.pages,
    requests: last.requests,
    floorRequests,
    rateLimited: last.rateLimited,
    retries: last.retries,
    fetched: last.fetched,
    cached: last.cached,
    seconds,
    floorSeconds: last.requests / rate,
  };
}

const rows = [];
try {
  rows.push(await crawl('full crawl', pages));
  // Edits stamped in the past, as if made between two nightly runs.
  const standalone = workspace.pages.filter((p) => p.parent.type !== 'workspace');
  const edits = Math.max(1, Math.round(pages * editedShare));
  for (const page of standalone.slice(0, edits)) {
    emulator.editPage(page.id, `${page.markdown ?? ''}\nEdited for the benchmark.\n`, {
      at: '2026-06-01T10:00:00.000Z',
    });
  }
  // Nightly runs are a day apart: let the emulator's rate window drain, or the second run would pay
  // for the first run's last second of requests with 429s.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  rows.push(await crawl(`incremental, ${edits} edited (${(editedShare * 100).toFixed(1)} %)`, edits));
} finally {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `\nNotion crawl: ${pages} generated pages, budget ${rate} req/s (emulator-enforced), concurrency ${concurrency}\n`,
);
console.log(
  '| run | pages | requests | floor (listing + content) | 429s | retries | fetched | cached | wall s | floor s (requests / rate) | wall / floor |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.pages} | ${r.requests} | ${r.floorRequests} | ${r.rateLimited} | ${r.retries} | ${r.fetched} | ${r.cached} | ${r.seconds.toFixed(1)} | ${r.floorSeconds.toFixed(1)} | ${(r.seconds / r.floorSeconds).toFixed(2)} |`,
  );
}
