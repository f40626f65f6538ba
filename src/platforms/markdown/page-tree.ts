import { basename, extname, posix } from 'node:path';

/**
 * File names that make a folder's index page, in order of preference (`index.html.md(.erb)`: Middleman's,
 * as the Tech Docs Template names them; `index.mdx`: Docusaurus', Gatsby's and Nextra's MDX pages).
 */
const INDEX_NAMES = [
  'index.md',
  'README.md',
  '_index.md',
  'readme.md',
  'index.markdown',
  'index.html.md',
  'index.html.md.erb',
  'index.mdx',
];

/**
 * A page's language as Hugo and i18n plugins suffix its file (`page.es.md`, `README.pt-BR.md`, `_index.zh-Hans.md`):
 * two letters, with a region or a script; other suffixes (`README.draft.md`) are part of a page's name.
 */
const LOCALE_SUFFIX = /\.([a-z]{2}(?:[-_][A-Za-z]{2}|-[A-Z][a-z]{3})?)\.md$/;
/** The index names a folder's index has in one language: Hugo lists a section on its `_index.es.md` as on `_index.md`. */
const LOCALE_INDEX = /^(?:index|README|readme|_index)\.[a-z]{2}(?:[-_][A-Za-z]{2}|-[A-Z][a-z]{3})?\.md$/;

/** Whether a file name is a folder's index translated into one language (`_index.es.md`, not `notes.es.md`). */
export function isLocaleIndex(name: string): boolean {
  return LOCALE_INDEX.test(name);
}

/** Whether a file is a Hugo section's page (`_index.md`, or in one language `_index.es.md`), which lists the section. */
export function isHugoSection(file: string | undefined): boolean {
  const name = file === undefined ? '' : posix.basename(file);
  return name === '_index.md' || (name.startsWith('_index.') && isLocaleIndex(name));
}

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

/** A title for a page with neither front matter title nor H1: the file name, or the folder name for an index page. */
export function fallbackTitle(file: string): string {
  const name = basename(file, extname(file));
  if (!INDEX_NAMES.includes(basename(file))) return name;
  const folder = posix.basename(posix.dirname(file));
  return folder === '.' ? name : folder;
}
