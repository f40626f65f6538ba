import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../model/config.js';
import type { ActiveRule } from '../rules/load.js';
import type { PagePass } from '../rules/page-pass.js';
import { toPortable } from '../rules/portable.js';
import type { MarkdownTask } from '../sources/markdown.js';
import type { BatchReply, BatchRequest, WorkerSetup } from './protocol.js';

/** Files per batch: large enough to amortize messaging, small enough to balance the workers. */
const BATCH_SIZE = 20;
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

/**
 * Reads and lints Markdown files on worker threads (parsing dominates a run and is CPU-bound), yielding
 * each batch's page passes as it completes. Order is not kept; the run sorts findings at the end.
 */
export async function* passMarkdownInWorkers(
  config: Config,
  rules: readonly ActiveRule[],
  tasks: readonly MarkdownTask[],
  now: Date,
  workers: number,
): AsyncIterable<PagePass> {
  const { yaml: _yaml, ...plainConfig } = config;
  const source = config.markdown ?? { root: '.' };
  const setup: WorkerSetup = { config: plainConfig, rules: toPortable(rules), source, now };
  const batches: BatchRequest[] = [];
  for (let i = 0; i < tasks.length; i += BATCH_SIZE) {
    batches.push({ id: batches.length, tasks: tasks.slice(i, i + BATCH_SIZE) });
  }
  const replies: BatchReply[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let next = 0;
  const pool = Array.from({ length: workers }, () => new Worker(WORKER_URL, { workerData: setup }));
  const feed = (worker: Worker) => {
    const batch = batches[next++];
    if (batch) worker.postMessage(batch);
  };
  for (const worker of pool) {
    worker.on('message', (reply: BatchReply) => {
      replies.push(reply);
      feed(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    feed(worker);
  }
  try {
    for (let received = 0; received < batches.length; ) {
      const reply = replies.shift();
      if (!reply) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      received++;
      if ('error' in reply) throw new Error(reply.error);
      yield* reply.passes;
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
