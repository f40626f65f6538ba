import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { docsFolder, firstFile, NUMBER_PREFIX } from './site-docusaurus.js';
import { DepthStop, scanFrontMatter, siteFolders, trimSlashes, withinRoot } from './site-front-matter.js';
import { mkdocsI18nPaths } from './site-i18n.js';
import { jekyllPermalinks } from './site-jekyll.js';
import { mkdocsFileAbove } from './site-mkdocs.js';

const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'];
const SITE_CONFIGS = ['config.toml', 'config.yaml', 'config.yml', 'config.json'];
/** Hugo's section page: served at its folder whatever its `slug` says (a leaf bundle's `index.md` is not one). */
const SECTION_PAGE = /(?:^|\/)_index\.(?:md|mdx|markdown)$/i;
/** Hugo's leaf bundle (`post/index.md`) is its folder: its slug replaces the folder's name. */
const LEAF_BUNDLE = /(?:^|\/)index\.(?:md|mdx|markdown)$/i;

/** The content folder of a Hugo site in `folder`: `hugo.*`, or a `config.*` beside a `content/` folder. */
export function hugoContent(folder: string): string | undefined {
  const content = join(folder, 'content');
  if (!existsSync(content)) return undefined;
  const configs = [...HUGO_CONFIGS, ...SITE_CONFIGS].map((name) => join(folder, name));
  return configs.some(existsSync) ? content : undefined;
}

/** Where pages are served (file -> served path, or paths with the page's own first), from the lint root. */
export type ServedPaths = Readonly<Record<string, string | readonly string[]>>;

/**
 * Where pages with a `slug` in their front matter are served, when a site generator does so: Hugo puts
 * a page at its section's path and its slug (`Howtos/collaborators.md` with `slug: guidelines` is
 * `howtos/guidelines/`), Docusaurus at its folder and its slug, or at the docs root and the slug when the
 * slug starts with `/`. Keys are page files and values served paths (without extension), both from the
 * lint root. Jekyll serves a page at its `permalink:` (see jekyllPermalinks). Only Hugo, Docusaurus and
 * Jekyll sites (their config in one of the `siteFolders`) are read, and MkDocs' with mkdocs-static-i18n,
 * whose `x.fr.md` and `x.en.md` are served as `x/` and `en/x/` (site-i18n.ts).
 */
export function readServedPaths(root: string): ServedPaths | undefined {
  for (const site of siteFolders(root)) {
    const localized = mkdocsI18nPaths(root, site);
    if (localized) return localized;
    const content = hugoContent(site);
    const docusaurus = content ? undefined : firstFile(site, 'docusaurus.config');
    const base = content ?? (docusaurus ? docsFolder(site, docusaurus) : undefined);
    if (!base) {
      // A GitHub Pages `_config.yml` that only sets a theme serves nothing elsewhere: the folders after
      // it are still looked at.
      const permalinks = jekyllPermalinks(root, site);
      if (permalinks && Object.keys(permalinks).length > 0) return permalinks;
      continue;
    }
    if (!withinRoot(root, base)) return undefined;
    const fromRoot = (path: string) => relative(root, join(base, path)).split(sep).join(posix.sep);
    const served: Record<string, string> = {};
    for (const { file, data } of scanFrontMatter(base)) {
      const slug = typeof data.slug === 'string' ? data.slug.trim() : '';
      if (slug === '' || /[?#:]/.test(slug) || (content && SECTION_PAGE.test(file))) continue;
      const absolute = docusaurus !== undefined && slug.startsWith('/');
      const own = content && LEAF_BUNDLE.test(file) ? posix.dirname(file) : file;
      // Docusaurus drops a folder's number prefix from a relative slug's path as from a doc's id.
      const folder = docusaurus
        ? posix
            .dirname(own)
            .split('/')
            .map((part) => part.replace(NUMBER_PREFIX, ''))
            .join('/')
        : posix.dirname(own);
      const path = posix.normalize(
        posix.join(absolute ? '.' : folder, slug.replace(/^\/+|\/+$/g, '') || '.'),
      );
      const page = fromRoot(file);
      if (path.startsWith('..') || page.startsWith('..') || isAbsolute(page)) continue;
      served[page] = fromRoot(path) || '.';
    }
    return served;
  }
  const above = mkdocsFileAbove(root);
  return above === undefined ? uniqueSlugs(root) : mkdocsI18nPaths(root, dirname(above));
}

/** A front matter that names a page's URL; its key is matched before any YAML is parsed. */
const URL_KEYS = /^(?:slug|permalink)[ \t]*:/m;

/**
 * Where pages name their own URL when no generator's config says how (a Gatsby site, whose page template
 * serves each page at `/<slug>/`, or a run below a Docusaurus or Jekyll site's config): a root-absolute
 * link names the page by that `slug:` or `permalink:`, wherever its file lies. An absolute slug is also
 * served under Docusaurus' default route base, `docs/`. A URL two pages name, a placeholder permalink
 * (`/:title/`) and a section page's slug (Hugo serves `_index.md` at its folder) name no one page.
 */
function uniqueSlugs(root: string): ServedPaths {
  const byPath = new Map<string, string[]>();
  // Every handbook is probed: a walk stopped at its depth matters only to one whose pages name their URLs.
  const deep = new DepthStop();
  for (const { file, data } of scanFrontMatter(root, URL_KEYS, deep)) {
    const written = [data.slug, data.permalink].find((value) => typeof value === 'string');
    if (typeof written !== 'string' || /[?#:]/.test(written) || SECTION_PAGE.test(file)) continue;
    const path = posix.normalize(trimSlashes(written.trim()) || '.');
    if (path === '.' || path.startsWith('..')) continue;
    const paths = written.trim().startsWith('/') ? [path, `docs/${path}`] : [path];
    for (const served of paths) byPath.set(served, [...(byPath.get(served) ?? []), file]);
  }
  if (byPath.size > 0) deep.tell();
  const served: Record<string, string[]> = {};
  for (const [path, [file, ...others]] of byPath)
    if (file !== undefined && others.length === 0) served[file] = [...(served[file] ?? []), path];
  return served;
}
