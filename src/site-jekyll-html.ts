import { type Dirent, readdirSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import type { Root, RootContent } from 'hast';
import { parseStorage } from './normalize/xml.js';
import { pushAll } from './push-all.js';
import {
  DepthStop,
  MAX_FOLDER_DEPTH,
  markdownFiles,
  readSiteFile,
  scanFrontMatter,
  siteFileRefused,
  trimSlashes,
  withinRoot,
} from './site-front-matter.js';
import { jekyllConfig, justTheDocsNavigation } from './site-jekyll.js';
import type { SiteNavigation } from './site-nav.js';
import { parseSiteYaml } from './yaml-depth.js';

/**
 * A Liquid loop over the site's posts or pages (`{% for post in site.posts %}`, `{%- for p in
 * paginator.posts -%}`, `{% for my_page in site.pages %}`): the page or layout lists them all, unless the
 * loop picks some (FILTERED_LOOP). Its `in` alone: with the loop's variable before it, recheck could not judge the pattern in
 * 50 s. Exported for the static ReDoS check.
 */
export const JEKYLL_LOOP = /\bin\s+(site\.posts|paginator\.posts|site\.pages|site\.html_pages)\b/g;

/**
 * A loop that lists only some of what it goes through: a `limit:` or `where` in its tag (LOOP_PICKS), or an
 * `{% if %}` / `{% unless %}` (FILTER_TAG) in its body up to `{% endfor %}` (`{% if p.category == "guides" %}`);
 * which pages pass is not judged, so the loop lists none. Not the scaffold's `{% if my_page.title %}`: the
 * titled pages are those listed.
 */
const LOOP_PICKS = /^[^%]{0,200}?\b(?:limit|where(?:_exp)?)\s*:/;
const FILTER_TAG = /\{%-?[ \t\n]{0,40}(?:unless\b|if\b(?![ \t]{1,40}\w{1,40}\.title[ \t\n]{0,40}-?%\}))/g;

/**
 * Which of `text`'s loops list what they go through (`posts` or `pages`), its `endfor`s and filter tags each
 * found once, ahead of the loops: reading each loop's body again (up to the file's end when no `endfor`
 * came) cost 40 s for a layout of 40,000 loops.
 */
function listingLoops(text: string): { posts: boolean; pages: boolean } {
  const filters = [...text.matchAll(FILTER_TAG)].map((tag) => tag.index);
  const found = { posts: false, pages: false };
  let end = -2; // the next `endfor` at or after the loop (-1: none is left), -2 before the first look
  let filter = 0; // the first filter tag at or after the loop
  for (const loop of text.matchAll(JEKYLL_LOOP)) {
    const after = loop.index + loop[0].length;
    if (end === -2 || (end >= 0 && end < after)) end = text.indexOf('endfor', after);
    while (filter < filters.length && (filters[filter] as number) < after) filter++;
    const bodyEnd = end < 0 ? text.length : end;
    // The tag's `limit:` is read within its first 300 characters (LOOP_PICKS reads 200 and a word).
    const picks = LOOP_PICKS.test(text.slice(after, Math.min(bodyEnd, after + 300)));
    if (picks || (filters[filter] ?? Number.POSITIVE_INFINITY) < bodyEnd) continue;
    if ((loop[1] as string).endsWith('.posts')) found.posts = true;
    else found.pages = true;
  }
  return found;
}

/** minima, as `theme: minima` or `remote_theme: jekyll/minima` (with or without `@version`). */
const MINIMA = /^(?:minima|jekyll\/minima(?:@[\w.-]+)?)$/;
/** What a link names without leading to a page of the site: another scheme or host, an anchor, a Liquid expression. */
const NOT_A_PAGE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)|\{[{%]/i;
/** The HTML a site holds this large in all is no handbook's: the walk reads no more. */
const HTML_BYTES = 16 * 1024 * 1024;
/** The folders whose HTML is on every page that uses it: a layout's or an include's links are the site's chrome. */
const CHROME = new Set(['_layouts', '_includes']);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

interface HtmlFile {
  /** Path from the site folder. */
  file: string;
  text: string;
  /** In `_layouts/` or `_includes/`: shown around pages, so a relative link in it has no one base. */
  chrome: boolean;
}

/**
 * The HTML files Jekyll builds pages from: those with front matter outside the `_` and hidden folders
 * (its output `_site/` among them), and every layout and include. A file without front matter is copied
 * as it is, a static file, not a page of the site.
 */
function htmlFiles(site: string): HtmlFile[] {
  const found: HtmlFile[] = [];
  let total = 0;
  const deep = new DepthStop();
  const walk = (sub: string, depth: number, chrome: boolean): void => {
    let children: Dirent[];
    try {
      children = readdirSync(join(site, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const child of children) {
      const path = sub ? `${sub}/${child.name}` : child.name;
      if (child.isDirectory()) {
        const layouts = depth === 0 && CHROME.has(child.name);
        const skipped = /^[._]|^(?:node_modules|vendor)$/.test(child.name);
        if (!chrome && !layouts && skipped) continue;
        if (depth < MAX_FOLDER_DEPTH) walk(path, depth + 1, chrome || layouts);
        else deep.stop(join(site, path));
        continue;
      }
      if (!child.isFile() || !/\.html?$/i.test(child.name)) continue;
      if (total > HTML_BYTES) {
        siteFileRefused(site, 'holds more than 16 MiB of HTML: the files past it are not read');
        continue;
      }
      const content = readSiteFile(join(site, path));
      total += content.length;
      if (chrome || /^---\r?\n/.test(content)) found.push({ file: path, text: content, chrome });
    }
  };
  walk('', 0, false);
  deep.tell();
  return found;
}

/** The `href`s of a parsed HTML file's `<a>` elements, walked without recursion (a page may nest deep). */
function hrefs(tree: Root): string[] {
  const found: string[] = [];
  const stack: RootContent[] = pushAll([], tree.children);
  while (stack.length) {
    const node = stack.pop() as RootContent;
    if (node.type !== 'element') continue;
    const href = node.properties.href;
    if (node.tagName === 'a' && typeof href === 'string') found.push(href.trim());
    pushAll(stack, node.children);
  }
  return found;
}

/** A page the site serves (not a post or a collection's document, not in a `_` folder) with a `title`. */
function titledPages(site: string): string[] {
  return scanFrontMatter(site)
    .filter(
      ({ file, data }) => text(data.title) !== undefined && !file.split('/').some((p) => p.startsWith('_')),
    )
    .map(({ file }) => file);
}

/** minima's layouts that show its header: 2.5's four, and 3's `base` they all build on. */
const MINIMA_LAYOUTS = new Set(['default', 'page', 'post', 'home', 'base']);
/** A layout that includes the header (`{%- include header.html -%}`). Exported for the ReDoS check. */
export const HEADER_INCLUDE = /\{%-?[ \t]{0,40}include[ \t]{1,40}header\.html\b/;

/**
 * The `layout:` a layout file's own front matter names, which Jekyll wraps it in, read as YAML: `layout:
 * "default"` names `default`.
 */
function parentLayout(file: string): string | undefined {
  if (!/^---\r?\n/.test(file)) return undefined;
  const end = file.indexOf('\n---', 3);
  if (end < 0) return undefined;
  try {
    const data: unknown = parseSiteYaml(file.slice(file.indexOf('\n') + 1, end));
    return text((data as { layout?: unknown } | null)?.layout);
  } catch {
    return undefined;
  }
}

/**
 * Whether a page in layout `name` shows minima's header: one of minima's own layouts, or a layout of the site's
 * own (`_layouts/`, which overrides the theme's) that includes minima's `header.html` or builds on a layout that
 * does. A site's own include of that name is read with the other chrome.
 */
function minimaHeaderIn(site: string, name: string, depth = 0): boolean {
  const own = readSiteFile(join(site, '_layouts', `${name}.html`));
  if (own === '') return MINIMA_LAYOUTS.has(name);
  if (HEADER_INCLUDE.test(own)) return readSiteFile(join(site, '_includes', 'header.html')) === '';
  const parent = parentLayout(own);
  return parent !== undefined && parent !== name && depth < 8 && minimaHeaderIn(site, parent, depth + 1);
}

/**
 * Whether any page of a minima site shows its header: the layouts its pages name, and those its config's
 * `defaults` give (a page naming none is in `page`, as GitHub Pages' default-layout plugin sets). A site whose
 * pages all use a layout of its own without minima's header (govau's `base.html`) shows no list of its pages.
 */
function showsMinimaHeader(site: string, config: Record<string, unknown>): boolean {
  const layouts = new Set<string>();
  for (const { data } of scanFrontMatter(site)) layouts.add(text(data.layout) ?? 'page');
  for (const scope of Array.isArray(config.defaults) ? config.defaults : [])
    layouts.add(text((scope as { values?: { layout?: unknown } } | null)?.values?.layout) ?? 'page');
  return [...layouts].some((name) => !/[/\\]/.test(name) && minimaHeaderIn(site, name));
}

/** The paths (from the site folder) of a list of page paths in the config (`header_pages: [about.md]`). */
const listedPaths = (value: unknown): string[] | undefined =>
  Array.isArray(value)
    ? value.flatMap((item) => (typeof item === 'string' ? [trimSlashes(item)] : []))
    : undefined;

/**
 * What a Jekyll site (a `_config.yml` in `site`) lists outside its Markdown pages' links: just-the-docs'
 * sidebar (site-jekyll.ts); the links of its HTML pages, layouts and includes (a home page `index.html`
 * linking its chapters as `/chapter.html`), read with the storage reader's HTML parser and resolved as
 * links are; its posts when a page or layout loops over `site.posts` (or a paginator's); its pages with a
 * title when a layout loops over `site.pages`, as the `jekyll new` scaffold's header does; and, with the
 * minima theme, its header (`header_pages`, minima 3's `minima.nav_pages`, else every page with a
 * title) and its `layout: home` page's post list. Only just-the-docs' sidebar is the whole navigation;
 * the rest is `partial`, so index pages a layout lists still list theirs.
 */
export function jekyllNavigation(root: string, site: string): SiteNavigation | undefined {
  const config = jekyllConfig(site);
  if (!config) return undefined;
  const sidebar = justTheDocsNavigation(root, site);
  const fromRoot = (file: string) => relative(root, join(site, file)).split(sep).join(posix.sep);
  const inRoot = (path: string) => !path.startsWith('..') && !isAbsolute(path);
  const files = new Set<string>(sidebar ?? []);
  const urls = new Set<string>();
  let posts = false;
  let pages = false;
  if (withinRoot(root, site)) {
    const base = trimSlashes(text(config.baseurl) ?? '');
    for (const html of htmlFiles(site)) {
      const loops = listingLoops(html.text);
      posts ||= loops.posts;
      pages ||= loops.pages;
      for (const href of hrefs(parseStorage(html.text).tree)) {
        const cut = href.search(/[?#]/);
        const path = cut < 0 ? href : href.slice(0, cut);
        const rooted = path.startsWith('/');
        if (path === '' || NOT_A_PAGE.test(href) || (html.chrome && !rooted)) continue;
        let fromSite = rooted ? trimSlashes(path) : posix.join(posix.dirname(html.file), path);
        if (rooted && base && (fromSite === base || fromSite.startsWith(`${base}/`)))
          fromSite = fromSite.slice(base.length + 1);
        const url = fromRoot(posix.normalize(fromSite || '.'));
        // A folder URL keeps its slash: `about/` is the page served there, not a file named `about`.
        if (inRoot(url)) urls.add(path.endsWith('/') && url !== '' ? `${url}/` : url);
      }
    }
  }
  const theme = [config.theme, config.remote_theme].some(
    (t) => typeof t === 'string' && MINIMA.test(t.trim()),
  );
  if (theme && showsMinimaHeader(site, config)) {
    const minima = config.minima as { nav_pages?: unknown } | null | undefined;
    const header = listedPaths(config.header_pages) ?? listedPaths(minima?.nav_pages);
    for (const file of header ?? titledPages(site)) files.add(fromRoot(file));
    posts ||= scanFrontMatter(site).some(({ data }) => data.layout === 'home');
  } else if (pages) for (const file of titledPages(site)) files.add(fromRoot(file));
  if (posts) {
    const dir = trimSlashes(text(config.collections_dir) ?? '');
    const folder = dir ? `${dir}/_posts` : '_posts';
    for (const file of markdownFiles(join(site, folder))) files.add(fromRoot(`${folder}/${file}`));
  }
  const listed = [...files].filter(inRoot);
  if (sidebar) return { files: listed, ...(urls.size ? { urls: [...urls] } : {}) };
  if (listed.length === 0 && urls.size === 0) return undefined;
  return { files: listed, urls: [...urls], partial: true };
}
