import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { MetricId } from './coverage.js';
import { HandbookLintError } from './errors.js';
import type { FindingPage } from './model/finding.js';
import type { Severity } from './model/severity.js';
import { writeFileAtomically } from './write-file.js';

/** The state file format this build reads and writes; a newer file is refused, never overwritten. */
export const STATE_SCHEMA_VERSION = 2;

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

function checkSources(path: string, sources: unknown): void {
  if (!isObject(sources)) throw invalid(path, 'has no `sources` object');
  for (const [name, source] of Object.entries(sources)) {
    const pages = isObject(source) ? source.pages : undefined;
    if (!isObject(pages) || !Object.values(pages).every(isCachedPage)) {
      throw invalid(path, `has a malformed entry for source "${name}"`);
    }
  }
}

function checkLedger(path: string, data: Record<string, unknown>): void {
  const { findings, writeback, runs } = data;
  const wellFormed =
    isObject(findings) &&
    Object.values(findings).every((f) => isObject(f) && typeof f.ruleId === 'string' && isObject(f.page)) &&
    isObject(writeback) &&
    isObject(writeback.pages) &&
    isObject(writeback.comments) &&
    Object.values(writeback.comments).every((c) => isObject(c) && Array.isArray(c.fingerprints)) &&
    Array.isArray(runs);
  if (!wellFormed) throw invalid(path, 'has a malformed findings, write-back or runs section');
}

function validate(path: string, data: unknown): State {
  if (!isObject(data)) throw invalid(path, 'is not a JSON object');
  const { schemaVersion } = data;
  if (typeof schemaVersion === 'number' && schemaVersion > STATE_SCHEMA_VERSION) {
    throw invalid(
      path,
      `was written by a newer handbook-lint (schema ${schemaVersion}; this one reads ${STATE_SCHEMA_VERSION})`,
    );
  }
  if (schemaVersion !== 1 && schemaVersion !== STATE_SCHEMA_VERSION)
    throw invalid(path, `has no valid schemaVersion (expected ${STATE_SCHEMA_VERSION})`);
  checkSources(path, data.sources);
  // Schema 1 held only the page cache: it upgrades to a ledger with no history yet.
  if (schemaVersion === 1) return { ...emptyState(), sources: data.sources as State['sources'] };
  checkLedger(path, data);
  return data as unknown as State;
}

/** Reads the ledger; a missing file is a first run, a corrupt or newer one is an error rather than silently discarded. */
export async function loadState(path: string): Promise<State> {
  let text: string;
  try {
    // One read: fs.promises.readFile reads a large file in 512 KiB steps, ~4x slower for a 10 MB
    // ledger, and nothing else is under way while a run loads its state. A ledger this version
    // wrote is ASCII (see asciiJson), read as Latin-1 without decoding UTF-8, ~3x faster in all.
    const bytes = readFileSync(path);
    text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
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
  return validate(path, data);
}

const NON_ASCII = /[\u0080-\uffff]/g;

/** JSON.stringify with every non-ASCII character (each half of a surrogate pair) as a `\u` escape. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    NON_ASCII,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Cached pages as ASCII JSON, made while a crawl waits on the API: serializing and encoding
 * thousands of bodies was most of the time saving the ledger took at the end of a run. A cached
 * page is never changed once made, so its JSON stays true.
 */
const pageJson = new WeakMap<CachedPage, Buffer>();

/** Serializes a cached page now, ahead of `saveState`; returns the page. */
export function serializeAhead(page: CachedPage): CachedPage {
  if (!pageJson.has(page)) pageJson.set(page, Buffer.from(asciiJson(page), 'latin1'));
  return page;
}

const COMMA = Buffer.from(',');

function pagesJson(pages: Record<string, CachedPage>): Buffer {
  const parts: Buffer[] = [Buffer.from('{')];
  for (const [index, [id, page]] of Object.entries(pages).entries()) {
    if (index) parts.push(COMMA);
    parts.push(
      Buffer.from(`${asciiJson(id)}:`, 'latin1'),
      pageJson.get(page) ?? Buffer.from(asciiJson(page), 'latin1'),
    );
  }
  parts.push(Buffer.from('}'));
  return Buffer.concat(parts);
}

/** What follows keys already written of an object: `}`, or its other keys and `}`. */
function otherKeys(rest: object): string {
  const json = asciiJson(rest).slice(1);
  return json === '}' ? json : `,${json}`;
}

/**
 * The ledger as JSON (what JSON.stringify gives, with non-ASCII characters escaped), in parts: each
 * page cache put together from its pages' JSON.
 */
function* stateJson(state: State): Generator<string | Buffer> {
  const { sources, ...ledger } = state;
  yield '{"sources":{';
  for (const [index, [name, source]] of Object.entries(sources).entries()) {
    const { pages, ...rest } = source;
    yield `${index ? ',' : ''}${asciiJson(name)}:{"pages":`;
    yield pagesJson(pages);
    yield otherKeys(rest);
  }
  yield `}${otherKeys(ledger)}\n`;
}

/** Writes the ledger atomically, so a crash never leaves half a file behind. */
export async function saveState(path: string, state: State): Promise<void> {
  await writeFileAtomically(path, stateJson(state), 'state file');
}
