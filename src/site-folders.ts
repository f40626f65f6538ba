import { posix } from 'node:path';
import type { Page } from './model/page.js';
import { addTo } from './push-all.js';

/**
 * The keys of the Markdown pages directly in each folder: what a folder's listing shows where no generator
 * serves the folder (GitHub's, for a link to `./chapters/`). Pages at the root are in no linked folder.
 */
export function pagesByFolder(pages: Iterable<Pick<Page, 'key' | 'source' | 'file'>>): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const page of pages)
    if (page.source === 'markdown' && page.file?.includes('/'))
      addTo(folders, posix.dirname(page.file), page.key);
  return folders;
}
