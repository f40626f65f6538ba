import { cutBreadcrumbs } from '../breadcrumbs.js';
import type { ListedPage } from './listed-page.js';
import type { ListedSpace } from './listing.js';

/**
 * Thrown by a look-up whose answer may still change while the listing grows (a title not listed
 * yet, a parent not seen yet): the page is built again once the listing is complete.
 */
export class PendingContext extends Error {
  constructor(what: string) {
    super(`not known until the listing is complete: ${what}`);
    this.name = 'PendingContext';
  }
}

/**
 * What the tree keeps of a listed page: enough for titles, parents and URLs, without the body. A
 * Cloud folder is kept alike (`folder`): it has a place and a title in breadcrumbs, but is no page.
 */
export type TreePage = Pick<ListedPage, 'id' | 'title' | 'spaceId' | 'parentId'> & { folder?: true };

/**
 * Levels below a root a page may lie and be crawled under `roots`: deeper than any real page tree, and it
 * stops a parent cycle in a corrupt answer from looping. A page past it is counted in `tooDeep`.
 */
const MAX_DEPTH = 64;

/** The URL form this crawler gives a page title no listed page has, so the site reports the link as broken. */
export function missingTitleUrl(siteUrl: string, spaceKey: string, title: string): string {
  return `${siteUrl}/wiki/spaces/${encodeURIComponent(spaceKey)}/pages/title/${encodeURIComponent(title)}`;
}

/**
 * The crawled spaces' shape from the listing alone: titles to ids (storage links name pages by
 * title), parents, breadcrumbs, root subtrees, and the URL each link should carry. A tree built
 * with `growing` fills in as listing pages arrive, so pages can be converted while the crawl goes
 * on: until `finish`, a look-up whose answer could still change throws PendingContext.
 */
export class ConfluenceTree {
  private readonly pages = new Map<string, TreePage>();
  /**
   * Page ids by space id, then title. Two maps, not one keyed by the two joined: a joined key is a new
   * string to hash at every look-up, and the crawl asks after each listing batch for each waiting page.
   */
  private readonly byTitle = new Map<string, Map<string, string>>();
  private readonly spaces = new Map<string, ListedSpace>();
  private readonly spaceIds = new Map<string, string>();
  private readonly paths = new Map<string, string>();
  private readonly siteUrl: string;
  private readonly roots: ReadonlySet<string>;
  private complete = false;
  /** Pages `selected` gave up on at MAX_DEPTH (deeper, or in a cycle of parents): left out, for the crawl to say so. */
  private readonly tooDeep = new Set<string>();
  /** Pages whose breadcrumb `path` cut at MAX_DEPTH titles (deeper, or in a cycle of parents), for the crawl to say so. */
  private readonly cut = new Set<string>();

  /** A complete tree from a finished listing. */
  constructor(
    pages: readonly TreePage[],
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
    this.add(pages);
    this.complete = true;
  }

  /** An empty tree that grows with `add` as the listing arrives, until `finish`. */
  static growing(
    spaces: readonly ListedSpace[],
    siteUrl: string,
    roots: ReadonlySet<string>,
  ): ConfluenceTree {
    const tree = new ConfluenceTree([], spaces, siteUrl, roots);
    tree.complete = false;
    return tree;
  }

  /** Adds listed pages. Titles are unique within a space; should a listing repeat one, the first page keeps it. */
  add(pages: readonly TreePage[]): void {
    for (const { id, title, spaceId, parentId, folder } of pages) {
      this.pages.set(id, {
        id,
        title,
        spaceId,
        ...(parentId ? { parentId } : {}),
        ...(folder ? { folder } : {}),
      });
      // Storage links name pages by title, never folders.
      if (folder) continue;
      const titles = this.byTitle.get(spaceId) ?? new Map<string, string>();
      this.byTitle.set(spaceId, titles);
      if (!titles.has(title)) titles.set(title, id);
    }
  }

  /** The listing is complete: a look-up that finds nothing now means there is nothing. */
  finish(): void {
    this.complete = true;
  }

  get finished(): boolean {
    return this.complete;
  }

  /** Whether a link to this title already gets the URL it will have once the listing is complete. */
  knowsTitle(spaceKey: string, title: string): boolean {
    const spaceId = this.spaceIds.get(spaceKey);
    return this.complete || spaceId === undefined || this.titleId(spaceId, title) !== undefined;
  }

  /** Whether a link to this space already gets its final URL (its home page is listed, or it has none). */
  knowsSpace(spaceKey: string): boolean {
    const spaceId = this.spaceIds.get(spaceKey);
    const home = spaceId === undefined ? undefined : this.spaces.get(spaceId)?.homepageId;
    return this.complete || home === undefined || this.pages.has(home);
  }

  /** Whether every ancestor of a listed page is listed, so its breadcrumb is final. */
  knowsAncestors(id: string): boolean {
    let current = this.pages.get(id);
    for (let depth = 0; current?.parentId && depth < MAX_DEPTH; depth++) {
      current = this.pages.get(current.parentId);
    }
    return this.complete || current !== undefined;
  }

  private titleId(spaceId: string, title: string): string | undefined {
    return this.byTitle.get(spaceId)?.get(title);
  }

  /** A listed page by id. */
  page(id: string): TreePage | undefined {
    return this.pages.get(id);
  }

  private listed(id: string, what: string): boolean {
    if (this.pages.has(id)) return true;
    if (!this.complete) throw new PendingContext(what);
    return false;
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

  /** The parent's page key: the nearest listed page above, through any folders between. */
  parentKey(id: string): string | undefined {
    let parentId = this.pages.get(id)?.parentId;
    for (let depth = 0; parentId && depth < MAX_DEPTH; depth++) {
      if (!this.listed(parentId, `parent ${parentId}`)) return undefined;
      const parent = this.pages.get(parentId);
      if (!parent?.folder) return `confluence:${parentId}`;
      parentId = parent.parentId;
    }
    return undefined;
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
      const parentId = current.parentId;
      current =
        parentId && this.listed(parentId, `parent ${parentId}`) ? this.pages.get(parentId) : undefined;
    }
    if (current) this.cut.add(id);
    const path = [spaceName, ...chain.reverse()].filter(Boolean).join('/');
    this.paths.set(id, path);
    return path;
  }

  /** Whether a page is one of the roots or below one; every page is when no roots are set. */
  selected(id: string): boolean {
    if (!this.roots.size) return this.listed(id, `page ${id}`);
    if (!this.complete) throw new PendingContext(`whether page ${id} is under a root`);
    let current: string | undefined = id;
    // A page MAX_DEPTH levels below its root is selected: the root is one step more.
    for (let depth = 0; current && depth <= MAX_DEPTH; depth++) {
      if (this.roots.has(current)) return true;
      current = this.pages.get(current)?.parentId;
    }
    if (current) this.tooDeep.add(id);
    return false;
  }

  /** What the crawl tells the person running it of the pages `selected` left out at MAX_DEPTH, if any. */
  tooDeepNotice(): string | undefined {
    if (!this.tooDeep.size) return undefined;
    const ids = [...this.tooDeep].sort();
    const more = ids.length > 1 ? ` (and ${ids.length - 1} more)` : '';
    return `Confluence: page ${ids[0]}${more} has more than ${MAX_DEPTH} pages above it (or a loop of parents): the search for a root of sources.confluence.roots above it stopped there, and it was not crawled.`;
  }

  /** What the crawl tells the person running it of the breadcrumbs `path` cut at MAX_DEPTH, if any. */
  cutNotice(): string | undefined {
    return cutBreadcrumbs('Confluence', [...this.cut].sort(), (id) => this.pages.get(id)?.title, MAX_DEPTH);
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
    const id = spaceId === undefined ? undefined : this.titleId(spaceId, title);
    if (spaceId !== undefined && !id && !this.complete) throw new PendingContext(`title "${title}"`);
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
