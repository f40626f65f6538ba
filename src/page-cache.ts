// The page cache beside the ledger (state.ts): each wiki page's content as last fetched, so an
// unchanged page is not fetched again.
import { constants } from 'node:buffer';
import { NotOwnFile, ownFileStream } from './own-file.js';

/** A page's content as last fetched, keyed by the version the platform stamps on it. */
export interface CachedPage {
  /** Notion `last_edited_time`, Confluence version number: content is refetched when it changes. */
  version: string;
  /** The content as the platform returned it (before conversion), so conversion fixes apply to cached pages too. */
  markdown: string;
  /** Notion: the page's heading blocks (id, text), once a finding needed them for its link. */
  headings?: { id: string; text: string }[];
}

/** Where the page cache of the ledger at `statePath` lives: `state.json` keeps it in `state.cache.json`. */
export function pageCachePath(statePath: string): string {
  return `${statePath.replace(/\.json$/i, '')}.cache.json`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isCachedPage(value: unknown): boolean {
  return isObject(value) && typeof value.version === 'string' && typeof value.markdown === 'string';
}

export const isPageCache = (pages: unknown): pages is Record<string, CachedPage> =>
  isObject(pages) && Object.values(pages).every(isCachedPage);

/**
 * What the page cache's first line says of its form (with the ledger's schema). The cache is JSON
 * Lines, one page a line after that header, so it is written and read without ever being one string:
 * V8 caps a string at about 512 million characters (some 100,000 pages of 5 KB), and a line that does
 * not parse costs only that page's entry.
 */
const PAGE_CACHE = 'one page a line';

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

const isHeading = (value: unknown): value is { id: string; text: string } =>
  isObject(value) && typeof value.id === 'string' && typeof value.text === 'string';

/**
 * A cached page as this build wrote it, whatever else the line carried: the file sits in a cache
 * folder others may write, and a field nested 100,000 deep would end the run when the cache is
 * written again (JSON.stringify recurses). Headings that are not all headings are left out (asked again).
 */
function cachedPage(page: CachedPage): CachedPage {
  const { version, markdown, headings } = page;
  const kept = Array.isArray(headings) && headings.every(isHeading);
  return { version, markdown, ...(kept ? { headings: headings.map(({ id, text }) => ({ id, text })) } : {}) };
}

/** What the page cache file gave: pages by source, and lines that were no page (corrupt, cut short). */
export interface ReadCache {
  sources: Record<string, Record<string, CachedPage>>;
  unreadable: number[];
  /**
   * Whose wiki each source's pages came from, when a run that stopped before its end wrote the cache
   * (no ledger says it then): a first run's pages are used by the next only for that same wiki.
   */
  identities?: Record<string, string>;
}

/** The cache as a version before JSON Lines wrote it: one object, all sources' pages in it. */
function singleObjectCache(data: Record<string, unknown>, schema: number): ReadCache | string {
  if (!isObject(data.sources)) return `is not a page cache of schema ${schema}`;
  const sources: ReadCache['sources'] = Object.create(null);
  for (const [name, pages] of Object.entries(data.sources)) {
    if (!isPageCache(pages)) return `has a malformed entry for source "${name}"`;
    const kept: Record<string, CachedPage> = Object.create(null);
    for (const [id, page] of Object.entries(pages)) kept[id] = cachedPage(page);
    sources[name] = kept;
  }
  return { sources, unreadable: [] };
}

/**
 * Longer than any page's line: a page within the 5 MiB page budget, escaped (6x at worst), with its
 * headings. A longer line is skipped as unreadable without being held (its page is fetched again),
 * but for the first: a cache an earlier version wrote as one object is one line, read up to the
 * longest string V8 holds.
 */
const MAX_LINE_BYTES = 64 * 2 ** 20;

/**
 * The file's lines, split at `\n` as bytes; a line over its bound is given as undefined, its bytes
 * dropped as they come. readline keeps a line however long it grows: a sparse cache file of 2 GB (one
 * line of zeros) ended the process with "Invalid string length" out of reach of any catch.
 */
async function* boundedLines(input: AsyncIterable<Buffer>): AsyncGenerator<string | undefined> {
  let parts: Buffer[] = [];
  let size = 0;
  let bound = constants.MAX_STRING_LENGTH;
  let tooLong = false;
  for await (const chunk of input) {
    for (let from = 0; from <= chunk.length; ) {
      const newline = chunk.indexOf(10, from);
      const piece = chunk.subarray(from, newline < 0 ? chunk.length : newline);
      size += piece.length;
      if (size > bound) [tooLong, parts] = [true, []];
      else if (piece.length) parts.push(piece);
      if (newline < 0) break;
      yield tooLong ? undefined : Buffer.concat(parts).toString('utf8');
      [parts, size, tooLong, bound, from] = [[], 0, false, MAX_LINE_BYTES, newline + 1];
    }
  }
  if (size > 0) yield tooLong ? undefined : Buffer.concat(parts).toString('utf8');
}

/** The header's identities, kept only as names to texts (no prototype: a source `__proto__` stays a key). */
function headerIdentities(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const identities: Record<string, string> = Object.create(null);
  for (const [source, identity] of Object.entries(value))
    if (typeof identity === 'string') identities[source] = identity;
  return Object.keys(identities).length ? identities : undefined;
}

/**
 * Reads the page cache line by line, or says why it cannot be used at all (missing, unreadable,
 * another schema, no regular file). A line that is not a page (corrupt, half written, too long) is
 * counted and skipped: its page is fetched again; a header that does not parse is one such line, as
 * the pages carry their versions themselves.
 */
export async function readPageCache(path: string, schema: number): Promise<ReadCache | string> {
  // No prototypes: a line naming source or page `__proto__` stays an entry, never reaching Object.prototype.
  const cache: ReadCache = { sources: Object.create(null), unreadable: [] };
  let number = 0;
  try {
    for await (const line of boundedLines(await ownFileStream(path))) {
      number++;
      if (line === undefined) {
        cache.unreadable.push(number);
        continue;
      }
      if (!line.trim()) continue;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch {
        cache.unreadable.push(number);
        continue;
      }
      if (number === 1 && isObject(data) && 'schemaVersion' in data) {
        if (data.schemaVersion !== schema) return `is not a page cache of schema ${schema}`;
        if (data.pageCache === undefined) return singleObjectCache(data, schema);
        const identities = headerIdentities(data.identities);
        if (identities) cache.identities = identities;
        continue;
      }
      if (!isCacheLine(data)) {
        cache.unreadable.push(number);
        continue;
      }
      cache.sources[data.source] ??= Object.create(null);
      (cache.sources[data.source] as Record<string, CachedPage>)[data.id] = cachedPage(data.page);
    }
  } catch (error) {
    if (error instanceof NotOwnFile) return error.message;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'is missing';
    return `cannot be read (${code ?? (error as Error).message})`;
  }
  return cache;
}

/**
 * The page cache at `path`, or undefined when it cannot be used, with a warning: the cache only saves
 * requests, so one that cannot be used costs a full crawl, a line that cannot be read that page's
 * content, never the run; either is replaced when the ledger is saved. `quiet`: missing is no news.
 */
export async function usablePageCache(
  path: string,
  schema: number,
  quiet: boolean,
): Promise<ReadCache | undefined> {
  const cache = await readPageCache(path, schema);
  if (quiet && cache === 'is missing') return undefined;
  if (typeof cache === 'string') {
    process.stderr.write(
      `handbook-lint: the page cache ${path} ${cache}: this run fetches every page's content again.\n`,
    );
    return undefined;
  }
  const bad = cache.unreadable;
  if (bad.length) {
    const which = `${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}`;
    process.stderr.write(
      `handbook-lint: the page cache ${path} has ${bad.length} unreadable ${bad.length === 1 ? 'line' : 'lines'} (${which}): this run fetches those pages' content again.\n`,
    );
  }
  return cache;
}

// Page cache lines are written in chunks of about this many characters: few writes, no large string.
const CACHE_CHUNK_CHARS = 1 << 20;

/**
 * The page cache file's text, in chunks of whole lines: the header (with whose wikis the pages came
 * from, when a stopped run writes it without its ledger), then one line per page.
 */
export function* pageCacheText(
  sources: readonly [string, { pages: Record<string, CachedPage> }][],
  schema: number,
  identities?: Record<string, string>,
): Generator<string> {
  const header = { schemaVersion: schema, pageCache: PAGE_CACHE, ...(identities ? { identities } : {}) };
  let chunk = `${JSON.stringify(header)}\n`;
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
