import { posix } from 'node:path';
import type { Page } from '../model/page.js';
import type { TypeMatcher } from '../normalize/doc-type.js';
import { folderKey } from '../normalize/page-names.js';
import { thenHolds } from './checks/conditional.js';
import type { ConditionalOptions } from './checks/conditional-options.js';
import { MIN_FOLDER_RECORDS } from './folder-sections.js';
import type { ActiveRule } from './load.js';
import { compileRuleRegex } from './regex.js';

const MARKDOWN = 'markdown:';

/**
 * The folder names that type the pages a rule applies to (`minutes/`, `actas/`, `reuniones/` for meeting notes):
 * a folder so named is the root of the tree the rule's records are kept in.
 */
export function typeFolderNames(
  rule: ActiveRule,
  documentTypes: Readonly<Record<string, TypeMatcher>>,
): Set<string> {
  const names = new Set<string>();
  for (const type of rule.appliesTo.types ?? []) {
    const matcher = documentTypes[type];
    for (const name of [...(matcher?.folders ?? []), ...(matcher?.datedFolders ?? [])])
      names.add(folderKey(name));
  }
  return names;
}

/** Whether a template page is the one a `conditional` rule's `unless-folder-template` names. */
export function namedTemplate(rule: ActiveRule, page: Page): boolean {
  const pattern = (rule.options as ConditionalOptions)['unless-folder-template'];
  if (!pattern) return false;
  const name = posix.basename(page.file ?? page.path);
  const re = compileRuleRegex(pattern, 'i');
  return re.test(name) || re.test(page.title);
}

/** Whether a template page leaves out what a `conditional` rule with `unless-folder-omits` asks for. */
export function conditionalOmits(rule: ActiveRule, page: Page): boolean {
  const opts = rule.options as ConditionalOptions;
  return opts['unless-folder-omits'] && !thenHolds(page, opts);
}

/** A page `unless-folder-template` names (`agenda.md`) in a meeting's own dated folder (`090120/`): the
 * report beside it has its agenda there, as beside a template. */
export function writtenApart(rule: ActiveRule, page: Page): boolean {
  const pattern = (rule.options as ConditionalOptions)['unless-folder-template'];
  const file = page.file ?? page.path;
  const re = pattern ? compileRuleRegex(pattern, 'i') : undefined;
  return !!re?.test(posix.basename(file)) && /\d{4}/.test(posix.basename(posix.dirname(file)));
}

/** The nearest Markdown folder at or above `folder` that `names` names, if any. */
function treeOf(folder: string, names: ReadonlySet<string>): string | undefined {
  if (!folder.startsWith(MARKDOWN)) return undefined;
  for (let path = folder.slice(MARKDOWN.length); path !== '.' && path !== '/'; path = posix.dirname(path))
    if (names.has(folderKey(posix.basename(path)))) return `${MARKDOWN}${path}`;
  return undefined;
}

/**
 * The entries of the folders below one named for the rule's records, gathered per such folder: a working group
 * that splits its minutes into a folder per group (`minutes/security/`, `minutes/packaging/2024.07/`) of one or two
 * pages each keeps one convention for the whole tree. Folders under no such folder are in none.
 */
export function byRecordsTree<T>(
  folders: ReadonlyMap<string, T[]>,
  names: ReadonlySet<string>,
): Map<string, T[]> {
  const trees = new Map<string, T[]>();
  for (const [folder, entries] of folders) {
    const tree = treeOf(folder, names);
    if (tree === undefined) continue;
    const list = trees.get(tree);
    if (list) for (const entry of entries) list.push(entry);
    else trees.set(tree, [...entries]);
  }
  return trees;
}

/** An entry of a folder for a `conditional` rule: the page's key, whether it is a template, whether the rule holds. */
interface Entry {
  key: string;
  template?: true;
  writes: readonly string[];
}

/**
 * Adds the keys of a folder's records when the folder keeps the template its `unless-folder-template` names (a
 * template record that holds), or when its rule holds on none of its records and they are three or more, or, in a
 * folder of the records' tree (`named`), follow a template of theirs that leaves it out too (one that does not).
 */
function omittedByFolder(folder: readonly Entry[], keys: Set<string>, named = false): void {
  const records = folder.filter((record) => !record.template);
  const templates = folder.filter((record) => record.template);
  const apart = templates.some((template) => template.writes.length > 0);
  const omits = named && templates.some((template) => template.writes.length === 0);
  const none = !records.some((record) => record.writes.length > 0);
  if (apart || (none && (omits || records.length >= MIN_FOLDER_RECORDS)))
    for (const record of records) keys.add(record.key);
}

/**
 * Adds the keys of the records a `conditional` rule judged per folder does not ask, folder by folder and then per
 * tree below a folder named for its records (byRecordsTree): its records only, not its folders' templates. A folder
 * with a page that could not be read is judged by neither, nor is its tree.
 */
export function omittedByTree(
  placed: ReadonlyMap<string, Entry[]>,
  names: ReadonlySet<string>,
  unread: ReadonlySet<string>,
  keys: Set<string>,
): void {
  for (const [folder, records] of placed)
    if (!unread.has(folder)) omittedByFolder(records, keys, treeOf(folder, names) !== undefined);
  const readable = new Map([...placed].filter(([folder]) => !unread.has(folder)));
  const unreadTrees = new Set(
    byRecordsTree(new Map([...unread].map((folder) => [folder, []])), names).keys(),
  );
  for (const [tree, entries] of byRecordsTree(readable, names))
    if (!unreadTrees.has(tree))
      omittedByFolder(
        entries.filter((entry) => !entry.template),
        keys,
      );
}
