import type { Page } from '../../model/page.js';
import { DEFAULT_PAGE_BUDGET } from '../../normalize/budget.js';
import type { TypeClassifier } from '../../normalize/doc-type.js';
import { buildPage } from '../../normalize/page.js';
import type { Content } from './bodies.js';
import { type ConvertedStorage, storageToMarkdown } from './storage.js';

/** The answers a page's conversion reads: page URLs by space key and title, space URLs, display names. */
export interface Lookups {
  pages: Record<string, string>;
  spaces: Record<string, string>;
  users: Record<string, string>;
}

export const titleKey = (spaceKey: string, title: string) => `${spaceKey}\0${title}`;

/** A look-up's answer, never an inherited property. */
const answer = (answers: Record<string, string>, key: string): string | undefined =>
  Object.hasOwn(answers, key) ? answers[key] : undefined;

/** A listed page's metadata with everything the crawl's tree and name look-ups give it already resolved. */
export interface ResolvedPage {
  id: string;
  title: string;
  spaceKey: string;
  url: string;
  path: string;
  parent?: string;
  owner?: string;
  author?: string;
  lastEditor?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

/** A page known only by id (a link target the listing left out) that could not be read. */
export interface UnreadableTarget {
  id: string;
  title: string;
  path: string;
  url: string;
  reason: string;
}

/**
 * A Confluence page as the crawl hands it over: resolved metadata, the storage body (or why it
 * could not be read), labels, and exactly the link targets and names the body reads. Plain data,
 * so any thread can convert it.
 */
export type ConfluenceRaw =
  | {
      source: 'confluence';
      siteUrl: string;
      page: ResolvedPage;
      content: Content;
      labels: string[];
      lookups: Lookups;
    }
  | { source: 'confluence'; unreadable: UnreadableTarget };

/** Where a link to a title or space leads when the crawl's look-ups left it out: Confluence's own display URL. */
const displayUrl = (siteUrl: string, spaceKey: string, title?: string) =>
  title === undefined
    ? `${siteUrl}/wiki/spaces/${encodeURIComponent(spaceKey)}`
    : `${siteUrl}/wiki/display/${encodeURIComponent(spaceKey)}/${encodeURIComponent(title).replace(/%20/g, '+')}`;

/** A page known only by id that could not be read: listed, never judged. */
function unreadableTarget(target: UnreadableTarget, classify: TypeClassifier): Page {
  const { id, title, path, url, reason } = target;
  const input = { source: 'confluence' as const, id, url, path, markdown: '', fallbackTitle: title, title };
  return buildPage({ ...input, unreadable: { reason } }, classify);
}

// Converting storage costs far more than its size (3 MB: some 12 s and 800 MB), so the page budget's
// size is held against the storage itself, before the converter runs.
function storageOverBudget(storage: string): string | undefined {
  const bytes = Buffer.byteLength(storage, 'utf8');
  const limit = DEFAULT_PAGE_BUDGET.maxBytes;
  return bytes > limit
    ? `the page's storage format is ${bytes} bytes, over the limit of ${limit}`
    : undefined;
}

/** A raw Confluence page as the shared model: its storage converted to Markdown, or unreadable with the reason. */
export function toPage(raw: ConfluenceRaw, classify: TypeClassifier): Page {
  if ('unreadable' in raw) return unreadableTarget(raw.unreadable, classify);
  const { siteUrl, page, content, labels, lookups } = raw;
  let converted: ConvertedStorage | undefined;
  let failed = 'storage' in content ? storageOverBudget(content.storage) : undefined;
  try {
    converted =
      'storage' in content && !failed
        ? storageToMarkdown(content.storage, {
            spaceKey: page.spaceKey,
            siteUrl,
            pageUrl: (key, title) =>
              answer(lookups.pages, titleKey(key, title)) ?? displayUrl(siteUrl, key, title),
            spaceUrl: (key) => answer(lookups.spaces, key) ?? displayUrl(siteUrl, key),
            userName: (id) => answer(lookups.users, id),
          })
        : undefined;
  } catch (error) {
    // One page never ends a run: storage nested thousands deep overflows the converter's recursion.
    failed = `the page could not be converted: ${(error as Error).message}`;
  }
  const unreadable = 'unreadable' in content ? content.unreadable : failed;
  const { id, title, url, path, parent, owner, author, lastEditor, createdAt, updatedAt } = page;
  return buildPage(
    {
      source: 'confluence',
      id,
      url,
      path,
      markdown: converted?.markdown ?? '',
      fallbackTitle: title,
      title,
      labels,
      ...(createdAt ? { createdAt } : {}),
      ...(updatedAt ? { updatedAt } : {}),
      ...(parent ? { parent } : {}),
      ...(owner ? { owner } : {}),
      ...(author ? { author } : {}),
      ...(lastEditor ? { lastEditor } : {}),
      ...(converted?.problem ? { problems: [converted.problem] } : {}),
      ...(unreadable ? { unreadable: { reason: unreadable } } : {}),
    },
    classify,
  );
}
