// What the wiki crawl benchmarks share: options, the build check, the emulator's rate window and
// the floor it implies, one timed crawl, the pause between runs, the table and the target verdicts.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importBundled } from '../scripts/bundle.mjs';

export const DIST = join(fileURLToPath(new URL('..', import.meta.url)), 'dist');

/**
 * --pages, --rate, --incremental-rate (default: --rate), --concurrency, --edited with per-benchmark
 * defaults; bad values exit 2.
 */
export function crawlArgs(defaults) {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: String(defaults.pages) },
      rate: { type: 'string', default: String(defaults.rate) },
      'incremental-rate': { type: 'string' },
      concurrency: { type: 'string', default: String(defaults.concurrency) },
      edited: { type: 'string', default: '0.01' },
    },
  });
  const [pages, rate, incrementalRate, concurrency, editedShare] = [
    values.pages,
    values.rate,
    values['incremental-rate'] ?? values.rate,
    values.concurrency,
    values.edited,
  ].map(Number);
  if (
    ![pages, rate, incrementalRate, concurrency].every((n) => Number.isInteger(n) && n > 0) ||
    !(editedShare > 0 && editedShare <= 1)
  ) {
    console.error(
      'bench: --pages, --rate, --incremental-rate and --concurrency take positive integers, --edited a share in (0, 1]',
    );
    process.exit(2);
  }
  return {
    pages,
    rate,
    incrementalRate,
    concurrency,
    editedShare,
    edits: Math.max(1, Math.round(pages * editedShare)),
  };
}

/** The built app and the built emulator modules; exits 2 with the build command when they are missing. */
export async function loadBuilt(emulatorModules) {
  const paths = emulatorModules.map((m) => join(DIST, 'emulators', m));
  if (!paths.every((p) => existsSync(p))) {
    console.error('bench: build the emulators first: npx tsc -p tsconfig.emulators.json');
    process.exit(2);
  }
  // run() starts its worker threads from the worker bundle beside it.
  const [{ loadConfig }, { run }] = await importBundled(['config.ts', 'run.ts'], ['parallel/worker.ts']);
  return { loadConfig, run, emulators: await Promise.all(paths.map((p) => import(p))) };
}

/**
 * A temporary folder for the benchmark's config files. Every file written there shares the folder's
 * state file (its path is relative to the config's folder), so a second config with another rate
 * still runs incrementally on the first one's ledger. `cleanup` removes the folder.
 */
export function configFolder(name) {
  const dir = mkdtempSync(join(tmpdir(), `handbook-lint-bench-${name}-`));
  return {
    write(fileName, lines) {
      const file = join(dir, fileName);
      writeFileSync(file, [...lines, 'fail-on: never', ''].join('\n'));
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The budget the emulator enforces (test/emulators/http-util.ts RateLimiter): `requests` per fixed
 * window of `perMs`, a window opening at the first request after the previous one closed. One second
 * per window, as the crawler's `requests-per-second` budget is paced (src/http/queue.ts).
 */
export function rateWindow(rate) {
  return { requests: rate, perMs: 1000 };
}

/**
 * The least time R admitted requests can span under a fixed window: R requests fill ceil(R / N)
 * windows, and the last window can open no sooner than (ceil(R / N) - 1) windows after the first
 * request. Nothing else is counted (no start-up, no answer time, no local work), so R <= N gives 0.
 */
export function floorMs(requests, window) {
  return Math.max(0, Math.ceil(requests / window.requests) - 1) * window.perMs;
}

/**
 * One full run, timed, with the crawler's own counters and the emulator's log of what it admitted.
 * The floor is taken for the fewer of the requests the emulator admitted and `neededRequests` (what
 * no crawler of the API can skip): extra requests are the crawler's own cost, not part of the floor.
 * `start`, `span` and `tail` split the wall time at the first and the last admitted request.
 */
export async function timedCrawl({ run, config, now, log, window, neededRequests }) {
  let last;
  const logStart = log.length;
  const startedAt = Date.now();
  const started = performance.now();
  const result = await run(config, { now, onProgress: (p) => (last = p) });
  const seconds = (performance.now() - started) / 1000;
  const seen = log.slice(logStart);
  const admitted = seen.filter((e) => e.status !== 429);
  const firstAt = admitted.length ? admitted[0].startedAt : startedAt;
  const lastAt = admitted.length ? admitted.at(-1).startedAt : startedAt;
  const floorRequests = Math.min(admitted.length, neededRequests);
  return {
    pages: result.summary.pages,
    requests: last.requests,
    admitted: admitted.length,
    neededRequests,
    rateLimited: last.rateLimited,
    retries: last.retries,
    fetched: last.fetched,
    cached: last.cached,
    seconds,
    startSeconds: (firstAt - startedAt) / 1000,
    spanSeconds: (lastAt - firstAt) / 1000,
    tailSeconds: seconds - (lastAt - startedAt) / 1000,
    floorSeconds: floorMs(floorRequests, window) / 1000,
    window,
    seenLog: seen,
  };
}

/**
 * Nightly runs are a day apart: lets the emulator's rate window close, or the second run would pay
 * for the first run's last window of requests with 429s.
 */
export function drainRateWindow(window) {
  return new Promise((resolve) => setTimeout(resolve, window.perMs + 500));
}

const windowText = (w) => `${w.requests} per ${w.perMs} ms`;

/** Prints the table: `columns` are [heading, row => cell] pairs, after the fixed leading ones. */
export function printTable(title, columns, rows) {
  const all = [
    ['run', (r) => r.label],
    ['window', (r) => windowText(r.window)],
    ['pages', (r) => r.pages],
    ['requests', (r) => r.requests],
    ['admitted', (r) => r.admitted],
    ['needed', (r) => r.neededRequests],
    ...columns,
    ['fetched', (r) => r.fetched],
    ['cached', (r) => r.cached],
    ['wall s', (r) => r.seconds.toFixed(2)],
    ['to 1st request s', (r) => r.startSeconds.toFixed(2)],
    ['1st to last request s', (r) => r.spanSeconds.toFixed(2)],
    ['after last request s', (r) => r.tailSeconds.toFixed(2)],
    ['floor s', (r) => r.floorSeconds.toFixed(2)],
    ['wall / floor', (r) => (r.floorSeconds > 0 ? (r.seconds / r.floorSeconds).toFixed(2) : 'n/a')],
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
  console.log(
    '\nfloor = (ceil(R / N) - 1) x window, R = the fewer of admitted and needed requests, N requests per window.',
  );
}

/**
 * One line per target: wall / floor against the bound, "ok" or "MISSED". A floor of 0 (every
 * request fits one window) leaves the ratio undefined, reported as MISSED with the reason.
 */
export function printVerdicts(targets) {
  console.log('');
  for (const { what, row, max } of targets) {
    if (row.floorSeconds === 0) {
      console.log(
        `- ${what}: wall / floor n/a (target <= ${max}x) MISSED: floor 0 s, all ${row.admitted} requests fit one window of ${windowText(row.window)}`,
      );
      continue;
    }
    const ratio = row.seconds / row.floorSeconds;
    console.log(
      `- ${what}: wall / floor **${ratio.toFixed(2)}x** (target <= ${max}x) ${ratio <= max ? 'ok' : 'MISSED'}`,
    );
  }
}
