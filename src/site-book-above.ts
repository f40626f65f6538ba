import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { safeDecode } from './site-files.js';
import { readSiteFile, trimSlashes } from './site-front-matter.js';
import type { SiteNavigation } from './site-nav.js';

/** The navigation files GitBook (its table of contents) and docsify (its sidebar) read beside the book's root. */
const BOOK_FILES = ['SUMMARY.md', '_sidebar.md'];
/** How far above the lint root a book's navigation file is looked for, as MkDocs' config is. */
export const BOOK_LEVELS = 4;
/** A Markdown link's target, up to its anchor or query: one `](` each, so a long line is read once. Exported for the static ReDoS check. */
export const LINK_TARGET = /\]\(\s*<?([^)\s>#?]+)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The pages a GitBook's `SUMMARY.md` or a docsify sidebar above the lint root lists (a run on a book's
 * `process/company/`): the book's navigation reaches them as in a run on the whole book, where a
 * sub-folder linted alone had every page an orphan. A docsify link without extension is its `.md` file or
 * its folder's README. Stops at the repository's root (`.git`) and at a folder that has its own. One further
 * up than BOOK_LEVELS, below the repository's root, is told to `onNotice`, never read.
 */
export function bookNavigationAbove(
  root: string,
  onNotice?: (notice: string) => void,
): SiteNavigation | undefined {
  // A folder with a table of contents of its own is a book of its own.
  if (BOOK_FILES.some((name) => existsSync(join(root, name)))) return undefined;
  const bookFile = (folder: string) => BOOK_FILES.map((name) => join(folder, name)).find(existsSync);
  const found = firstAbove(root, 1, (folder) => {
    const file = bookFile(folder);
    return file === undefined ? undefined : { files: listedFiles(readSiteFile(file), folder, root) };
  });
  // Told only for a book that lists pages of this run's: a far SUMMARY.md of another book says nothing here.
  const lists = (folder: string) => {
    const file = bookFile(folder);
    return file && listedFiles(readSiteFile(file), folder, root).length ? file : undefined;
  };
  const far = found || !onNotice ? undefined : firstAbove(root, BOOK_LEVELS + 1, lists, Infinity);
  if (far !== undefined) {
    const name = relative(root, far).split(sep).join('/');
    onNotice?.(
      `${name} is more than ${BOOK_LEVELS} folders above the lint root: a book's navigation (GitBook's SUMMARY.md, docsify's _sidebar.md) is looked for ${BOOK_LEVELS} folders up, so it was not read, and the pages it lists here may be reported as orphans. Lint the book from a folder nearer to it.`,
    );
  }
  return found;
}

/** A repository's index pages, which its host shows below the folder's files. */
const INDEX_FILES = ['README.md', 'readme.md', 'index.md'];

/**
 * The pages under the lint root that the index page of a folder above links (a run on `files/` of a repository
 * whose README lists them): read on the repository's host, that index reaches them as in a run on the whole
 * repository, where a sub-folder linted alone had every page an orphan. The first index that links into the
 * lint root wins; the walk stops as `firstAbove`'s does, at the repository's root.
 */
export function indexAbove(root: string): SiteNavigation | undefined {
  return firstAbove(root, 1, (folder) => {
    const index = INDEX_FILES.map((name) => join(folder, name)).find(existsSync);
    const files = index === undefined ? [] : listedFiles(readSiteFile(index), folder, root);
    return files.length > 0 ? { files, partial: true, hostIndex: true } : undefined;
  });
}

/**
 * What `read` finds in the first folder above the lint root that has it, from `from` levels up to `levels`
 * (BOOK_LEVELS); none past the repository's root (`.git`) or the disk's.
 */
export function firstAbove<T>(
  root: string,
  from: number,
  read: (folder: string) => T | undefined,
  levels = BOOK_LEVELS,
): T | undefined {
  let folder = root;
  for (let level = 0; level < levels; level++) {
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return undefined;
    folder = dirname(folder);
    const found = level + 1 >= from ? read(folder) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The text without its HTML comments (an entry commented out of the book), one left open running to the end. */
function withoutComments(text: string): string {
  let kept = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
    kept += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return kept;
    from = close + 3;
  }
  return kept + text.slice(from);
}

/** The files a table of contents links, from the lint root (posix), in its order; a docsify link names two. */
export function listedFiles(text: string, book: string, root: string): string[] {
  const files: string[] = [];
  for (const match of withoutComments(text).matchAll(LINK_TARGET)) {
    // `pay%20rules.md` is the file `pay rules.md`, as the whole book's run resolves it.
    const target = safeDecode(match[1] as string);
    if (SCHEME.test(target)) continue;
    const path = trimSlashes(
      relative(root, join(book, trimSlashes(target)))
        .split(sep)
        .join('/'),
    );
    if (path === '' || path === '..' || path.startsWith('../') || isAbsolute(path)) continue;
    if (/\.(?:md|markdown)$/i.test(path)) files.push(path);
    else files.push(`${path}.md`, `${path}/README.md`);
  }
  return files;
}
