import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HandbookLintError } from './errors.js';

/** The state file format this build reads and writes; a newer file is refused, never overwritten. */
export const STATE_SCHEMA_VERSION = 1;

/** A page's content as last fetched, keyed by the version the platform stamps on it. */
export interface CachedPage {
  /** Notion `last_edited_time`, Confluence version number: content is refetched when it changes. */
  version: string;
  /** The content as the platform returned it (before conversion), so conversion fixes apply to cached pages too. */
  markdown: string;
}

/** What one source remembers between runs. */
export interface SourceState {
  pages: Record<string, CachedPage>;
}

/** The ledger between runs. */
export interface State {
  schemaVersion: typeof STATE_SCHEMA_VERSION;
  sources: Record<string, SourceState>;
}

/** A fresh ledger, as the first run sees it. */
export function emptyState(): State {
  return { schemaVersion: STATE_SCHEMA_VERSION, sources: {} };
}

/** The state of one source, created empty on first use. */
export function sourceState(state: State, source: string): SourceState {
  state.sources[source] ??= { pages: {} };
  return state.sources[source];
}

function invalid(path: string, why: string): HandbookLintError {
  return new HandbookLintError(
    'STATE_INVALID',
    `State file ${path} ${why}. Move it aside to start over (the next run does a full crawl), or run a newer handbook-lint.`,
  );
}

function isCachedPage(value: unknown): value is CachedPage {
  const page = value as CachedPage | null;
  return (
    typeof page === 'object' &&
    page !== null &&
    typeof page.version === 'string' &&
    typeof page.markdown === 'string'
  );
}

function validate(path: string, data: unknown): State {
  if (typeof data !== 'object' || data === null) throw invalid(path, 'is not a JSON object');
  const { schemaVersion, sources } = data as { schemaVersion?: unknown; sources?: unknown };
  if (typeof schemaVersion === 'number' && schemaVersion > STATE_SCHEMA_VERSION) {
    throw invalid(
      path,
      `was written by a newer handbook-lint (schema ${schemaVersion}; this one reads ${STATE_SCHEMA_VERSION})`,
    );
  }
  if (schemaVersion !== STATE_SCHEMA_VERSION)
    throw invalid(path, `has no valid schemaVersion (expected ${STATE_SCHEMA_VERSION})`);
  if (typeof sources !== 'object' || sources === null) throw invalid(path, 'has no `sources` object');
  for (const [name, source] of Object.entries(sources)) {
    const pages = (source as SourceState | null)?.pages;
    if (typeof pages !== 'object' || pages === null || !Object.values(pages).every(isCachedPage)) {
      throw invalid(path, `has a malformed entry for source "${name}"`);
    }
  }
  return data as State;
}

/** Reads the ledger; a missing file is a first run, a corrupt or newer one is an error rather than silently discarded. */
export async function loadState(path: string): Promise<State> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
    throw invalid(path, 'is not valid JSON (was a run interrupted while writing it?)');
  }
  return validate(path, data);
}

/** Writes the ledger atomically (temp file + rename), so a crash never leaves half a file behind. */
export async function saveState(path: string, state: State): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, `${JSON.stringify(state)}\n`);
    await rename(temp, path);
  } catch (error) {
    throw new HandbookLintError(
      'OUTPUT_FAILED',
      `Cannot write state file ${path}: ${(error as Error).message}`,
    );
  }
}
