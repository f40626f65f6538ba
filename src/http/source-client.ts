import { HandbookLintError } from '../errors.js';
import { budgetFromRate, RequestQueue } from './queue.js';
import type { ClassifyFailure } from './retry.js';

/** The request settings every remote source's config has. */
export interface RequestSettings {
  requestsPerSecond: number;
  concurrency: number;
  maxAttempts: number;
}

/** One source's throttled queue, built from its config the same way for every platform. */
export function sourceQueue(settings: RequestSettings, classify: ClassifyFailure): RequestQueue {
  return new RequestQueue({
    budget: budgetFromRate(settings.requestsPerSecond),
    concurrency: settings.concurrency,
    maxAttempts: settings.maxAttempts,
    classify,
  });
}

/**
 * One idempotent read through the queue. A rejected credential anywhere ends the crawl with
 * AUTH_FAILED (exit 2) and `message`, which names the environment variables, never their values.
 */
export async function readThrough<T>(
  queue: RequestQueue,
  call: () => Promise<T>,
  isAuthError: (error: unknown) => boolean,
  message: string,
): Promise<T> {
  try {
    return await queue.schedule(call, { idempotent: true });
  } catch (error) {
    if (isAuthError(error)) throw new HandbookLintError('AUTH_FAILED', message);
    throw error;
  }
}

/** Removes a secret from text that may echo a request: defence in depth for every reason we print or store. */
export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[token]') : text;
}

/**
 * A server's words (an error message, a reason) as one line: a line break in them would start a
 * line of its own in a log, where a CI runner reads `::command` lines as its commands.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

/**
 * An error that is no HTTP answer, as one reason: its name and message, and what a failed fetch's
 * cause says. Node's fetch says only "fetch failed"; the cause names the address and why
 * (`connect ECONNREFUSED 127.0.0.1:4567`, `getaddrinfo ENOTFOUND acme.atlasian.net`), the one
 * thing someone with a mistyped site URL or a blocked network needs.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { message?: unknown; code?: unknown } | undefined;
  const why = [cause?.message, cause?.code].find((text) => typeof text === 'string' && text);
  return `${error.name}: ${error.message}${why ? ` (${why})` : ''}`;
}
