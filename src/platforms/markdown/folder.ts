import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { HandbookLintError } from '../../errors.js';
import { matchesGlob } from '../../glob.js';
import type { Field, Page } from '../../model/page.js';
import { DEFAULT_PAGE_BUDGET } from '../../normalize/budget.js';
import type { RecordTemplateMark, TypeClassifier } from '../../normalize/doc-type.js';
import { fallbackTitle } from '../../normalize/index-pages.js';
import { buildPage, type PageInput, unreadablePage } from '../../normalize/page.js';
import { typingFolderName } from '../../normalize/page-names.js';
import { pushAll } from '../../push-all.js';
import { bookFrontPage } from '../../site-book-front.js';
import { htmlBlocksToClosingTag } from '../../site-generators.js';
import { readCodeowners } from './codeowners.js';
import { gitCommitTimes, shallowHistory } from './git-times.js';
import { givenFiles, type StdinText, withStdinPage } from './given-pages.js';
import { sortLinks, UNWALKED } from './linked-files.js';
import { errorCode, fromDisk, fromStdin } from './page-text.js';
import { parentOf } from './page-tree.js';
import { recordTemplateMarks } from './record-templates.js';
import { planSidePages } from './side-pages.js';
import { DEFAULT_SIDECAR_FILES, planSidecars, readSidecarFields, refusedSidecars } from './sidecar.js';
import { unreadMdx } from './unread-mdx.js';

/** Where a Markdown handbook lives and which files belong to it. */
export interface MarkdownSourceOptions {
  root: string;
  include: readonly string[];
  exclude: readonly string[];
  /** Metadata files whose fields belong to the page beside them (default: kep.yaml, metadata.yaml). */
  sidecarFiles?: readonly string[];
  /**
   * One page read from standard input, at `file` (relative posix path): a page whatever `include`
   * says, its text in place of any file on disk there.
   */
  stdin?: { file: string } & StdinText;
  /** Just these files (relative posix paths) are listed, without walking the root (given-pages.ts). */
  only?: readonly string[];
  /** The config file that names this folder, if any. */
  configFile?: string;
}

/** A folder of the handbook that could not be listed, relative to the root (posix), and why. */
export interface UnreadableFolder {
  path: string;
  reason: string;
}

/** The files of a handbook folder: pages to lint and other files (images, PDFs) that links may point to. */
export interface FolderScan {
  pages: string[];
  assets: string[];
  /** Sub-folders the walk could not list; their pages are unknown, so they are reported unreadable. */
  unreadable: UnreadableFolder[];
  /** Symbolic links (among the assets) that are other names for a page, with that page's file. */
  aliases?: Map<string, string>;
}

/** What an unreadable root most often means to whoever configured it. */
const ROOT_HINTS: Record<string, string> = {
  ENOENT: ' (no such folder: check sources.markdown.root, a path from the config file’s folder)',
  ENOTDIR: ' (a file: sources.markdown.root names a folder)',
};

/**
 * Walks the handbook folder once (relative posix paths), skipping node_modules and .git; sorted for stable
 * output. Folder by folder rather than `readdir(recursive)`, which fails whole on the first sub-folder
 * it cannot list: such a folder is recorded and the walk goes on. Only an unreadable root is an error.
 */
export async function scanMarkdownFolder(options: MarkdownSourceOptions): Promise<FolderScan> {
  let scan: FolderScan = {
    pages: options.only ? await givenFiles(options.root, options.only) : [],
    assets: [],
    unreadable: [],
  };
  const folders = options.only ? [] : [''];
  const links: string[] = [];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const entries = await readdir(join(options.root, folder), { withFileTypes: true }).catch(
      (error: unknown) => {
        if (!folder) {
          const code = errorCode(error);
          throw new HandbookLintError(
            'SOURCE_NOT_FOUND',
            `Cannot read handbook folder ${options.root}: ${code}${ROOT_HINTS[code] ?? ''}`,
          );
        }
        scan.unreadable.push({ path: folder, reason: `cannot read folder: ${errorCode(error)}` });
        return [];
      },
    );
    for (const entry of entries) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!UNWALKED.has(entry.name)) folders.push(relative);
        continue;
      }
      if (entry.isSymbolicLink()) links.push(relative);
      if (!entry.isFile()) continue;
      (isPage(options, relative) ? scan.pages : scan.assets).push(relative);
    }
  }
  const excluded = (file: string) => options.exclude.some((glob) => matchesGlob(file, glob));
  const linked = await sortLinks(options.root, links, new Set(scan.pages), {
    page: (file) => isPage(options, file),
    excluded,
  });
  pushAll(scan.pages, linked.pages);
  pushAll(scan.assets, linked.assets);
  if (linked.aliases.size) scan.aliases = linked.aliases;
  // Piped in under a name the config excludes (an editor sends any file): left out, as that file is.
  if (options.stdin && !excluded(options.stdin.file)) scan = withStdinPage(scan, options.stdin.file);
  scan.pages.sort();
  scan.assets.sort();
  scan.unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return scan;
}

/** Whether a file of the walk is a page: files in dot folders (.github) never are, but links may point at them. */
function isPage(options: MarkdownSourceOptions, relative: string): boolean {
  return (
    !relative.split('/').some((part) => part.startsWith('.')) &&
    options.include.some((glob) => matchesGlob(relative, glob)) &&
    !options.exclude.some((glob) => matchesGlob(relative, glob))
  );
}

/** One file to read, with what only a view of the whole folder knows: its git time and parent page. */
export interface MarkdownTask {
  file: string;
  committedAt?: Date;
  parent?: string;
  /** The metadata file beside the page that supplies its fields. */
  sidecar?: string;
  /** The fields the record's side page gives it (`0012D-use-x.md` beside `0012-use-x.md`: side-pages.ts). */
  sideFields?: Record<string, Field>;
  /** The page's owners by CODEOWNERS, for a page that names none. */
  codeowner?: string;
  /** Set for a sub-folder the walk could not list (`file` is the folder, ending in `/`): nothing to read. */
  unreadable?: string;
  /** The page's text when it came from standard input rather than the file. */
  stdin?: StdinText;
  /** The book's front page by another name than an index's (`intro.md` first in an mdBook's SUMMARY.md). */
  index?: true;
  /** How a record template (`0000-template.md`) stands to the page: see recordTemplateMarks. */
  recordTemplate?: RecordTemplateMark;
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
  const front = bookFrontPage(options.root);
  const templates = recordTemplateMarks(scan.pages);
  const sides = planSidePages(options.root, scan.pages);
  // A side page is its record's metadata, read into the record and not linted (markdownCrawl lists it a file).
  const sidePages = new Set([...sides.values()].map((side) => side.side));
  const pages = scan.pages
    .filter((file) => !sidePages.has(file))
    .map((file) => {
      const committedAt = commitTimes.get(file);
      const parent = parentOf(file, fileSet);
      const sidecar = sidecars.get(file);
      const sideFields = sides.get(file)?.fields;
      const codeowner = codeowners?.(file);
      const stdin = options.stdin?.file === file ? options.stdin : undefined;
      const recordTemplate = templates(file);
      return {
        file,
        ...(committedAt ? { committedAt } : {}),
        ...(parent ? { parent: `markdown:${parent}` } : {}),
        ...(sidecar ? { sidecar } : {}),
        ...(sideFields ? { sideFields } : {}),
        ...(codeowner ? { codeowner } : {}),
        ...(stdin ? { stdin: { bytes: stdin.bytes, modified: stdin.modified } } : {}),
        ...(file === front ? { index: true as const } : {}),
        ...(recordTemplate ? { recordTemplate } : {}),
      };
    });
  const folders = scan.unreadable.map((folder) => ({ file: `${folder.path}/`, unreadable: folder.reason }));
  return [...pages, ...folders];
}

/** Where pages are read from, the size over which a file is listed unreadable instead of read, and whether
 * Jekyll or Docusaurus builds them (then indented HTML in a layout element is HTML: normalize/links.ts). */
export interface MarkdownReadOptions {
  root: string;
  maxPageBytes?: number;
  htmlToClosingTag?: boolean;
}

/**
 * Reads one Markdown file into a Page; the edit date falls back from front matter to git time to file
 * time. A file that cannot be read (EACCES), is over the page budget or that the parser fails on
 * becomes an unreadable page with the reason: one file never ends the run.
 */
export async function readMarkdownPage(
  source: MarkdownReadOptions,
  task: MarkdownTask,
  classify: TypeClassifier,
): Promise<Page> {
  const budget = {
    ...DEFAULT_PAGE_BUDGET,
    ...(source.maxPageBytes ? { maxBytes: source.maxPageBytes } : {}),
  };
  const input: PageInput = {
    source: 'markdown',
    id: task.file,
    url: task.file,
    path: task.file,
    file: task.file,
    markdown: '',
    fallbackTitle: fallbackTitle(task.file),
    typingFolder: typingFolderName(resolve(source.root)),
    ...(task.committedAt ? { updatedAt: task.committedAt } : {}),
    ...(task.parent ? { parent: task.parent } : {}),
    ...(task.codeowner ? { owner: task.codeowner, ownerSource: 'codeowners' } : {}),
    ...(source.htmlToClosingTag ? { htmlToClosingTag: true } : {}),
    ...(task.index ? { declaredType: 'index' } : {}),
    ...(task.recordTemplate ? { recordTemplate: task.recordTemplate } : {}),
  };
  if (task.unreadable) return unreadablePage(input, task.unreadable, classify);
  const text =
    task.stdin !== undefined
      ? fromStdin(task.stdin, budget.maxBytes)
      : await fromDisk(source.root, task, budget.maxBytes);
  if ('reason' in text) return unreadablePage(input, text.reason, classify);
  const sidecar = task.sidecar ? await readSidecarFields(source.root, task.sidecar) : {};
  const sidecarFields = { ...task.sideFields, ...sidecar };
  return buildPage(
    {
      ...input,
      markdown: text.markdown,
      ...(text.problem ? { problems: [text.problem] } : {}),
      ...(task.committedAt ? {} : { modifiedAt: text.modified }),
      ...(Object.keys(sidecarFields).length ? { sidecarFields } : {}),
    },
    classify,
    budget,
  );
}

/** A Markdown file to read, with everything the reading needs: plain data for a worker thread. */
export interface MarkdownRaw extends MarkdownReadOptions {
  source: 'markdown';
  task: MarkdownTask;
}

/** A raw Markdown page as a Page: the file is read where this runs. */
export function toPage(raw: MarkdownRaw, classify: TypeClassifier): Promise<Page> {
  return readMarkdownPage(raw, raw.task, classify);
}

/** A folder's crawl: a raw page per file (nothing read yet), counted up front, and the other files, which links may point at. */
export async function markdownCrawl(options: MarkdownSourceOptions & { maxPageBytes?: number }): Promise<{
  pages: AsyncIterable<MarkdownRaw>;
  total: number;
  assets: string[];
  aliases?: Map<string, string>;
  notices?: string[];
}> {
  const scan = await scanMarkdownFolder(options);
  const tasks = await markdownTasks(options, scan);
  const read = {
    root: options.root,
    ...(options.maxPageBytes ? { maxPageBytes: options.maxPageBytes } : {}),
    ...(htmlBlocksToClosingTag(options.root) ? { htmlToClosingTag: true } : {}),
  };
  async function* pages(): AsyncIterable<MarkdownRaw> {
    for (const task of tasks) yield { source: 'markdown', ...read, task };
  }
  const sidecars = tasks.flatMap((task) => (task.sidecar ? [task.sidecar] : []));
  // Side pages read into their records are files links may point at.
  const linted = new Set(tasks.map((task) => task.file));
  const notices = [
    ...(options.only ? [] : unreadMdx(scan.assets, options.exclude, options.configFile)),
    ...refusedSidecars(options.root, sidecars),
    ...(await shallowHistory(options.root)),
  ];
  return {
    pages: pages(),
    total: tasks.length,
    assets: [...scan.assets, ...scan.pages.filter((file) => !linted.has(file))],
    ...(scan.aliases ? { aliases: scan.aliases } : {}),
    ...(notices.length ? { notices } : {}),
  };
}

/** Crawls a Markdown folder in this thread: one Page per file. */
export async function* crawlMarkdown(
  options: MarkdownSourceOptions & { maxPageBytes?: number },
  classify: TypeClassifier,
): AsyncIterable<Page> {
  for await (const raw of (await markdownCrawl(options)).pages) yield await toPage(raw, classify);
}
