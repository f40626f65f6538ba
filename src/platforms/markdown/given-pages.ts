import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A page's bytes from standard input, and when it changed if git has no commit for it: the run's
 * clock, since an editor sends the page as it is being edited. Bytes, not text: they are decoded as a
 * file's are (decode.ts), so a UTF-16 or Latin-1 page piped in is read or reported as it is on disk.
 */
export interface StdinText {
  bytes: Uint8Array;
  modified: Date;
}

/**
 * Of the files given on the command line (relative posix paths), those that are files: the pages of a
 * run on some files outside any handbook, listed without walking the folder around them (a home
 * folder, /tmp); the site looks their links up on disk instead (site-files.ts).
 */
export async function givenFiles(root: string, files: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    files.map(async (file) => ((await stat(join(root, file)).catch(() => undefined))?.isFile() ? file : '')),
  );
  return found.filter(Boolean);
}

/** The lists of a folder's files with the page from standard input at `file`: a page, never an asset. */
export function withStdinPage<T extends { pages: string[]; assets: string[] }>(scan: T, file: string): T {
  return {
    ...scan,
    assets: scan.assets.filter((asset) => asset !== file),
    pages: scan.pages.includes(file) ? scan.pages : [...scan.pages, file],
  };
}
