import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { type FrontMatterEntry, scanFrontMatter } from './site-front-matter.js';

/** `theme: just-the-docs`, or `remote_theme: just-the-docs/just-the-docs` (with or without `@version`). */
const JUST_THE_DOCS = /^(?:just-the-docs|just-the-docs\/just-the-docs(?:@[\w.-]+)?)$/;

function usesJustTheDocs(configFile: string): boolean {
  let config: unknown;
  try {
    config = parse(readFileSync(configFile, 'utf8'), { logLevel: 'silent' });
  } catch {
    return false;
  }
  if (!config || typeof config !== 'object') return false;
  const { theme, remote_theme: remote } = config as { theme?: unknown; remote_theme?: unknown };
  return [theme, remote].some((value) => typeof value === 'string' && JUST_THE_DOCS.test(value.trim()));
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * The pages just-the-docs' sidebar lists: it is built from front matter, not from links. Every page with
 * a `title` is in it but those with `nav_exclude: true`; a page with `parent: X` sits under the listed
 * page titled X (under the one whose own parent is its `grand_parent`, when it names one), and a page
 * whose parent is not listed is not shown. So with this theme a section's pages need no link.
 */
export function justTheDocsNavigation(root: string, site: string): string[] | undefined {
  const config = ['_config.yml', '_config.yaml'].map((name) => join(site, name)).find(existsSync);
  if (!config || !usesJustTheDocs(config)) return undefined;
  const entries = scanFrontMatter(site).filter(
    (entry) => text(entry.data.title) !== undefined && entry.data.nav_exclude !== true,
  );
  const byTitle = new Map<string, FrontMatterEntry[]>();
  for (const entry of entries) {
    const title = text(entry.data.title) as string;
    byTitle.set(title, [...(byTitle.get(title) ?? []), entry]);
  }
  const listed = new Map<FrontMatterEntry, boolean>();
  const isListed = (entry: FrontMatterEntry, seen: Set<FrontMatterEntry>): boolean => {
    const known = listed.get(entry);
    if (known !== undefined) return known;
    const parent = text(entry.data.parent);
    let result = parent === undefined;
    if (parent !== undefined && !seen.has(entry)) {
      const grandParent = text(entry.data.grand_parent);
      seen.add(entry);
      result = (byTitle.get(parent) ?? []).some(
        (candidate) =>
          candidate !== entry &&
          (grandParent === undefined || text(candidate.data.parent) === grandParent) &&
          isListed(candidate, seen),
      );
      seen.delete(entry);
    }
    listed.set(entry, result);
    return result;
  };
  const files: string[] = [];
  for (const entry of entries) {
    if (!isListed(entry, new Set())) continue;
    const file = relative(root, join(site, entry.file)).split(sep).join(posix.sep);
    if (!file.startsWith('..') && !isAbsolute(file)) files.push(file);
  }
  return files;
}
