import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Link, Page } from './model/page.js';
import { headingSlugs, type SlugStyle } from './normalize/slug-style.js';
import { type Repository, repositoryPath } from './repository.js';

/** What the link graph keeps of a page: no body, no tree, so 100,000 pages fit in memory. */
export type SitePage = Omit<Page, 'markdown' | 'tree' | 'fields'>;

/** Drops body, tree and fields: what the link graph keeps (and what worker threads send back). */
export function slimPage(page: Page | SitePage): SitePage {
  if (!('tree' in page)) return page;
  const { markdown: _markdown, tree: _tree, fields: _fields, ...slim } = page;
  return slim;
}

/** Where a link leads once resolved; `page` is a page key, `asset` a non-page file that exists. */
export interface Resolution {
  kind: 'page' | 'asset' | 'external' | 'missing';
  target?: string;
  anchor?: string;
  /** The normalized path or id that was looked for, for messages and suggestions. */
  wanted?: string;
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
}

/**
 * Folders static-site generators publish as the site root (Hugo and Next.js `content/`, MkDocs and
 * Docusaurus `docs/`): a root-absolute link or a site URL is looked up there when the lint root is the
 * repository around them.
 */
const SITE_ROOT_FOLDERS = ['content', 'docs'];

const PAGE_EXTENSIONS = ['.md', '.markdown'];
const INDEX_FILES = ['index.md', 'README.md', '_index.md', 'readme.md'];
const NOTION_ID =
  /(?:^|[-/])([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:$|[?#])/i;
const CONFLUENCE_PAGE = /\/wiki\/(?:spaces\/[^/]+\/pages\/|pages\/viewpage\.action\?(?:.*&)?pageId=)(\d+)/;
// The Confluence source links a page title no page has as `/wiki/spaces/KEY/pages/title/<title>`.
const CONFLUENCE_TITLE = /\/wiki\/spaces\/([^/]+)\/pages\/title\/([^/?#]+)/;

/** A Notion id in its dashed form, the form page keys use. */
export function dashedNotionId(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Resolves a wiki URL (Notion page URL or id, Confluence page URL) to a page key, if it is one;
 * a Confluence title link to no page gets a key no page has, so it resolves as missing.
 */
export function wikiKey(url: URL): string | undefined {
  if (/(^|\.)notion\.(so|site)$/.test(url.hostname)) {
    const id = NOTION_ID.exec(url.pathname + url.search);
    return id?.[1] ? `notion:${dashedNotionId(id[1])}` : undefined;
  }
  const confluence = CONFLUENCE_PAGE.exec(url.pathname + url.search);
  if (confluence?.[1]) return `confluence:${confluence[1]}`;
  // Never a page key, so the link resolves as missing: a broken link to that title.
  const title = CONFLUENCE_TITLE.exec(url.pathname);
  return title?.[1] && title[2]
    ? `confluence:title:${safeDecode(title[1])}/${safeDecode(title[2])}`
    : undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** All pages of all sources in one graph: link resolution, inbound links, navigation reachability. */
export class Site {
  private readonly pages = new Map<string, SitePage>();
  private readonly byFile = new Map<string, string>();
  private readonly assets = new Set<string>();
  private readonly inboundLinks = new Map<string, string[]>();
  private readonly resolutions = new Map<Link, Resolution>();
  private readonly options: SiteOptions;
  /** Wikis the handbook holds pages of (crawled or mirrored): only their URLs are internal. */
  private readonly wikis = new Set<string>();
  private siteRoots: string[] = [''];
  private readonly slugCache = new WeakMap<SitePage, Set<string>>();

  constructor(options: SiteOptions = {}) {
    this.options = options;
  }

  /** Adds a page, keeping only what the graph needs. */
  add(page: Page | SitePage): void {
    const slim = slimPage(page);
    this.pages.set(page.key, slim);
    if (page.source === 'markdown' && page.file !== undefined) this.byFile.set(page.file, page.key);
    const wiki = page.source === 'markdown' ? page.mirrorOf : page.source;
    if (wiki) this.wikis.add(wiki);
  }

  /** Registers a non-page file (image, PDF) so links to it are not broken. */
  addAsset(file: string): void {
    this.assets.add(file);
  }

  page(key: string): SitePage | undefined {
    return this.pages.get(key);
  }

  /** Every page, in insertion (crawl) order. */
  all(): IterableIterator<SitePage> {
    return this.pages.values();
  }

  /** Files of Markdown pages, for suggestions. */
  files(): IterableIterator<string> {
    return this.byFile.keys();
  }

  /** Resolves every link once and indexes inbound links; linear in pages + links. */
  build(): this {
    const files = [...this.byFile.keys()];
    this.siteRoots = [
      '',
      ...SITE_ROOT_FOLDERS.filter((folder) => files.some((file) => file.startsWith(`${folder}/`))),
    ];
    for (const page of this.pages.values()) {
      if (page.unreadable) continue;
      for (const link of page.links) {
        const resolution = this.resolve(page, link);
        this.resolutions.set(link, resolution);
        if (resolution.kind === 'page' && resolution.target && resolution.target !== page.key) {
          const list = this.inboundLinks.get(resolution.target);
          if (list) list.push(page.key);
          else this.inboundLinks.set(resolution.target, [page.key]);
        }
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
      const slugs =
        style === 'github'
          ? page.headings.map((h) => h.slug)
          : headingSlugs(
              page.headings.map((h) => h.text),
              style,
            );
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
    if (!rawPath) return withAnchor({ kind: 'page', target: from.key });
    if (from.source !== 'markdown' || from.file === undefined)
      return withAnchor({ kind: 'missing', wanted: rawPath });
    const path = safeDecode(rawPath.split('?')[0] ?? '');
    if (path.startsWith('/')) return withAnchor(this.resolveRooted(path));
    const fromFile = this.resolveFile(posix.normalize(posix.join(posix.dirname(from.file), path)));
    if (fromFile.kind !== 'missing' || isNavigationPage(from) || /\.(md|markdown)$/i.test(path))
      return withAnchor(fromFile);
    // A link to a URL rather than a file (`../chat-platform/`), written for a site that serves each
    // page as a folder (Hugo, Jekyll and Docusaurus pretty URLs: `about/meeting.md` at `/about/meeting/`).
    const fromUrl = this.resolveFile(posix.normalize(posix.join(from.file.replace(/\.[^/.]+$/, ''), path)));
    return withAnchor(fromUrl.kind === 'missing' ? fromFile : fromUrl);
  }

  /**
   * A root-absolute path: from the published site's root (after `base-path`), which is the lint root
   * or its content/ or docs/ folder, or else, as GitHub reads it, from the repository's root.
   */
  private resolveRooted(path: string): Resolution {
    const base = this.options.basePath?.replace(/\/+$/, '');
    const stripped = base && (path === base || path.startsWith(`${base}/`)) ? path.slice(base.length) : path;
    const fromSite = posix.normalize(stripped.replace(/^\/+/, '') || '.');
    let first: Resolution | undefined;
    for (const root of this.siteRoots) {
      const resolution = this.resolveFile(root ? posix.join(root, fromSite) : fromSite);
      if (resolution.kind !== 'missing') return resolution;
      first ??= resolution;
    }
    const repository = this.options.repository;
    if (!repository) return first ?? { kind: 'missing', wanted: fromSite };
    const inRepository = this.resolveRepositoryPath(repository, path);
    return inRepository.kind === 'missing' && first ? first : inRepository;
  }

  /** A path from the repository's root, resolved from the lint root (above it, in the checkout). */
  private resolveRepositoryPath(repository: Repository, path: string): Resolution {
    const fromRoot = posix.normalize(path.replace(/^\/+/, '') || '.');
    return this.resolveFile(posix.relative(repository.folder, fromRoot) || '.');
  }

  private resolveUrl(href: string): Resolution {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return { kind: 'external' };
    }
    const key = wikiKey(url);
    // A Notion or Confluence URL in a handbook that holds none of that wiki's pages leads outside it.
    if (key && this.wikis.has(key.slice(0, key.indexOf(':'))))
      return this.pages.has(key) ? { kind: 'page', target: key } : { kind: 'missing', wanted: key };
    const site = this.options.siteUrl?.replace(/\/+$/, '');
    if (site && (href === site || href.startsWith(`${site}/`) || href.startsWith(`${site}#`))) {
      const sitePath = new URL(site).pathname.replace(/\/+$/, '');
      return this.resolveRooted(`/${safeDecode(url.pathname).slice(sitePath.length).replace(/^\/+/, '')}`);
    }
    const repository = this.options.repository;
    const inRepository = repository && repositoryPath(repository, url);
    if (repository && inRepository !== undefined)
      return this.resolveRepositoryPath(repository, `/${safeDecode(inRepository)}`);
    return { kind: 'external' };
  }

  private resolveFile(wanted: string): Resolution {
    if (wanted === '..' || wanted.startsWith('../')) return this.resolveOutside(wanted);
    const trimmed = wanted.replace(/\/+$/, '');
    const stem = trimmed.replace(/\.html?$/, '');
    const candidates = [
      trimmed,
      ...PAGE_EXTENSIONS.map((ext) => `${stem}${ext}`),
      ...INDEX_FILES.map((name) => (trimmed === '.' || trimmed === '' ? name : `${trimmed}/${name}`)),
    ];
    for (const candidate of candidates) {
      const key = this.byFile.get(candidate);
      if (key) return { kind: 'page', target: key, wanted };
    }
    if (this.assets.has(trimmed)) return { kind: 'asset', target: trimmed, wanted };
    return { kind: 'missing', wanted };
  }

  /**
   * A path above the lint root: in a git checkout the rest of the repository is on disk (a file there
   * is linked like an asset); otherwise nothing says it exists.
   */
  private resolveOutside(wanted: string): Resolution {
    const repository = this.options.repository;
    if (!repository?.checkout) return { kind: 'missing', wanted };
    const fromTop = posix.normalize(posix.join(repository.folder, wanted));
    if (fromTop.startsWith('../') || !existsSync(join(repository.checkout, fromTop)))
      return { kind: 'missing', wanted };
    return { kind: 'asset', target: fromTop, wanted };
  }

  /**
   * Pages reachable from `roots` along navigation: links of kind navigation, every link of an index
   * page (index.md, README.md, SUMMARY.md), Hugo `_index.md` sections (which list their children),
   * and, when `hierarchy` is set, parent -> child. A folder's index page is reached through its
   * parent's, and records (`listedTypes`: dated minutes, numbered decisions) through their folder's
   * index, as the folder listing every site and repository browser shows them is how readers find them.
   */
  reachableFrom(
    roots: Iterable<string>,
    hierarchy: boolean,
    listedTypes: ReadonlySet<string> = new Set(),
  ): Set<string> {
    const children = new Map<string, string[]>();
    for (const page of this.pages.values()) {
      if (!page.parent) continue;
      const parent = this.pages.get(page.parent);
      const listed =
        hierarchy ||
        parent?.file?.endsWith('_index.md') ||
        (page.source === 'markdown' && (isNavigationPage(page) || listedTypes.has(page.type ?? '')));
      if (!parent || !listed) continue;
      const list = children.get(page.parent);
      if (list) list.push(page.key);
      else children.set(page.parent, [page.key]);
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
        const target = this.resolutions.get(link)?.target;
        if (target && this.pages.has(target)) next.push(target);
      }
      for (const target of next) {
        if (seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    return seen;
  }
}

/** Index pages exist to navigate: every link on them is a navigation edge. */
export function isNavigationPage(page: Pick<SitePage, 'file'>): boolean {
  const name = page.file ? posix.basename(page.file) : '';
  return INDEX_FILES.includes(name) || name === 'SUMMARY.md';
}
