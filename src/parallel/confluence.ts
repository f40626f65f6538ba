import type { Config } from '../model/config.js';
import type { Link } from '../model/page.js';
import { typeClassifier } from '../normalize/doc-type.js';
import type { ActiveRule } from '../rules/load.js';
import { type PagePass, passPage } from '../rules/page-pass.js';
import { toPortable } from '../rules/portable.js';
import { InlineBuilder, type PageBuilder } from '../sources/confluence/builder.js';
import type { ContextDelta, ContextSetup } from '../sources/confluence/context.js';
import type { PageJob } from '../sources/confluence/page.js';
import type { ConfluenceWorkerReply, ConfluenceWorkerSetup } from './confluence-protocol.js';
import { PARALLEL_MIN_PAGES, workerCount } from './pool.js';
import { WorkerPool } from './workers.js';

const WORKER_URL = new URL('./confluence-worker.js', import.meta.url);

/**
 * Builds and lints Confluence pages as the crawl delivers them: in this thread for a small crawl,
 * on worker threads once the listing has shown enough pages to repay starting them (converting
 * storage and parsing the Markdown are CPU-bound, and run while the crawl waits on the API).
 * Workers start as soon as the listing shows that many pages, before any page is built: pages
 * built in this thread in the meantime would hold up the crawl's next requests. Workers start
 * with the context learned so far and receive every later delta before the pages sent after it.
 */
export class PassBuilder implements PageBuilder<PagePass> {
  private readonly inline: InlineBuilder;
  private pool: WorkerPool<ConfluenceWorkerReply> | undefined;
  private listed = 0;
  private started = false;

  constructor(
    private readonly setup: ContextSetup,
    private readonly config: Config,
    private readonly rules: readonly ActiveRule[],
    private readonly now: Date,
  ) {
    this.inline = new InlineBuilder(setup, typeClassifier(config.documentTypes));
  }

  get slots(): number {
    return this.pool?.size ?? 1;
  }

  learn(delta: ContextDelta): void {
    this.inline.learn(delta);
    if (this.pool) this.pool.broadcast({ delta });
    else if ('pages' in delta) {
      this.listed += delta.pages.length;
      if (!this.started && this.listed >= PARALLEL_MIN_PAGES) this.startWorkers();
    }
  }

  async build(jobs: PageJob[]): Promise<(PagePass | undefined)[]> {
    if (this.pool) {
      const reply = await this.pool.request({ jobs });
      if ('error' in reply) throw new Error(reply.error);
      return reply.results;
    }
    const pages = await this.inline.build(jobs);
    return pages.map((page) => page && passPage(page, this.rules, { now: this.now }, this.config.overrides));
  }

  links(pass: PagePass): readonly Link[] {
    return pass.page.links;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  private startWorkers(): void {
    this.started = true;
    // Sized for a large crawl: how many pages are coming is not known until the listing ends.
    const size = workerCount(Number.MAX_SAFE_INTEGER, WORKER_URL);
    if (!size) return;
    const { yaml: _yaml, ...config } = this.config;
    const setup: ConfluenceWorkerSetup = {
      config,
      rules: toPortable(this.rules),
      now: this.now,
      context: this.setup,
      learned: this.inline.snapshot(),
    };
    this.pool = new WorkerPool(WORKER_URL, setup, size);
  }
}
