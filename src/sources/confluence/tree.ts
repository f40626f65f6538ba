import type { ListedPage, ListedSpace } from './listing.js';

// Deeper than any real page tree; stops a parent cycle in a corrupt answer from looping.
const MAX_DEPTH = 64;

/** The URL form this crawler gives a page title no listed page has, so the site reports the link as broken. */
export function missingTitleUrl(siteUrl: string, spaceKey: string, title: string): string {
  return `${siteUrl}/wiki/spaces/${encodeURIComponent(spaceKey)}/pages/title/${encodeURIComponent(title)}`;
}

/**
 * The crawled spaces' shape from the listing alone: titles to ids (storage links name pages by
 * title), parents, breadcrumbs, root subtrees, and the URL each link should carry.
 */
export class ConfluenceTree {
  private readonly pages = new Map<string, ListedPage>();
  private readonly byTitle = new Map<string, string>();
  private readonly spaces = new Map<string, ListedSpace>();
  private readonly spaceIds = new Map<string, string>();
  private readonly paths = new Map<string, string>();
  private readonly siteUrl: string;
  private readonly roots: ReadonlySet<string>;

  constructor(
    pages: readonly ListedPage[],
    spaces: readonly ListedSpace[],
    siteUrl: string,
    roots: ReadonlySet<string>,
  ) {
    this.siteUrl = siteUrl;
    this.roots = roots;
    for (const space of spaces) {
      this.spaces.set(space.id, space);
      this.spaceIds.set(space.key, space.id);
    }
    for (const page of pages) {
      this.pages.set(page.id, page);
      this.byTitle.set(`${page.spaceId}\0${page.title}`, page.id);
    }
  }

  /** A crawled space by id. */
  space(id: string): ListedSpace | undefined {
    return this.spaces.get(id);
  }

  /** A crawled space's name by key (decoded from a URL), for breadcrumbs of pages known only from links. */
  spaceName(key: string): string | undefined {
    let decoded = key;
    try {
      decoded = decodeURIComponent(key);
    } catch {
      // a stray '%' in a hand-written URL: look the key up as written
    }
    const id = this.spaceIds.get(decoded);
    return id === undefined ? undefined : this.spaces.get(id)?.name;
  }

  /** The parent's page key, when the parent is a listed page. */
  parentKey(id: string): string | undefined {
    const parentId = this.pages.get(id)?.parentId;
    return parentId && this.pages.has(parentId) ? `confluence:${parentId}` : undefined;
  }

  /** Breadcrumb from the space name down, e.g. "Handbook/Handbook Home/Decision Log/DR-001: ...". */
  path(id: string): string {
    const known = this.paths.get(id);
    if (known !== undefined) return known;
    const chain: string[] = [];
    let current = this.pages.get(id);
    const spaceName = current ? (this.spaces.get(current.spaceId)?.name ?? '') : '';
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      chain.push(current.title);
      current = current.parentId ? this.pages.get(current.parentId) : undefined;
    }
    const path = [spaceName, ...chain.reverse()].filter(Boolean).join('/');
    this.paths.set(id, path);
    return path;
  }

  /** Whether a page is one of the roots or below one; every page is when no roots are set. */
  selected(id: string): boolean {
    if (!this.roots.size) return this.pages.has(id);
    let current: string | undefined = id;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      if (this.roots.has(current)) return true;
      current = this.pages.get(current)?.parentId;
    }
    return false;
  }

  /** The URL page keys are read from (`/wiki/spaces/KEY/pages/<id>`). */
  pageUrl(id: string): string {
    const page = this.pages.get(id);
    const key = page ? (this.spaces.get(page.spaceId)?.key ?? '') : '';
    return `${this.siteUrl}/wiki/spaces/${encodeURIComponent(key)}/pages/${id}`;
  }

  /**
   * Where a link to the page titled `title` in `spaceKey` leads: the page's URL when it is crawled;
   * a title URL the site reports as broken when the space is crawled but has no such page; and
   * Confluence's own display URL, left unchecked, for pages outside the crawl.
   */
  linkUrl(spaceKey: string, title: string): string {
    const spaceId = this.spaceIds.get(spaceKey);
    const id = spaceId === undefined ? undefined : this.byTitle.get(`${spaceId}\0${title}`);
    if (id && this.selected(id)) return this.pageUrl(id);
    if (spaceId !== undefined && !id) return missingTitleUrl(this.siteUrl, spaceKey, title);
    return `${this.siteUrl}/wiki/display/${encodeURIComponent(spaceKey)}/${encodeURIComponent(title).replace(/%20/g, '+')}`;
  }

  /** Where a link to a space leads: its home page when crawled, else the space overview. */
  spaceUrl(spaceKey: string): string {
    const spaceId = this.spaceIds.get(spaceKey);
    const home = spaceId === undefined ? undefined : this.spaces.get(spaceId)?.homepageId;
    if (home && this.selected(home)) return this.pageUrl(home);
    return `${this.siteUrl}/wiki/spaces/${encodeURIComponent(spaceKey)}`;
  }
}
