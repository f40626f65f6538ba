// What the wiki crawl benchmarks share: options, the build check, one timed crawl measured against
// the request floor, the pause between runs, and the Markdown table.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const DIST = join(fileURLToPath(new URL('..', import.meta.url)), 'dist');

/** --pages, --rate, --concurrency, --edited with per-benchmark defaults; bad values exit 2. */
export function crawlArgs(defaults) {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: String(defaults.pages) },
      rate: { type: 'string', default: String(defaults.rate) },
      concurrency: { type: 'string', default: String(defaults.concurrency) },
      edited: { type: 'string', default: '0.01' },
    },
  });
  const [pages, rate, concurrency, editedShare] = [
    values.pages,
    values.rate,
    values.concurrency,
    values.edited,
  ].map(Number);
  if (
    ![pages, rate, concurrency].every((n) => Number.isInteger(n) && n > 0) ||
    !(editedShare > 0 && editedShare <= 1)
  ) {
    console.error(
      'bench: --pages, --rate and --concurrency take positive integers, --edited a share in (0, 1]',
    );
    process.exit(2);
  }
  return { pages, rate, concurrency, editedShare, edits: Math.max(1, Math.round(pages * editedShare)) };
}

/** The built app and the built emulator modules; exits 2 with the build command when they are missing. */
export async function loadBuilt(emulatorModules) {
  const paths = emulatorModules.map((m) => join(DIST, 'emulators', m));
  if (!existsSync(join(DIST, 'run.js')) || !paths.every((p) => existsSync(p))) {
    console.error('bench: build first: npm run build && npx tsc -p tsconfig.emulators.json');
    process.exit(2);
  }
  const { loadConfig } = await import(join(DIST, 'config.js'));
  const { run } = await import(join(DIST, 'run.js'));
  return { loadConfig, run, emulators: await Promise.all(paths.map((p) => import(p))) };
}

/** Writes the benchmark's config into a temporary folder; `cleanup` removes it. */
export function writeConfig(name, lines) {
  const dir = mkdtempSync(join(tmpdir(), `handbook-lint-bench-${name}-`));
  const file = join(dir, 'handbook-lint.yml');
  writeFileSync(file, [...lines, 'fail-on: never', ''].join('\n'));
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One full run with the crawler's own counters, timed, and its floor time (requests / rate). */
export async function timedCrawl(run, config, now, rate) {
  let last;
  const started = performance.now();
  const result = await run(config, { now, onProgress: (p) => (last = p) });
  const seconds = (performance.now() - started) / 1000;
  return {
    pages: result.summary.pages,
    requests: last.requests,
    rateLimited: last.rateLimited,
    retries: last.retries,
    fetched: last.fetched,
    cached: last.cached,
    seconds,
    floorSeconds: last.requests / rate,
  };
}

/**
 * Nightly runs are a day apart: lets the emulator's rate window drain, or the second run would pay
 * for the first run's last second of requests with 429s.
 */
export function drainRateWindow() {
  return new Promise((resolve) => setTimeout(resolve, 1500));
}

/** Prints the table: `columns` are [heading, row => cell] pairs, after the fixed leading ones. */
export function printTable(title, columns, rows) {
  const all = [
    ['run', (r) => r.label],
    ['pages', (r) => r.pages],
    ['requests', (r) => r.requests],
    ...columns,
    ['fetched', (r) => r.fetched],
    ['cached', (r) => r.cached],
    ['wall s', (r) => r.seconds.toFixed(1)],
    ['floor s (requests / rate)', (r) => r.floorSeconds.toFixed(1)],
    ['wall / floor', (r) => (r.seconds / r.floorSeconds).toFixed(2)],
  ];
  console.log(`\n${title}\n`);
  console.log(`| ${all.map(([heading]) => heading).join(' | ')} |`);
  console.log(
    `|---|${all
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
  );
  for (const row of rows) console.log(`| ${all.map(([, cell]) => cell(row)).join(' | ')} |`);
}
