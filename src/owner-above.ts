import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildPage } from './normalize/page.js';
import { firstAbove } from './site-book-above.js';
import { readSiteFile } from './site-front-matter.js';

/** The index pages a repository's host shows for a folder, whose owner its pages inherit. */
const INDEX_FILES = ['README.md', 'readme.md', 'index.md', '_index.md'];

/**
 * The owner the nearest folder index above the lint root names (its `Owner:` line, or "This handbook is
 * maintained by the Platform team." in the root `index.md`), up to four folders and not past the repository's
 * root: a run on `technical_standards/` inherits it as the run on the whole handbook does, where every page
 * of the sub-folder had no owner.
 */
export function ownerAbove(root: string): string | undefined {
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
    return page.owner;
  });
}
