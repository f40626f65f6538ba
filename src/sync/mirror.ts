import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { HandbookLintError } from '../errors.js';
import { mapOrdered } from '../platforms/ordered.js';
import { writeFileAtomically } from '../write-file.js';
import { insideGuard, mirrorPathProblem } from './inside.js';

/** The mirror's manifest, in its folder: the folder says itself what it mirrors, no ledger needed. */
export const MANIFEST_FILE = '.handbook-lint-sync.json';

// The manifest format this build reads and writes.
const MANIFEST_SCHEMA_VERSION = 1;

// Local files: enough reads and writes at once to keep the disk busy, few enough file handles.
const FILE_CONCURRENCY = 32;

/** Which file each mirrored page is in, so the next sync knows what to delete or move. */
export interface Manifest {
  schemaVersion: typeof MANIFEST_SCHEMA_VERSION;
  /** Page key -> its file (relative, posix) and the SHA-256 of what was written. */
  pages: Record<string, { file: string; hash: string }>;
  /** The mirror's own files (its table of contents) -> hash. */
  files: Record<string, string>;
}

/** One file of the mirror as this sync wants it; `key` names the page it holds, if any. */
export interface MirrorEntry {
  key?: string;
  file: string;
  content: string;
}

/** What a sync did (or, in a dry run, would do) to the mirror's files. */
export interface MirrorChanges {
  written: string[];
  unchanged: string[];
  deleted: string[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// The manifest's frame; its entries are checked one by one, so one bad entry costs only itself.
const manifestSchema = z.object({
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  pages: z.record(z.string(), z.unknown()),
  files: z.record(z.string(), z.unknown()),
});
const pageEntrySchema = z.object({ file: z.string(), hash: z.string() });

// A manifest with thousands of bad entries still gets a readable warning.
const MAX_ENTRY_WARNINGS = 10;

/** Reports one line for people (a manifest entry ignored, a path refused); sync collects them. */
export type Warn = (line: string) => void;

function notMirror(dir: string, why: string): HandbookLintError {
  return new HandbookLintError(
    'USAGE',
    `${dir} ${why}. sync deletes the files of deleted pages, so it writes only into an empty folder or a mirror it wrote (with ${MANIFEST_FILE}).`,
  );
}

// No prototype: a "__proto__" key read from the manifest stays a plain entry.
const emptyManifest = (): Manifest => ({
  schemaVersion: MANIFEST_SCHEMA_VERSION,
  pages: Object.create(null),
  files: Object.create(null),
});

/** The manifest's entries whose paths may be used; each other entry is ignored with a warning, so its file is never touched. */
function checkedEntries(data: z.output<typeof manifestSchema>, warn: Warn): Manifest {
  const manifest = emptyManifest();
  const ignored: string[] = [];
  const ignore = (what: string, why: string) =>
    ignored.push(`${MANIFEST_FILE}: ignoring ${what} (${why}); no file is written or deleted for it`);
  for (const [key, value] of Object.entries(data.pages)) {
    const entry = pageEntrySchema.safeParse(value);
    const what = `the entry of page ${JSON.stringify(key)}`;
    if (!entry.success) {
      ignore(what, 'not a { file, hash } entry');
      continue;
    }
    const problem = mirrorPathProblem(entry.data.file);
    if (problem) ignore(`${what}, ${JSON.stringify(entry.data.file)}`, problem);
    else manifest.pages[key] = entry.data;
  }
  for (const [file, hash] of Object.entries(data.files)) {
    const problem = typeof hash === 'string' ? mirrorPathProblem(file) : 'its hash is not a string';
    if (problem) ignore(`the file ${JSON.stringify(file)}`, problem);
    else manifest.files[file] = hash as string;
  }
  for (const line of ignored.slice(0, MAX_ENTRY_WARNINGS)) warn(line);
  if (ignored.length > MAX_ENTRY_WARNINGS)
    warn(`${MANIFEST_FILE}: ${ignored.length - MAX_ENTRY_WARNINGS} more entries ignored`);
  return manifest;
}

/**
 * The mirror's manifest; none for a new or empty folder. A folder with other files is refused, so a
 * sync never deletes files it did not write. The manifest is committed with the mirror, so it is
 * untrusted: a manifest that cannot be read as one counts as empty (this sync deletes nothing), and
 * an entry whose path could leave the folder is ignored; each with a warning.
 */
export async function readManifest(dir: string, warn: Warn): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // --out naming a file: reading the manifest "in" it fails with ENOTDIR, which is no unreadable manifest.
    if (code === 'ENOTDIR') throw notMirror(dir, 'is a file, not a folder');
    if (code !== 'ENOENT') throw notMirror(dir, `has an unreadable ${MANIFEST_FILE}`);
    const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      throw notMirror(dir, `cannot be read (${e.code ?? e.message})`);
    });
    // Dot entries (.git, .github) may sit in a mirror kept in its own repository.
    if (entries.some((name) => !name.startsWith('.'))) throw notMirror(dir, 'is not empty');
    return undefined;
  }
  const unusable = (why: string) => {
    warn(`${MANIFEST_FILE} ${why}: ignored, so this sync deletes no file an earlier sync wrote`);
    return emptyManifest();
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unusable('is not valid JSON');
  }
  // Another format version is no damage: a newer handbook-lint wrote it, and this one must not overwrite it.
  if (
    isObject(data) &&
    typeof data.schemaVersion === 'number' &&
    data.schemaVersion !== MANIFEST_SCHEMA_VERSION
  )
    throw notMirror(dir, `has a ${MANIFEST_FILE} this handbook-lint does not read`);
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    return unusable(`is not a manifest (${where}${issue?.message ?? 'unexpected shape'})`);
  }
  return checkedEntries(parsed.data, warn);
}

// What is at a path, not following a link: nothing, a folder, or anything else (a file, a link).
const kindAt = (path: string) =>
  lstat(path).then(
    (stat) => (stat.isDirectory() ? 'folder' : 'file'),
    () => undefined,
  );

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HandbookLintError('OUTPUT_FAILED', `Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Removes the folders a deletion left empty, up to (not including) the mirror's root. */
async function pruneFolders(root: string, file: string): Promise<void> {
  for (let folder = dirname(join(root, file)); folder.length > root.length; folder = dirname(folder)) {
    try {
      await rmdir(folder);
    } catch {
      return; // not empty (or gone): the folders above are not empty either
    }
  }
}

/**
 * Brings the mirror folder to `entries`: writes each file whose content differs from what is on
 * disk (so an unchanged page keeps its file time and a hand edit is undone), deletes the files
 * the previous manifest lists that no entry has any more (deleted or moved pages), and saves the
 * manifest. A dry run only reports what it would do.
 */
export async function applyMirror(
  root: string,
  entries: readonly MirrorEntry[],
  previous: Manifest | undefined,
  dryRun: boolean,
  warn: Warn,
): Promise<MirrorChanges> {
  const changes: MirrorChanges = { written: [], unchanged: [], deleted: [] };
  const inside = await insideGuard(root);
  // Names are built from the wiki's titles and ids: a bug or a hostile answer must not write elsewhere,
  // nor be named in the manifest written ahead.
  for (const entry of entries) {
    const problem = mirrorPathProblem(entry.file);
    if (problem)
      throw new HandbookLintError(
        'OUTPUT_FAILED',
        `sync refuses to write ${JSON.stringify(entry.file)}: ${problem}`,
      );
  }
  const wanted = new Set(entries.map((entry) => entry.file));
  const before = previous
    ? [...Object.values(previous.pages).map((page) => page.file), ...Object.keys(previous.files)]
    : [];
  if (!dryRun) {
    // Written ahead: a sync stopped while it writes (Ctrl-C, a cancelled job, a full disk) leaves a
    // manifest naming every file it may have written, and the earlier ones it has yet to delete, so
    // the next sync takes the folder as its mirror instead of refusing it as "not empty".
    const ahead = manifestOf(entries);
    for (const file of before) if (!wanted.has(file)) ahead.files[file] = '';
    await saveManifest(root, ahead);
  }
  const compare = async (entry: MirrorEntry) => {
    if (!(await inside(entry.file)))
      throw new HandbookLintError(
        'OUTPUT_FAILED',
        `sync refuses to write ${entry.file}: a symbolic link leads it out of ${root}`,
      );
    const path = join(root, entry.file);
    const same = (await readIfExists(path)) === entry.content;
    if (!same && !dryRun) await writeFileAtomically(path, entry.content, 'mirror file');
    return { file: entry.file, same };
  };
  for await (const { file, same } of mapOrdered(entries, FILE_CONCURRENCY, compare)) {
    (same ? changes.unchanged : changes.written).push(file);
  }
  for (const file of [...new Set(before)].sort()) {
    const path = join(root, file);
    const kind = wanted.has(file) ? undefined : await kindAt(path);
    if (kind === undefined) continue;
    // A folder a manifest entry names (one a person made) is not a page's file: unlink failed on it every sync.
    const problem =
      mirrorPathProblem(file) ??
      (kind === 'folder' ? 'not a file' : undefined) ??
      ((await inside(file)) ? undefined : 'a symbolic link leads it out of the folder');
    if (problem) {
      warn(`${MANIFEST_FILE}: not deleting ${JSON.stringify(file)} (${problem})`);
      continue;
    }
    changes.deleted.push(file);
    if (dryRun) continue;
    await unlink(path).catch((error: Error) => {
      throw new HandbookLintError('OUTPUT_FAILED', `Cannot delete ${path}: ${error.message}`);
    });
    await pruneFolders(root, file);
  }
  if (!dryRun) await saveManifest(root, manifestOf(entries));
  return changes;
}

/** The manifest of a mirror holding `entries`. */
function manifestOf(entries: readonly MirrorEntry[]): Manifest {
  const manifest = emptyManifest();
  for (const entry of entries) {
    if (entry.key) manifest.pages[entry.key] = { file: entry.file, hash: sha256(entry.content) };
    else manifest.files[entry.file] = sha256(entry.content);
  }
  return manifest;
}

/** Writes the manifest into the mirror, unless the file already says the same. */
async function saveManifest(root: string, manifest: Manifest): Promise<void> {
  const text = `${JSON.stringify(manifest, null, 1)}\n`;
  const path = join(root, MANIFEST_FILE);
  if ((await readIfExists(path)) !== text) await writeFileAtomically(path, text, 'mirror file');
}
