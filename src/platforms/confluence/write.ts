import { isApiError } from 'confluence.js';
import { HandbookLintError } from '../../errors.js';
import { answerFault, unanswered } from '../../http/retry.js';
import type { ConfluenceApi, ConfluenceClients } from './api.js';

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
 * A failed read of one page's list: one that got no answer (a timeout, a dropped connection) is
 * that page's, for the stage to weigh against the pages around it; anything else as `failed`.
 */
export function listFailed(
  api: ConfluenceApi,
  what: string,
  error: unknown,
  hint: string,
): HandbookLintError {
  const failure = failed(api, what, error, hint);
  return unanswered(error) ? new HandbookLintError('WRITEBACK_PAGE_UNANSWERED', failure.message) : failure;
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
