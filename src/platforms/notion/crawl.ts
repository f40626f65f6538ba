import { HandbookLintError } from '../../errors.js';
import { type ListingCheck, MAX_LISTING_REQUESTS } from '../../listing-check.js';
import type { PageInput } from '../../normalize/page.js';
import type { ProgressReporter } from '../../progress.js';
import type { CachedPage, SourceState } from '../../state.js';
import { mapOrdered } from '../ordered.js';
import { NotionApi, notionToken } from './api.js';
import type { NotionSourceConfig } from './config.js';
import { type Content, fetchContent, type HiddenChild } from './content.js';
import {
  type ListedPage,
  type ListingGaps,
  listDataSources,
  listPages,
  listUsers,
  noGaps,
  workspaceIdentity,
} from './listing.js';
import { linkText, type MentionLookup, toCommonMark } from './markdown.js';
import { readProperties } from './properties.js';
import type { NotionRaw } from './to-page.js';
import { type DatabaseNode, NotionTree } from './tree.js';
import { walkRoots } from './walk.js';

/** A Notion crawl: the source's settings plus how this run treats the cache and reports progress. */
export interface NotionCrawlOptions extends NotionSourceConfig {
  /** Refetch every page, ignoring the cache (`--full`). */
  full?: boolean;
  onProgress?: ProgressReporter;
  /** Hears whose workspace this is and why the listing may be missing pages. */
  check?: ListingCheck;
  /** The client to crawl with, when later reads of the run must share its queue; one of its own otherwise. */
  api?: NotionApi;
  /** Hears what the person running it should know (a walk that stopped at its depth bound). */
  onNotice?: (notice: string) => void;
}

// Notion stamps edits to the minute: a page edited in the minute of the crawl may change again
// under the same stamp, so it is not cached and the next run fetches it again.
const EDIT_GRANULARITY_MS = 60_000;

const hex = (id: string) => id.replace(/-/g, '');

/**
 * Crawls a Notion workspace through the real SDK: lists every shared page (or the subtrees under
 * `roots`), fetches content only for pages edited since the cached copy, and yields one Page per
 * page, per database and per child page it cannot open, as raw pages with every title and name
 * resolved. Unreadable pages are yielded with the reason; a rejected token ends the crawl with
 * AUTH_FAILED. `cache` is updated in place.
 */
export async function* crawlNotion(
  options: NotionCrawlOptions,
  cache?: SourceState,
): AsyncIterable<NotionRaw> {
  const api = options.api ?? new NotionApi(options, notionToken(options));
  const startedAt = Date.now();
  const count = { listed: 0, fetched: 0, cached: 0, left: 0 };
  const report = (done = false) =>
    options.onProgress?.({ source: 'notion', ...count, ...api.queue.counters, done });

  const gaps: ListingGaps = noGaps();
  let foreign = 0;
  let listed = await listPages(
    api,
    gaps,
    (n) => {
      count.listed = n;
      report();
    },
    () => foreign++,
  );
  if (foreign) {
    const pages = foreign === 1 ? '1 page' : `${foreign} pages`;
    process.stderr.write(
      `handbook-lint: Notion's search gave ${pages} with an id that is no Notion id; not crawled.\n`,
    );
  }
  const dataSources = await listDataSources(api, gaps);
  if (options.roots.length) {
    // Search may leave pages out; under roots the tree itself is walked, and what it finds is merged in.
    const byId = new Map(listed.map((page) => [page.id, page]));
    const notice = (text: string) => options.onNotice?.(text);
    for (const problem of await walkRoots(api, options.roots, byId, dataSources, gaps, notice))
      options.check?.implausible(problem);
    listed = [...byId.values()];
    count.listed = listed.length;
  } else if (gaps.incomplete) {
    options.check?.implausible(
      'Notion answered the search with request_status "incomplete" (it does not promise to return every page), and with no sources.notion.roots to walk, the pages it left out would count as deleted.',
    );
  }
  if (gaps.stopped) {
    options.check?.implausible(
      'Notion answered a listing with has_more but no next_cursor: the pages after it could not be asked for.',
    );
  }
  if (gaps.loop) {
    options.check?.implausible(
      'Notion repeated a next_cursor it had already answered: the listing loops, so the pages after it were never listed.',
    );
  }
  if (gaps.endless) {
    options.check?.implausible(
      `Notion answered a listing that did not end after ${MAX_LISTING_REQUESTS} answers, each with a new next_cursor: it was stopped there, so the pages after it were never listed.`,
    );
  }
  const [identity, users] = await Promise.all([workspaceIdentity(api), listUsers(api)]);
  if (identity) options.check?.identify('notion', identity);
  const tree = new NotionTree(listed, dataSources);
  const lookup: MentionLookup = { pageTitle: (id) => tree.title(id), userName: (id) => users.get(id) };
  const roots = new Set(options.roots);
  const missing = options.roots.filter((id) => tree.title(id) === undefined);
  if (missing.length) {
    // Crawling an empty subtree would report a clean handbook; a wrong root is a config error.
    throw new HandbookLintError(
      'SOURCE_NOT_FOUND',
      `Notion root ${missing.join(', ')} (sources.notion.roots) is not among the pages shared with the integration.`,
    );
  }
  const selected = listed.filter((page) => tree.within(page.id, roots));
  const previous = options.full ? {} : (cache?.pages ?? {});
  const next: Record<string, CachedPage> = {};
  count.left = selected.length;

  const load = async (page: ListedPage): Promise<{ page: ListedPage; content: Content }> => {
    // A page Notion gives a time that is no date, or one in the future: judged without it or by a
    // negative age, its stale findings would look fixed.
    const untimed = [
      ...(dateOf(page.createdTime) ? [] : ['created_time']),
      ...(dateOf(page.lastEditedTime) ? [] : ['last_edited_time']),
    ];
    const ahead = aheadOfClock(dateOf(page.createdTime), dateOf(page.lastEditedTime));
    if (untimed.length || ahead) {
      const reason = ahead
        ? `Notion's answer gives the page a time in the future (${ahead.toISOString()})`
        : `Notion's answer gives the page a time that is no date (${untimed.join(', ')})`;
      return { page, content: { unreadable: reason } };
    }
    const hit = previous[page.id];
    if (hit && hit.version === page.lastEditedTime) {
      next[page.id] = hit;
      count.cached++;
      return { page, content: { markdown: hit.markdown, complete: true, hidden: [] } };
    }
    const content = await fetchContent(api, page.id);
    count.fetched++;
    const settled = Date.parse(page.lastEditedTime) < startedAt - EDIT_GRANULARITY_MS;
    if ('markdown' in content && content.complete && settled) {
      const entry = { version: page.lastEditedTime, markdown: content.markdown };
      next[page.id] = entry;
      // Into the ledger's cache at once, in place of the old copy: a run stopped now keeps it (keep-fetched.ts).
      if (cache) cache.pages[page.id] = entry;
    }
    return { page, content };
  };

  const seen = new Set(listed.map((page) => page.id));
  // A page stops being left once it is fetched, not once its turn to be yielded comes: pages are
  // fetched ahead of a slow one, and counting them as both fetched and left overran the listing.
  const settle = async (page: ListedPage) => {
    const loaded = await load(page);
    count.left--;
    return loaded;
  };
  for await (const { page, content } of mapOrdered(selected, Math.max(16, options.concurrency * 4), settle)) {
    report();
    yield pageOf(page, content, tree, lookup, users);
    for (const child of 'hidden' in content ? content.hidden : []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      yield hiddenPage(child, page.id, tree);
    }
  }
  for (const database of tree.databases()) {
    if (tree.within(database.id, roots)) yield databasePage(database, tree);
  }
  if (cache) cache.pages = next; // pages gone from the listing (deleted, unshared) drop out here
  const cut = tree.cutNotice();
  if (cut) options.onNotice?.(cut);
  report(true);
}

// Notion's clock runs a little ahead of ours; a day ahead is no clock but a time that is wrong.
const CLOCK_SLACK_MS = 86_400_000;

/** The first of these times that is more than a day ahead of this machine's clock. */
function aheadOfClock(...times: (Date | undefined)[]): Date | undefined {
  return times.find((time) => time !== undefined && time.getTime() > Date.now() + CLOCK_SLACK_MS);
}

/** A time as Notion writes it, or undefined when it is no date (a report would fail on it). */
function dateOf(time: string): Date | undefined {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A page's or database's times, each only when it is a date. */
function dates(created: string, edited: string): { createdAt?: Date; updatedAt?: Date } {
  const [createdAt, updatedAt] = [dateOf(created), dateOf(edited)];
  return { ...(createdAt ? { createdAt } : {}), ...(updatedAt ? { updatedAt } : {}) };
}

function pageOf(
  page: ListedPage,
  content: Content,
  tree: NotionTree,
  lookup: MentionLookup,
  users: ReadonlyMap<string, string>,
): NotionRaw {
  const { title, fields, labels, emptyFields } = readProperties(page.properties, (id) => users.get(id));
  const parent = tree.parentKey(page.id);
  const author = users.get(page.createdBy);
  const lastEditor = page.lastEditedBy ? users.get(page.lastEditedBy) : undefined;
  const database = page.parent.type === 'database' ? tree.database(page.parent.id)?.title : undefined;
  const input: PageInput = {
    source: 'notion',
    id: page.id,
    url: page.url,
    path: tree.path(page.id),
    markdown: 'markdown' in content ? toCommonMark(content.markdown, lookup) : '',
    fallbackTitle: 'Untitled',
    title: title || 'Untitled',
    labels,
    fields,
    emptyFields,
    ...dates(page.createdTime, page.lastEditedTime),
    ...(parent ? { parent } : {}),
    ...(author ? { author } : {}),
    ...(lastEditor ? { lastEditor } : {}),
    ...('unreadable' in content ? { unreadable: { reason: content.unreadable } } : {}),
  };
  return { source: 'notion', input, ...(database !== undefined ? { database } : {}) };
}

/** A child page shown on its parent that the integration cannot open: listed, never judged. */
function hiddenPage(child: HiddenChild, parentId: string, tree: NotionTree): NotionRaw {
  return {
    source: 'notion',
    input: {
      source: 'notion',
      id: child.id,
      url: child.url,
      path: `${tree.path(parentId)}/${child.title}`,
      markdown: '',
      fallbackTitle: child.title,
      title: child.title,
      parent: `notion:${parentId}`,
      unreadable: { reason: child.reason },
    },
  };
}

/** A database as the page readers open: its rows as links, so mentions of it resolve and its rows hang below it. */
function databasePage(database: DatabaseNode, tree: NotionTree): NotionRaw {
  const rows = database.rows.map((row) => `- [${linkText(tree.title(row.id) ?? 'Untitled')}](${row.url})`);
  return {
    source: 'notion',
    input: {
      source: 'notion',
      id: database.id,
      url: `https://www.notion.so/${hex(database.id)}`,
      path: tree.path(database.id),
      markdown: rows.length ? `${rows.join('\n')}\n` : '',
      fallbackTitle: database.title,
      title: database.title,
      ...dates(database.createdTime, database.lastEditedTime),
      ...(database.parentPageId ? { parent: `notion:${database.parentPageId}` } : {}),
    },
  };
}
