import { isApiError } from 'confluence.js';
import { HandbookLintError } from '../../errors.js';
import { answerFault, unanswered } from '../../http/retry.js';
import type { ConfluenceApi, ConfluenceClients } from './api.js';

/** Said of a write that got no answer: Confluence may have made it before the answer was lost. */
const MAYBE_WRITTEN = ' It may have been written all the same.';

/** Times a versioned update is retried after a 409 (someone saved in between). */
const CONFLICT_RETRIES = 3;

/** The HTTP status of a confluence.js error, if it is an API answer. */
export const statusOf = (error: unknown) => (isApiError(error) ? error.status : undefined);

/** Runs one write through the source's queue; a write is never repeated on a 5xx, since it may have happened. */
export function write<T>(api: ConfluenceApi, call: (clients: ConfluenceClients) => Promise<T>): Promise<T> {
  return api.queue.schedule(() => call(api.clients), { idempotent: false });
}

/**
 * A write-back failure as a clear message: what failed, Confluence's answer, and on 403/404 what
 * permission to grant; one that failed on its own answer (a 404, a body that does not parse) is that page's alone.
 */
export function failed(api: ConfluenceApi, what: string, error: unknown, hint: string): HandbookLintError {
  if (error instanceof HandbookLintError) return error;
  const help = statusOf(error) === 403 || statusOf(error) === 404 ? ` ${hint}` : '';
  return new HandbookLintError(
    answerFault(error, statusOf(error)) ? 'WRITEBACK_PAGE_FAILED' : 'WRITEBACK_FAILED',
    // A reason that ends a sentence of its own gets no second full stop.
    `Confluence: ${what} failed: ${api.reason(error).replace(/\.$/, '')}.${help}`,
  );
}

/**
 * A failed request about one page's comment (reading its list, or writing it): one that got no answer
 * (a timeout, a dropped connection) is that page's, for the stage to weigh against the pages around it;
 * anything else as `failed`. A write without an answer may have been made all the same, and says so.
 */
export function pageFailed(
  api: ConfluenceApi,
  what: string,
  error: unknown,
  hint: string,
  write = false,
): HandbookLintError {
  const failure = failed(api, what, error, hint);
  return unanswered(error)
    ? new HandbookLintError('WRITEBACK_PAGE_UNANSWERED', `${failure.message}${write ? MAYBE_WRITTEN : ''}`)
    : failure;
}

/** Retries `attempt` on a 409 version conflict; `retry` tells it to re-read the version someone else saved. */
export async function onConflictRetry<T>(attempt: (retry: boolean) => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(tries > 1);
    } catch (error) {
      if (statusOf(error) !== 409 || tries >= CONFLICT_RETRIES) throw error;
    }
  }
}
