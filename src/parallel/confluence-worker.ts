import { parentPort, workerData } from 'node:worker_threads';
import { typeClassifier } from '../normalize/doc-type.js';
import { loadActiveRules } from '../rules/load.js';
import { passPage } from '../rules/page-pass.js';
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

// Rules were validated in the main thread; loading them again here cannot fail differently.
const rules = await loadActiveRules(setup.config);
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
