import type { Page } from '../../model/page.js';
import type { TypeClassifier } from '../../normalize/doc-type.js';
import { buildPage } from '../../normalize/page.js';
import type { Content } from './bodies.js';
import type { ListedPage } from './listing.js';
import { storageToMarkdown } from './storage.js';
import type { ConfluenceTree } from './tree.js';

/** What every page of one crawl shares: the site, the tree, user names and labels. */
export interface PageContext {
  siteUrl: string;
  tree: ConfluenceTree;
  users: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, string[]>;
  classify: TypeClassifier;
}

/** A listed page as the shared model: its storage converted to Markdown, or unreadable with the reason. */
export function confluencePage(page: ListedPage, content: Content, context: PageContext): Page {
  const { tree, users, siteUrl } = context;
  const spaceKey = tree.space(page.spaceId)?.key ?? '';
  const converted =
    'storage' in content
      ? storageToMarkdown(content.storage, {
          spaceKey,
          siteUrl,
          pageUrl: (key, title) => tree.linkUrl(key, title),
          spaceUrl: (key) => tree.spaceUrl(key),
          userName: (id) => users.get(id),
        })
      : undefined;
  const parent = tree.parentKey(page.id);
  const owner = page.ownerId ? users.get(page.ownerId) : undefined;
  const author = page.authorId ? users.get(page.authorId) : undefined;
  return buildPage(
    {
      source: 'confluence',
      id: page.id,
      url: page.webui ? `${siteUrl}/wiki${page.webui}` : tree.pageUrl(page.id),
      path: tree.path(page.id),
      markdown: converted?.markdown ?? '',
      fallbackTitle: page.title,
      title: page.title,
      labels: context.labels.get(page.id) ?? [],
      ...(page.createdAt ? { createdAt: page.createdAt } : {}),
      ...(page.updatedAt ? { updatedAt: page.updatedAt } : {}),
      ...(parent ? { parent } : {}),
      ...(owner ? { owner } : {}),
      ...(author ? { author } : {}),
      ...(converted?.problem ? { problems: [converted.problem] } : {}),
      ...('unreadable' in content ? { unreadable: { reason: content.unreadable } } : {}),
    },
    context.classify,
  );
}

/** A page known only by id (a configured root, or a link target) that could not be read: listed, never judged. */
export function unreadablePage(
  id: string,
  title: string,
  path: string,
  url: string,
  reason: string,
  classify: TypeClassifier,
): Page {
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
