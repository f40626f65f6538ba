import type { CachedPage } from '../../state.js';
import type { ConfluenceApi } from './api.js';
import { fetchBodies, type ListedPage } from './listing.js';

/** A page's storage body, or why it could not be read. */
export type Content = { storage: string } | { unreadable: string };

/** What bulk fetches take at once: the v2 maximum of ids per request. */
const FETCH_BATCH = 250;

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
  ) {}

  add(page: ListedPage): void {
    const hit = this.previous[page.id];
    if (page.storage !== undefined) {
      this.fetched++;
      this.keep(page, page.storage);
    } else if (hit && hit.version === String(page.version)) {
      this.cached++;
      this.cache[page.id] = hit;
      this.onContent(page.id, { storage: hit.markdown });
    } else {
      this.wanted.push(page.id);
      if (this.wanted.length >= FETCH_BATCH) this.flush();
    }
  }

  /** Fetches the bodies still wanted; resolves once every body has gone to `onContent`. */
  async finish(): Promise<void> {
    this.flush();
    await Promise.all(this.fetches);
  }

  private keep(page: ListedPage, storage: string): void {
    this.cache[page.id] = { version: String(page.version), markdown: storage };
    this.onContent(page.id, { storage }, page);
  }

  private flush(): void {
    if (!this.wanted.length) return;
    const ids = this.wanted;
    this.wanted = [];
    this.fetches.push(
      fetchBodies(this.api, ids).then((bodies) => {
        for (const [id, body] of bodies) {
          if ('unreadable' in body) this.onContent(id, body);
          else {
            this.fetched++;
            this.keep(body, body.storage ?? '');
          }
        }
      }),
    );
  }
}
