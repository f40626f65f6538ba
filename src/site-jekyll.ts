import { existsSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import {
  type FrontMatterEntry,
  readSiteFile,
  scanFrontMatter,
  trimSlashes,
  withinRoot,
} from './site-front-matter.js';
import { parseSiteYaml } from './yaml-depth.js';

/** `theme: just-the-docs`, or `remote_theme: just-the-docs/just-the-docs` (with or without `@version`). */
const JUST_THE_DOCS = /^(?:just-the-docs|just-the-docs\/just-the-docs(?:@[\w.-]+)?)$/;

function usesJustTheDocs(configFile: string): boolean {
  let config: unknown;
  try {
    // Not the library's check for keys written twice: quadratic in the keys, and its errors are ignored here.
    config = parseSiteYaml(readSiteFile(configFile));
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

/** Jekyll's config in `site`, read as YAML (an object), or `undefined` when there is none. */
export function jekyllConfig(site: string): Record<string, unknown> | undefined {
  const file = ['_config.yml', '_config.yaml'].map((name) => join(site, name)).find(existsSync);
  if (!file) return undefined;
  try {
    const config: unknown = parseSiteYaml(readSiteFile(file));
    return config && typeof config === 'object' && !Array.isArray(config)
      ? (config as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The `_` folders whose pages Jekyll writes out: `_posts`, each collection with `output: true` (under
 * `collections_dir` when set), and those `include:` names. Every other `_` folder or file is left out
 * of the site (drafts, data, templates).
 */
function publishedUnderscored(config: Record<string, unknown>): Set<string> {
  const dir = trimSlashes(text(config.collections_dir) ?? '');
  const within = (name: string) => (dir ? `${dir}/_${name}` : `_${name}`);
  const published = new Set([within('posts')]);
  const { collections, include } = config;
  if (collections && typeof collections === 'object' && !Array.isArray(collections))
    for (const [name, settings] of Object.entries(collections))
      if ((settings as { output?: unknown } | null)?.output === true) published.add(within(name));
  if (Array.isArray(include))
    for (const name of include) if (typeof name === 'string') published.add(trimSlashes(name));
  return published;
}

/**
 * Where a Jekyll site serves pages with a `permalink:` in their front matter (`permalink: /welcome.html`,
 * `/benefits/`), as file -> served path from the lint root: a handbook's home page links its chapters
 * by those URLs, not by their files (`_pages/01_welcome.md`). Only pages Jekyll writes out count (see
 * publishedUnderscored); a permalink built from placeholders (`/:title/`) names no one path and is left
 * out. `undefined` when `site` holds no `_config.yml`.
 */
export function jekyllPermalinks(root: string, site: string): Record<string, string> | undefined {
  const config = jekyllConfig(site);
  if (!config || !withinRoot(root, site)) return undefined;
  const published = publishedUnderscored(config);
  const served: Record<string, string> = {};
  for (const { file, data } of scanFrontMatter(site)) {
    const permalink = text(data.permalink);
    if (permalink === undefined || /[:?#]/.test(permalink) || data.published === false) continue;
    const parts = file.split('/');
    const hidden = parts.findIndex((part) => part.startsWith('_'));
    if (hidden >= 0 && !published.has(parts.slice(0, hidden + 1).join('/'))) continue;
    const path = posix.normalize(trimSlashes(permalink) || '.');
    const page = relative(root, join(site, file)).split(sep).join(posix.sep);
    if (path === '.' || path.startsWith('..') || page.startsWith('..') || isAbsolute(page)) continue;
    served[page] = relative(root, join(site, path)).split(sep).join(posix.sep);
  }
  return served;
}
