import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import { backoffMs, type ClassifyFailure } from './retry.js';

/** The longest a 429 may pause a queue, whatever `Retry-After` says; past it, retrying sooner is cheaper than idling. */
export const RETRY_AFTER_MAX_MS = 60_000;
/** The pause for a 429 that carries no `Retry-After`. */
export const RETRY_AFTER_DEFAULT_MS = 1_000;
/** 429s one request may meet before it fails; a budget that never recovers is an outage, not a hiccup. */
export const RATE_LIMIT_MAX_RETRIES = 10;
/** First backoff for a transient failure; doubled per retry. */
export const RETRY_BASE_MS = 500;
/** Largest backoff for a transient failure. */
export const RETRY_MAX_MS = 30_000;

/**
 * Requests in a row that may fail after all their retries (timeouts, dropped connections, 5xx,
 * 429s that never end) before the queue stops asking: then the wiki is down, not one page broken,
 * and every later request would cost its retries and backoff too, for hours on a large wiki.
 */
export const FAILURES_IN_A_ROW = 10;

/** A request the queue did not send, because the ones before it kept failing. */
export class SourceUnavailableError extends Error {
  constructor(failures: number) {
    super(
      `not asked: the last ${failures} requests to this wiki failed after every retry (it is down or refusing; the next run asks again)`,
    );
    this.name = 'SourceUnavailableError';
  }
}

/** A request budget: at most `intervalCap` requests start in any `intervalMs` window (sliding). */
export interface RequestBudget {
  intervalCap: number;
  intervalMs: number;
}

/** How one source's queue paces and retries its requests. */
export interface RequestQueueOptions {
  budget: RequestBudget;
  /** Requests in flight at once. */
  concurrency: number;
  /** Attempts per idempotent request for transient failures (5xx, network, timeout), the first included. */
  maxAttempts: number;
  classify: ClassifyFailure;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Clamp for `Retry-After`; default RETRY_AFTER_MAX_MS. */
  retryAfterMaxMs?: number;
}

/** What a queue did, for progress lines and benchmarks. */
export interface QueueCounters {
  /** Requests started, retries included. */
  requests: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Requests started again after a 429 or a transient failure. */
  retries: number;
}

/** Whether a request may be repeated safely: reads yes, writes only after a 429 (which the server never ran). */
export interface ScheduleOptions {
  idempotent: boolean;
}

/**
 * Slack added to each budget window: requests leave on schedule but reach the server after varying
 * network delays, so a window timed to the millisecond on our side can hold one request too many on
 * the server's side, and that one request costs a whole Retry-After pause.
 */
export const PACING_MARGIN_MS = 25;

/** A budget from a rate such as Notion's 3 requests/s; fractional rates widen the window instead of rounding the rate. */
export function budgetFromRate(requestsPerSecond: number): RequestBudget {
  const intervalCap = Math.max(1, Math.round(requestsPerSecond));
  return { intervalCap, intervalMs: Math.round((1000 * intervalCap) / requestsPerSecond) + PACING_MARGIN_MS };
}

/**
 * One throttled, retrying queue per source: paces requests to the budget, pauses every request
 * (not just the one that failed) when the API answers 429, and retries transient failures of
 * reads with backoff. The SDK's own retry must be off so the two never stack.
 */
export class RequestQueue {
  readonly counters: QueueCounters = { requests: 0, rateLimited: 0, retries: 0 };
  private readonly queue: PQueue;
  private readonly options: RequestQueueOptions;
  private pausedUntil = 0;
  private resumeTimer: NodeJS.Timeout | undefined;
  private failedInARow = 0;
  private unavailable: SourceUnavailableError | undefined;

  constructor(options: RequestQueueOptions) {
    this.options = options;
    this.queue = new PQueue({
      concurrency: options.concurrency,
      intervalCap: options.budget.intervalCap,
      interval: options.budget.intervalMs,
      strict: true,
    });
  }

  /**
   * Runs `fn` within the budget, retrying as its failure kind allows; rejects with the last error.
   * Once FAILURES_IN_A_ROW requests in a row have failed for good, it rejects every request at
   * once with SourceUnavailableError; any answer (a 404 too) resets the count.
   */
  async schedule<T>(fn: () => Promise<T>, { idempotent }: ScheduleOptions): Promise<T> {
    let failures = 0;
    let rateLimits = 0;
    for (;;) {
      if (this.unavailable) throw this.unavailable;
      const retrying = failures + rateLimits > 0;
      try {
        // A retry jumps the line: it has already waited its turn once.
        const value = await this.queue.add(
          () => {
            // Queued before the wiki was given up on: not sent either.
            if (this.unavailable) throw this.unavailable;
            this.counters.requests++;
            return fn();
          },
          { priority: retrying ? 1 : 0 },
        );
        this.failedInARow = 0;
        return value;
      } catch (error) {
        if (error instanceof SourceUnavailableError) throw error;
        const failure = this.options.classify(error);
        if (failure.kind === 'rate-limited') {
          this.counters.rateLimited++;
          if (++rateLimits > RATE_LIMIT_MAX_RETRIES) throw this.failedForGood(error);
          const maxMs = this.options.retryAfterMaxMs ?? RETRY_AFTER_MAX_MS;
          this.pauseFor(Math.min(failure.retryAfterMs ?? RETRY_AFTER_DEFAULT_MS, maxMs));
        } else if (failure.kind === 'transient' && idempotent && ++failures < this.options.maxAttempts) {
          // Waits outside the queue, so a backing-off request holds no concurrency slot.
          await sleep(
            backoffMs(
              failures,
              this.options.retryBaseMs ?? RETRY_BASE_MS,
              this.options.retryMaxMs ?? RETRY_MAX_MS,
            ),
          );
        } else if (failure.kind === 'transient') {
          throw this.failedForGood(error);
        } else {
          // An answer, if an unwelcome one (401, 404, 400): the wiki is up.
          this.failedInARow = 0;
          throw error;
        }
        this.counters.retries++;
      }
    }
  }

  /** Counts a request that failed after every retry; `error` is rethrown as it is. */
  private failedForGood(error: unknown): unknown {
    if (++this.failedInARow >= FAILURES_IN_A_ROW)
      this.unavailable ??= new SourceUnavailableError(this.failedInARow);
    return error;
  }

  private pauseFor(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    this.queue.pause();
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => {
      this.queue.start();
    }, ms);
  }
}
