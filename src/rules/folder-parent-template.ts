import { posix } from 'node:path';

/**
 * An entry one folder holds for a rule judged folder by folder: the page's key, whether it is a template,
 * and what of the rule's fields or sections it writes.
 */
interface Entry {
  key: string;
  template?: true;
  writes: readonly string[];
  familyWrites?: readonly string[];
}

const MARKDOWN = 'markdown:';

/**
 * A template file named for a decision record (`decision.template.md`, `adr-template.md`, `TEMPLATE-RFC.md`), or
 * numbered as the record before the first (`0000-template.md`, an RFC repository's).
 */
const DECISION_NAME = /(?:^|[^a-z])(?:adr|decision|rfc)|^0+[-_]template\./i;

/**
 * Whether a template of the folder above is one of the rule's records' family: it writes one of the
 * rule's fields or sections, or its name says it is a decision record's. A meeting-notes template beside
 * `adr/` writes no Status: taken for the records' template, it dropped "status missing" on each of them.
 */
function ofRecordsFamily(entry: Entry): boolean {
  return (
    entry.writes.length > 0 ||
    (entry.familyWrites?.length ?? 0) > 0 ||
    DECISION_NAME.test(posix.basename(entry.key.replace(MARKDOWN, '')))
  );
}

/**
 * The folder Rust-style RFC repositories keep their records in, with `0000-template.md` at the repository's root
 * (rust-lang/rfcs and the processes copied from it: Vue's, Lemmy's), or in the plural (`texts/`, a student team's).
 */
const RFC_TEXT_FOLDERS = ['text', 'texts'];

/**
 * The folder above a Markdown folder key (`markdown:docs/decisions/rebuild` -> `markdown:docs/decisions`); none
 * for a wiki, nor the root, except for the RFC layout's `text/` (its template is the root's) and, for a rule's
 * sections (`anyTop`), any top-level folder: an RFC repository that keeps its records in `RFCs/` writes their
 * headings from the root's template, whether or not it asks the template's fields.
 */
function parentFolder(folder: string, anyTop: boolean): string | undefined {
  if (!folder.startsWith(MARKDOWN)) return undefined;
  const path = folder.slice(MARKDOWN.length);
  const parent = posix.dirname(path);
  if (parent === '.') return anyTop || RFC_TEXT_FOLDERS.includes(path) ? `${MARKDOWN}.` : undefined;
  return parent === path ? undefined : `${MARKDOWN}${parent}`;
}

/**
 * Each folder's entries, with the template of the folder right above it when that folder holds a template
 * and no record, and the folder itself keeps no template: a team that keeps one template in its decisions
 * folder and its records in a folder per project below it (`decisions/decision.template.md`,
 * `decisions/rebuild/20200716-initial.md`) writes them from that template. Only a template page that
 * sits in that folder itself (not one a `templates/` folder below it gives it, which may be any kind of
 * page's), never the root's but to an RFC repository's `text/` (or, `anyTop`, to any top-level folder), and
 * Markdown folders only: a wiki page's
 * parent is no folder path. Only a template of the records' family (ofRecordsFamily) is handed down.
 */
export function withParentTemplates<T extends Entry>(
  folders: ReadonlyMap<string, T[]>,
  anyTop = false,
): Map<string, T[]> {
  const templates = new Map<string, T[]>();
  for (const [folder, entries] of folders) {
    const own = entries.filter(
      (entry) => entry.template && `${MARKDOWN}${posix.dirname(entry.key.slice(MARKDOWN.length))}` === folder,
    );
    const family = own.filter(ofRecordsFamily);
    if (family.length && own.length === entries.length) templates.set(folder, family);
  }
  if (!templates.size) return new Map(folders);
  const result = new Map<string, T[]>();
  for (const [folder, entries] of folders) {
    const above = parentFolder(folder, anyTop);
    const inherited =
      above !== undefined && !entries.some((entry) => entry.template) ? templates.get(above) : undefined;
    result.set(folder, inherited ? [...entries, ...inherited] : entries);
  }
  return result;
}
