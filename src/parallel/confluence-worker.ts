import { parentPort, workerData } from 'node:worker_threads';
import { typeClassifier } from '../normalize/doc-type.js';
import { passPage } from '../rules/page-pass.js';
import { fromPortable } from '../rules/portable.js';
import { CrawlContext } from '../sources/confluence/context.js';
import { buildConfluencePage } from '../sources/confluence/page.js';
import type {
  ConfluenceWorkerMessage,
  ConfluenceWorkerReply,
  ConfluenceWorkerSetup,
} from './confluence-protocol.js';

const setup = workerData as ConfluenceWorkerSetup;
if (!parentPort) throw new Error('Confluence page worker must run in a worker thread');
const port = parentPort;

const rules = fromPortable(setup.rules);
const classify = typeClassifier(setup.config.documentTypes);
const context = new CrawlContext(setup.context);
for (const delta of setup.learned) context.apply(delta);

async function handle(message: ConfluenceWorkerMessage): Promise<void> {
  if ('delta' in message) {
    context.apply(message.delta);
    return;
  }
  let reply: ConfluenceWorkerReply;
  try {
    const results = [];
    for (const job of message.jobs) {
      const page = await buildConfluencePage(job, context, classify);
      results.push(page && passPage(page, rules, { now: setup.now }, setup.config.overrides));
    }
    reply = { results };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  port.postMessage(reply);
}

// One message at a time, in order: a build that waits (loading the parser) must not let a later
// delta or build overtake it, as the pool takes replies in the order it sent requests.
let queue = Promise.resolve();
port.on('message', (message: ConfluenceWorkerMessage) => {
  queue = queue.then(() => handle(message));
});
