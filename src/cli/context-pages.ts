import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { matchesGlob } from '../glob.js';
import { indexesAbove } from '../platforms/markdown/page-tree.js';

/** Globs relative to the root: the config's pages (include, exclude) and those the run was given. */
interface PageGlobs {
  root: string;
  include: readonly string[];
  exclude: readonly string[];
  given: readonly string[];
}

/**
 * The folder indexes above the given pages (up to the site root) that were not given: a run on some
 * pages reads them for what the pages inherit, an owner named in the folder's README, so a pre-commit
 * hook judges a page as the run of the whole handbook does; they are never judged themselves.
 * `folders` are absolute; the indexes are relative posix paths.
 */
export function contextIndexes(folders: readonly string[], globs: PageGlobs): string[] {
  const matches = (file: string, list: readonly string[]) => list.some((glob) => matchesGlob(file, glob));
  const isPage = (file: string) =>
    !file.split('/').some((part) => part.startsWith('.')) &&
    matches(file, globs.include) &&
    !matches(file, globs.exclude) &&
    existsSync(join(globs.root, file));
  const found = new Set<string>();
  for (const folder of new Set(folders)) {
    const at = relative(globs.root, folder).split(sep).join('/') || '.';
    if (at === '..' || at.startsWith('../')) continue;
    for (const index of indexesAbove(at, isPage)) found.add(index);
  }
  return [...found].filter((file) => !matches(file, globs.given)).sort();
}
