import { existsSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { parse } from 'smol-toml';
import { ARCHIVE_NOTICES } from './normalize/stub.js';
import { readSiteFile, withinRoot } from './site-front-matter.js';

/** The names a handbook's front page goes by, in the order a site generator or GitHub picks one. */
const FRONT_PAGES = ['index.md', 'index.mdx', '_index.md', 'README.md', 'readme.md'];
/** How far into the front page a notice about the whole handbook counts: it opens the page. */
const OPENING = 1200;

/** What a handbook's front page says of the whole handbook, when it says it is kept unchanged. */
export interface ArchiveNotice {
  /** The front page, from the lint root. */
  file: string;
  /** The words that say so. */
  quote: string;
}

/**
 * Whether the handbook's front page says the whole handbook is kept unchanged (archived, no longer maintained,
 * a history of the company at the time: ARCHIVE_NOTICES), read at its top. The front page is the lint root's
 * index or README, and an mdBook's (`book.toml`'s `src` folder, `src` by default) whose book is in the root.
 * A notice on any other page speaks for that page only (stub.ts reads it there).
 */
export function archiveNotice(root: string): ArchiveNotice | undefined {
  for (const folder of frontFolders(root))
    for (const name of FRONT_PAGES) {
      const file = join(folder, name);
      if (!existsSync(file)) continue;
      const opening = openingText(readSiteFile(file));
      for (const pattern of ARCHIVE_NOTICES) {
        const found = pattern.exec(opening);
        if (found) return { file: relative(root, file).split(sep).join(posix.sep), quote: found[0] };
      }
      // One front page a folder: the one its site shows.
      break;
    }
  return undefined;
}

/** The folders whose index is the handbook's front page. */
function frontFolders(root: string): string[] {
  const folders = [root];
  const book = join(root, 'book.toml');
  if (!existsSync(book)) return folders;
  let src: unknown = 'src';
  try {
    const settings = parse(readSiteFile(book)).book;
    if (settings && typeof settings === 'object' && 'src' in settings) src = settings.src;
  } catch {
    return folders;
  }
  const folder = typeof src === 'string' ? join(root, src) : undefined;
  if (folder !== undefined && folder !== root && withinRoot(root, folder)) folders.push(folder);
  return folders;
}

/** The page's first words as prose: no front matter, no emphasis, quote or heading marks, one space between words. */
function openingText(markdown: string): string {
  let text = markdown;
  if (text.startsWith('---')) {
    const end = text.indexOf('\n---', 3);
    if (end >= 0) text = text.slice(end + 4);
  }
  return text
    .slice(0, OPENING)
    .replace(/[*_>#`[\]]/g, '')
    .replace(/\s+/g, ' ');
}
