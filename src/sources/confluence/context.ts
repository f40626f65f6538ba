import type { ListedSpace } from './listing.js';
import { ConfluenceTree, PendingContext, type TreePage } from './tree.js';

/** What every page of one crawl shares from the start: the site, its crawled spaces, the configured roots. */
export interface ContextSetup {
  siteUrl: string;
  spaces: ListedSpace[];
  roots: string[];
}

/**
 * What the crawl learns as it goes, in the order it learns it: listed pages, display names (with
 * the ids that were asked for, found or not), and that the listing or the look-ups are complete.
 * Plain data, so the same sequence can be replayed in a worker thread.
 */
export type ContextDelta =
  | { pages: TreePage[] }
  | { users: [string, string][]; asked: string[] }
  | { finished: 'tree' | 'users' };

/** Display names by account id, learned in bulk look-ups; until `finish`, an id not asked for yet is pending. */
export class UserNames {
  private readonly names = new Map<string, string>();
  private readonly asked = new Set<string>();
  private complete = false;

  add(names: Iterable<[string, string]>, asked: Iterable<string>): void {
    for (const [id, name] of names) this.names.set(id, name);
    for (const id of asked) this.asked.add(id);
  }

  finish(): void {
    this.complete = true;
  }

  get finished(): boolean {
    return this.complete;
  }

  /** Whether a look-up has already covered this id. */
  known(id: string): boolean {
    return this.asked.has(id) || this.names.has(id);
  }

  /** The display name; undefined for an account the look-up did not find. */
  name(id: string): string | undefined {
    const name = this.names.get(id);
    if (name !== undefined || this.complete || this.asked.has(id)) return name;
    throw new PendingContext(`user ${id}`);
  }

  entries(): [string, string][] {
    return [...this.names];
  }

  askedIds(): string[] {
    return [...this.asked];
  }
}

/** The tree and the names a page's conversion reads, kept up to date from deltas. */
export class CrawlContext {
  readonly siteUrl: string;
  readonly tree: ConfluenceTree;
  readonly users = new UserNames();

  constructor(setup: ContextSetup) {
    this.siteUrl = setup.siteUrl;
    this.tree = ConfluenceTree.growing(setup.spaces, setup.siteUrl, new Set(setup.roots));
  }

  apply(delta: ContextDelta): void {
    if ('pages' in delta) this.tree.add(delta.pages);
    else if ('users' in delta) this.users.add(delta.users, delta.asked);
    else if (delta.finished === 'tree') this.tree.finish();
    else this.users.finish();
  }

  /** Both the listing and the name look-ups are complete: no look-up can be pending any more. */
  get final(): boolean {
    return this.tree.finished && this.users.finished;
  }

  /** The deltas that bring a new context to this one's state (for a worker started mid-crawl). */
  snapshot(): ContextDelta[] {
    const deltas: ContextDelta[] = [
      { pages: this.tree.listedPages() },
      { users: this.users.entries(), asked: this.users.askedIds() },
    ];
    if (this.tree.finished) deltas.push({ finished: 'tree' });
    if (this.users.finished) deltas.push({ finished: 'users' });
    return deltas;
  }
}
