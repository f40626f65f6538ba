import { posix } from 'node:path';
import { INDEX_NAMES, isLocaleIndex } from '../../normalize/index-pages.js';

/**
 * A page's language as Hugo and i18n plugins suffix its file (`page.es.md`, `README.pt-BR.md`, `_index.zh-Hans.md`):
 * two letters, with a region or a script; other suffixes (`README.draft.md`) are part of a page's name.
 */
const LOCALE_SUFFIX = /\.([a-z]{2}(?:[-_][A-Za-z]{2}|-[A-Z][a-z]{3})?)\.md$/;

/** Whether a file name names its folder's index page, in the site's language or in one of its translations. */
function isIndexName(name: string): boolean {
  return INDEX_NAMES.includes(name) || isLocaleIndex(name);
}

/**
 * The parent of a file in the folder hierarchy: its folder's index page, or for an index page, the folder above's.
 * A page in one language (`page.es.md`) belongs under its own language's index first, as Hugo lists it there.
 */
export function parentOf(file: string, files: ReadonlySet<string>): string | undefined {
  let folder = posix.dirname(file);
  if (isIndexName(posix.basename(file))) {
    if (folder === '.') return undefined;
    folder = posix.dirname(folder);
  }
  const locale = LOCALE_SUFFIX.exec(posix.basename(file))?.[1];
  const names = locale
    ? [
        ...INDEX_NAMES.map((name) => name.replace(/\.md$/, `.${locale}.md`)).filter(isLocaleIndex),
        ...INDEX_NAMES,
      ]
    : INDEX_NAMES;
  for (;;) {
    for (const name of names) {
      const candidate = folder === '.' ? name : `${folder}/${name}`;
      if (candidate !== file && files.has(candidate)) return candidate;
    }
    if (folder === '.') return undefined;
    folder = posix.dirname(folder);
  }
}

/**
 * The index pages of `folder` and of each folder above it up to the root, as `parentOf` finds them:
 * the first name of each that `isPage` takes. A page inherits from these (its owner).
 */
export function indexesAbove(folder: string, isPage: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (let at = folder; ; at = posix.dirname(at)) {
    const index = INDEX_NAMES.map((name) => (at === '.' ? name : `${at}/${name}`)).find(isPage);
    if (index) found.push(index);
    if (at === '.') return found;
  }
}
