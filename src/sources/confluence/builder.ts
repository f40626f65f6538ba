import type { Link, Page } from '../../model/page.js';
import type { TypeClassifier } from '../../normalize/doc-type.js';
import { type ContextDelta, type ContextSetup, CrawlContext } from './context.js';
import { buildConfluencePage, type PageJob } from './page.js';

/**
 * Turns crawled pages into what the caller consumes (a Page, or a page already linted on a worker
 * thread), while the crawl goes on. It learns the crawl's context in order, so a page can be built
 * before the listing is complete; a page that reads what is not known yet comes back undefined and
 * is built again later.
 */
export interface PageBuilder<T> {
  /** How many build calls can run at once (worker threads), for the crawl to keep them busy. */
  readonly slots: number;
  learn(delta: ContextDelta): void;
  build(jobs: PageJob[]): Promise<(T | undefined)[]>;
  /** The links of a built page, for the crawl's look-up of unlisted link targets. */
  links(built: T): readonly Link[];
  close(): Promise<void>;
}

/** Creates a crawl's builder once the crawled spaces are known. */
export type BuilderFactory<T> = (setup: ContextSetup) => PageBuilder<T>;

/** Builds full pages in this thread. */
export class InlineBuilder implements PageBuilder<Page> {
  readonly slots = 1;
  private readonly context: CrawlContext;

  constructor(
    setup: ContextSetup,
    private readonly classify: TypeClassifier,
  ) {
    this.context = new CrawlContext(setup);
  }

  learn(delta: ContextDelta): void {
    this.context.apply(delta);
  }

  async build(jobs: PageJob[]): Promise<(Page | undefined)[]> {
    return Promise.all(jobs.map((job) => buildConfluencePage(job, this.context, this.classify)));
  }

  links(page: Page): readonly Link[] {
    return page.links;
  }

  /** The context this builder has learned, for a builder that hands work on to worker threads. */
  snapshot(): ContextDelta[] {
    return this.context.snapshot();
  }

  async close(): Promise<void> {}
}
