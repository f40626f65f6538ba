import { HandbookLintError } from '../../errors.js';
import { type ListingCheck, MAX_LISTING_REQUESTS } from '../../listing-check.js';
import type { ProgressReporter } from '../../progress.js';
import { pushAll } from '../../push-all.js';
import type { SourceState } from '../../state.js';
import { forTerminal } from '../../terminal.js';
import type { Crawl } from '../platform.js';
import { ConfluenceApi } from './api.js';
import { BodyLoader } from './bodies.js';
import type { ConfluenceSourceConfig } from './config.js';
import { LinkTargets, NameLookups, Reached } from './context.js';
import { confluenceCredentials } from './credentials.js';
import type { ListedPage } from './listed-page.js';
import {
  getFolder,
  type ListedSpace,
  listLabels,
  listPages,
  listSpaces,
  MAX_PAGE_LIMIT,
  probePage,
} from './listing.js';
import { needsOf, resolvePage } from './needs.js';
import type { ConfluenceRaw } from './page.js';
import { type Knowledge, PagePipeline } from './pipeline.js';
import { SpaceScope } from './space-scope.js';
import { ConfluenceTree } from './tree.js';

/** A Confluence crawl: the source's settings plus how this run treats the cache and reports progress. */
export interface ConfluenceCrawlOptions extends ConfluenceSourceConfig {
  /** Refetch every body, ignoring the cache (`--full`). */
  full?: boolean;
  onProgress?: ProgressReporter;
  /** Hears whose site this is and why the listing may be missing pages. */
  check?: ListingCheck;
  /** The client to crawl with, when later calls of the run must share its queue; one of its own otherwise. */
  api?: ConfluenceApi;
}

// People whose names a crawl looks up (250 per request, so 40 requests): far more than a handbook
// has; bounds a wiki whose pages name thousands of made-up account ids. Others show as their id.
const MAX_PEOPLE = 10_000;

// Folders looked up per crawl: far more than a handbook has; bounds a parent cycle in a corrupt answer.
const MAX_FOLDERS = 10_000;

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

/**
 * Crawls Confluence spaces through confluence.js, handing out raw pages while it goes. It lists
 * every current page of the configured spaces (or the subtrees under `roots`) 250 per request,
 * with bodies on a first or full crawl and without them otherwise, fetching in bulk only the
 * bodies whose version changed. At the same time, one CQL search per 200 pages brings the labels,
 * in the same (creation) order, and bulk look-ups bring people's names; the listing keeps at most
 * one request ahead of the label search. A page goes out as soon as its body and labels are in
 * and the crawl knows what it reads (else once the listing is complete). Once every page is
 * converted, link targets the listing left out are looked up: those that cannot be read go out
 * unreadable with the reason. Rejected credentials end the crawl with AUTH_FAILED. `cache` is
 * updated in place.
 */
export function crawlConfluence(options: ConfluenceCrawlOptions, cache?: SourceState): Crawl {
  const targets = new LinkTargets(options.siteUrl);
  // Filled as the crawl goes: the run reads them once the pages are read.
  const notices: string[] = [];
  return {
    pages: crawlPages(options, targets, notices, cache),
    converted: (page) => targets.hear(page),
    notices,
  };
}

async function* crawlPages(
  options: ConfluenceCrawlOptions,
  targets: LinkTargets,
  notices: string[],
  cache?: SourceState,
): AsyncIterable<ConfluenceRaw> {
  const api = options.api ?? new ConfluenceApi(options, confluenceCredentials(options));
  const spaceKeys = options.spaces.length ? [...options.spaces].sort().join(', ') : 'all spaces';
  options.check?.identify('confluence', `Confluence ${options.siteUrl} (${spaceKeys})`);
  const onLoop = (listing: string, endless: boolean) =>
    options.check?.implausible(
      endless
        ? `Confluence's ${listing} did not end after ${MAX_LISTING_REQUESTS} answers, each with a new next link: it was stopped there, so the pages after it were never listed.`
        : `Confluence's ${listing} sent a next link it had sent before: it loops, so the pages after it were never listed.`,
    );
  const known = await listSpaces(api, options.spaces, onLoop);
  const roots = await probeRoots(api, options.roots, known);
  const spaces = roots.length ? known.filter((s) => roots.some((root) => root.spaceId === s.id)) : known;
  const scoped = options.spaces.length > 0 || options.roots.length > 0;
  const previous = options.full ? {} : (cache?.pages ?? {});
  // A first crawl needs every body: listing them costs no extra request. Later crawls list versions only.
  const withBodies = !options.roots.length && Object.keys(previous).length === 0;

  const tree = ConfluenceTree.growing(spaces, options.siteUrl, new Set(options.roots));
  targets.tree = tree;
  const listedCount = { listed: 0 };
  const people = new Set<string>();
  const knowledge: Knowledge = {
    needs: (page, content) => {
      const needs = needsOf(page, content);
      needs.people = needs.people.filter(
        (id) => people.has(id) || (people.size < MAX_PEOPLE && people.add(id) !== undefined),
      );
      names.want(needs.people);
      return needs;
    },
    knowsPart: (page, { people, spaces, titles }, part) => {
      if (part < people.length) return names.knows(people[part] as string);
      if (part === people.length) return tree.knowsAncestors(page.id);
      const space = part - people.length - 1;
      if (space < spaces.length) return tree.knowsSpace(spaces[space] as string);
      const link = titles[space - spaces.length];
      return link && tree.knowsTitle(link.spaceKey ?? tree.space(page.spaceId)?.key ?? '', link.title);
    },
    resolve: (ready) => resolvePage(ready, tree, names.names, options.siteUrl),
  };
  const pipeline = new PagePipeline(knowledge);
  const fail = (error: unknown) => pipeline.fail(error);
  const names = new NameLookups(api, () => pipeline.learned(), fail);
  const pagesById = new Map<string, ListedPage>();
  const bodies = new BodyLoader(
    api,
    previous,
    (id, content, fetched) => pipeline.content(id, content, fetched),
    cache?.pages,
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
      const { parentFolder, ...node } = folder;
      tree.add([{ ...node, folder: true }]);
      if (parentFolder && folder.parentId) wantFolder(folder.parentId);
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
  const scope = new SpaceScope(spaces);
  const labelled = new Reached();
  const labelledIds = new Set<string>();
  let labelsCut = false;
  // The label search takes a request per 200 pages, the listing one per 250, and a page goes out
  // only once both have reached it. Left alone, the listing runs ahead and the last label answers
  // free ~800 of 5,000 pages at once, after the last request; held at most a request ahead, it ends
  // with the labels and leaves few pages to convert then. It costs no request. Under roots nothing
  // goes out before the listing ends, so there the listing goes as fast as it can.
  const paced = options.roots.length
    ? undefined
    : () => labelled.reached(listedCount.listed - MAX_PAGE_LIMIT);
  const listing = listPages(
    api,
    scoped ? spaces.map((s) => s.id) : undefined,
    withBodies,
    (listed) => {
      const batch = scope.keep(listed);
      tree.add(batch);
      for (const page of batch) {
        targets.linked.delete(page.id);
        if (page.parentFolder && page.parentId) wantFolder(page.parentId);
      }
      listedCount.listed += batch.length;
      // Under roots, whether a page belongs is known only from the whole tree.
      if (options.roots.length) pushAll(unsorted, batch);
      else for (const page of batch) select(page);
      names.step();
      pipeline.learned();
      report();
    },
    paced,
    onLoop,
  ).then(async (dropped) => {
    const outside = scope.warning();
    if (outside) process.stderr.write(`handbook-lint: ${forTerminal(outside)}\n`);
    if (dropped) {
      const pages = dropped === 1 ? '1 page' : `${dropped} pages`;
      process.stderr.write(
        `handbook-lint: Confluence's listing gave ${pages} with an id that is no Confluence page id; not crawled.\n`,
      );
    }
    await foldersFound();
    tree.finish();
    for (const page of unsorted) if (tree.selected(page.id)) select(page);
    const deep = tree.tooDeepNotice();
    if (deep) notices.push(deep);
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
      for (const [id] of batch) labelledIds.add(id);
      pipeline.label(batch);
      report();
    },
    onLoop,
  )
    .then((cut) => {
      labelsCut = cut;
      pipeline.labelsDone();
    })
    .finally(() => labelled.end());
  listing.catch(fail);
  labels.catch(fail);

  let handed = 0;
  for await (const raw of pipeline.raws()) {
    report();
    handed++;
    yield raw;
  }
  // A search that stopped on a full answer may just have ended there, unless pages are left that it
  // never named: their labels (which type pages) are unknown, not none.
  const unlabelled = labelsCut ? [...pagesById.keys()].filter((id) => !labelledIds.has(id)).length : 0;
  if (unlabelled) {
    options.check?.implausible(
      `Confluence's label search ended on a full answer with no next link, and ${unlabelled} listed ${unlabelled === 1 ? 'page was' : 'pages were'} not in it: their labels, which type pages, are unknown, so their findings could look fixed.`,
    );
  }
  // A link to a page the listing left out: restricted pages are listed unreadable; a 404 stays a broken link.
  await targets.converted.reached(handed);
  const probes = await Promise.all(
    [...targets.linked].map(async ([id, page]) => ({ id, page, probe: await probePage(api, id, false) })),
  );
  for (const { id, page, probe } of probes) {
    if (!('failed' in probe)) continue;
    const space = page.spaceKey ? tree.spaceName(page.spaceKey) : undefined;
    const path = space ? `${space}/${page.title}` : page.title;
    yield {
      source: 'confluence',
      unreadable: { id, title: page.title, path, url: page.url, reason: probe.failed },
    };
  }
  if (cache) cache.pages = bodies.cache; // pages gone from the listing (deleted, moved out of scope) drop out here
  const cut = tree.cutNotice();
  if (cut) notices.push(cut);
  report(true);
}
