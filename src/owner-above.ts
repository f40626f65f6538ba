import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OWNER_SOURCES } from './normalize/fields.js';
import { buildPage } from './normalize/page.js';
import { BOOK_LEVELS, firstAbove } from './site-book-above.js';
import { readSiteFile } from './site-front-matter.js';

/** The index pages a repository's host shows for a folder, whose owner its pages inherit. */
const INDEX_FILES = ['README.md', 'readme.md', 'index.md', '_index.md'];

/**
 * The owner the nearest folder index above the lint root names (its `Owner:` line, or "This handbook is
 * maintained by the Platform team." in the root `index.md`), up to four folders and not past the repository's
 * root, and only inside a repository: a run on `technical_standards/` inherits it as the run on the whole handbook does, where every page
 * of the sub-folder had no owner.
 */
export function ownerAbove(root: string): string | undefined {
  // Outside a repository the folders above are the user's home and the disk's, no index of this handbook.
  if (!inRepository(root)) return undefined;
  return firstAbove(root, 1, (folder) => {
    const index = INDEX_FILES.map((name) => join(folder, name)).find(existsSync);
    if (index === undefined) return undefined;
    const file = basename(index);
    const page = buildPage(
      {
        source: 'markdown',
        id: file,
        url: index,
        path: file,
        file,
        markdown: readSiteFile(index),
        fallbackTitle: file,
      },
      () => undefined,
    );
    // A meta tag names a site's author, not the folder's owner (owners.ts's folder indexes refuse it too).
    return page.ownerSource === OWNER_SOURCES.metaTag ? undefined : page.owner;
  });
}

/** Whether a repository's root (`.git`) is at or within BOOK_LEVELS folders above `root`. */
function inRepository(root: string): boolean {
  let folder = root;
  for (let level = 0; level <= BOOK_LEVELS; level++) {
    if (existsSync(join(folder, '.git'))) return true;
    if (dirname(folder) === folder) return false;
    folder = dirname(folder);
  }
  return false;
}
