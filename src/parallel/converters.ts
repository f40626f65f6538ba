import type { Page } from '../model/page.js';
import type { TypeClassifier } from '../normalize/doc-type.js';
import type { ConfluenceRaw } from '../platforms/confluence/page.js';
import type { MarkdownRaw } from '../platforms/markdown/folder.js';
import type { NotionRaw } from '../platforms/notion/to-page.js';

/**
 * A page as a crawl delivers it: plain, structured-cloneable data holding everything needed to
 * become a Page without the crawl's context, so any thread can convert it.
 */
export type RawPage = MarkdownRaw | NotionRaw | ConfluenceRaw;

export type SourceName = RawPage['source'];

/** Turns one source's raw page into a Page: pure, given the document-type classifier. */
export type ToPage<R extends RawPage = RawPage> = (raw: R, classify: TypeClassifier) => Page | Promise<Page>;

/**
 * Where each source's converter lives, imported only when a page of that source arrives: a worker
 * thread or a Markdown-only run never loads the wiki SDKs.
 */
const CONVERTERS: { [S in SourceName]: () => Promise<ToPage<Extract<RawPage, { source: S }>>> } = {
  markdown: async () => (await import('../platforms/markdown/folder.js')).toPage,
  notion: async () => (await import('../platforms/notion/to-page.js')).toPage,
  confluence: async () => (await import('../platforms/confluence/page.js')).toPage,
};

const loaded = new Map<SourceName, Promise<ToPage>>();

/** The converter for a source, loaded once. */
function converterFor(source: SourceName): Promise<ToPage> {
  let converter = loaded.get(source);
  if (!converter) {
    converter = CONVERTERS[source]() as Promise<ToPage>;
    loaded.set(source, converter);
  }
  return converter;
}

/** A raw page as a Page, in this thread. */
export async function convert(raw: RawPage, classify: TypeClassifier): Promise<Page> {
  return (await converterFor(raw.source))(raw, classify);
}
