import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../model/config.js';
import type { Page } from '../model/page.js';
import { type TypeClassifier, typeClassifier } from '../normalize/doc-type.js';
import type { Crawl, RawPage } from '../platforms/platform.js';
import { convert } from '../platforms/registry.js';
import { PassCompactor } from '../rules/compact-pass.js';
import type { ActiveRule } from '../rules/load.js';
import { type PagePass, passPage } from '../rules/page-pass.js';
import { toPortable } from '../rules/portable.js';
import type { BatchReply, WorkerSetup } from './protocol.js';
import { WorkerPool } from './workers.js';

/** Pages per message to a worker: enough to amortize messaging, few enough to balance the workers. */
const BATCH_SIZE = 20;
/** Batches in flight per worker, so a worker has its next one queued when one ends. */
const IN_FLIGHT_PER_WORKER = 2;
/** Below this many pages, starting workers (each loads the parser and rules) costs more than it saves. */
export const PARALLEL_MIN_PAGES = 200;
const WORKERS_MAX = 8;

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** How many workers (running `worker`) to use for `pages` pages; 0 means lint in this thread. */
export function workerCount(pages: number, worker: URL = WORKER_URL): number {
  // Workers run compiled code only: under the test runner (TypeScript sources) the page stage runs inline.
  if (pages < PARALLEL_MIN_PAGES || !existsSync(fileURLToPath(worker))) return 0;
  return Math.min(availableParallelism(), WORKERS_MAX, Math.ceil(pages / PARALLEL_MIN_PAGES));
}

export interface PoolOptions {
  config: Config;
  rules: readonly ActiveRule[];
  now: Date;
  /** Sees each full page: pages are then converted in this thread (sync and tests need them whole). */
  onPage?: (page: Page) => void;
}

/** A crawl's pages converted in this thread, for a caller that needs whole pages. */
export async function* pagesOf(crawl: Crawl, classify: TypeClassifier): AsyncIterable<Page> {
  for await (const raw of crawl.pages) {
    const page = await convert(raw, classify);
    crawl.converted?.(page);
    yield page;
  }
}

/**
 * Converts a crawl's raw pages and runs the page rules on them, yielding each page's pass in the
 * crawl's order, so the output is the same wherever the work ran. Small runs stay in this thread;
 * a large one (a known count over the threshold, or once that many raw pages have arrived) goes to
 * worker threads, dispatched as the pages arrive and bounded in flight, so conversion overlaps the
 * crawl's requests. Until a wiki's crawl has delivered enough pages to decide, its pages wait,
 * converted here only while the crawl has nothing at hand, so they never hold up its requests.
 */
export async function* passPages(crawl: Crawl, options: PoolOptions): AsyncIterable<PagePass> {
  const { config, rules, now } = options;
  const classify = typeClassifier(config.documentTypes);
  const done = new Map<number, PagePass>();
  const compactor = new PassCompactor();
  const inFlight = new Set<Promise<void>>();
  let pool: WorkerPool<BatchReply> | undefined;
  let decided = options.onPage !== undefined;
  let arrived = 0;
  let ended = false;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const fail = (error: unknown) => {
    failure ??= { error };
    notify();
  };
  const deliver = (first: number, passes: readonly PagePass[]) => {
    passes.forEach((pass, i) => {
      done.set(first + i, pass);
      crawl.converted?.(pass.page);
    });
    notify();
  };
  const start = (): WorkerPool<BatchReply> | undefined => {
    decided = true;
    // Sized for a large crawl when how many pages are coming is not known.
    const size = workerCount(crawl.total ?? Number.MAX_SAFE_INTEGER);
    if (!size) return undefined;
    const { yaml: _yaml, ...plain } = config;
    const setup: WorkerSetup = { config: plain, rules: toPortable(rules), now };
    return new WorkerPool<BatchReply>(WORKER_URL, setup, size);
  };

  // Raw pages arrived and not yet converted or sent, in order: the first is page number `first`.
  const queue: RawPage[] = [];
  let first = 0;
  const take = (count: number) => {
    const at = first;
    const raws = queue.splice(0, count);
    first += raws.length;
    return { at, raws };
  };
  const inline = async () => {
    const { at, raws } = take(1);
    const page = await convert(raws[0] as RawPage, classify);
    options.onPage?.(page);
    deliver(at, [passPage(page, rules, { now }, config.overrides)]);
  };
  const send = async (workers: WorkerPool<BatchReply>) => {
    while (inFlight.size >= workers.size * IN_FLIGHT_PER_WORKER) await Promise.race(inFlight);
    const { at, raws } = take(BATCH_SIZE);
    const sent: Promise<void> = workers
      .request({ raws })
      .then((reply) => {
        if ('error' in reply) throw new Error(reply.error);
        deliver(
          at,
          reply.passes.map((pass) => compactor.compact(pass)),
        );
      })
      .catch(fail)
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  };
  const step = () => (pool ? send(pool) : inline());
  const idle = (next: Promise<unknown>) =>
    Promise.race([next.then(() => false), new Promise<true>((resolve) => setImmediate(() => resolve(true)))]);

  const pump = async () => {
    // A known count decides at once; a wiki's, once enough pages have arrived.
    if (!decided && crawl.total !== undefined) pool = start();
    const pages = crawl.pages[Symbol.asyncIterator]();
    while (!stopped && !failure) {
      const next = pages.next();
      // While the crawl has nothing at hand, what arrived goes on: a part-filled batch to a worker,
      // or (workers not yet decided on) one page at a time in this thread, the crawl's answers
      // handled between pages.
      while (queue.length && (await idle(next))) await step();
      const { value: raw, done: finished } = await next;
      if (finished) break;
      queue.push(raw);
      arrived++;
      if (!decided && arrived >= PARALLEL_MIN_PAGES) pool = start();
      if (pool) while (queue.length >= BATCH_SIZE) await send(pool);
      else if (decided) while (queue.length) await inline();
    }
    while (queue.length) await step();
    await Promise.all(inFlight);
    ended = true;
    notify();
  };
  pump().catch(fail);

  try {
    for (let next = 0; ; ) {
      if (failure) throw failure.error;
      const pass = done.get(next);
      if (pass) {
        done.delete(next++);
        yield pass;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stopped = true;
    await pool?.close();
  }
}
