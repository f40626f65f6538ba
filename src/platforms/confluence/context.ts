import type { Link } from '../../model/page.js';
import type { SitePage } from '../../site.js';
import { wikiKey } from '../urls.js';
import type { ConfluenceApi } from './api.js';
import { lookupUsers } from './listing.js';
import type { ConfluenceTree } from './tree.js';

// What a Confluence crawl learns besides the tree: people's names, links to pages the listing left
// out, and counts that parts of the crawl wait on.

// Each link to an unlisted page id costs a request to learn whether it is restricted; a bound keeps a
// wiki full of links to deleted pages from doubling the crawl.
const MAX_LINK_PROBES = 200;

/** A page only known from a link to it: the link's text stands in for its title. */
export interface LinkedPage {
  title: string;
  url: string;
  spaceKey?: string;
}

/** What one bulk user look-up takes. */
const USERS_PER_LOOKUP = 250;

/**
 * Display names, looked up in bulk as account ids turn up: once after the first listing page (most
 * people of a wiki appear early), then whenever a full look-up's worth of new ids has gathered,
 * and for the rest once the listing is complete.
 */
export class NameLookups {
  readonly names = new Map<string, string>();
  private readonly asked = new Set<string>();
  private readonly answered = new Set<string>();
  private complete = false;
  private wanted = new Set<string>();
  private lookups = 0;
  private readonly running: Promise<void>[] = [];

  constructor(
    private readonly api: ConfluenceApi,
    private readonly onAnswer: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Whether this person's name is known (found, or known not to be found). */
  knows(id: string): boolean {
    return this.complete || this.answered.has(id);
  }

  want(ids: Iterable<string>): void {
    for (const id of ids) if (!this.asked.has(id)) this.wanted.add(id);
  }

  /** Looks up what is wanted when it is the first look-up or fills a whole request. */
  step(): void {
    if (this.lookups === 0 ? this.wanted.size > 0 : this.wanted.size >= USERS_PER_LOOKUP) this.lookup();
  }

  /** Looks up every id still wanted; resolves when every look-up has answered. */
  async finish(): Promise<void> {
    this.lookup();
    await Promise.all(this.running);
    this.complete = true;
  }

  private lookup(): void {
    if (!this.wanted.size) return;
    const asked = [...this.wanted];
    this.wanted = new Set();
    this.lookups++;
    for (const id of asked) this.asked.add(id);
    this.running.push(
      lookupUsers(this.api, new Set(asked)).then((found) => {
        for (const [id, name] of found) this.names.set(id, name);
        for (const id of asked) this.answered.add(id);
        this.onAnswer();
      }, this.onError),
    );
  }
}

/** A count that others can wait on: `reached(n)` resolves once it is at least n, or has ended. */
export class Reached {
  private count = 0;
  private ended = false;
  private waiting: { at: number; resolve: () => void }[] = [];

  add(n: number): void {
    this.count += n;
    this.release();
  }

  end(): void {
    this.ended = true;
    this.release();
  }

  reached(at: number): Promise<void> {
    if (this.ended || this.count >= at) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ at, resolve }));
  }

  private release(): void {
    this.waiting = this.waiting.filter(({ at, resolve }) => {
      const go = this.ended || this.count >= at;
      if (go) resolve();
      return !go;
    });
  }
}

/**
 * Links to pages of this site that the listing has not shown, gathered from each converted page
 * (up to MAX_LINK_PROBES), and how many pages have been converted, so the crawl can wait for all.
 */
export class LinkTargets {
  readonly linked = new Map<string, LinkedPage>();
  readonly converted = new Reached();
  tree: ConfluenceTree | undefined;
  private readonly siteOrigin: string;

  constructor(siteUrl: string) {
    this.siteOrigin = new URL(siteUrl).origin;
  }

  hear(page: SitePage): void {
    for (const link of page.links) {
      if (this.linked.size >= MAX_LINK_PROBES) break;
      const id = this.unlisted(link);
      if (!id || this.linked.has(id)) continue;
      const url = new URL(link.href);
      const spaceKey = /\/spaces\/([^/]+)\//.exec(url.pathname)?.[1];
      this.linked.set(id, {
        title: link.text.trim() || `Page ${id}`,
        url: url.origin + url.pathname,
        ...(spaceKey ? { spaceKey } : {}),
      });
    }
    this.converted.add(1);
  }

  /** The id of a page on this site that a link points at by URL, if the listing has not shown it. */
  private unlisted(link: Link): string | undefined {
    if (link.kind !== 'external' || !this.tree) return undefined;
    let url: URL;
    try {
      url = new URL(link.href);
    } catch {
      return undefined;
    }
    const key = url.origin === this.siteOrigin ? wikiKey(url) : undefined;
    const id = /^confluence:(\d+)$/.exec(key ?? '')?.[1];
    return id && !this.tree.page(id) ? id : undefined;
  }
}
