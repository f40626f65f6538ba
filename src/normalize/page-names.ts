/**
 * What a page's file name says of its place in a folder: named as the folder (its index), or numbered as a record.
 */

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdx']);

/**
 * A folder's index named for the folder with "index" before or after (`adrs/index_adrs.md`, `runbooks_index.md`):
 * MkDocs sites name each section's index so, to tell the tabs apart.
 */
const INDEX_AFFIX = /^index[-_](?=.)|[-_]index$/i;

/**
 * Whether the page is named as its folder, case and separators aside (`docs/adr/ADR.md`,
 * `guides/guides.md`, `adrs/index_adrs.md`); not a numbered name (`0001-x/0001-x.md` is the record of its
 * folder). A page at the lint root is named for the root's folder (`rootFolder`), as a run on the folder
 * above sees it.
 */
export function namedLikeFolder(path: string, rootFolder?: string): boolean {
  const parts = path.split('/');
  const file = parts.at(-1) ?? '';
  const dot = file.lastIndexOf('.');
  const folder = parts.length < 2 ? rootFolder : parts.at(-2);
  // A file's name only: a wiki page's breadcrumb ends in its title, with no extension.
  if (!folder || dot <= 0 || !MARKDOWN_EXTENSIONS.has(file.slice(dot).toLowerCase())) return false;
  const name = file.slice(0, dot);
  return !/^\d/.test(name) && folderKey(name.replace(INDEX_AFFIX, '')) === folderKey(folder);
}

/**
 * A file name that starts with a record's number, after a short prefix at most: `0001-x.md`, `DR_0001_x.md`,
 * and a project's and a kind's before it (`ccc-jb-009-x.md`), which a record that forgot its status keeps.
 */
export const NUMBERED_NAME = /^(?:[a-z]{1,4}[-_]?)?(?:[a-z]{1,4}[-_])?\d/i;

/** A folder name as folders are compared: `meeting_notes`, `Meeting Notes` and `meeting-notes` are one. */
export function folderKey(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '-');
}

/** A year's folder (`2025/`), as minutes and records kept per year are filed. */
const YEAR_FOLDER = /^(?:19|20)\d\d$/;

/**
 * The name of a run's root folder as a page's type reads it: a year's folder with its parent's name before it
 * (`meetings/2025`), so a run on one year of the minutes types them as a run on the whole folder does.
 */
export function typingFolderName(root: string): string {
  const parts = root.split(/[\\/]/).filter(Boolean);
  const name = parts.at(-1) ?? '';
  const parent = parts.at(-2);
  return YEAR_FOLDER.test(name) && parent ? `${parent}/${name}` : name;
}
