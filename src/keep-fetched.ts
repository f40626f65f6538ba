// A run stopped before its end (Ctrl-C, the SIGTERM of a job's time limit, a crawl error) keeps the
// pages it fetched in the page cache, so the next run fetches only pages new or changed since: a
// first Notion crawl of 20,000 pages (some 2 hours) killed at a nightly time limit started over each
// night. Only the page cache is written, never the ledger: what was commented, what is fixed, the
// findings page are a finished run's business. Each page is keyed by the version the wiki stamps on
// it, so a kept page is used only while it is unchanged. SIGKILL and running out of memory keep
// nothing (the next run starts over, as before).

import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { onInterrupt } from './interrupt.js';
import type { ListingCheck } from './listing-check.js';
import { pageCachePath, pageCacheText } from './page-cache.js';
import { STATE_SCHEMA_VERSION, type State } from './state.js';
import { writeFileAtomically } from './write-file.js';

/** The page cache's text as the crawl left it (the cache is the ledger's own: never a copy in memory). */
function cacheText(state: State, check: ListingCheck): Iterable<string> {
  // Whose wikis the pages came from: with no ledger yet, the next run checks it before using them.
  const identities = Object.fromEntries(check.identities);
  return pageCacheText(Object.entries(state.sources), STATE_SCHEMA_VERSION, identities);
}

const pagesIn = (state: State) =>
  Object.values(state.sources).reduce((sum, source) => sum + Object.keys(source.pages).length, 0);

const kept = (state: State, path: string) =>
  `the ${pagesIn(state)} pages fetched so far are kept in the page cache ${path}; the next run fetches only pages new or changed since.`;

/**
 * Writes the cache synchronously, as a signal handler must (the process exits right after): to a
 * temporary file of its own name, then renamed, so no reader ever sees half of it.
 */
function writeNow(path: string, text: Iterable<string>): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.stop.tmp`);
  rmSync(temp, { force: true });
  try {
    // Exclusive: a link planted under the temporary name was removed above, never written through.
    const fd = openSync(temp, 'wx', 0o600);
    try {
      for (const chunk of text) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** What a run does with the pages it fetched when it stops before saving its ledger. */
export interface KeepFetched {
  /** `work`, except that if it fails, the cache is written and said so on standard error first. */
  guard<T>(work: Promise<T>): Promise<T>;
  /** The run reached its own save (or ended otherwise): a stop no longer writes the cache. */
  forget(): void;
}

/**
 * From now until `forget`, a stop by SIGINT or SIGTERM writes `state`'s page cache (the pages of the
 * last run still unchanged and those this run fetched) before the lock is removed, and says so.
 */
export function keepFetched(statePath: string, state: State, check: ListingCheck): KeepFetched {
  const path = pageCachePath(statePath);
  // A run stopped before any page was cached (a wrong root, no credentials) leaves the cache as it was.
  const forget = onInterrupt(() => {
    if (!pagesIn(state)) return undefined;
    writeNow(path, cacheText(state, check));
    return kept(state, path);
  }, true);
  const writeCache = async () => {
    await writeFileAtomically(path, cacheText(state, check), 'page cache');
    process.stderr.write(`handbook-lint: ${kept(state, path)}\n`);
  };
  return {
    forget,
    async guard(work) {
      try {
        return await work;
      } catch (error) {
        forget();
        if (pagesIn(state)) await writeCache().catch(() => undefined); // the crawl's own error says more
        throw error;
      }
    },
  };
}
