import type { Content } from './bodies.js';
import type { PageBuilder } from './builder.js';
import type { ListedPage } from './listing.js';
import type { Needs } from './needs.js';
import type { PageJob } from './page.js';

/** Pages per build call: enough to amortize a message to a worker, few enough to spread the work. */
const BUILD_BATCH = 25;
/** Build calls in flight per builder slot, so a worker has its next batch queued when one ends. */
const IN_FLIGHT_PER_SLOT = 2;

const NO_LABELS: string[] = [];

interface Waiting {
  page: ListedPage;
  content?: Content;
  needs?: Needs;
  labels?: string[];
}

/** What the crawl knows so far, as far as building a page goes. */
export interface Knowledge {
  needs(page: ListedPage, content: Content): Needs;
  /** Whether everything the page reads is known, so building it now gives the final page. */
  knows(page: ListedPage, needs: Needs): boolean;
}

/**
 * Where each selected page is between the listing and the caller: waiting for its body and its
 * labels, blocked until the crawl knows the titles and people it reads, ready to build, built
 * (queued for the caller), or deferred because building found something the crawl did not know
 * yet after all (built again once the context is final). The crawl reports what arrives; `built`
 * hands out built pages as they come.
 */
export class PagePipeline<T> {
  private readonly waiting = new Map<string, Waiting>();
  private readonly blocked = new Map<string, Waiting>();
  private readonly labels = new Map<string, string[]>();
  private labelsComplete = false;
  private contextFinal = false;
  private ready: PageJob[] = [];
  private deferred: PageJob[] = [];
  private readonly out: T[] = [];
  private inFlight = 0;
  private inFlightPages = 0;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;
  private sourcesDone = false;

  constructor(
    private readonly builder: PageBuilder<T>,
    private readonly knowledge: Knowledge,
    private readonly onBuilt: (built: T) => void,
  ) {}

  /** Pages selected but not yet handed out. */
  get left(): number {
    return (
      this.waiting.size + this.blocked.size + this.ready.length + this.deferred.length + this.inFlightPages
    );
  }

  select(page: ListedPage): void {
    this.waiting.set(page.id, { page });
  }

  /** A selected page's body; `fetched` is the page as a later fetch read it, newer than the listing. */
  content(id: string, content: Content, fetched?: ListedPage): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    if (fetched) waiting.page = fetched;
    waiting.content = content;
    waiting.needs = this.knowledge.needs(waiting.page, content);
    this.check(id);
  }

  /** Labels of pages the label search has reached, labelled or not. */
  label(batch: readonly [string, string[]][]): void {
    for (const [id, names] of batch) {
      this.labels.set(id, names.length ? names : NO_LABELS);
      this.check(id);
    }
  }

  /** The label search is complete: a page it did not reach has no labels. */
  labelsDone(): void {
    this.labelsComplete = true;
    for (const id of [...this.waiting.keys()]) this.check(id);
    this.notify();
  }

  /** The crawl learned more (listed pages, names): blocked pages that now read only known things are ready. */
  learned(): void {
    for (const [id, waiting] of this.blocked) {
      if (!this.knowledge.knows(waiting.page, waiting.needs as Needs)) continue;
      this.blocked.delete(id);
      this.queue(waiting);
    }
    this.notify();
  }

  /** Listing and name look-ups are complete: blocked and deferred pages can be built for good. */
  contextDone(): void {
    this.contextFinal = true;
    for (const waiting of this.blocked.values()) this.queue(waiting);
    this.blocked.clear();
    this.ready.push(...this.deferred);
    this.deferred = [];
    this.notify();
  }

  /** No more pages will be selected or given bodies. */
  sourcesFinished(): void {
    this.sourcesDone = true;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.notify();
  }

  /** Built pages as they come, until every selected page has been handed out; rethrows a crawl failure. */
  async *built(): AsyncIterable<T> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      // The caller may take its time with each page; whatever arrived meanwhile is dispatched first.
      this.dispatch();
      const next = this.out.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.finished()) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private finished(): boolean {
    return (
      this.sourcesDone &&
      this.contextFinal &&
      this.labelsComplete &&
      this.waiting.size === 0 &&
      this.blocked.size === 0 &&
      this.ready.length === 0 &&
      this.deferred.length === 0 &&
      this.inFlight === 0 &&
      this.out.length === 0
    );
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private check(id: string): void {
    const waiting = this.waiting.get(id);
    if (!waiting?.content) return;
    const labels = this.labels.get(id) ?? (this.labelsComplete ? NO_LABELS : undefined);
    if (!labels) return;
    this.waiting.delete(id);
    this.labels.delete(id);
    waiting.labels = labels;
    if (this.contextFinal || this.knowledge.knows(waiting.page, waiting.needs as Needs)) this.queue(waiting);
    else this.blocked.set(id, waiting);
  }

  private queue({ page: { storage: _storage, ...page }, content, labels }: Waiting): void {
    this.ready.push({ page, content: content as Content, labels: labels ?? NO_LABELS });
    this.notify();
  }

  private dispatch(): void {
    while (this.ready.length && this.inFlight < this.builder.slots * IN_FLIGHT_PER_SLOT) {
      const jobs = this.ready.splice(0, BUILD_BATCH);
      this.inFlight++;
      this.inFlightPages += jobs.length;
      this.builder.build(jobs).then(
        (results) => {
          this.inFlight--;
          this.inFlightPages -= jobs.length;
          results.forEach((built, i) => {
            const job = jobs[i] as PageJob;
            if (built !== undefined) {
              this.out.push(built);
              this.onBuilt(built);
            } else if (this.contextFinal) this.ready.push(job);
            else this.deferred.push(job);
          });
          this.notify();
        },
        (error: unknown) => this.fail(error),
      );
    }
  }
}
