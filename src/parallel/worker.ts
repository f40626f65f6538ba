import { parentPort, workerData } from 'node:worker_threads';
import { typeClassifier } from '../normalize/doc-type.js';
import { convert } from '../platforms/registry.js';
import { passPage } from '../rules/page-pass.js';
import { fromPortable } from '../rules/portable.js';
import type { BatchReply, BatchRequest, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('page worker must run in a worker thread');

const rules = fromPortable(setup.rules);
const classify = typeClassifier(setup.config.documentTypes);
const context = { now: setup.now };

async function handle(request: BatchRequest): Promise<BatchReply> {
  try {
    // Every page of the batch starts at once: while one is parsed, the others' files are being read.
    const passes = await Promise.all(
      request.raws.map(async (raw) =>
        passPage(await convert(raw, classify), rules, context, setup.config.overrides),
      ),
    );
    return { passes };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

// One batch at a time, in order: the pool takes replies in the order it sent requests, and a
// batch that waits (loading a converter) must not let a later one overtake it.
let queue = Promise.resolve();
port.on('message', (request: BatchRequest) => {
  queue = queue.then(async () => port.postMessage(await handle(request)));
});
