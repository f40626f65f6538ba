import { HandbookLintError } from '../../errors.js';
import { DEFAULT_PAGE_BUDGET } from '../../normalize/budget.js';
import { endsOpen } from '../../normalize/xml.js';
import type { CachedPage } from '../../state.js';
import type { ConfluenceApi } from './api.js';
import { answerPages, type ListedPage } from './listed-page.js';
import { chunks, MAX_PAGE_LIMIT, probePage } from './listing.js';

const CUT_SHORT =
  "Confluence's answer cut the page's storage short (it ends inside a tag or with elements left open), twice";

/**
 * Whether storage was cut short on its way (a proxy, a gateway): it ends inside a tag, or the XML
 * reader reaches its end with elements still open, which no body Confluence stores does. What it
 * holds would make the findings of the rest look fixed. A malformed body that closes what it opens
 * is linted as far as it reads, with its page problem.
 */
function cutShort(storage: string): boolean {
  if (storage.lastIndexOf('<') > storage.lastIndexOf('>')) return true;
  // A body over the page budget is unreadable whole or cut; reading its tags would only cost time.
  return storage.length <= DEFAULT_PAGE_BUDGET.maxBytes && endsOpen(storage);
}

/** A page's storage body, or why it could not be read. */
export type Content = { storage: string } | { unreadable: string };

/**
 * Each selected page's storage: from the listing when it carried bodies, from the cache when the
 * version is unchanged, else fetched in bulk, 250 per request, as soon as 250 are wanted (the rest
 * on `finish`). Every body goes to `onContent` as it is known, with the page when a fetch read it
 * again (newer than the listing). Only what was read goes into `cache` for the next crawl.
 */
export class BodyLoader {
  readonly cache: Record<string, CachedPage> = {};
  fetched = 0;
  cached = 0;
  private wanted: string[] = [];
  private readonly fetches: Promise<void>[] = [];

  constructor(
    private readonly api: ConfluenceApi,
    private readonly previous: Readonly<Record<string, CachedPage>>,
    private readonly onContent: (id: string, content: Content, fetched?: ListedPage) => void,
    /** The ledger's cache, where each body read goes at once: a run stopped now keeps it (keep-fetched.ts). */
    private readonly kept?: Record<string, CachedPage>,
  ) {}

  add(page: ListedPage): void {
    const hit = this.previous[page.id];
    if (page.unreadable !== undefined) this.onContent(page.id, { unreadable: page.unreadable });
    else if (page.storage !== undefined) {
      if (cutShort(page.storage)) this.reread(page.id);
      else {
        this.fetched++;
        this.keep(page, page.storage);
      }
    } else if (hit && hit.version === String(page.version)) {
      this.cached++;
      this.cache[page.id] = hit;
      this.onContent(page.id, { storage: hit.markdown });
    } else {
      this.wanted.push(page.id);
      if (this.wanted.length >= MAX_PAGE_LIMIT) this.flush();
    }
  }

  /** Fetches the bodies still wanted; resolves once every body has gone to `onContent`. */
  async finish(): Promise<void> {
    this.flush();
    // By index: a fetch may add a re-read while this waits.
    for (let i = 0; i < this.fetches.length; i++) await this.fetches[i];
  }

  /** Reads a page alone whose body came cut short; cut again, it is unreadable rather than half linted. */
  private reread(id: string): void {
    this.fetches.push(
      probePage(this.api, id, true).then((probe) => {
        const storage = 'found' in probe ? probe.found.storage : undefined;
        if ('found' in probe && probe.found.unreadable !== undefined)
          return this.onContent(id, { unreadable: probe.found.unreadable });
        if ('found' in probe && storage !== undefined && !cutShort(storage)) {
          this.fetched++;
          this.keep(probe.found, storage);
          return;
        }
        const reason = 'notFound' in probe ? probe.notFound : 'failed' in probe ? probe.failed : CUT_SHORT;
        this.onContent(id, { unreadable: reason });
      }),
    );
  }

  private keep(page: ListedPage, storage: string): void {
    const entry = { version: String(page.version), markdown: storage };
    this.cache[page.id] = entry;
    if (this.kept) this.kept[page.id] = entry;
    this.onContent(page.id, { storage }, page);
  }

  private flush(): void {
    if (!this.wanted.length) return;
    const ids = this.wanted;
    this.wanted = [];
    this.fetches.push(
      fetchBodies(this.api, ids).then((bodies) => {
        for (const [id, body] of bodies) {
          if (!('id' in body) || body.unreadable !== undefined)
            this.onContent(id, { unreadable: body.unreadable ?? '' });
          else if (cutShort(body.storage ?? '')) this.reread(id);
          else {
            this.fetched++;
            this.keep(body, body.storage ?? '');
          }
        }
      }),
    );
  }
}

/**
 * Storage bodies of pages by id, 250 per request. A page the bulk answer leaves out (restricted or
 * deleted since the listing) is looked up alone to learn why; a batch that fails after retries
 * makes its pages unreadable rather than ending the crawl.
 */
async function fetchBodies(
  api: ConfluenceApi,
  ids: readonly string[],
): Promise<Map<string, ListedPage | { unreadable: string }>> {
  const bodies = new Map<string, ListedPage | { unreadable: string }>();
  await Promise.all(
    chunks(ids, MAX_PAGE_LIMIT).map(async (batch) => {
      try {
        const params = { id: batch.map(Number), bodyFormat: 'storage', limit: MAX_PAGE_LIMIT };
        const res = await api.read((c) => c.v2.page.getPages(params));
        // Only pages asked for: one the answer adds is no page of the crawl, to cache or to lint.
        const asked = new Set(batch);
        for (const page of answerPages(api, res)) if (asked.has(page.id)) bodies.set(page.id, page);
      } catch (error) {
        if (error instanceof HandbookLintError) throw error;
        for (const id of batch) bodies.set(id, { unreadable: api.reason(error) });
        return;
      }
      const left = batch.filter((id) => !bodies.has(id));
      await Promise.all(
        left.map(async (id) => {
          const probe = await probePage(api, id, true);
          bodies.set(
            id,
            'found' in probe
              ? probe.found
              : { unreadable: 'notFound' in probe ? probe.notFound : probe.failed },
          );
        }),
      );
    }),
  );
  return bodies;
}
