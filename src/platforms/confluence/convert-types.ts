import type { Element, ElementContent } from 'hast';

/** What a conversion needs to know beyond the storage itself: where pages live and who users are. */
export interface StorageContext {
  /** The page's own space; page links without `ri:space-key` point into it. */
  spaceKey: string;
  /** Site URL without `/wiki` (https://acme.atlassian.net), for root-relative hrefs. */
  siteUrl: string;
  /** URL of the page titled `title` in space `spaceKey`, or of where it would be when it does not exist. */
  pageUrl(spaceKey: string, title: string): string;
  /** URL of a space's home page. */
  spaceUrl(spaceKey: string): string;
  /** Display name for an account id, when known. */
  userName(accountId: string): string | undefined;
}

/** Where in the page a node sits; some constructs read differently by place (a date in a task is its due date). */
export interface Scope {
  inTask: boolean;
  /** Inside page properties: people are values there, not mentions. */
  inDetails: boolean;
  inTable: boolean;
}

/** The scope of a page's top level. */
export const TOP: Scope = { inTask: false, inDetails: false, inTable: false };

/**
 * The rewrite as the handlers of single constructs (links, macros, tasks) see it: they rewrite
 * their bodies through it, so they need not import the rewrite that dispatches to them.
 */
export interface Rewrite {
  readonly context: StorageContext;
  /** Page properties found so far, shown first on the page. */
  readonly properties: Element[];
  /** Rewrites a list of nodes. */
  all(nodes: readonly ElementContent[], scope: Scope): ElementContent[];
  /** A standard element with rewritten children. */
  element(node: Element, scope: Scope): Element;
}
