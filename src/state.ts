import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { MetricId } from './coverage.js';
import { HandbookLintError } from './errors.js';
import type { FindingPage } from './model/finding.js';
import { SEVERITIES, type Severity } from './model/severity.js';
import { writeFileAtomically } from './write-file.js';

/**
 * The state file format this build reads and writes; a newer file is refused, never overwritten.
 * Schema 3 keeps the page cache in its own file (`pageCachePath`); 1 and 2 held it in the ledger.
 */
export const STATE_SCHEMA_VERSION = 3;

/** A page's content as last fetched, keyed by the version the platform stamps on it. */
export interface CachedPage {
  /** Notion `last_edited_time`, Confluence version number: content is refetched when it changes. */
  version: string;
  /** The content as the platform returned it (before conversion), so conversion fixes apply to cached pages too. */
  markdown: string;
  /** Notion: the page's heading blocks (id, text), once a finding needed them for its link. */
  headings?: { id: string; text: string }[];
}

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

/** Where the page cache of the ledger at `statePath` lives: `state.json` keeps it in `state.cache.json`. */
export function pageCachePath(statePath: string): string {
  return `${statePath.replace(/\.json$/i, '')}.cache.json`;
}

function invalid(path: string, why: string): HandbookLintError {
  return new HandbookLintError(
    'STATE_INVALID',
    `State file ${path} ${why}. Move it aside to start over (the next run does a full crawl and treats every finding as new), or run a newer handbook-lint.`,
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isCachedPage(value: unknown): boolean {
  return isObject(value) && typeof value.version === 'string' && typeof value.markdown === 'string';
}

const isPageCache = (pages: unknown): pages is Record<string, CachedPage> =>
  isObject(pages) && Object.values(pages).every(isCachedPage);

function checkSources(path: string, sources: unknown, withPages: boolean): void {
  if (!isObject(sources)) throw invalid(path, 'has no `sources` object');
  for (const [name, source] of Object.entries(sources)) {
    if (!isObject(source) || (withPages && !isPageCache(source.pages))) {
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

/** The ledger a file holds, upgraded to this schema; a schema 3 ledger's pages are still to be read from its cache. */
function validate(path: string, data: unknown): State {
  if (!isObject(data)) throw invalid(path, 'is not a JSON object');
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
 * `readFileSync(path, 'utf8')` takes ~30 % more CPU for a 150 MB page cache (Node 22).
 */
const readText = (path: string): string => readFileSync(path).toString('utf8');

/**
 * The page cache's first line. The cache is JSON Lines, one page a line after this header, so it is
 * written and read without ever being one string: V8 caps a string at about 512 million characters
 * (some 100,000 pages of 5 KB), and a line that does not parse costs only that page's entry.
 */
const CACHE_HEADER = { schemaVersion: STATE_SCHEMA_VERSION, pageCache: 'one page a line' };

/** One line of the page cache after the header. */
interface CacheLine {
  source: string;
  id: string;
  page: CachedPage;
}

const isCacheLine = (value: unknown): value is CacheLine =>
  isObject(value) &&
  typeof value.source === 'string' &&
  typeof value.id === 'string' &&
  isCachedPage(value.page);

/** What the page cache file gave: pages by source, and lines that were no page (corrupt, cut short). */
interface ReadCache {
  sources: Record<string, Record<string, CachedPage>>;
  unreadable: number[];
}

/** The cache as a version before JSON Lines wrote it: one object, all sources' pages in it. */
function singleObjectCache(data: Record<string, unknown>): ReadCache | string {
  if (!isObject(data.sources)) return `is not a page cache of schema ${STATE_SCHEMA_VERSION}`;
  for (const [name, pages] of Object.entries(data.sources))
    if (!isPageCache(pages)) return `has a malformed entry for source "${name}"`;
  return { sources: data.sources as ReadCache['sources'], unreadable: [] };
}

/**
 * Reads the page cache line by line, or says why it cannot be used at all (missing, unreadable,
 * another schema). A line that is not a page (corrupt, half written) is counted and skipped: its
 * page is fetched again; a header that does not parse is one such line, as the pages carry their
 * versions themselves.
 */
async function readPageCache(path: string): Promise<ReadCache | string> {
  const cache: ReadCache = { sources: {}, unreadable: [] };
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const line of lines) {
      number++;
      if (!line.trim()) continue;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch {
        cache.unreadable.push(number);
        continue;
      }
      if (number === 1 && isObject(data) && 'schemaVersion' in data) {
        if (data.schemaVersion !== STATE_SCHEMA_VERSION)
          return `is not a page cache of schema ${STATE_SCHEMA_VERSION}`;
        if (data.pageCache === undefined) return singleObjectCache(data);
        continue;
      }
      if (!isCacheLine(data)) {
        cache.unreadable.push(number);
        continue;
      }
      cache.sources[data.source] ??= {};
      (cache.sources[data.source] as Record<string, CachedPage>)[data.id] = data.page;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'is missing';
    return `cannot be read (${code ?? (error as Error).message})`;
  }
  return cache;
}

/**
 * Puts the cached pages into the ledger's sources. The cache only saves requests: one that cannot
 * be used costs this run a full crawl, a line that cannot be read that page's content, never the
 * run; either is replaced when the ledger is saved.
 */
async function attachPageCache(statePath: string, state: State): Promise<void> {
  const path = pageCachePath(statePath);
  const cache = await readPageCache(path);
  if (typeof cache === 'string') {
    process.stderr.write(
      `handbook-lint: the page cache ${path} ${cache}: this run fetches every page's content again.\n`,
    );
    return;
  }
  const bad = cache.unreadable;
  if (bad.length) {
    const which = `${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}`;
    process.stderr.write(
      `handbook-lint: the page cache ${path} has ${bad.length} unreadable ${bad.length === 1 ? 'line' : 'lines'} (${which}): this run fetches those pages' content again.\n`,
    );
  }
  for (const [source, pages] of Object.entries(cache.sources)) sourceState(state, source).pages = pages;
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
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
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
  if (!cacheInLedger && Object.keys(state.sources).length) await attachPageCache(path, state);
  return state;
}

// Page cache lines are written in chunks of about this many characters: few writes, no large string.
const CACHE_CHUNK_CHARS = 1 << 20;

/** The page cache file's text, in chunks of whole lines: the header, then one line per page. */
function* pageCacheText(sources: readonly [string, SourceState][]): Generator<string> {
  let chunk = `${JSON.stringify(CACHE_HEADER)}\n`;
  for (const [source, { pages }] of sources) {
    for (const id in pages) {
      const line: CacheLine = { source, id, page: pages[id] as CachedPage };
      chunk += `${JSON.stringify(line)}\n`;
      if (chunk.length >= CACHE_CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk) yield chunk;
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
  await writeFileAtomically(pageCachePath(path), pageCacheText(sources), 'page cache');
}
