// One write-back request to Notion and what a failed one says: shared by the findings page and comments.
import { type Client, isHTTPResponseError, RequestTimeoutError } from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import { answerFault, unanswered } from '../../http/retry.js';
import { MAX_LISTING_REQUESTS } from '../../listing-check.js';
import { hasStatus, type NotionApi } from './api.js';
import type { ListingGaps } from './listing.js';

/** Said of a write that got no answer: Notion may have made it before the answer was lost. */
const MAYBE_WRITTEN = ' It may have been written all the same.';

/** What a findings page write needs in Notion. */
export const CAPABILITIES_HINT =
  'In Notion, give the integration the capabilities Read content, Update content and Insert content, and share the parent page with it.';
/** What comments need in Notion. */
export const COMMENT_HINT =
  'In Notion, give the integration the capabilities Read comments and Insert comments.';

/** Runs one write through the source's queue; a write is never repeated on a 5xx, since it may have happened. */
export function write<T>(api: NotionApi, call: (client: Client) => Promise<T>): Promise<T> {
  return api.queue.schedule(() => call(api.client), { idempotent: false });
}

/**
 * A failed write-back request as one error naming what failed, why, and the access it needs; one
 * that failed on its own answer (a 404, a body that does not parse) is that page's alone.
 */
export function failed(api: NotionApi, what: string, error: unknown, hint: string): HandbookLintError {
  if (error instanceof HandbookLintError) return error;
  // Notion's own messages end in a period ("... shared with your integration."): one full stop, not two.
  const why = api.reason(error).replace(/\.$/, '');
  const help = hasStatus(error, 403) || hasStatus(error, 404) ? ` ${hint}` : '';
  const own =
    !RequestTimeoutError.isRequestTimeoutError(error) &&
    answerFault(error, isHTTPResponseError(error) ? error.status : undefined);
  return new HandbookLintError(
    own ? 'WRITEBACK_PAGE_FAILED' : 'WRITEBACK_FAILED',
    `Notion: ${what} failed: ${why}.${help}`,
  );
}

/**
 * A failed request about one page's comment (reading its list, or writing it): one that got no answer
 * (a timeout, a dropped connection) is that page's, for the stage to weigh against the pages around it;
 * anything else as `failed`. A write without an answer may have been made all the same, and says so.
 */
export function pageFailed(
  api: NotionApi,
  what: string,
  error: unknown,
  hint: string,
  write = false,
): HandbookLintError {
  const failure = failed(api, what, error, hint);
  return RequestTimeoutError.isRequestTimeoutError(error) || unanswered(error)
    ? new HandbookLintError('WRITEBACK_PAGE_UNANSWERED', `${failure.message}${write ? MAYBE_WRITTEN : ''}`)
    : failure;
}

/** Answers one page's comments may take: 4,000 comments, so a list that never ends cannot stall a run. */
export const MAX_COMMENT_REQUESTS = 40;

/**
 * A list that repeated its cursor, stopped with more to come or did not end within its bound is not
 * the whole list: nothing is written on it. Undefined when the list was read to its end.
 */
export function unfinished(
  what: string,
  gaps: ListingGaps,
  limit = MAX_LISTING_REQUESTS,
): HandbookLintError | undefined {
  if (!gaps.loop && !gaps.stopped && !gaps.endless) return undefined;
  const why = gaps.endless
    ? `did not end after ${limit} answers`
    : 'repeated a cursor or stopped with more to come';
  return new HandbookLintError(
    'WRITEBACK_PAGE_FAILED',
    `Notion: ${what} ${why}; nothing was written for it.`,
  );
}
