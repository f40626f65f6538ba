import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { DepthStop, MAX_FOLDER_DEPTH, readSiteFile, trimSlashes, withinRoot } from './site-front-matter.js';
import type { SiteNavigation } from './site-nav.js';
import { parseSiteYaml } from './yaml-depth.js';

export const MKDOCS_FILES = ['mkdocs.yml', 'mkdocs.yaml'];

/** How many folders above the lint root's parent an `mkdocs.yml` is looked for (`docs/guides/setup/`). */
const MKDOCS_LEVELS = 6;

/**
 * An `mkdocs.yml` further up than the folder above the lint root (which is one of the `siteFolders`, read
 * already): the site a run on one of its sections (`docs/standards/`) is part of. Not past the repository's
 * top (its `.git`).
 */
export function mkdocsFileAbove(root: string): string | undefined {
  let folder = root;
  for (let level = 0; level <= MKDOCS_LEVELS; level++) {
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return undefined;
    folder = dirname(folder);
    const file = level === 0 ? undefined : MKDOCS_FILES.map((name) => join(folder, name)).find(existsSync);
    if (file !== undefined) return file;
  }
  return undefined;
}

/** What MkDocs (and Zensical, which reads the same settings from TOML) says of its pages. */
export interface MkdocsConfig {
  docs_dir?: unknown;
  nav?: unknown;
  plugins?: unknown;
  /** The published site's address; its path is where the site is served (site-base-path.ts). */
  site_url?: unknown;
}

/** Reads `mkdocs.yml`'s settings; undefined when it is no YAML mapping. */
export function readMkdocsConfig(text: string): MkdocsConfig | undefined {
  let config: unknown;
  try {
    // `!!python/name:` tags (Material's extensions) are read as empty values, not warned about.
    // Nor the library's check for keys written twice: quadratic in the keys, and its errors are ignored here.
    config = parseSiteYaml(text);
  } catch {
    return undefined;
  }
  return config && typeof config === 'object' ? (config as MkdocsConfig) : undefined;
}

/** The languages mkdocs-static-i18n builds: its default locale first. */
export interface Locales {
  main: string;
  others: string[];
}

/**
 * The locales of mkdocs-static-i18n's `languages` (an entry with `default: true`, else the first, is the
 * default), when the plugin reads suffixed pages (`docs_structure: suffix`, its default); none for `folder`.
 */
export function i18nLocales(plugins: unknown): Locales | undefined {
  const entries = Array.isArray(plugins) ? plugins : [plugins];
  const options = entries.find((entry) => entry && typeof entry === 'object' && 'i18n' in entry)?.i18n;
  if (!options || typeof options !== 'object' || options.docs_structure === 'folder') return undefined;
  const languages: unknown[] = Array.isArray(options.languages) ? options.languages : [];
  const locales = languages.flatMap((language) =>
    language && typeof language === 'object' && typeof (language as { locale?: unknown }).locale === 'string'
      ? [language as { locale: string; default?: unknown }]
      : [],
  );
  const main = locales.find((language) => language.default === true) ?? locales[0];
  if (!main) return undefined;
  return { main: main.locale, others: locales.map((l) => l.locale).filter((l) => l !== main.locale) };
}

/**
 * The navigation of an MkDocs-style project in `folder`: its `nav` (paths from `docs_dir`, `docs` by
 * default), else the awesome-pages plugin's `.pages` files, else every page under `docs_dir`, as the
 * sidebar MkDocs builds from the folders lists them all. The headings of its pages (those under `docs_dir`)
 * get Python-Markdown's anchors.
 */
export function mkdocsNavigation(
  root: string,
  folder: string,
  config: MkdocsConfig,
): SiteNavigation | undefined {
  const docs = resolve(folder, typeof config.docs_dir === 'string' ? config.docs_dir : 'docs');
  const fromRoot = (path: string) => relative(root, path).split(sep).join(posix.sep);
  // A run on one section of the site (the lint root inside docs_dir): every page in it is built.
  const docsFromRoot = withinRoot(docs, root) ? '' : fromRoot(docs);
  if (docsFromRoot.startsWith('..') || isAbsolute(docsFromRoot)) return undefined;
  // `docs` left out when it is the lint root: every page is built then.
  const site = { slugStyle: 'python-markdown' as const, ...(docsFromRoot ? { docs: docsFromRoot } : {}) };
  const pagesFile = awesomePagesFile(config.plugins);
  const { nav } = config;
  if (nav === undefined || nav === null) {
    if (pagesFile === undefined) return { folder: docsFromRoot, ...site };
    const files: string[] = [];
    // A docs_dir that is a link out is not walked (the crawl follows no folder link either).
    if (withinRoot(root, docs) || withinRoot(docs, root)) {
      const deep = new DepthStop();
      awesomePages(docsFromRoot ? docs : root, pagesFile, (file) => files.push(fromRoot(file)), deep);
      deep.tell();
    }
    return { files, ...site };
  }
  const files: string[] = [];
  let rest = false;
  const locales = i18nLocales(config.plugins);
  collectNavFiles(nav, (entry) => {
    // awesome-pages puts the pages `nav` does not list where its `...` stands.
    if (entry.startsWith('...')) rest = true;
    else for (const page of localeCopies(entry, locales)) files.push(fromRoot(join(docs, page)));
  });
  return rest && pagesFile !== undefined ? { folder: docsFromRoot, ...site } : { files, ...site };
}

/** The pages a `nav` entry names: with mkdocs-static-i18n's suffixes, `x.md` is also `x.fr.md` and `x.en.md`. */
function localeCopies(entry: string, locales: Locales | undefined): string[] {
  const stem = /\.(?:md|markdown)$/.test(entry) ? entry.slice(0, entry.lastIndexOf('.')) : undefined;
  if (!locales || stem === undefined) return [entry];
  const extension = entry.slice(stem.length);
  return [entry, ...[locales.main, ...locales.others].map((locale) => `${stem}.${locale}${extension}`)];
}

/** Every page path in a `nav` tree: strings, `Title: path` entries and nested sections; URLs are left out. */
function collectNavFiles(node: unknown, add: (path: string) => void): void {
  if (typeof node === 'string') {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(node) && !node.startsWith('/')) add(node.trim());
  } else if (Array.isArray(node)) {
    for (const item of node) collectNavFiles(item, add);
  } else if (node && typeof node === 'object') {
    for (const value of Object.values(node)) collectNavFiles(value, add);
  }
}

/** The name of awesome-pages' folder files (its `filename` option, `.pages` by default) when the plugin is on. */
function awesomePagesFile(plugins: unknown): string | undefined {
  const entries = Array.isArray(plugins) ? plugins : plugins && typeof plugins === 'object' ? [plugins] : [];
  for (const entry of entries) {
    if (entry === 'awesome-pages') return '.pages';
    if (!entry || typeof entry !== 'object' || !('awesome-pages' in entry)) continue;
    const options = (entry as Record<string, unknown>)['awesome-pages'];
    const name =
      options && typeof options === 'object' ? (options as { filename?: unknown }).filename : undefined;
    return typeof name === 'string' && !name.includes('/') ? name : '.pages';
  }
  return undefined;
}

/** A page MkDocs builds. Exported for the static ReDoS check. */
export const MKDOCS_PAGE = /\.(?:md|markdown)$/i;
/** Folders MkDocs serves no pages from. */
const NOT_CONTENT = /^(?:\.|node_modules$)/;

/**
 * The pages awesome-pages puts in the navigation, from `folder` down: a folder's `.pages` `nav` lists its
 * files and sub-folders (titled or not; sections nest more entries of the same folder), and what it leaves
 * out is not in the navigation unless a `...` entry stands for the rest (its filter, `... | glob=*.md`, is
 * not applied: every remaining page counts, so no page is called an orphan that the filter may list).
 * A folder with no `.pages` nav (or only the deprecated `arrange`, which orders without leaving out) lists
 * everything; `hide: true` hides the folder and all below it.
 */
function awesomePages(
  folder: string,
  pagesFile: string,
  add: (file: string) => void,
  deep: DepthStop,
  depth = 0,
  seen = new Set<string>(),
): void {
  // A folder both listed and in the rest is walked once.
  if (seen.has(folder)) return;
  seen.add(folder);
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  const meta = readPagesFile(join(folder, pagesFile));
  if (meta.hide === true) return;
  // A folder a `.pages` nav names may be a link out of the docs: one to `/` had the run list the disk 12
  // folders deep. Only folders inside it, once links are followed, are walked.
  const descend = (name: string) => {
    const below = join(folder, name);
    if (!withinRoot(folder, below)) return;
    if (depth < MAX_FOLDER_DEPTH) awesomePages(below, pagesFile, add, deep, depth + 1, seen);
    else deep.stop(below);
  };
  const everything = () => {
    for (const entry of entries) {
      if (entry.isFile() && MKDOCS_PAGE.test(entry.name)) add(join(folder, entry.name));
      else if (entry.isDirectory() && !NOT_CONTENT.test(entry.name)) descend(entry.name);
    }
  };
  if (!Array.isArray(meta.nav)) {
    everything();
    return;
  }
  let rest = false;
  collectNavFiles(meta.nav, (entry) => {
    if (entry.startsWith('...')) {
      rest = true;
      return;
    }
    const path = posix.normalize(trimSlashes(entry));
    if (path.startsWith('..') || isAbsolute(path)) return;
    if (MKDOCS_PAGE.test(path)) add(join(folder, path));
    else if (isFolder(join(folder, path))) descend(path);
  });
  if (rest) everything();
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** A `.pages` file's settings; none when it is missing or no YAML mapping. */
function readPagesFile(file: string): { nav?: unknown; hide?: unknown } {
  const text = readSiteFile(file);
  if (text === '') return {};
  try {
    const meta: unknown = parseSiteYaml(text);
    return meta && typeof meta === 'object' ? meta : {};
  } catch {
    return {};
  }
}
