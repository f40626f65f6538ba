import type { Page } from '../../model/page.js';
import type { TypeClassifier } from '../../normalize/doc-type.js';
import { normalizeKey } from '../../normalize/fields.js';
import { buildPage, type PageInput } from '../../normalize/page.js';

/**
 * A Notion page, database or hidden child as the crawl resolved it: the page's metadata and its
 * Markdown, every title and name already looked up. A row of a database named like a folder of a
 * document type ("Decision log", "ADR") is typed by it: `database` carries that title.
 */
export interface NotionRaw {
  source: 'notion';
  input: PageInput;
  database?: string;
}

/** A raw Notion page as a Page; config's `folders` decide which database titles type their rows. */
export function toPage(raw: NotionRaw, classify: TypeClassifier): Page {
  const declaredType =
    raw.database === undefined
      ? undefined
      : classify({ path: `${normalizeKey(raw.database)}/`, title: '', labels: [] });
  return buildPage({ ...raw.input, ...(declaredType ? { declaredType } : {}) }, classify);
}
