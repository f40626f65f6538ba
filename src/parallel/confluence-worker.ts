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
const port = parentPort;
if (!port) throw new Error('Confluence page worker must run in a worker thread');

const rules = fromPortable(setup.rules);
const classify = typeClassifier(setup.config.documentTypes);
const context = new CrawlContext(setup.context);
for (const delta of setup.learned) context.apply(delta);

port.on('message', (message: ConfluenceWorkerMessage) => {
  if ('delta' in message) {
    context.apply(message.delta);
    return;
  }
  let reply: ConfluenceWorkerReply;
  try {
    const results = message.jobs.map((job) => {
      const page = buildConfluencePage(job, context, classify);
      return page && passPage(page, rules, { now: setup.now }, setup.config.overrides);
    });
    reply = { results };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  port.postMessage(reply);
});
