import { posix } from 'node:path';

/** An entry one folder holds for a rule judged folder by folder: the page's key, and whether it is a template. */
interface Entry {
  key: string;
  template?: true;
}

const MARKDOWN = 'markdown:';

/** The folder above a Markdown folder key (`markdown:docs/decisions/rebuild` -> `markdown:docs/decisions`); none for the root or a wiki. */
function parentFolder(folder: string): string | undefined {
  if (!folder.startsWith(MARKDOWN)) return undefined;
  const path = folder.slice(MARKDOWN.length);
  const parent = posix.dirname(path);
  return parent === path || parent === '.' ? undefined : `${MARKDOWN}${parent}`;
}

/**
 * Each folder's entries, with the template of the folder right above it when that folder holds a template
 * and no record, and the folder itself keeps no template: a team that keeps one template in its decisions
 * folder and its records in a folder per project below it (`decisions/decision.template.md`,
 * `decisions/rebuild/20200716-initial.md`) writes them from that template. Only a template page that
 * sits in that folder itself (not one a `templates/` folder below it gives it, which may be any kind of
 * page's), never the root's, and Markdown folders only: a wiki page's parent is no folder path.
 */
export function withParentTemplates<T extends Entry>(folders: ReadonlyMap<string, T[]>): Map<string, T[]> {
  const templates = new Map<string, T[]>();
  for (const [folder, entries] of folders) {
    const own = entries.filter(
      (entry) => entry.template && `${MARKDOWN}${posix.dirname(entry.key.slice(MARKDOWN.length))}` === folder,
    );
    if (own.length && own.length === entries.length) templates.set(folder, own);
  }
  if (!templates.size) return new Map(folders);
  const result = new Map<string, T[]>();
  for (const [folder, entries] of folders) {
    const above = parentFolder(folder);
    const inherited =
      above !== undefined && !entries.some((entry) => entry.template) ? templates.get(above) : undefined;
    result.set(folder, inherited ? [...entries, ...inherited] : entries);
  }
  return result;
}
