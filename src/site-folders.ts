import { posix } from 'node:path';
import type { Page } from './model/page.js';
import { addTo } from './push-all.js';
import type { Resolution } from './site-files.js';

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

/**
 * The pages a resolved link leads to: its page, or the pages a folder's listing shows (`folders`, from
 * pagesByFolder), as a reader who follows the link to `./chapters/` sees them one click away on GitHub.
 */
export function linkedPages(
  resolution: Resolution | undefined,
  folders: ReadonlyMap<string, readonly string[]>,
): readonly string[] {
  const target = resolution?.target;
  if (!target) return [];
  if (resolution.kind === 'page') return [target];
  return resolution.kind === 'asset' ? (folders.get(target) ?? []) : [];
}
