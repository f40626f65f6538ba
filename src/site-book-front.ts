import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { listedFiles } from './site-book-above.js';
import { readSiteFile, withinRoot } from './site-front-matter.js';

/**
 * The page a book's table of contents lists first (an mdBook's `SUMMARY.md` in `book.toml`'s `src` folder,
 * `src` by default, or the `SUMMARY.md` in the lint root): the book's front page, which mdBook serves as its
 * `index.html` whatever the file's name (`[Introduction](./intro.md)`). Relative to the lint root.
 */
export function bookFrontPage(root: string): string | undefined {
  const folder = bookSource(root);
  const summary = folder === undefined ? undefined : join(folder, 'SUMMARY.md');
  if (summary === undefined || !existsSync(summary)) return undefined;
  return listedFiles(readSiteFile(summary), folder as string, root)[0];
}

/**
 * The folder of the book's `SUMMARY.md`: `book.toml`'s `src`, or the root when it has no `book.toml`; none
 * when `book.toml` is unreadable or its `src` leaves the root.
 */
export function bookSource(root: string): string | undefined {
  const book = join(root, 'book.toml');
  if (!existsSync(book)) return root;
  try {
    const src = parse(readSiteFile(book)).book;
    const folder = src && typeof src === 'object' && 'src' in src ? src.src : 'src';
    return typeof folder === 'string' && withinRoot(root, join(root, folder))
      ? join(root, folder)
      : undefined;
  } catch {
    return undefined;
  }
}
