import type { V2Client } from 'confluence.js';
import { oneLine } from '../../http/source-client.js';
import type { ConfluenceApi } from './api.js';

export type SdkPage = NonNullable<Awaited<ReturnType<V2Client['page']['getPages']>>['results']>[number];

/** A page as the listing shows it: metadata, and the storage body when the listing was asked for bodies. */
export interface ListedPage {
  id: string;
  title: string;
  spaceId: string;
  /** The page or Cloud folder it sits in (`parentFolder` says which). */
  parentId?: string;
  parentFolder?: true;
  authorId?: string;
  ownerId?: string;
  /** Who saved the current version: the page's last editor. */
  editorId?: string;
  createdAt?: Date;
  /** Confluence's version number: it changes with every edit, so it keys the cache. */
  version: number;
  updatedAt?: Date;
  webui?: string;
  storage?: string;
  /** Why the page cannot be trusted although it was listed: fields of its answer the client could not read. */
  unreadable?: string;
}

/** How a single-page look-up ended: the page, a 404 (gone, or hidden from this account), or another failure. */
export type Probe = { found: ListedPage } | { notFound: string } | { failed: string };

// Confluence content ids are decimal numbers, sent as JSON numbers: an id of anything else (a hex
// literal, a path, a query) or past 2^53 (rounded to another page) would ask for something else.
const CONTENT_ID = /^[1-9]\d{0,15}$/;

/** Whether an id from an answer, a link or the ledger is one Confluence could have given, safe to ask for. */
export function isContentId(id: string | null | undefined): id is string {
  return typeof id === 'string' && CONTENT_ID.test(id) && Number.isSafeInteger(Number(id));
}

/** Why an answer's page is unreadable: the fields of it (under `prefix` in the answer) the client left out. */
export function unreadReason(
  api: ConfluenceApi,
  answer: object,
  prefix: readonly PropertyKey[],
): string | undefined {
  const fields = api
    .unreadFields(answer)
    .filter((path) => prefix.every((key, i) => path[i] === key))
    .map((path) => path.slice(prefix.length).join('.'));
  return fields.length
    ? `Confluence's answer for the page has fields that cannot be read (${oneLine(fields.join(', '))})`
    : undefined;
}

/** The pages of a listing or bulk answer, each unreadable whose fields the client could not read. */
export function answerPages(api: ConfluenceApi, answer: { results?: SdkPage[] }): ListedPage[] {
  return (answer.results ?? []).flatMap((page, i) => {
    if (!isContentId(page.id)) return [];
    const unreadable = unreadReason(api, answer, ['results', i]);
    return [{ ...listedPage(page), ...(unreadable ? { unreadable } : {}) }];
  });
}

// Server clocks run a little ahead of ours; a day ahead is no clock but a time that is wrong.
const CLOCK_SLACK_MS = 86_400_000;

/** The first of these times that is more than a day ahead of this machine's clock. */
function aheadOfClock(...times: (Date | undefined)[]): Date | undefined {
  return times.find((time) => time !== undefined && time.getTime() > Date.now() + CLOCK_SLACK_MS);
}

export function listedPage(page: SdkPage): ListedPage {
  const storage = page.body?.storage?.value;
  // Judged by a time in the future, a page's age is negative and its stale findings would look fixed.
  const ahead = aheadOfClock(page.createdAt, page.version?.createdAt);
  const folder = page.parentType === 'folder';
  const parentId =
    (page.parentType === 'page' || page.parentType === undefined || folder) && isContentId(page.parentId)
      ? page.parentId
      : undefined;
  return {
    id: page.id ?? '',
    title: page.title ?? '',
    spaceId: page.spaceId ?? '',
    version: page.version?.number ?? 0,
    ...(parentId ? { parentId } : {}),
    ...(parentId && folder ? { parentFolder: true as const } : {}),
    ...(page.authorId ? { authorId: page.authorId } : {}),
    ...(page.ownerId ? { ownerId: page.ownerId } : {}),
    ...(page.version?.authorId ? { editorId: page.version.authorId } : {}),
    ...(page.createdAt ? { createdAt: page.createdAt } : {}),
    ...(page.version?.createdAt ? { updatedAt: page.version.createdAt } : {}),
    ...(page._links?.webui ? { webui: page._links.webui } : {}),
    ...(storage !== undefined ? { storage } : {}),
    ...(ahead
      ? { unreadable: `Confluence's answer gives the page a time in the future (${ahead.toISOString()})` }
      : {}),
  };
}
