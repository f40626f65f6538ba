import type { ListedPage } from './listed-page.js';
import type { ListedSpace } from './listing.js';

/**
 * Keeps the listed pages of the crawled spaces. An answer may carry pages nobody asked for (a
 * caching proxy, a server bug, a hostile server): taken in, they would be linted, cached and
 * written back to as the handbook's. They are counted instead, for one warning at the end.
 */
export class SpaceScope {
  private readonly ids: ReadonlySet<string>;
  private readonly outside: string[] = [];

  constructor(spaces: readonly ListedSpace[]) {
    this.ids = new Set(spaces.map((s) => s.id));
  }

  keep(pages: readonly ListedPage[]): ListedPage[] {
    const kept: ListedPage[] = [];
    for (const page of pages) {
      if (this.ids.has(page.spaceId)) kept.push(page);
      else this.outside.push(page.id);
    }
    return kept;
  }

  /** The warning for the pages left out, if any: how many, and the first few ids. */
  warning(): string | undefined {
    const count = this.outside.length;
    if (!count) return undefined;
    const ids = this.outside.slice(0, 3).join(', ');
    return `Confluence's page listing carried ${count} ${count === 1 ? 'page' : 'pages'} outside the crawled spaces (id ${ids}${count > 3 ? ', …' : ''}); ignored.`;
  }
}
