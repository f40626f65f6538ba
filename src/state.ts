import { constants } from 'node:buffer';
import type { MetricId } from './coverage.js';
import { HandbookLintError } from './errors.js';
import type { FindingPage } from './model/finding.js';
import { SEVERITIES, type Severity } from './model/severity.js';
import { NotOwnFile, readOwnFile } from './own-file.js';
import { type CachedPage, isPageCache, pageCachePath, pageCacheText, usablePageCache } from './page-cache.js';
import { writeFileAtomically } from './write-file.js';

/**
 * The state file format this build reads and writes; a newer file is refused, never overwritten.
 * Schema 3 keeps the page cache in its own file (`pageCachePath`); 1 and 2 held it in the ledger.
 */
export const STATE_SCHEMA_VERSION = 3;

export type { CachedPage } from './page-cache.js';
export { pageCachePath } from './page-cache.js';

/** What one source remembers between runs. */
export interface SourceState {
  pages: Record<string, CachedPage>;
  /**
   * Whose wiki the ledger describes (Notion workspace, Confluence site and spaces): a ledger from
   * another wiki would call all its findings fixed. Absent in ledgers older than the check.
   */
  identity?: string;
  /** Pages the last recorded run read from this source, for the plausibility check. */
  listed?: number;
}

/** An open finding as the ledger remembers it: enough to report it as fixed once it is gone. */
export interface LedgerFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  page: FindingPage;
  /** ISO time of the first and the latest run that saw it. */
  firstSeen: string;
  lastSeen: string;
}

/** A findings page this tool wrote: the only pages it ever modifies. */
export interface PublishedPage {
  id: string;
  url: string;
  /** Hash of the content last written, so an unchanged report costs no write. */
  hash: string;
}

/** The comment this tool keeps on one offending page. */
export interface PostedComment {
  id: string;
  /** Notion's thread, where follow-ups go. */
  discussionId?: string;
  /** The fingerprints the comment lists, sorted; empty once a "resolved" note was posted. */
  fingerprints: string[];
  /** ISO time of the last comment write on this page, for the cooldown. */
  at: string;
}

/** One run's figures, for trends. */
export interface RunRecord {
  at: string;
  pages: number;
  findings: number;
  errors: number;
  warnings: number;
  new: number;
  fixed: number;
  metrics: Partial<Record<MetricId, number | null>>;
  /** Pages the freshness metric counts as not reviewed recently; absent in runs recorded before it was kept. */
  stalePages?: number;
}

/** The ledger between runs. */
export interface State {
  schemaVersion: typeof STATE_SCHEMA_VERSION;
  sources: Record<string, SourceState>;
  /** Open findings by fingerprint. */
  findings: Record<string, LedgerFinding>;
  /** Findings pages by target (markdown, notion, confluence) and comments by page key. */
  writeback: { pages: Record<string, PublishedPage>; comments: Record<string, PostedComment> };
  /** Oldest first, at most MAX_RUNS. */
  runs: RunRecord[];
}

/** Runs kept for trends: more than a year of nightly runs. */
export const MAX_RUNS = 400;

/** A fresh ledger, as the first run sees it. */
export function emptyState(): State {
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    sources: {},
    findings: {},
    writeback: { pages: {}, comments: {} },
    runs: [],
  };
}

/** The state of one source, created empty on first use. */
export function sourceState(state: State, source: string): SourceState {
  state.sources[source] ??= { pages: {} };
  return state.sources[source];
}

function invalid(path: string, why: string): HandbookLintError {
  return new HandbookLintError(
    'STATE_INVALID',
    `State file ${path} ${why}. Move it aside to start over (the next run does a full crawl and treats every finding as new), or run a newer handbook-lint.`,
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A page count as a run writes one: a hand edit's `1e400` (Infinity) or word made the listing gate's share NaN, never over its bound. */
const isCountOrAbsent = (value: unknown) =>
  value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);

function checkSources(path: string, sources: unknown, withPages: boolean): void {
  if (!isObject(sources)) throw invalid(path, 'has no `sources` object');
  for (const [name, source] of Object.entries(sources)) {
    if (!isObject(source) || (withPages && !isPageCache(source.pages)) || !isCountOrAbsent(source.listed)) {
      throw invalid(path, `has a malformed entry for source "${name}"`);
    }
  }
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrAbsent = (value: unknown) => value === undefined || isText(value);

/** An open finding as the reports and the comparison read it: a hand edit must not crash them. */
function isLedgerFinding(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.page)) return false;
  const { page } = value;
  return (
    isText(value.ruleId) &&
    SEVERITIES.includes(value.severity as Severity) &&
    isText(value.message) &&
    isTextOrAbsent(value.firstSeen) &&
    isTextOrAbsent(value.lastSeen) &&
    isText(page.key) &&
    isText(page.title) &&
    isText(page.path) &&
    isTextOrAbsent(page.url)
  );
}

const isPublishedPage = (value: unknown) =>
  isObject(value) && isText(value.id) && isTextOrAbsent(value.url) && isTextOrAbsent(value.hash);

const isPostedComment = (value: unknown) =>
  isObject(value) && Array.isArray(value.fingerprints) && value.fingerprints.every(isText);

// Figures may be missing in runs recorded by earlier versions; what is there must be what it says.
const isRunRecord = (value: unknown) =>
  isObject(value) && isTextOrAbsent(value.at) && (value.metrics === undefined || isObject(value.metrics));

function checkLedger(path: string, data: Record<string, unknown>): void {
  const { findings, writeback, runs } = data;
  const wellFormed =
    isObject(findings) &&
    Object.values(findings).every(isLedgerFinding) &&
    isObject(writeback) &&
    isObject(writeback.pages) &&
    Object.values(writeback.pages).every(isPublishedPage) &&
    isObject(writeback.comments) &&
    Object.values(writeback.comments).every(isPostedComment) &&
    Array.isArray(runs) &&
    runs.every(isRunRecord);
  if (!wellFormed) throw invalid(path, 'has a malformed findings, write-back or runs section');
}

/**
 * Deeper than any ledger this build writes (a finding's page is four levels down). A ledger sits in
 * a cache folder others may write: one nested 100,000 deep reads, but saving it again overflowed
 * JSON.stringify's recursion (exit 70).
 */
const MAX_LEDGER_DEPTH = 32;

/** Whether objects and arrays nest deeper than `limit` in `data`; walked without recursion. */
function nestsDeeper(data: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[data, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (depth > limit) return true;
    for (const child of Object.values(value as object))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** The ledger a file holds, upgraded to this schema; a schema 3 ledger's pages are still to be read from its cache. */
function validate(path: string, data: unknown): State {
  if (!isObject(data)) throw invalid(path, 'is not a JSON object');
  if (nestsDeeper(data, MAX_LEDGER_DEPTH))
    throw invalid(path, `nests deeper than ${MAX_LEDGER_DEPTH} levels`);
  const { schemaVersion } = data;
  if (typeof schemaVersion === 'number' && schemaVersion > STATE_SCHEMA_VERSION) {
    throw invalid(
      path,
      `was written by a newer handbook-lint (schema ${schemaVersion}; this one reads ${STATE_SCHEMA_VERSION})`,
    );
  }
  if (schemaVersion !== 1 && schemaVersion !== 2 && schemaVersion !== STATE_SCHEMA_VERSION)
    throw invalid(path, `has no valid schemaVersion (expected ${STATE_SCHEMA_VERSION})`);
  checkSources(path, data.sources, schemaVersion !== STATE_SCHEMA_VERSION);
  const sources = data.sources as State['sources'];
  // Schema 1 held only the page cache: it upgrades to a ledger with no history yet.
  if (schemaVersion === 1) return { ...emptyState(), sources };
  checkLedger(path, data);
  const ledger: State = { ...(data as unknown as State), schemaVersion: STATE_SCHEMA_VERSION };
  if (schemaVersion === 2) return ledger;
  for (const [name, source] of Object.entries(sources)) sources[name] = { ...source, pages: {} };
  return ledger;
}

/**
 * A state file's text, in one read: fs.promises.readFile reads a large file in 512 KiB steps, ~4x
 * slower, and nothing else is under way while a run loads its state. Bytes first, then decoded:
 * `readFileSync(path, 'utf8')` takes ~30 % more CPU for a 150 MB page cache (Node 22). Only a
 * regular file no longer than V8's longest string, which no larger file could be read into: a link
 * to /dev/zero or a FIFO in a shared cache folder read forever, a sparse file of 2 GB cost 2 GB.
 */
const readText = (path: string): string => readOwnFile(path, constants.MAX_STRING_LENGTH).toString('utf8');

/** A source name a cache header may add to the ledger: a plain word, never `__proto__`. */
const SOURCE_NAME = /^[a-z][a-z-]*$/;

/**
 * Puts the cached pages into the ledger's sources (see `usablePageCache`). A source the ledger does
 * not name (a first run that was stopped: no ledger yet) takes its pages only with the identity of the
 * wiki they came from, which the run then checks as a ledger's (another wiki's pages are refused,
 * exit 3). `quiet`: the ledger names no source (none yet, or a folder's only): a missing cache is no news.
 */
async function attachPageCache(statePath: string, state: State, quiet = false): Promise<void> {
  const cache = await usablePageCache(pageCachePath(statePath), STATE_SCHEMA_VERSION, quiet);
  // A cache line's source `__proto__` must never reach Object.prototype: named by the ledger or a word.
  for (const [source, pages] of Object.entries(cache?.sources ?? {})) {
    const identity = cache?.identities?.[source];
    if (Object.hasOwn(state.sources, source)) sourceState(state, source).pages = pages;
    else if (identity && SOURCE_NAME.test(source)) state.sources[source] = { pages, identity };
  }
}

/**
 * Reads the ledger and its page cache; a missing ledger is a first run (its cache is not used), a
 * corrupt or newer one is an error rather than silently discarded.
 */
export async function loadState(path: string): Promise<State> {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // A first run stopped before its end kept the pages it fetched, with whose wiki they are.
      const state = emptyState();
      await attachPageCache(path, state, true);
      return state;
    }
    if (error instanceof NotOwnFile) throw invalid(path, error.message);
    throw new HandbookLintError(
      'STATE_INVALID',
      `Cannot read state file ${path}: ${(error as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalid(path, 'is not valid JSON (was it edited by hand, or written by another tool?)');
  }
  const state = validate(path, data);
  const cacheInLedger = (data as { schemaVersion: number }).schemaVersion !== STATE_SCHEMA_VERSION;
  if (!cacheInLedger) await attachPageCache(path, state, !Object.keys(state.sources).length);
  return state;
}

/**
 * Writes the ledger (indented, so a committed one diffs line by line), then the page cache of its
 * wiki sources (JSON Lines, written as it is made), each atomically: a crash never leaves half a
 * file behind, and one in between leaves a cache that is still true, as its pages are keyed by version.
 */
export async function saveState(path: string, state: State): Promise<void> {
  const sources = Object.entries(state.sources);
  const ledger = {
    ...state,
    schemaVersion: STATE_SCHEMA_VERSION,
    sources: Object.fromEntries(sources.map(([name, { pages: _, ...rest }]) => [name, rest])),
  };
  await writeFileAtomically(path, `${JSON.stringify(ledger, null, 2)}\n`, 'state file');
  if (!sources.length) return;
  await writeFileAtomically(pageCachePath(path), pageCacheText(sources, STATE_SCHEMA_VERSION), 'page cache');
}
