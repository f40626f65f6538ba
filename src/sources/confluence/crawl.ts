import { HandbookLintError } from '../../errors.js';
import type { Link } from '../../model/page.js';
import { wikiKey } from '../../platforms/registry.js';
import type { ProgressReporter } from '../../progress.js';
import type { SourceState } from '../../state.js';
import type { ListingCheck } from '../listing-check.js';
import { ConfluenceApi, confluenceCredentials } from './api.js';
import { BodyLoader } from './bodies.js';
import type { BuilderFactory, PageBuilder } from './builder.js';
import type { ConfluenceSourceConfig } from './config.js';
import {
  getFolder,
  type ListedPage,
  type ListedSpace,
  listLabels,
  listPages,
  listSpaces,
  lookupUsers,
  MAX_PAGE_LIMIT,
  probePage,
} from './listing.js';
import { needsOf } from './needs.js';
import type { PageJob } from './page.js';
import { type Knowledge, PagePipeline } from './pipeline.js';
import { ConfluenceTree, type TreePage } from './tree.js';

/** A Confluence crawl: the source's settings plus how this run treats the cache and reports progress. */
export interface ConfluenceCrawlOptions extends ConfluenceSourceConfig {
  /** Refetch every body, ignoring the cache (`--full`). */
  full?: boolean;
  onProgress?: ProgressReporter;
  /** Hears whose site this is and why the listing may be missing pages. */
  check?: ListingCheck;
}

// Folders looked up per crawl: far more than a handbook has; bounds a parent cycle in a corrupt answer.
const MAX_FOLDERS = 10_000;

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

/** What one bulk user look-up takes. */
const USERS_PER_LOOKUP = 250;

/**
 * Display names, looked up in bulk as account ids turn up: once after the first listing page (most
 * people of a wiki appear early), then whenever a full look-up's worth of new ids has gathered,
 * and for the rest once the listing is complete. Each look-up tells the builder what it learned.
 */
class NameLookups {
  private readonly asked = new Set<string>();
  private readonly answered = new Set<string>();
  private complete = false;
  private wanted = new Set<string>();
  private lookups = 0;
  private readonly running: Promise<void>[] = [];

  constructor(
    private readonly api: ConfluenceApi,
    private readonly builder: PageBuilder<unknown>,
    private readonly onAnswer: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Whether every one of these people's names is known (found, or known not to be found). */
  known(ids: readonly string[]): boolean {
    return this.complete || ids.every((id) => this.answered.has(id));
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
    this.builder.learn({ finished: 'users' });
  }

  private lookup(): void {
    if (!this.wanted.size) return;
    const asked = [...this.wanted];
    this.wanted = new Set();
    this.lookups++;
    for (const id of asked) this.asked.add(id);
    this.running.push(
      lookupUsers(this.api, new Set(asked)).then((found) => {
        this.builder.learn({ users: [...found], asked });
        for (const id of asked) this.answered.add(id);
        this.onAnswer();
      }, this.onError),
    );
  }
}

/** A count that others can wait on: `reached(n)` resolves once it is at least n, or has ended. */
class Reached {
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

const treePage = ({ id, title, spaceId, parentId }: ListedPage): TreePage => ({
  id,
  title,
  spaceId,
  ...(parentId ? { parentId } : {}),
});

/** The id of a page on this site that a link points at by URL, if the listing has not shown it. */
function unlistedTarget(link: Link, siteOrigin: string, tree: ConfluenceTree): string | undefined {
  if (link.kind !== 'external') return undefined;
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return undefined;
  }
  const id = url.origin === siteOrigin ? /^confluence:(\d+)$/.exec(wikiKey(url) ?? '')?.[1] : undefined;
  return id && !tree.page(id) ? id : undefined;
}

/**
 * Crawls Confluence spaces through confluence.js and builds pages while it goes. It lists every
 * current page of the configured spaces (or the subtrees under `roots`) 250 per request, with
 * bodies on a first or full crawl and without them otherwise, fetching in bulk only the bodies
 * whose version changed. At the same time, one CQL search per 200 pages brings the labels, in the
 * same (creation) order, and bulk look-ups bring people's names; the listing keeps at most one
 * request ahead of the label search. A page goes to the builder as soon as its body and labels are
 * in; one that links to a title not listed yet is built again once the listing is complete. Pages
 * that cannot be read are built unreadable with the reason; rejected credentials end the crawl with
 * AUTH_FAILED. `cache` is updated in place.
 */
export async function* crawlConfluence<T>(
  options: ConfluenceCrawlOptions,
  builderFor: BuilderFactory<T>,
  cache?: SourceState,
): AsyncIterable<T> {
  const api = new ConfluenceApi(options, confluenceCredentials(options));
  const spaceKeys = options.spaces.length ? [...options.spaces].sort().join(', ') : 'all spaces';
  options.check?.identify('confluence', `Confluence ${options.siteUrl} (${spaceKeys})`);
  const onLoop = (listing: string) =>
    options.check?.implausible(
      `Confluence's ${listing} sent a next link it had sent before: it loops, so the pages after it were never listed.`,
    );
  const known = await listSpaces(api, options.spaces, onLoop);
  const roots = await probeRoots(api, options.roots, known);
  const spaces = roots.length ? known.filter((s) => roots.some((root) => root.spaceId === s.id)) : known;
  const scoped = options.spaces.length > 0 || options.roots.length > 0;
  const previous = options.full ? {} : (cache?.pages ?? {});
  // A first crawl needs every body: listing them costs no extra request. Later crawls list versions only.
  const withBodies = !options.roots.length && Object.keys(previous).length === 0;

  const builder = builderFor({ siteUrl: options.siteUrl, spaces, roots: options.roots });
  const tree = ConfluenceTree.growing(spaces, options.siteUrl, new Set(options.roots));
  const siteOrigin = new URL(options.siteUrl).origin;
  const linked = new Map<string, LinkedPage>();
  const listedCount = { listed: 0 };
  const knowledge: Knowledge = {
    needs: (page, content) => {
      const needs = needsOf(page, content);
      names.want(needs.people);
      return needs;
    },
    knows: (page, needs) =>
      names.known(needs.people) &&
      tree.knowsAncestors(page.id) &&
      needs.spaces.every((key) => tree.knowsSpace(key)) &&
      needs.titles.every(({ spaceKey, title }) =>
        tree.knowsTitle(spaceKey ?? tree.space(page.spaceId)?.key ?? '', title),
      ),
  };
  const pipeline = new PagePipeline<T>(builder, knowledge, (built) => {
    for (const link of builder.links(built)) {
      if (linked.size >= MAX_LINK_PROBES) break;
      const id = unlistedTarget(link, siteOrigin, tree);
      if (!id || linked.has(id)) continue;
      const url = new URL(link.href);
      const spaceKey = /\/spaces\/([^/]+)\//.exec(url.pathname)?.[1];
      linked.set(id, {
        title: link.text.trim() || `Page ${id}`,
        url: url.origin + url.pathname,
        ...(spaceKey ? { spaceKey } : {}),
      });
    }
  });
  const fail = (error: unknown) => pipeline.fail(error);
  const names = new NameLookups(api, builder, () => pipeline.learned(), fail);
  const pagesById = new Map<string, ListedPage>();
  const bodies = new BodyLoader(api, previous, (id, content, fetched) =>
    pipeline.content(id, content, fetched),
  );
  const report = (done = false) =>
    options.onProgress?.({
      source: 'confluence',
      listed: listedCount.listed,
      fetched: bodies.fetched,
      cached: bodies.cached,
      left: pipeline.left,
      ...api.queue.counters,
      done,
    });

  // Pages in Cloud folders name the folder as parent: each folder is looked up once (and its own
  // parent folders), and goes into the tree for breadcrumbs and roots, never into the crawl as a page.
  const askedFolders = new Set<string>();
  const folderLookups: Promise<void>[] = [];
  const wantFolder = (id: string) => {
    if (askedFolders.has(id) || askedFolders.size >= MAX_FOLDERS) return;
    askedFolders.add(id);
    const lookup = getFolder(api, id).then((folder) => {
      if (!folder) return;
      const node: TreePage = {
        id: folder.id,
        title: folder.title,
        spaceId: folder.spaceId,
        ...(folder.parentId ? { parentId: folder.parentId } : {}),
        folder: true,
      };
      tree.add([node]);
      builder.learn({ pages: [node] });
      if (folder.parentFolder && folder.parentId) wantFolder(folder.parentId);
      pipeline.learned();
    });
    folderLookups.push(lookup.catch(fail));
  };
  const foldersFound = async () => {
    // By index: a lookup may add its parent folder's while this waits.
    for (let i = 0; i < folderLookups.length; i++) await folderLookups[i];
  };

  const select = (page: ListedPage) => {
    if (pagesById.has(page.id)) return;
    pagesById.set(page.id, page);
    pipeline.select(page);
    bodies.add(page);
  };
  const unsorted: ListedPage[] = [];
  const labelled = new Reached();
  // The label search takes a request per 200 pages, the listing one per 250, and a page is built
  // only once both have reached it. Left alone, the listing runs ahead and the last label answers
  // free ~800 of 5,000 pages at once, after the last request; held at most a request ahead, it ends
  // with the labels and leaves few pages to build then. It costs no request. Under roots nothing is
  // built before the listing ends, so there the listing goes as fast as it can.
  const paced = options.roots.length
    ? undefined
    : () => labelled.reached(listedCount.listed - MAX_PAGE_LIMIT);
  const listing = listPages(
    api,
    scoped ? spaces.map((s) => s.id) : undefined,
    withBodies,
    (batch) => {
      tree.add(batch);
      builder.learn({ pages: batch.map(treePage) });
      for (const page of batch) {
        linked.delete(page.id);
        if (page.parentFolder && page.parentId) wantFolder(page.parentId);
      }
      listedCount.listed += batch.length;
      // Under roots, whether a page belongs is known only from the whole tree.
      if (options.roots.length) unsorted.push(...batch);
      else for (const page of batch) select(page);
      names.step();
      pipeline.learned();
      report();
    },
    paced,
    onLoop,
  ).then(async () => {
    await foldersFound();
    tree.finish();
    builder.learn({ finished: 'tree' });
    for (const page of unsorted) if (tree.selected(page.id)) select(page);
    await bodies.finish();
    await names.finish();
    pipeline.contextDone();
    pipeline.sourcesFinished();
  });
  const labels = listLabels(
    api,
    scoped ? spaces.map((s) => s.key) : undefined,
    (batch) => {
      labelled.add(batch.length);
      pipeline.label(batch);
      report();
    },
    onLoop,
  )
    .then(() => pipeline.labelsDone())
    .finally(() => labelled.end());
  listing.catch(fail);
  labels.catch(fail);

  try {
    for await (const built of pipeline.built()) {
      report();
      yield built;
    }
    // A link to a page the listing left out: restricted pages are listed unreadable; a 404 stays a broken link.
    const probes = await Promise.all(
      [...linked].map(async ([id, page]) => ({ id, page, probe: await probePage(api, id, false) })),
    );
    const jobs: PageJob[] = [];
    for (const { id, page, probe } of probes) {
      if (!('failed' in probe)) continue;
      const space = page.spaceKey ? tree.spaceName(page.spaceKey) : undefined;
      const path = space ? `${space}/${page.title}` : page.title;
      jobs.push({ unreadable: { id, title: page.title, path, url: page.url, reason: probe.failed } });
    }
    for (const built of jobs.length ? await builder.build(jobs) : []) if (built !== undefined) yield built;
    if (cache) cache.pages = bodies.cache; // pages gone from the listing (deleted, moved out of scope) drop out here
    report(true);
  } finally {
    await builder.close();
  }
}
