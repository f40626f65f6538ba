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

/** The parent of a file in the folder hierarchy: its folder's index page, or for an index page, the folder above's. */
export function parentOf(file: string, files: ReadonlySet<string>): string | undefined {
  let folder = posix.dirname(file);
  if (INDEX_NAMES.includes(posix.basename(file))) {
    if (folder === '.') return undefined;
    folder = posix.dirname(folder);
  }
  for (;;) {
    for (const name of INDEX_NAMES) {
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
