import { cutBreadcrumbs } from '../breadcrumbs.js';
import type { ListedDataSource, ListedPage, ParentRef } from './listing.js';
import { plainText } from './properties.js';

/** A database as a page of the handbook: readers open it from its parent page and find its rows in it. */
export interface DatabaseNode {
  id: string;
  title: string;
  parentPageId?: string;
  createdTime: string;
  /** The newest edit of the database or any row: adding a decision is an edit of the decision log. */
  lastEditedTime: string;
  rows: ListedPage[];
}

/**
 * Levels below a root the walk goes and `within` accepts: deeper than any real workspace, and it stops a
 * parent cycle in a corrupt answer from looping. A walk that stops here says so (walk.ts).
 */
export const MAX_DEPTH = 64;

/** The workspace's shape from the listing alone: titles, parents, breadcrumbs, databases, root subtrees. */
export class NotionTree {
  private readonly pages = new Map<string, ListedPage>();
  private readonly titles = new Map<string, string>();
  private readonly databaseNodes = new Map<string, DatabaseNode>();
  private readonly paths = new Map<string, string>();
  /** Pages whose breadcrumb `path` cut at MAX_DEPTH titles, or took its start from one that did. */
  private readonly cut = new Set<string>();

  constructor(pages: readonly ListedPage[], dataSources: ReadonlyMap<string, ListedDataSource>) {
    for (const source of dataSources.values()) {
      this.databaseNodes.set(source.databaseId, {
        id: source.databaseId,
        title: source.title,
        ...(source.parentPageId ? { parentPageId: source.parentPageId } : {}),
        createdTime: source.createdTime,
        lastEditedTime: source.lastEditedTime,
        rows: [],
      });
      this.titles.set(source.databaseId, source.title);
    }
    for (const page of pages) {
      this.pages.set(page.id, page);
      const title = Object.values(page.properties).find((p) => p.type === 'title');
      this.titles.set(page.id, (title?.type === 'title' && plainText(title.title)) || 'Untitled');
      const database = page.parent.type === 'database' ? this.databaseNodes.get(page.parent.id) : undefined;
      if (database) {
        database.rows.push(page);
        if (page.lastEditedTime > database.lastEditedTime) database.lastEditedTime = page.lastEditedTime;
      }
    }
  }

  /** Title of a listed page or database. */
  title(id: string): string | undefined {
    return this.titles.get(id);
  }

  /** The database a row belongs to, if the listing showed it. */
  database(id: string): DatabaseNode | undefined {
    return this.databaseNodes.get(id);
  }

  /** Every database seen, in listing order. */
  databases(): IterableIterator<DatabaseNode> {
    return this.databaseNodes.values();
  }

  private parentOf(id: string): ParentRef {
    const page = this.pages.get(id);
    if (page) return page.parent;
    const parentPageId = this.databaseNodes.get(id)?.parentPageId;
    return parentPageId ? { type: 'page', id: parentPageId } : { type: 'none' };
  }

  /** The parent's page key; a row's parent is its database, a database's the page it sits on. */
  parentKey(id: string): string | undefined {
    const parent = this.parentOf(id);
    return parent.type === 'none' ? undefined : `notion:${parent.id}`;
  }

  /** Breadcrumb of titles from the top, e.g. "Acme Handbook/Engineering/Decision log/ADR-003 …". */
  path(id: string): string {
    const known = this.paths.get(id);
    if (known !== undefined) return known;
    const chain: string[] = [];
    let current: string | undefined = id;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      const cached = this.paths.get(current);
      if (cached !== undefined) {
        chain.push(cached);
        if (this.cut.has(current)) this.cut.add(id);
        current = undefined;
        break;
      }
      chain.push(this.titles.get(current) ?? 'Untitled');
      const parent = this.parentOf(current);
      current = parent.type === 'none' || !this.titles.has(parent.id) ? undefined : parent.id;
    }
    if (current) this.cut.add(id);
    const path = chain.reverse().join('/');
    this.paths.set(id, path);
    return path;
  }

  /** What the crawl tells the person running it of the breadcrumbs `path` cut at MAX_DEPTH, if any. */
  cutNotice(): string | undefined {
    return cutBreadcrumbs('Notion', [...this.cut].sort(), (id) => this.titles.get(id), MAX_DEPTH);
  }

  /** Whether a page or database is one of `roots` or below one; everything is when no roots are set. */
  within(id: string, roots: ReadonlySet<string>): boolean {
    if (!roots.size) return true;
    let current: string | undefined = id;
    // A page MAX_DEPTH levels below its root is the walk's last level: the root is one step more.
    for (let depth = 0; current && depth <= MAX_DEPTH; depth++) {
      if (roots.has(current)) return true;
      const parent = this.parentOf(current);
      current = parent.type === 'none' ? undefined : parent.id;
    }
    return false;
  }
}
