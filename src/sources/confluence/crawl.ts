import { HandbookLintError } from '../../errors.js';
import type { Page } from '../../model/page.js';
import type { TypeClassifier } from '../../normalize/doc-type.js';
import type { ProgressReporter } from '../../progress.js';
import { wikiKey } from '../../site.js';
import type { SourceState } from '../../state.js';
import { ConfluenceApi, confluenceCredentials } from './api.js';
import { accountIds, loadBodies } from './bodies.js';
import type { ConfluenceSourceConfig } from './config.js';
import {
  type ListedPage,
  type ListedSpace,
  listLabels,
  listPages,
  listSpaces,
  lookupUsers,
  probePage,
} from './listing.js';
import { confluencePage, type PageContext, unreadablePage } from './page.js';
import { ConfluenceTree } from './tree.js';

/** A Confluence crawl: the source's settings plus how this run treats the cache and reports progress. */
export interface ConfluenceCrawlOptions extends ConfluenceSourceConfig {
  /** Refetch every body, ignoring the cache (`--full`). */
  full?: boolean;
  onProgress?: ProgressReporter;
}

// Each link to an unlisted page id costs a request to learn whether it is restricted; a bound keeps a
// wiki full of links to deleted pages from doubling the crawl.
const MAX_LINK_PROBES = 200;

/**
 * Configured root pages, looked up one by one: their spaces scope the listing. A root that cannot
 * be read is a config error, as for Notion: crawling nothing would look like a clean handbook.
 */
async function probeRoots(
  api: ConfluenceApi,
  roots: readonly string[],
  spaces: readonly ListedSpace[],
): Promise<ListedPage[]> {
  return Promise.all(
    roots.map(async (id) => {
      const probe = await probePage(api, id, false);
      if (!('found' in probe)) {
        const reason = 'notFound' in probe ? probe.notFound : probe.failed;
        throw new HandbookLintError(
          'SOURCE_NOT_FOUND',
          `Confluence root page ${id} (sources.confluence.roots) cannot be read: ${reason}`,
        );
      }
      if (!spaces.some((s) => s.id === probe.found.spaceId)) {
        throw new HandbookLintError(
          'USAGE',
          `Confluence root page ${id} is in a space that sources.confluence.spaces leaves out.`,
        );
      }
      return probe.found;
    }),
  );
}

/** A page only known from a link to it: the link's text stands in for its title. */
interface LinkedPage {
  title: string;
  url: string;
  spaceKey?: string;
}

/** Page ids on this site that a page links to by URL but the listing did not show. */
function unlistedTargets(
  page: Page,
  siteOrigin: string,
  listed: ReadonlySet<string>,
  found: Map<string, LinkedPage>,
): void {
  for (const link of page.links) {
    if (link.kind !== 'external' || found.size >= MAX_LINK_PROBES) continue;
    let url: URL;
    try {
      url = new URL(link.href);
    } catch {
      continue;
    }
    const id = url.origin === siteOrigin ? /^confluence:(\d+)$/.exec(wikiKey(url) ?? '')?.[1] : undefined;
    if (!id || listed.has(id) || found.has(id)) continue;
    const spaceKey = /\/spaces\/([^/]+)\//.exec(url.pathname)?.[1];
    found.set(id, {
      title: link.text.trim() || `Page ${id}`,
      url: url.origin + url.pathname,
      ...(spaceKey ? { spaceKey } : {}),
    });
  }
}

/**
 * Crawls Confluence spaces through confluence.js: lists every current page of the configured
 * spaces (or the subtrees under `roots`) 250 per request, with bodies on a first or full crawl and
 * without them otherwise, fetching in bulk only the bodies whose version changed. Labels come from
 * one CQL search per 200 pages and names from one bulk user look-up per 250 people. Pages that
 * cannot be read are yielded unreadable with the reason; rejected credentials end the crawl with
 * AUTH_FAILED. `cache` is updated in place.
 */
export async function* crawlConfluence(
  options: ConfluenceCrawlOptions,
  classify: TypeClassifier,
  cache?: SourceState,
): AsyncIterable<Page> {
  const api = new ConfluenceApi(options, confluenceCredentials(options));
  const count = { listed: 0, fetched: 0, cached: 0, left: 0 };
  const report = (done = false) =>
    options.onProgress?.({ source: 'confluence', ...count, ...api.queue.counters, done });

  const known = await listSpaces(api, options.spaces);
  const roots = await probeRoots(api, options.roots, known);
  const spaces = roots.length ? known.filter((s) => roots.some((root) => root.spaceId === s.id)) : known;
  const scoped = options.spaces.length > 0 || options.roots.length > 0;
  const previous = options.full ? {} : (cache?.pages ?? {});
  // A first crawl needs every body: listing them costs no extra request. Later crawls list versions only.
  const withBodies = !options.roots.length && Object.keys(previous).length === 0;
  const listed = await listPages(api, scoped ? spaces.map((s) => s.id) : undefined, withBodies, (n) => {
    count.listed = n;
    report();
  });
  const tree = new ConfluenceTree(listed, spaces, options.siteUrl, new Set(options.roots));
  const selected = listed.filter((page) => tree.selected(page.id));
  const labels = await listLabels(api, scoped ? spaces.map((s) => s.key) : undefined);

  count.left = selected.length;
  report();
  const bodies = await loadBodies(api, selected, previous);
  count.fetched = bodies.fetched;
  count.cached = bodies.cached;
  const users = await lookupUsers(api, accountIds(bodies));
  const context: PageContext = { siteUrl: options.siteUrl, tree, users, labels, classify };

  const listedIds = new Set(listed.map((page) => page.id));
  const linked = new Map<string, LinkedPage>();
  const siteOrigin = new URL(options.siteUrl).origin;
  for (const page of bodies.pages.values()) {
    const content = bodies.contents.get(page.id) ?? { unreadable: 'not returned by Confluence' };
    const built = confluencePage(page, content, context);
    unlistedTargets(built, siteOrigin, listedIds, linked);
    count.left--;
    report();
    yield built;
  }

  // A link to a page the listing left out: restricted pages are listed unreadable; a 404 stays a broken link.
  const probes = await Promise.all(
    [...linked].map(async ([id, page]) => ({ id, page, probe: await probePage(api, id, false) })),
  );
  for (const { id, page, probe } of probes) {
    if (!('failed' in probe)) continue;
    const space = page.spaceKey ? tree.spaceName(page.spaceKey) : undefined;
    const path = space ? `${space}/${page.title}` : page.title;
    yield unreadablePage(id, page.title, path, page.url, probe.failed, classify);
  }
  if (cache) cache.pages = bodies.cache; // pages gone from the listing (deleted, moved out of scope) drop out here
  report(true);
}
