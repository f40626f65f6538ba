import { posix } from 'node:path';
import type { Link, Page } from './model/page.js';
import { isHugoSection } from './normalize/index-pages.js';
import { headingSlugs, type SlugStyle } from './normalize/slug-style.js';
import { wikiKey } from './platforms/urls.js';
import { addTo, pushAll } from './push-all.js';
import type { Repository } from './repository.js';
import {
  EXTERNAL,
  isNavigationPage,
  namedAfterFile,
  type Resolution,
  SiteFiles,
  safeDecode,
} from './site-files.js';
import { linkedPages, pagesByFolder } from './site-folders.js';
import { trimSlashes } from './site-front-matter.js';
import type { SiteNavigation } from './site-nav.js';
import type { ServedPaths } from './site-slugs.js';

/** The hosts of a server on the author's own machine. */
const DEV_SERVER_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]']);

/** What the link graph keeps of a page: no body, no tree, so 100,000 pages fit in memory. */
export type SitePage = Omit<Page, 'markdown' | 'tree' | 'fields' | 'emptyFields'>;

/** Drops body, tree and fields (filled and empty): what the link graph keeps (and what worker threads send back). */
export function slimPage(page: Page | SitePage): SitePage {
  if (!('tree' in page)) return page;
  const { markdown: _markdown, tree: _tree, fields: _fields, emptyFields: _empty, ...slim } = page;
  return slim;
}

/** How root-absolute and full URLs map onto the handbook. */
export interface SiteOptions {
  /** URL path the handbook is served under (`/handbook`): `/handbook/a/b` is the page `a/b`. */
  basePath?: string;
  /** Absolute URL of the published handbook (`https://handbook.example.com`): links to it are internal. */
  siteUrl?: string;
  /** How the publishing site turns headings into anchors (Markdown pages); GitHub's by default. */
  slugStyle?: SlugStyle;
  /** The repository the handbook lives in: its file URLs are internal, `/x` may mean its root. */
  repository?: Repository;
  /** The pages a generator's navigation file lists (MkDocs' `nav`): reached without a link. */
  navigation?: SiteNavigation;
  /** Pages the generator serves under their front matter's `slug` (file -> served path, from the root). */
  servedPaths?: ServedPaths;
  /** The Markdown handbook's folder on disk: a link above it is looked up there when git cannot say. */
  folder?: string;
  /** Only the pages given were listed, not the folder (a run on some files outside any handbook): a link to any other file is looked up on disk. */
  onDisk?: boolean;
  /** No generator publishes the handbook: a link to a folder without an index opens its listing (GitHub's). */
  folderListings?: boolean;
  /** Hugo builds the handbook from `content/`: a section's list page lists every page of it, nested folders' too. */
  sectionListings?: boolean;
}

export class Site {
  private readonly pages = new Map<string, SitePage>();
  private readonly fileIndex: SiteFiles;
  private readonly inboundLinks = new Map<string, string[]>();
  private readonly resolutions = new Map<Link, Resolution>();
  /** Wikis the handbook holds pages of (crawled or mirrored): only their URLs are internal. */
  private readonly wikis = new Set<string>();
  private readonly slugCache = new WeakMap<SitePage, Set<string>>();
  private navigationFiles: Set<string> | undefined;

  constructor(readonly options: SiteOptions = {}) {
    const { repository, basePath, folder, onDisk, folderListings } = options;
    this.fileIndex = new SiteFiles(repository, basePath, folder, onDisk, folderListings);
    if (options.servedPaths) this.fileIndex.setServedPaths(options.servedPaths);
  }

  /** Adds a page, keeping only what the graph needs. */
  add(page: Page | SitePage): void {
    const slim = slimPage(page);
    this.pages.set(page.key, slim);
    if (page.source === 'markdown' && page.file !== undefined) this.fileIndex.addPage(page.file, page.key);
    const wiki = page.source === 'markdown' ? page.mirrorOf : page.source;
    if (wiki) this.wikis.add(wiki);
  }

  /** Registers a non-page file (image, PDF) so links to it work; `page`: the page a symbolic link names. */
  addAsset(file: string, page?: string): void {
    this.fileIndex.addAsset(file, page);
  }

  page(key: string): SitePage | undefined {
    return this.pages.get(key);
  }

  /** Every page, in insertion (crawl) order. */
  all(): IterableIterator<SitePage> {
    return this.pages.values();
  }

  /** Whether the site generator's navigation (not a page) lists the Markdown file `file` (after build). */
  listedInNavigation(file: string): boolean {
    const navigation = this.options.navigation;
    if (!navigation) return false;
    if (!this.navigationFiles) {
      this.navigationFiles = new Set('files' in navigation ? navigation.files : []);
      // A URL an HTML page links (`/finding-a-task.html`) finds its page as a link from the site root does.
      for (const url of navigation.urls ?? []) {
        const found = this.fileIndex.rooted(`/${url}`);
        const listed = found.kind === 'page' && found.target ? this.pages.get(found.target)?.file : undefined;
        if (listed !== undefined) this.navigationFiles.add(listed);
      }
    }
    if (this.navigationFiles.has(file)) return true;
    if (!('folder' in navigation)) return false;
    const inFolder = navigation.folder === '' || file.startsWith(`${navigation.folder}/`);
    return inFolder && !navigation.hidden?.includes(file.replace(/\.[^/.]+$/, ''));
  }

  /** Files of Markdown pages, for suggestions. */
  files(): IterableIterator<string> {
    return this.fileIndex.files();
  }

  /** Resolves every link once and indexes inbound links; linear in pages + links. */
  build(): this {
    this.fileIndex.build(this.options.navigation?.site, this.options.navigation?.served);
    const folderPages = pagesByFolder(this.pages.values());
    for (const page of this.pages.values()) {
      if (page.unreadable) continue;
      for (const link of page.links) {
        const resolution = this.resolve(page, link);
        this.resolutions.set(link, resolution);
        for (const target of linkedPages(resolution, folderPages))
          if (target !== page.key) addTo(this.inboundLinks, target, page.key);
      }
    }
    return this;
  }

  /** Where a link of a page leads (after build). */
  resolution(link: Link): Resolution | undefined {
    return this.resolutions.get(link);
  }

  /** Keys of readable pages that link to `key` (one entry per link). */
  inbound(key: string): readonly string[] {
    return this.inboundLinks.get(key) ?? [];
  }

  /**
   * Whether a page has the heading slug or explicit anchor (GitHub matches anchors case-insensitively).
   * A page filled in at build time may get the heading later, so any anchor into it is taken as there.
   */
  hasAnchor(page: SitePage, anchor: string): boolean {
    if (page.generated) return true;
    return this.anchorsOf(page).has(safeDecode(anchor).toLowerCase());
  }

  /** A page's heading anchors in the site's slug style, and its explicit anchors, lowercased. */
  anchorsOf(page: SitePage): Set<string> {
    let anchors = this.slugCache.get(page);
    if (!anchors) {
      const style = page.source === 'markdown' ? (this.options.slugStyle ?? 'github') : 'github';
      const texts = page.headings.map((h) => h.text);
      const slugs = style === 'github' ? page.headings.map((h) => h.slug) : headingSlugs(texts, style);
      // An MkDocs or Zensical page is read on its site and on GitHub: a link with either anchor works. Only a page
      // the generator builds (under `docs_dir`): a README beside that folder is read on GitHub alone.
      const { slugStyle: generator, docs } = this.options.navigation ?? {};
      const built = docs === undefined || docs === '' || page.file?.startsWith(`${docs}/`) === true;
      if (style === 'github' && generator && page.source === 'markdown' && built)
        pushAll(slugs, headingSlugs(texts, generator));
      anchors = new Set([...slugs, ...page.anchors].map((a) => a.toLowerCase()));
      this.slugCache.set(page, anchors);
    }
    return anchors;
  }

  private resolve(from: SitePage, link: Link): Resolution {
    const hash = link.href.indexOf('#');
    const rawPath = hash < 0 ? link.href : link.href.slice(0, hash);
    const anchor = hash < 0 ? undefined : link.href.slice(hash + 1) || undefined;
    const withAnchor = (r: Resolution): Resolution => (anchor === undefined ? r : { ...r, anchor });
    if (link.kind === 'external') return withAnchor(this.resolveUrl(link.href));
    if (!rawPath) return withAnchor(this.fileIndex.leadsTo('page', from.key));
    if (from.source !== 'markdown' || from.file === undefined)
      return withAnchor({ kind: 'missing', wanted: rawPath });
    const path = safeDecode(rawPath.split('?')[0] ?? '');
    return withAnchor(
      path.startsWith('/') ? this.fileIndex.rooted(path) : this.fileIndex.relative(from.file, path),
    );
  }

  private resolveUrl(href: string): Resolution {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return EXTERNAL;
    }
    const key = wikiKey(url);
    // A Notion or Confluence URL in a handbook that holds none of that wiki's pages leads outside it.
    if (key && this.wikis.has(key.slice(0, key.indexOf(':'))))
      return this.pages.has(key) ? this.fileIndex.leadsTo('page', key) : { kind: 'missing', wanted: key };
    const site = this.options.siteUrl?.replace(/\/+$/, '');
    if (site && (href === site || href.startsWith(`${site}/`) || href.startsWith(`${site}#`))) {
      const sitePath = new URL(site).pathname.replace(/\/+$/, '');
      return this.fileIndex.rooted(`/${safeDecode(url.pathname).slice(sitePath.length).replace(/^\/+/, '')}`);
    }
    return this.fileIndex.repositoryUrl(url) ?? this.devServerCopy(url) ?? EXTERNAL;
  }

  /**
   * A URL of the author's own dev server at one of the handbook's pages (`http://localhost:3000/guide/x.html`,
   * copied from the browser while writing): it leads nowhere for any reader, so it is external and names
   * the page meant. Its home (`http://localhost:3000`) is the address a how-to tells its reader to open.
   */
  private devServerCopy(url: URL): Resolution | undefined {
    if (!DEV_SERVER_HOSTS.has(url.hostname) || trimSlashes(url.pathname) === '') return undefined;
    const local = this.fileIndex.rooted(safeDecode(url.pathname));
    const file = local.kind === 'page' && local.target ? this.pages.get(local.target)?.file : undefined;
    return file === undefined ? undefined : { kind: 'external', devServerCopyOf: file };
  }

  /**
   * Pages reachable from `roots` along navigation: links of kind navigation, every link of an index
   * page (index.md, README.md, SUMMARY.md), Hugo `_index.md` sections (which list their children),
   * and, when `hierarchy` is set, parent -> child. A folder's index is reached through its parent's (unless
   * the navigation lists indexes: `indexesListed`), records (`listedTypes`: dated minutes, numbered decisions)
   * through their folder's index: the folder listing sites and repository browsers show is how readers find them.
   */
  reachableFrom(
    roots: Iterable<string>,
    hierarchy: boolean,
    listedTypes: ReadonlySet<string> = new Set(),
  ): Set<string> {
    const children = new Map<string, string[]>();
    const listing = this.generatedListings();
    const folderPages = pagesByFolder(this.pages.values());
    const indexReached = (page: SitePage) =>
      isNavigationPage(page) && !this.options.navigation?.indexesListed;
    for (const page of this.pages.values()) {
      if (!page.parent) continue;
      const parent = this.pages.get(page.parent);
      const listed =
        hierarchy ||
        isHugoSection(parent?.file) ||
        listing.has(page.parent) ||
        (page.source === 'markdown' && (indexReached(page) || listedTypes.has(page.type ?? '')));
      if (parent && listed) addTo(children, page.parent, page.key);
    }
    const seen = new Set<string>();
    const queue = [...roots].filter((key) => this.pages.has(key));
    for (const key of queue) seen.add(key);
    while (queue.length) {
      const key = queue.pop() as string;
      const page = this.pages.get(key);
      if (!page || page.unreadable) continue;
      const isIndex = isNavigationPage(page);
      const next = [...(children.get(key) ?? [])];
      for (const link of page.links) {
        if (!(isIndex || link.kind === 'navigation')) continue;
        // A folder's listing (GitHub's, where no generator serves the folder) shows the pages in it.
        for (const target of linkedPages(this.resolutions.get(link), folderPages))
          if (this.pages.has(target)) next.push(target);
      }
      for (const target of next) {
        if (seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    return seen;
  }

  /**
   * Markdown index pages whose pages the site generator lists: an index written for a generator (title from
   * front matter, no `# heading`) that links none of the pages below it, as Jekyll and Eleventy layouts and
   * Docusaurus' generated sidebars list a section's pages. An index that lists its pages by hand and leaves one
   * out leaves it an orphan, as does a README with a heading and no links; MkDocs' `nav` says it itself.
   */
  private generatedListings(): Set<string> {
    const listing = new Set<string>();
    // A whole sidebar says itself which pages it lists; an HTML page's links (`partial`) do not.
    if (this.options.navigation && !this.options.navigation.partial) return listing;
    const parents = new Set<string>();
    for (const page of this.pages.values()) if (page.parent) parents.add(page.parent);
    for (const key of parents) {
      const index = this.pages.get(key);
      if (index?.source !== 'markdown' || index.unreadable || index.file === undefined) continue;
      if (index.headings.some((h) => h.depth === 1) || namedAfterFile(index.file, index.title)) continue;
      const folder = posix.dirname(index.file);
      const linksBelow = index.links.some((link) => {
        const target = this.resolutions.get(link)?.target;
        const file = target === undefined || target === key ? undefined : this.pages.get(target)?.file;
        return file !== undefined && (folder === '.' || file.startsWith(`${folder}/`));
      });
      if (!linksBelow) listing.add(key);
    }
    return listing;
  }
}
