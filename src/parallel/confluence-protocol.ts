import type { Config } from '../model/config.js';
import type { PagePass } from '../rules/page-pass.js';
import type { PortableRule } from '../rules/portable.js';
import type { ContextDelta, ContextSetup } from '../sources/confluence/context.js';
import type { PageJob } from '../sources/confluence/page.js';

/** What a Confluence page worker starts with: the config, the run's clock, and the crawl's context so far. */
export interface ConfluenceWorkerSetup {
  config: Omit<Config, 'yaml'>;
  rules: PortableRule[];
  now: Date;
  context: ContextSetup;
  learned: ContextDelta[];
}

/** To a worker: something the crawl learned (no answer), or pages to build and lint. */
export type ConfluenceWorkerMessage = { delta: ContextDelta } | { jobs: PageJob[] };

/** A worker's answer to a build request: each page's pass, or undefined when its context is not complete. */
export type ConfluenceWorkerReply = { results: (PagePass | undefined)[] } | { error: string };
