import { type Dirent, existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { astroNavigation } from './site-astro.js';
import { bookNavigationAbove, firstAbove, indexAbove } from './site-book-above.js';
import { docusaurusNavigation, firstFile, scriptCode } from './site-docusaurus.js';
import {
  configScripts,
  DepthStop,
  MAX_FOLDER_DEPTH,
  readSiteFile,
  siteFolders,
} from './site-front-matter.js';
import { generatorConfigIn, siteConfigIn } from './site-generators.js';
import { jekyllNavigation } from './site-jekyll-html.js';
import { jigsawNavigation } from './site-jigsaw.js';
import { jupyterBookNavigation } from './site-jupyter-book.js';
import { MKDOCS_FILES, mkdocsFileAbove, mkdocsNavigation, readMkdocsConfig } from './site-mkdocs.js';
import type { SiteNavigation } from './site-nav.js';
import { netlifyCmsNavigation } from './site-netlify-cms.js';
import { sphinxNavigation } from './site-sphinx.js';
import { starlightNavigation } from './site-starlight.js';
import { techDocsNavigation } from './site-tech-docs.js';
import { vuepressNavigation } from './site-vuepress.js';
import { wordpressNavigation } from './site-wordpress.js';
import { zensicalNavigation } from './site-zensical.js';

/**
 * The navigation of a Markdown root's site generator: Zensical's (`zensical.toml`), MkDocs' (`mkdocs.yml`,
 * with awesome-pages' `.pages` files), VitePress' (`.vitepress/`),
 * VuePress' (`.vuepress/config.*`), Docusaurus' (its sidebars), Starlight's (`astro.config.*`), another Astro
 * site's menu module (`src/navigation.ts`, AstroWind's), a Jekyll site's
 * (just-the-docs' from front matter, its HTML pages' and layouts' links and loops: site-jekyll-html.ts), a WordPress.org handbook's (its manifest),
 * a Tech Docs Template site's (`config/tech-docs.yml`), a Jupyter Book's (`_toc.yml`), Jigsaw's (its PHP config) or Sphinx's (its toctrees), in the root or
 * the folder above it, else Nextra's (`_meta` files in the tree), else a generator's in the root's `docs/`
 * (the last of the `siteFolders`): a site kept there (API docs beside the handbook) must not hide the
 * handbook's own navigation; else MkDocs', a GitBook's or a docsify sidebar further up, else a Netlify CMS site's entries,
 * else the site of the one generator's project in a folder of the root, else the links into the root of a repository's
 * index page above it (site-book-above.ts).
 */
export function readSiteNavigation(
  root: string,
  onNotice?: (notice: string) => void,
): SiteNavigation | undefined {
  const folders = siteFolders(root);
  const docs = folders.pop();
  for (const folder of folders) {
    const found = navigationIn(root, folder, onNotice);
    if (found) return found;
  }
  return (
    nextraNavigation(root) ??
    (docs === undefined ? undefined : navigationIn(root, docs, onNotice)) ??
    mkdocsAbove(root) ??
    generatorAbove(root) ??
    bookNavigationAbove(root, onNotice) ??
    netlifyCmsNavigation(root) ??
    siteBelow(root, onNotice) ??
    indexAbove(root)
  );
}

/** Folders of a repository's root that hold no site: hidden ones and installed packages. */
const NO_SITE = /^(?:\.|node_modules$)/;

/**
 * The navigation of the one site generator's project in a folder of the lint root (a repository whose
 * Docusaurus or MkDocs site is in `documentation/`), as a run on that folder reads it, with the folder as
 * the site's root for root-absolute links (`/docs/flows/x`). A root with a generator of its own, or with
 * two such folders, says nothing of which site is the handbook: none is read.
 */
function siteBelow(root: string, onNotice?: (notice: string) => void): SiteNavigation | undefined {
  if (generatorConfigIn(root)) return undefined;
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const sites = entries.filter(
    (entry) =>
      entry.isDirectory() &&
      !NO_SITE.test(entry.name) &&
      (siteConfigIn(join(root, entry.name)) || firstFile(join(root, entry.name), 'sidebars') !== undefined),
  );
  const [site] = sites;
  if (sites.length !== 1 || site === undefined) return undefined;
  const navigation = navigationIn(root, join(root, site.name), onNotice);
  return navigation && { ...navigation, site: site.name };
}

/**
 * The navigation of an MkDocs site whose `docs_dir` holds the lint root, its `mkdocs.yml` further up than
 * the folder above it (a run on `docs/standards/` of a repository's site): the same as from its root, not
 * a handbook of its own whose pages no one links.
 */
function mkdocsAbove(root: string): SiteNavigation | undefined {
  const file = mkdocsFileAbove(root);
  const config = file === undefined ? undefined : readMkdocsConfig(readSiteFile(file));
  return config && file !== undefined ? mkdocsNavigation(root, dirname(file), config) : undefined;
}

/**
 * The sidebar of a VitePress, VuePress or Docusaurus project (or a Tech Docs site's generated navigation) further
 * up than the folder above the lint root (a run on `docs/team/process/` of a site built from `docs/`), read as from the project's folder:
 * the pages under the lint root it lists are reached, as in a run on the whole site. A project that
 * lists none of them says nothing of this folder, and the walk goes on up.
 */
function generatorAbove(root: string): SiteNavigation | undefined {
  return firstAbove(root, 2, (folder) => {
    const vitepress = join(folder, '.vitepress');
    const listed = existsSync(vitepress)
      ? vitepressNavigation(folder, folder, vitepress)
      : (((files) => files && { files })(
          vuepressNavigation(folder, folder) ?? docusaurusNavigation(folder, folder),
        ) ?? techDocsNavigation(folder, folder));
    return listed && below(listed, relative(folder, root).split(sep).join(posix.sep));
  });
}

/** A project's navigation seen from its sub-folder `prefix`: what it lists there, from that folder; undefined for nothing. */
function below(navigation: SiteNavigation, prefix: string): SiteNavigation | undefined {
  const inside = (path: string) =>
    path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined;
  if ('files' in navigation) {
    const files = navigation.files.map(inside).filter((file) => file !== undefined);
    return files.length > 0 ? { files } : undefined;
  }
  const hidden = (navigation.hidden ?? []).map(inside).filter((file) => file !== undefined);
  if (navigation.folder === '' || `${prefix}/`.startsWith(`${navigation.folder}/`))
    return { folder: '', ...(hidden.length ? { hidden } : {}) };
  const folder = inside(navigation.folder);
  return folder === undefined ? undefined : { folder, ...(hidden.length ? { hidden } : {}) };
}

/** The navigation of a generator whose project is in `folder`; a reader that gave up on it says why to `onNotice`. */
function navigationIn(
  root: string,
  folder: string,
  onNotice?: (notice: string) => void,
): SiteNavigation | undefined {
  // Zensical reads `mkdocs.yml` too; a project that has written a `zensical.toml` builds from it.
  const zensical = zensicalNavigation(root, folder);
  if (zensical) return zensical;
  for (const name of MKDOCS_FILES) {
    const file = join(folder, name);
    if (!existsSync(file)) continue;
    const config = readMkdocsConfig(readSiteFile(file));
    return config && mkdocsNavigation(root, folder, config);
  }
  const vitepress = join(folder, '.vitepress');
  if (existsSync(vitepress)) return vitepressNavigation(root, folder, vitepress);
  const listed =
    vuepressNavigation(root, folder) ??
    docusaurusNavigation(root, folder) ??
    starlightNavigation(root, folder) ??
    astroNavigation(root, folder);
  if (listed) return { files: listed };
  const jekyll =
    jekyllNavigation(root, folder) ??
    wordpressNavigation(root, folder, onNotice) ??
    techDocsNavigation(root, folder);
  if (jekyll) return jekyll;
  const other =
    jupyterBookNavigation(root, folder) ??
    jigsawNavigation(root, folder) ??
    sphinxNavigation(root, folder, onNotice);
  return other ? { files: other } : undefined;
}

/** A sidebar built from the folders at build time (the vitepress-sidebar plugin): it lists every page. */
const GENERATED_SIDEBAR = /vitepress-sidebar|\b(?:generateSidebar|withSidebar)\b/;

/**
 * VitePress lists in its sidebar and top bar the pages its config names by `link` (`/guide/setup`
 * is `guide/setup.md`, `/guide/` is `guide/index.md`), from `srcDir` (the project folder by default).
 * Its config is code, so the links are read as written; a generated sidebar lists every page.
 */
function vitepressNavigation(root: string, folder: string, config: string): SiteNavigation | undefined {
  // Without comments: a sidebar entry commented out (`// { text: 'Git', link: '/guide/wip' },`) lists nothing.
  const text = configScripts(config, scriptCode).join('\n');
  const srcDir = /\bsrcDir\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1] ?? '.';
  const fromRoot = relative(root, resolve(folder, srcDir)).split(sep).join(posix.sep);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined;
  const served = fromRoot ? { served: fromRoot } : {};
  if (GENERATED_SIDEBAR.test(text)) return { folder: fromRoot, ...served };
  const files: string[] = [];
  for (const match of text.matchAll(/\blink\s*:\s*["'`]([^"'`#?]*)/g)) {
    const link = match[1] as string;
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
    const path = link.replace(/^\/+/, '').replace(/\.(?:html|md)$/, '');
    const candidates =
      path === '' || path.endsWith('/') ? [`${path}index.md`] : [`${path}.md`, `${path}/index.md`];
    for (const candidate of candidates) files.push(fromRoot ? posix.join(fromRoot, candidate) : candidate);
  }
  return { files, ...served };
}

/** Nextra's folder settings: `_meta.js` (or .ts, .tsx...) from Nextra 3, `_meta.json` (an object) in Nextra 2. */
const NEXTRA_META = /^_meta\.(?:[cm]?js|jsx|ts|tsx|json)$/;
/** Folders no generator serves pages from. */
const NOT_CONTENT = /^(?:\.|node_modules$)/;

/**
 * Nextra builds its sidebar from the page tree: every page of a folder is listed, and a `_meta` file
 * beside the pages only orders, renames or hides them (`display: 'hidden'`). So with `_meta` files in
 * the tree, the folder holding them all is listed whole, but for the pages a `_meta` file hides.
 */
function nextraNavigation(root: string): SiteNavigation | undefined {
  const metas: string[] = [];
  // Every handbook without another generator is probed: a walk stopped at its depth matters only to a Nextra site.
  const deep = new DepthStop();
  const walk = (folder: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      return;
    }
    // A `_meta` file sets the sidebar of the pages beside it; one in a folder of code is something else.
    const holdsPages = entries.some((entry) => entry.isFile() && /\.mdx?$/.test(entry.name));
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !NOT_CONTENT.test(entry.name)) {
        if (depth < MAX_FOLDER_DEPTH) walk(path, depth + 1);
        else deep.stop(join(root, path));
      } else if (
        holdsPages &&
        entry.isFile() &&
        NEXTRA_META.test(entry.name) &&
        isNextraMeta(join(root, path))
      )
        metas.push(path);
    }
  };
  walk('', 0);
  if (metas.length === 0) return undefined;
  deep.tell();
  const folders = metas.map((meta) => posix.dirname(meta));
  const hidden = metas.flatMap((meta) => hiddenEntries(readSiteFile(join(root, meta)), posix.dirname(meta)));
  return { folder: commonFolder(folders), ...(hidden.length ? { hidden } : {}) };
}

/** A `_meta.json` is Nextra's when it maps names to titles or settings; Rspress' is an array, its own sidebar. */
function isNextraMeta(file: string): boolean {
  if (!file.endsWith('.json')) return true;
  try {
    const meta: unknown = JSON.parse(readSiteFile(file));
    return typeof meta === 'object' && meta !== null && !Array.isArray(meta);
  } catch {
    return false;
  }
}

/**
 * A `_meta` entry that hides its page. A name starts where a run of name characters starts: read from each
 * of its letters, a file of one long run was rescanned from each (a megabyte: minutes). Exported for the
 * static ReDoS check.
 */
export const NEXTRA_HIDDEN = /(?<![\w.-])["']?([\w.-]+)["']?\s*:\s*\{[^{}]*\bdisplay\s*:\s*["']hidden["']/g;

/** The entries a `_meta` file hides from the sidebar (`name: { display: 'hidden' }`), as paths of their pages without extension. */
function hiddenEntries(text: string, folder: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NEXTRA_HIDDEN)) {
    const name = match[1] as string;
    names.push(folder === '.' ? name : `${folder}/${name}`);
  }
  return names;
}

/** The deepest folder holding every one of `folders` ('' for the root). */
function commonFolder(folders: string[]): string {
  const split = folders.map((folder) => (folder === '.' ? [] : folder.split('/')));
  const [first = []] = split;
  let depth = 0;
  while (depth < first.length && split.every((parts) => parts[depth] === first[depth])) depth++;
  return first.slice(0, depth).join('/');
}
