import { posix } from 'node:path';
import type { Heading, Link, Page } from './model/page.js';

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
}

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

  constructor(options: SiteOptions = {}) {
    this.options = options;
  }

  /** Adds a page, keeping only what the graph needs. */
  add(page: Page | SitePage): void {
    const slim = slimPage(page);
    this.pages.set(page.key, slim);
    if (page.source === 'markdown' && page.file !== undefined) this.byFile.set(page.file, page.key);
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

  /** Whether a page has the heading slug or explicit anchor (GitHub matches anchors case-insensitively). */
  hasAnchor(page: SitePage, anchor: string): boolean {
    const wanted = safeDecode(anchor).toLowerCase();
    return (
      page.headings.some((h: Heading) => h.slug === wanted) ||
      page.anchors.some((a) => a.toLowerCase() === wanted)
    );
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
    const base = this.options.basePath?.replace(/\/+$/, '');
    let wanted: string;
    if (path.startsWith('/')) {
      const stripped =
        base && (path === base || path.startsWith(`${base}/`)) ? path.slice(base.length) : path;
      wanted = posix.normalize(stripped.replace(/^\/+/, '') || '.');
    } else {
      wanted = posix.normalize(posix.join(posix.dirname(from.file), path));
    }
    return withAnchor(this.resolveFile(wanted));
  }

  private resolveUrl(href: string): Resolution {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return { kind: 'external' };
    }
    const key = wikiKey(url);
    if (key) return this.pages.has(key) ? { kind: 'page', target: key } : { kind: 'missing', wanted: key };
    const site = this.options.siteUrl?.replace(/\/+$/, '');
    if (site && (href === site || href.startsWith(`${site}/`) || href.startsWith(`${site}#`))) {
      const path = safeDecode(url.pathname).replace(/^\/+/, '');
      return this.resolveFile(posix.normalize(path || '.'));
    }
    return { kind: 'external' };
  }

  private resolveFile(wanted: string): Resolution {
    if (wanted.startsWith('../')) return { kind: 'missing', wanted };
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
   * Pages reachable from `roots` along navigation: links of kind navigation, every link of an index
   * page (index.md, README.md, SUMMARY.md), Hugo `_index.md` sections (which list their children),
   * and, when `hierarchy` is set, parent -> child.
   */
  reachableFrom(roots: Iterable<string>, hierarchy: boolean): Set<string> {
    const children = new Map<string, string[]>();
    for (const page of this.pages.values()) {
      if (!page.parent) continue;
      const parent = this.pages.get(page.parent);
      if (!parent || !(hierarchy || parent.file?.endsWith('_index.md'))) continue;
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
