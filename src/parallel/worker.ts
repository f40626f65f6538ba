import { parentPort, workerData } from 'node:worker_threads';
import { typeClassifier } from '../normalize/doc-type.js';
import { passPage } from '../rules/page-pass.js';
import { fromPortable } from '../rules/portable.js';
import { readMarkdownPage } from '../sources/markdown.js';
import type { BatchReply, BatchRequest, WorkerSetup } from './protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('page worker must run in a worker thread');

const rules = fromPortable(setup.rules);
const classify = typeClassifier(setup.config.documentTypes);
const context = { now: setup.now };

port.on('message', async (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    const passes = [];
    for (const task of request.tasks) {
      const page = await readMarkdownPage(setup.source, task, classify);
      passes.push(passPage(page, rules, context, setup.config.overrides));
    }
    reply = { id: request.id, passes };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
