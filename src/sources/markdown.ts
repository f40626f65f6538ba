import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, posix, sep } from 'node:path';
import { HandbookLintError } from '../errors.js';
import { matchesGlob } from '../glob.js';
import type { Page } from '../model/page.js';
import type { TypeClassifier } from '../normalize/doc-type.js';
import { buildPage } from '../normalize/page.js';
import { readCodeowners } from './codeowners.js';
import { gitCommitTimes } from './git-times.js';
import { DEFAULT_SIDECAR_FILES, planSidecars, readSidecarFields } from './sidecar.js';

/** Where a Markdown handbook lives and which files belong to it. */
export interface MarkdownSourceOptions {
  root: string;
  include: readonly string[];
  exclude: readonly string[];
  /** Metadata files whose fields belong to the page beside them (default: kep.yaml, metadata.yaml). */
  sidecarFiles?: readonly string[];
}

/** File names that make a folder's index page, in order of preference. */
const INDEX_NAMES = ['index.md', 'README.md', '_index.md', 'readme.md', 'index.markdown'];

/** The files of a handbook folder: pages to lint and other files (images, PDFs) that links may point to. */
export interface FolderScan {
  pages: string[];
  assets: string[];
}

/** Walks the handbook folder once (relative posix paths), skipping dot folders and node_modules; sorted for stable output. */
export async function scanMarkdownFolder(options: MarkdownSourceOptions): Promise<FolderScan> {
  const entries = await readdir(options.root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new HandbookLintError(
        'SOURCE_NOT_FOUND',
        `Cannot read handbook folder ${options.root}: ${error.code ?? error.message}`,
      );
    },
  );
  const scan: FolderScan = { pages: [], assets: [] };
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = join(entry.parentPath, entry.name)
      .slice(options.root.length + 1)
      .split(sep)
      .join('/');
    if (relative.split('/').includes('node_modules')) continue;
    // Files in dot folders (.github) are never pages, but links may point at them.
    const hidden = relative.split('/').some((part) => part.startsWith('.'));
    const isPage =
      !hidden &&
      options.include.some((glob) => matchesGlob(relative, glob)) &&
      !options.exclude.some((glob) => matchesGlob(relative, glob));
    (isPage ? scan.pages : scan.assets).push(relative);
  }
  scan.pages.sort();
  scan.assets.sort();
  return scan;
}

/** The page files of a handbook folder. */
export async function listMarkdownFiles(options: MarkdownSourceOptions): Promise<string[]> {
  return (await scanMarkdownFolder(options)).pages;
}

/** The parent of a file in the folder hierarchy: its folder's index page, or for an index page, the folder above's. */
export function parentOf(file: string, files: ReadonlySet<string>): string | undefined {
  let folder = posix.dirname(file);
  if (INDEX_NAMES.includes(posix.basename(file))) {
    if (folder === '.') return undefined;
    folder = posix.dirname(folder);
  }
  for (;;) {
    for (const name of INDEX_NAMES) {
      const candidate = folder === '.' ? name : `${folder}/${name}`;
      if (candidate !== file && files.has(candidate)) return candidate;
    }
    if (folder === '.') return undefined;
    folder = posix.dirname(folder);
  }
}

/** A title for a page with neither front matter title nor H1: the file name, or the folder name for an index page. */
function fallbackTitle(file: string): string {
  const name = basename(file, extname(file));
  if (!INDEX_NAMES.includes(basename(file))) return name;
  const folder = posix.basename(posix.dirname(file));
  return folder === '.' ? name : folder;
}

/** One file to read, with what only a view of the whole folder knows: its git time and parent page. */
export interface MarkdownTask {
  file: string;
  committedAt?: Date;
  parent?: string;
  /** The metadata file beside the page that supplies its fields. */
  sidecar?: string;
  /** The page's owners by CODEOWNERS, for a page that names none. */
  codeowner?: string;
}

/** Plans the crawl of a folder: one task per page file, with git commit times read in one call. */
export async function markdownTasks(
  options: MarkdownSourceOptions,
  scan: FolderScan,
): Promise<MarkdownTask[]> {
  const fileSet = new Set(scan.pages);
  const commitTimes = await gitCommitTimes(options.root);
  const sidecars = planSidecars(scan.pages, scan.assets, options.sidecarFiles ?? DEFAULT_SIDECAR_FILES);
  const codeowners = await readCodeowners(options.root, new Set(scan.assets));
  return scan.pages.map((file) => {
    const committedAt = commitTimes.get(file);
    const parent = parentOf(file, fileSet);
    const sidecar = sidecars.get(file);
    const codeowner = codeowners?.(file);
    return {
      file,
      ...(committedAt ? { committedAt } : {}),
      ...(parent ? { parent: `markdown:${parent}` } : {}),
      ...(sidecar ? { sidecar } : {}),
      ...(codeowner ? { codeowner } : {}),
    };
  });
}

/** Reads one Markdown file into a Page; the edit date falls back from front matter to git time to file time. */
export async function readMarkdownPage(
  root: string,
  task: MarkdownTask,
  classify: TypeClassifier,
): Promise<Page> {
  const absolute = join(root, task.file);
  const markdown = await readFile(absolute, 'utf8');
  const updatedAt = task.committedAt ?? (await stat(absolute)).mtime;
  const sidecarFields = task.sidecar ? await readSidecarFields(root, task.sidecar) : undefined;
  return buildPage(
    {
      source: 'markdown',
      id: task.file,
      url: task.file,
      path: task.file,
      file: task.file,
      markdown,
      fallbackTitle: fallbackTitle(task.file),
      updatedAt,
      ...(task.parent ? { parent: task.parent } : {}),
      ...(sidecarFields ? { sidecarFields } : {}),
      ...(task.codeowner ? { owner: task.codeowner, ownerSource: 'codeowners' } : {}),
    },
    classify,
  );
}

/** Crawls a Markdown folder in this thread: one Page per file. */
export async function* crawlMarkdown(
  options: MarkdownSourceOptions,
  classify: TypeClassifier,
  scan?: FolderScan,
): AsyncIterable<Page> {
  const tasks = await markdownTasks(options, scan ?? (await scanMarkdownFolder(options)));
  for (const task of tasks) yield await readMarkdownPage(options.root, task, classify);
}
