import type { Page } from '../../model/page.js';
import type { TypeClassifier } from '../../normalize/doc-type.js';
import { buildPage } from '../../normalize/page.js';
import type { Content } from './bodies.js';
import type { CrawlContext } from './context.js';
import type { ListedPage } from './listing.js';
import { storageToMarkdown } from './storage.js';
import { PendingContext } from './tree.js';

/**
 * One page to build: a listed page with its content and labels, or a page known only by id (a
 * link target the listing left out) that could not be read. Plain data, so it can go to a worker.
 */
export type PageJob =
  | { page: Omit<ListedPage, 'storage'>; content: Content; labels: string[] }
  | { unreadable: { id: string; title: string; path: string; url: string; reason: string } };

/** A listed page as the shared model: its storage converted to Markdown, or unreadable with the reason. */
function listedPage(
  page: Omit<ListedPage, 'storage'>,
  content: Content,
  labels: string[],
  context: CrawlContext,
  classify: TypeClassifier,
): Page {
  const { tree, users, siteUrl } = context;
  const spaceKey = tree.space(page.spaceId)?.key ?? '';
  const converted =
    'storage' in content
      ? storageToMarkdown(content.storage, {
          spaceKey,
          siteUrl,
          pageUrl: (key, title) => tree.linkUrl(key, title),
          spaceUrl: (key) => tree.spaceUrl(key),
          userName: (id) => users.name(id),
        })
      : undefined;
  const parent = tree.parentKey(page.id);
  const owner = page.ownerId ? users.name(page.ownerId) : undefined;
  const author = page.authorId ? users.name(page.authorId) : undefined;
  const lastEditor = page.editorId ? users.name(page.editorId) : undefined;
  return buildPage(
    {
      source: 'confluence',
      id: page.id,
      url: page.webui ? `${siteUrl}/wiki${page.webui}` : tree.pageUrl(page.id),
      path: tree.path(page.id),
      markdown: converted?.markdown ?? '',
      fallbackTitle: page.title,
      title: page.title,
      labels,
      ...(page.createdAt ? { createdAt: page.createdAt } : {}),
      ...(page.updatedAt ? { updatedAt: page.updatedAt } : {}),
      ...(parent ? { parent } : {}),
      ...(owner ? { owner } : {}),
      ...(author ? { author } : {}),
      ...(lastEditor ? { lastEditor } : {}),
      ...(converted?.problem ? { problems: [converted.problem] } : {}),
      ...('unreadable' in content ? { unreadable: { reason: content.unreadable } } : {}),
    },
    classify,
  );
}

/** A page known only by id (a configured root, or a link target) that could not be read: listed, never judged. */
export function unreadablePage(
  job: Extract<PageJob, { unreadable: unknown }>['unreadable'],
  classify: TypeClassifier,
): Page {
  const { id, title, path, url, reason } = job;
  return buildPage(
    {
      source: 'confluence',
      id,
      url,
      path,
      markdown: '',
      fallbackTitle: title,
      title,
      unreadable: { reason },
    },
    classify,
  );
}

/**
 * Builds a page from what the crawl knows so far. Undefined when the page reads something the crawl
 * has not learned yet (a title or person not listed yet): it is built again once the listing is
 * complete, and then always succeeds.
 */
export async function buildConfluencePage(
  job: PageJob,
  context: CrawlContext,
  classify: TypeClassifier,
): Promise<Page | undefined> {
  if ('unreadable' in job) return unreadablePage(job.unreadable, classify);
  try {
    return await listedPage(job.page, job.content, job.labels, context, classify);
  } catch (error) {
    if (error instanceof PendingContext && !context.final) return undefined;
    throw error;
  }
}
