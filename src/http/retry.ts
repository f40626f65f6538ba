import { MalformedResponseError, ResponseTimeoutError, ResponseTooLargeError } from './bounded-fetch.js';

/**
 * How a failed request is treated. Each source maps its SDK's error shapes onto this, so the
 * queue stays the same for Notion and Confluence.
 */
export type Failure =
  | { kind: 'rate-limited'; retryAfterMs?: number }
  | { kind: 'transient' }
  | { kind: 'fatal' };

/** A source's error classifier, handed to the queue. */
export type ClassifyFailure = (error: unknown) => Failure;

/** Statuses that mean "try again later" on a read: server errors, bad gateways, overload. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504, 529]);

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether an error is a dropped connection, a failed fetch, an aborted or oversized answer, or a
 * body that does not parse (worth retrying, then failing that request), not an HTTP answer.
 */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (
    error instanceof ResponseTimeoutError ||
    error instanceof ResponseTooLargeError ||
    error instanceof MalformedResponseError ||
    error instanceof SyntaxError
  )
    return true;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR'))) return true;
  return error.name === 'TypeError' && error.message === 'fetch failed';
}

/**
 * Whether a failed request failed on its own answer (a 404 or 410, a body that does not parse or is too
 * large, a shape the caller could not read) rather than on the service (refused, overloaded, down, slow):
 * the first is that request's, the second would repeat on the next one.
 */
export function answerFault(error: unknown, status: number | undefined): boolean {
  if (status !== undefined) return status === 404 || status === 410;
  if (
    error instanceof MalformedResponseError ||
    error instanceof ResponseTooLargeError ||
    error instanceof SyntaxError
  )
    return true;
  return !isNetworkError(error);
}

/**
 * Whether a failed request got no answer at all (it timed out, or its connection dropped or was
 * refused): one such request says nothing of the next, several in a row say the service is down.
 */
export function unanswered(error: unknown): boolean {
  return isNetworkError(error) && !answerFault(error, undefined);
}

/** A `Retry-After` header (delta seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** One header from an SDK error's headers, which may be a fetch `Headers` or a plain record. */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

/**
 * Delay before retry number `retry` (1-based): exponential, capped, with "equal jitter" so many
 * clients that failed together do not come back together, yet never retry immediately.
 */
export function backoffMs(
  retry: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (retry - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
