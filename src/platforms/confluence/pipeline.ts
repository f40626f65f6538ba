import type { Content } from './bodies.js';
import type { ListedPage } from './listed-page.js';
import type { Needs, ReadyPage } from './needs.js';
import type { ConfluenceRaw } from './page.js';
import { PendingContext } from './tree.js';

const NO_LABELS: string[] = [];

interface Waiting {
  page: ListedPage;
  content?: Content;
  needs?: Needs;
}

interface Blocked {
  ready: ReadyPage;
  /** How many of its parts the crawl was found to know: they are not asked about again. */
  known: number;
}

/** What the crawl knows so far, as far as resolving a page goes. */
export interface Knowledge {
  needs(page: ListedPage, content: Content): Needs;
  /**
   * Whether the crawl knows the `part`th thing the page reads (its people, its ancestors, the spaces
   * and titles it links to, in a fixed order), undefined past the last: resolving a page whose parts
   * are all known gives the final page. A part once known stays known, as the crawl only learns more.
   */
  knowsPart(page: ListedPage, needs: Needs, part: number): boolean | undefined;
  /** The page with what it reads resolved; throws PendingContext when the crawl cannot answer yet. */
  resolve(ready: ReadyPage): ConfluenceRaw;
}

/**
 * Where each selected page is between the listing and the caller: waiting for its body and its
 * labels, blocked until the crawl knows the titles and people it reads (or, failing that, until
 * the listing and look-ups are complete), then resolved into a raw page and queued for the caller.
 */
export class PagePipeline {
  private readonly waiting = new Map<string, Waiting>();
  private readonly blocked = new Map<string, Blocked>();
  private readonly labels = new Map<string, string[]>();
  private labelsComplete = false;
  private contextFinal = false;
  private sourcesDone = false;
  private readonly out: ConfluenceRaw[] = [];
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly knowledge: Knowledge) {}

  /** Pages selected but not yet handed out. */
  get left(): number {
    return this.waiting.size + this.blocked.size + this.out.length;
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

  /** The crawl learned more (listed pages, names): blocked pages that now read only known things go out. */
  learned(): void {
    for (const [id, blocked] of this.blocked) {
      if (this.knowsAll(blocked) && this.offer(blocked.ready)) this.blocked.delete(id);
    }
    this.notify();
  }

  /** Listing and name look-ups are complete: every blocked page can be resolved for good. */
  contextDone(): void {
    this.contextFinal = true;
    for (const { ready } of this.blocked.values()) this.offer(ready);
    this.blocked.clear();
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

  /** Raw pages as they are resolved, until every selected page has been handed out; rethrows a crawl failure. */
  async *raws(): AsyncIterable<ConfluenceRaw> {
    for (;;) {
      if (this.failure) throw this.failure.error;
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
      this.blocked.size === 0
    );
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private check(id: string): void {
    const waiting = this.waiting.get(id);
    if (!waiting?.content || !waiting.needs) return;
    const labels = this.labels.get(id) ?? (this.labelsComplete ? NO_LABELS : undefined);
    if (!labels) return;
    this.waiting.delete(id);
    this.labels.delete(id);
    const ready: ReadyPage = { page: waiting.page, content: waiting.content, labels, needs: waiting.needs };
    const blocked = { ready, known: 0 };
    if (!(this.contextFinal || this.knowsAll(blocked)) || !this.offer(ready)) this.blocked.set(id, blocked);
  }

  /**
   * Whether everything the page reads is known, asking from the first part not known last time: the
   * blocked pages are asked after every listing batch and name look-up, and asking each for all it
   * reads each time cost a 5,000-page crawl ~0.5 s of the main thread.
   */
  private knowsAll(blocked: Blocked): boolean {
    const { page, needs } = blocked.ready;
    for (;;) {
      const known = this.knowledge.knowsPart(page, needs, blocked.known);
      if (known === undefined) return true;
      if (!known) return false;
      blocked.known++;
    }
  }

  /** Resolves a page and queues it; false when the crawl cannot answer what it reads yet after all. */
  private offer(ready: ReadyPage): boolean {
    try {
      this.out.push(this.knowledge.resolve(ready));
    } catch (error) {
      if (error instanceof PendingContext && !this.contextFinal) return false;
      throw error;
    }
    this.notify();
    return true;
  }
}
