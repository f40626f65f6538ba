import { existsSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { type FrontMatterEntry, readSiteFile, scanFrontMatter } from './site-front-matter.js';

/** `theme: just-the-docs`, or `remote_theme: just-the-docs/just-the-docs` (with or without `@version`). */
const JUST_THE_DOCS = /^(?:just-the-docs|just-the-docs\/just-the-docs(?:@[\w.-]+)?)$/;

function usesJustTheDocs(configFile: string): boolean {
  let config: unknown;
  try {
    // Not the library's check for keys written twice: quadratic in the keys, and its errors are ignored here.
    config = parse(readSiteFile(configFile), { logLevel: 'silent', uniqueKeys: false });
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
  // From the top-level pages down, breadth first: a chain of parents as long as the site is deep
  // never grows the stack.
  const children = new Map<string, FrontMatterEntry[]>();
  const listed: FrontMatterEntry[] = [];
  for (const entry of entries) {
    const parent = text(entry.data.parent);
    if (parent === undefined) listed.push(entry);
    else {
      const siblings = children.get(parent);
      if (siblings) siblings.push(entry);
      else children.set(parent, [entry]);
    }
  }
  const seen = new Set(listed);
  for (let index = 0; index < listed.length; index++) {
    const page = listed[index] as FrontMatterEntry;
    for (const child of children.get(text(page.data.title) as string) ?? []) {
      const grandParent = text(child.data.grand_parent);
      if (seen.has(child) || (grandParent !== undefined && text(page.data.parent) !== grandParent)) continue;
      seen.add(child);
      listed.push(child);
    }
  }
  const files: string[] = [];
  for (const entry of listed) {
    const file = relative(root, join(site, entry.file)).split(sep).join(posix.sep);
    if (!file.startsWith('..') && !isAbsolute(file)) files.push(file);
  }
  return files;
}
