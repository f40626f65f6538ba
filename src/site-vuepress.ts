import { join, posix, relative, sep } from 'node:path';
import { scriptCode } from './site-docusaurus.js';
import { configScripts, markdownFiles, trimSlashes, withinRoot } from './site-front-matter.js';

/**
 * A quoted string of path characters, closed by the quote that opened it (the `'` of a double-quoted
 * "Don't" opens nothing). Its class holds no quote, so each match is one scan. Exported for the static
 * ReDoS check.
 */
export const VUEPRESS_LITERAL = /"([\w./#%-]*)"|'([\w./#%-]*)'|`([\w./#%-]*)`/g;

/** A sidebar keyed by folder (`'/guide/': [...]`): its relative entries are that folder's pages. Exported for the ReDoS check. */
export const VUEPRESS_SIDEBAR_KEY = /["'`](\/[\w./%-]*)["'`]\s*:/g;

/** vuepress-theme-hope's sidebar generated from the folders (`sidebar: 'structure'`): every page is listed. */
const STRUCTURE = /:\s*["'`]structure["'`]/;

/** The scripts of a `.vuepress` folder (and what they import beside them), without comments: a commented-out entry lists nothing. */
const vuepressScripts = (folder: string): string[] => configScripts(folder, scriptCode);

/** The page files a sidebar or navbar entry may name: `/a/b.html`, `/a/b`, `b.md`, `/a/` (its README), `''`. */
function candidates(path: string): string[] {
  const stem = path.replace(/\.(?:html|md)$/, '');
  if (stem === '' || stem.endsWith('/')) return [`${stem}README.md`, `${stem}index.md`];
  return [`${stem}.md`, `${stem}/README.md`, `${stem}/index.md`];
}

/** How a sidebar may name a page from a folder above it: `sub/page.md`, `sub/page`, `sub/page.html`; a README or index as `sub/`, `sub` or `''`. */
function namesOf(path: string): string[] {
  const stem = path.replace(/\.(?:md|mdx|markdown)$/i, '');
  const names = [path, stem, `${stem}.html`];
  const index = /(?:^|\/)(?:README|index)$/i.exec(stem);
  if (index) {
    const folder = stem.slice(0, index.index + (index[0].startsWith('/') ? 1 : 0));
    names.push(folder, folder.replace(/\/$/, ''));
  }
  return names;
}

/**
 * The pages VuePress' default theme (1 and 2) lists in its sidebar and navbar, from `.vuepress/config.*`
 * in the site's source folder (`docs/` mostly): `sidebar` entries are paths from the source folder
 * (`'/MacOS.html'`, `['/Git.html', 'Git']`, `'/guide/setup.md'`, `''` for the README), nested in
 * `{ title, children }` groups, or keyed by folder (`'/guide/': ['', 'setup']`) with names relative
 * to it; `nav`/`navbar` items give theirs by `link`. The config is code (a hostile repository's), so it
 * is not run: its quoted strings that name a page that exists, from the source folder or from a
 * sidebar key's folder, are taken as listed, after the site's `base`. `undefined` without a config.
 */
export function vuepressNavigation(root: string, site: string): string[] | undefined {
  const config = join(site, '.vuepress');
  const texts = vuepressScripts(config);
  if (texts.length === 0 || !withinRoot(root, site)) return undefined;
  const text = texts.join('\n');
  const files = markdownFiles(site);
  const fromRoot = (file: string) => relative(root, join(site, file)).split(sep).join(posix.sep);
  if (STRUCTURE.test(text)) return files.map(fromRoot);
  const base = trimSlashes(/\bbase\s*:\s*["'`]([^"'`]*)["'`]/.exec(text)?.[1] ?? '');
  const folders = new Set<string>();
  for (const key of text.matchAll(VUEPRESS_SIDEBAR_KEY)) {
    const folder = (key[1] as string).replace(/^\/+/, '');
    if (folder.endsWith('/')) folders.add(folder);
  }
  const existing = new Set(files);
  const listed = new Set<string>();
  const relativeNames = new Set<string>();
  for (const literal of text.matchAll(VUEPRESS_LITERAL)) {
    const quoted = literal[1] ?? literal[2] ?? literal[3] ?? '';
    // Up to an anchor (`/guide/#setup`); a literal holds no `?`.
    const written = quoted.includes('#') ? quoted.slice(0, quoted.indexOf('#')) : quoted;
    if (written.includes('//')) continue;
    let path = written.replace(/^\/+/, '');
    if (base && path.startsWith(`${base}/`)) path = path.slice(base.length + 1);
    const normalized = posix.normalize(path);
    const fromSource = normalized === '.' ? '' : normalized;
    for (const candidate of candidates(fromSource)) if (existing.has(candidate)) listed.add(candidate);
    if (!written.startsWith('/')) relativeNames.add(fromSource);
  }
  // A name relative to a folder the sidebar is keyed by: each page is matched against the names from
  // each folder above it (at most the walk's depth), not each name tried in each key: a config of
  // 40,000 keys and as many names was seconds.
  for (const file of files) {
    for (let cut = file.lastIndexOf('/'); cut >= 0; cut = file.lastIndexOf('/', cut - 1)) {
      const folder = file.slice(0, cut + 1);
      if (folders.has(folder) && namesOf(file.slice(cut + 1)).some((name) => relativeNames.has(name)))
        listed.add(file);
      if (cut === 0) break;
    }
  }
  return [...listed].map(fromRoot);
}
