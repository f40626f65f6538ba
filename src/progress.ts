import { forTerminal } from './terminal.js';

/** Where a crawl stands; sources report it through a callback so they never write to the terminal themselves. */
export interface CrawlProgress {
  source: string;
  /** Pages found by listing so far. */
  listed: number;
  /** Pages whose content was fetched this run. */
  fetched: number;
  /** Pages rebuilt from the state's cache without a request. */
  cached: number;
  /** Pages still to fetch or rebuild. */
  left: number;
  /** Requests made, retries included. */
  requests: number;
  rateLimited: number;
  retries: number;
  done: boolean;
  /** Pages read from disk (a Markdown folder): no requests to count, so the line shows pages per second. */
  local?: boolean;
  /** For a folder: time since its first page was asked for, as the line is drawn only after a quiet second. */
  elapsedMs?: number;
}

/** A sink for progress reports. */
export type ProgressReporter = (progress: CrawlProgress) => void;

// Redrawing more often than this only costs terminal time.
const REDRAW_MS = 100;

/** The progress line's text, e.g. "notion: listed 1200, fetched 340, 860 left, 2.9 req/s". */
export function formatProgress(progress: CrawlProgress, elapsedMs: number): string {
  if (progress.local) {
    const elapsed = progress.elapsedMs ?? elapsedMs;
    const pace = elapsed > 0 ? (progress.fetched * 1000) / elapsed : 0;
    return `${progress.source}: ${progress.fetched} of ${progress.listed} pages, ${progress.left} left, ${Math.round(pace)} pages/s`;
  }
  const rate = elapsedMs > 0 ? (progress.requests * 1000) / elapsedMs : 0;
  const cached = progress.cached ? `, ${progress.cached} cached` : '';
  const throttled = progress.rateLimited ? `, ${progress.rateLimited} rate-limited` : '';
  return `${progress.source}: listed ${progress.listed}, fetched ${progress.fetched}${cached}, ${progress.left} left, ${rate.toFixed(1)} req/s${throttled}`;
}

/** What the progress line is written to: standard error, or the Action's log. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * One updating line on a terminal for long crawls, erased when the crawl is done. A CI log (`CI` set,
 * as GitHub, GitLab and CircleCI set it) keeps every line and shows no carriage-return redraw, so it
 * gets a whole line every half minute instead: a first crawl of hours would otherwise print nothing
 * until its report (and CircleCI ends a step silent for 10 minutes). Pipes get nothing, so reports
 * and cron mails stay clean.
 */
export function progressLine(
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
  env: NodeJS.ProcessEnv = process.env,
): ProgressReporter {
  if (!stream.isTTY) return inCi(env) ? logLines(stream, now) : () => {};
  const started = new Map<string, number>();
  let lastDraw = Number.NEGATIVE_INFINITY;
  return (progress) => {
    const time = now();
    if (!started.has(progress.source)) started.set(progress.source, time);
    if (progress.done) {
      stream.write('\r\x1b[K');
      return;
    }
    if (time - lastDraw < REDRAW_MS) return;
    lastDraw = time;
    const line = forTerminal(formatProgress(progress, time - (started.get(progress.source) ?? time)));
    stream.write(`\r\x1b[K${line.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
  };
}

// A CI log line this often: enough to show a crawl is alive, few enough for hours of crawling.
const LOG_LINE_MS = 30_000;

/** `CI` as CI systems set it (`true`, `1`, a name); `CI=false` or `0` is a local run that says so. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  return !['', 'false', '0'].includes((env.CI ?? '').trim().toLowerCase());
}

/** Whole lines for a log, the first half a minute in: a short run prints none. */
function logLines(stream: ProgressStream, now: () => number): ProgressReporter {
  const started = new Map<string, number>();
  let lastLine: number | undefined;
  return (progress) => {
    const time = now();
    if (!started.has(progress.source)) started.set(progress.source, time);
    lastLine ??= time;
    if (progress.done || time - lastLine < LOG_LINE_MS) return;
    lastLine = time;
    stream.write(`${forTerminal(formatProgress(progress, time - (started.get(progress.source) ?? time)))}\n`);
  };
}

// A folder linted within this time never draws a line: it would only flicker.
const FOLDER_QUIET_MS = 1000;

/**
 * Passes a Markdown folder's pages through unchanged while reporting how many are done, so a long
 * run shows a progress line like a crawl does. Nothing is reported during the first second.
 */
export async function* countPages<T>(
  pages: AsyncIterable<T>,
  total: number,
  report: ProgressReporter | undefined,
  now: () => number = Date.now,
): AsyncIterable<T> {
  if (!report) {
    yield* pages;
    return;
  }
  const started = now();
  let done = 0;
  let shown = false;
  const progress = (finished: boolean): CrawlProgress => ({
    source: 'markdown',
    listed: total,
    fetched: done,
    cached: 0,
    left: total - done,
    requests: 0,
    rateLimited: 0,
    retries: 0,
    done: finished,
    local: true,
    elapsedMs: now() - started,
  });
  try {
    for await (const page of pages) {
      done++;
      if (shown || now() - started >= FOLDER_QUIET_MS) {
        shown = true;
        report(progress(false));
      }
      yield page;
    }
  } finally {
    if (shown) report(progress(true));
  }
}
