import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { HandbookLintError } from '../errors.js';
import { implausibleListing, ledgerSources, refusal } from '../history.js';
import { ListingCheck } from '../listing-check.js';
import { acquireLock } from '../lock.js';
import type { Config } from '../model/config.js';
import { typeClassifier } from '../normalize/doc-type.js';
import { OWNER_SOURCES } from '../normalize/fields.js';
import { resolveOwners } from '../owners.js';
import { configuredWikis, WIKI_IDS } from '../platforms/registry.js';
import type { ProgressReporter } from '../progress.js';
import { crawlWikis } from '../run.js';
import { loadState, type State, saveState } from '../state.js';
import { ownPages } from '../writeback/stage.js';
import { CONTENTS_FILE, contentsPage } from './contents.js';
import { type MirroredPage, markUnreadable, mirrorFile } from './front-matter.js';
import { insideGuard } from './inside.js';
import { findLinkEdits, type LinkEdit, rewriteLinks } from './links.js';
import {
  applyMirror,
  MANIFEST_FILE,
  type Manifest,
  type MirrorChanges,
  type MirrorEntry,
  readManifest,
  type Warn,
} from './mirror.js';
import { placePages } from './paths.js';

/** What `handbook-lint sync` needs besides config. */
export interface SyncOptions {
  /** The mirror folder. */
  out: string;
  /** Refetch every page instead of reusing unchanged ones from the ledger (`--full`). */
  full?: boolean;
  /** Crawl and compare, write nothing: no file, no manifest, no ledger (`--dry-run`). */
  dryRun?: boolean;
  /** How long to wait for another run's lock on the ledger (`--wait-lock`); 0 refuses at once. */
  waitLockMs?: number;
  onProgress?: ProgressReporter;
  /** Mirror a listing the plausibility check refused (`--accept-shrink`). */
  acceptShrink?: boolean;
}

/** A page the wiki would not let the sync read. */
export interface UnreadableMirrorPage {
  title: string;
  file: string;
  reason: string;
  /** Whether the file keeps the page's last good copy (else it holds only the page's front matter). */
  kept: boolean;
}

/** What one sync did (or would do) to the mirror. */
export interface SyncResult extends MirrorChanges {
  out: string;
  dryRun: boolean;
  unreadable: UnreadableMirrorPage[];
  /** What the sync refused or ignored (manifest entries, paths leading out of the folder), one line each. */
  warnings: string[];
  /** Why the listing was not trusted: then nothing was written or deleted (see run's plausibility gate). */
  implausible?: string[];
}

/** A crawled page with its syntax tree dropped and what the tree told: its links to wiki pages. */
interface Crawled {
  page: MirroredPage;
  edits: LinkEdit[];
  /** One of this tool's findings pages: mirrored, but with every rule off, as `run` never judges it. */
  own: boolean;
}

// The tool's own findings pages are no handbook pages: in the mirror, as in the wiki, nothing judges them.
const RULES_OFF = '<!-- handbook-lint-disable-file -->\n\n';

async function crawlAll(
  config: Config,
  options: SyncOptions,
  state: State,
  check: ListingCheck,
): Promise<Crawled[]> {
  const own = ownPages(config, state);
  const classify = typeClassifier(config.documentTypes);
  const crawled: Crawled[] = [];
  for (const pages of await crawlWikis(config, classify, { ...options, check }, state)) {
    for await (const { tree, ...page } of pages) {
      crawled.push({ page, edits: findLinkEdits(tree, page.markdown), own: own(page) });
    }
  }
  return crawled;
}

/** The last good copies of the pages that cannot be read now, from the previous sync's files, marked unreadable. */
async function lastGoodCopies(
  out: string,
  crawled: readonly Crawled[],
  previous: Manifest | undefined,
  warn: Warn,
): Promise<Map<string, MirrorEntry>> {
  const kept = new Map<string, MirrorEntry>();
  const inside = await insideGuard(out);
  for (const { page } of crawled) {
    const before = previous?.pages[page.key];
    if (!page.unreadable || !before) continue;
    // The copy would be written back into the mirror: a link out of it must not copy a file from elsewhere.
    if (!(await inside(before.file))) {
      warn(
        `${MANIFEST_FILE}: not keeping ${JSON.stringify(before.file)} (a symbolic link leads it out of the folder)`,
      );
      continue;
    }
    const text = await readFile(join(out, before.file), 'utf8').catch(() => undefined);
    const content = text === undefined ? undefined : markUnreadable(text, page.unreadable.reason);
    if (content !== undefined) kept.set(page.key, { key: page.key, file: before.file, content });
  }
  return kept;
}

/**
 * Mirrors the configured wikis into a folder of Markdown files: crawls them as `run` does (same
 * crawlers, same ledger cache, so only edited pages are fetched), gives each page a file, points
 * links between pages at those files, and writes what changed; files of deleted pages go. A page
 * that cannot be read keeps its last good copy. The ledger's lock is held throughout, as for `run`.
 */
export async function sync(config: Config, options: SyncOptions): Promise<SyncResult> {
  if (!configuredWikis(config).length) {
    throw new HandbookLintError(
      'USAGE',
      `sync mirrors a wiki: set ${WIKI_IDS.map((id) => `\`sources.${id}\``).join(' or ')} in the config.`,
    );
  }
  const out = resolve(options.out);
  const warnings: string[] = [];
  const warn: Warn = (line) => warnings.push(line);
  const previous = await readManifest(out, warn);
  const dryRun = options.dryRun ?? false;
  // A dry run writes nothing, so it takes no lock: it reads the ledger as the last run left it.
  const lock = dryRun ? undefined : await acquireLock(config.statePath, { waitMs: options.waitLockMs ?? 0 });
  try {
    const state = await loadState(config.statePath);
    const before = ledgerSources(state, configuredWikis(config));
    const check = new ListingCheck();
    const crawled = await crawlAll(config, options, state, check);
    const listed = new Map(configuredWikis(config).map((source) => [source, 0]));
    for (const { page } of crawled) listed.set(page.source, (listed.get(page.source) ?? 0) + 1);
    const problems = options.acceptShrink ? [] : implausibleListing(before, listed, check, config.maxShrink);
    // A listing that cannot be trusted would delete the files of every page it lost: write nothing.
    if (problems.length) {
      const none = { written: [], unchanged: [], deleted: [] };
      const why = refusal(problems, { command: 'sync', dryRun, wikis: configuredWikis(config) });
      return { ...none, out, dryRun, unreadable: [], warnings: [...warnings, why], implausible: problems };
    }
    const kept = await lastGoodCopies(out, crawled, previous, warn);
    const pages = crawled.map(({ page }) => page);
    const files = placePages(pages, {
      fixed: new Map([...kept].map(([key, entry]) => [key, entry.file])),
      bySource: configuredWikis(config).length > 1,
      reserved: [CONTENTS_FILE],
    });
    const fileOf = (key: string) => files.get(key);
    const owners = resolveOwners(pages, { lastEditor: false });
    const inherited = (key: string) => {
      const resolved = owners.get(key);
      return resolved?.source === OWNER_SOURCES.parent ? { inheritedOwner: resolved.owner } : {};
    };
    const entries: MirrorEntry[] = crawled.map(({ page, edits, own }) => {
      const file = fileOf(page.key) as string;
      const last = kept.get(page.key);
      if (last) return last;
      const body = page.unreadable ? '' : rewriteLinks(page.markdown, edits, file, fileOf);
      const mirrored = { ...page, ...inherited(page.key) };
      return { key: page.key, file, content: mirrorFile(mirrored, own && body ? RULES_OFF + body : body) };
    });
    entries.push({ file: CONTENTS_FILE, content: contentsPage(pages, files) });
    entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const changes = await applyMirror(out, entries, previous, dryRun, warn);
    if (!dryRun) await saveState(config.statePath, state);
    const unreadable = pages
      .filter((page) => page.unreadable)
      .map((page) => ({
        title: page.title,
        file: fileOf(page.key) as string,
        reason: page.unreadable?.reason ?? '',
        kept: kept.has(page.key),
      }));
    return { ...changes, out, dryRun, unreadable, warnings };
  } finally {
    await lock?.release();
  }
}
