import type { z } from 'zod';
import type { ListingCheck } from '../listing-check.js';
import type { Page } from '../model/page.js';
import type { TypeClassifier } from '../normalize/doc-type.js';
import type { ProgressReporter } from '../progress.js';
import type { SitePage } from '../site.js';
import type { SourceState } from '../state.js';
import type { CommentApi, FindingsPageWriter } from '../writeback/types.js';

/**
 * A page as a crawl delivers it: plain, structured-cloneable data holding everything needed to
 * become a Page without the crawl's context, so any thread can convert it. `source` names the
 * platform whose `toPage` converts it.
 */
export interface RawPage {
  readonly source: string;
}

/**
 * Turns one platform's raw page into a Page: pure, given the document-type classifier. Declared as
 * a method so each platform's converter of its own raw pages stands for the converter of any.
 */
export type ToPage<R extends RawPage = RawPage> = {
  convert(raw: R, classify: TypeClassifier): Page | Promise<Page>;
}['convert'];

/**
 * One platform's crawl: raw pages as they become ready, and, for a crawl that follows its pages'
 * links (to look up link targets it did not list), an ear for each page once converted.
 */
export interface Crawl {
  pages: AsyncIterable<RawPage>;
  /** How many pages are coming, when known up front (a folder): workers are decided at once. */
  total?: number;
  /** Files that are no pages (images, PDFs) a link may lead to. */
  assets?: readonly string[];
  /** Those of the assets that are other names for a page (symbolic links), with that page's file. */
  aliases?: ReadonlyMap<string, string>;
  /**
   * What the crawl tells the person running it (page files it leaves unread, a walk stopped at its bound),
   * printed as warnings. A wiki's crawl adds to it as it goes: read it once the pages are read.
   */
  notices?: readonly string[];
  converted?(page: SitePage): void;
}

/** What one run asks of a crawl. */
export interface CrawlRun {
  /** Refetch every page instead of reusing unchanged ones from the ledger's cache (`--full`). */
  full?: boolean;
  onProgress?: ProgressReporter;
  /** Collects what the listing noticed (cut short, repeated cursors, the wiki's identity). */
  check?: ListingCheck;
  /** This platform's page cache from the ledger. */
  cache?: SourceState;
}

/** The crawl options a run sets, without the absent ones. */
export function crawlOptions(run: CrawlRun): Pick<CrawlRun, 'full' | 'onProgress' | 'check'> {
  return {
    ...(run.full ? { full: true } : {}),
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
    ...(run.check ? { check: run.check } : {}),
  };
}

/**
 * A configured platform for one run. Crawl, heading look-ups and write-back share one client, so
 * they share one request budget and one 429 pause.
 */
export interface Connection<Target = unknown> {
  crawl(run: CrawlRun): Promise<Crawl>;
  /** The writer of the findings page this platform holds (`writeback.findings-page.<platform>`). */
  findingsPage?(target: Target): FindingsPageWriter;
  /** Comments on this platform's pages. */
  comments?(): CommentApi;
  /**
   * The anchors of a page's headings on the platform, in the order of `page.headings` (undefined
   * where a heading has none), so a finding can link to the section it is in.
   */
  headingAnchors?(page: SitePage): Promise<readonly (string | undefined)[]>;
}

/** A platform's code, loaded only when the config uses it. */
export interface Platform<Settings = unknown, Target = unknown> {
  /** `settings` is undefined when the platform is only a write-back target (a findings file). */
  connect(settings: Settings | undefined): Connection<Target>;
}

/**
 * What is known of a platform without loading its code: its config sections and its URLs. A
 * platform folder exports one; adding a platform is a folder and a line in `registry.ts`.
 */
export interface PlatformEntry<
  Id extends string = string,
  Settings = unknown,
  Target = unknown,
  SourceSchema extends z.ZodType = z.ZodType,
  TargetSchema extends z.ZodType = z.ZodType,
> {
  id: Id;
  /** A wiki keeps a ledger, and its listing is checked before findings count as fixed. */
  wiki: boolean;
  /** `sources.<id>` in the config. */
  source: {
    schema: SourceSchema;
    settings(raw: z.output<SourceSchema>, base: string): Settings;
    /** Settings that name the environment variables holding credentials (never the credentials). */
    credentials?: readonly string[];
  };
  /** `writeback.findings-page.<id>` in the config. */
  findingsPage?: {
    schema: TargetSchema;
    target(raw: z.output<TargetSchema>, resolvePath: (path: string) => string): Target;
  };
  load(): Promise<Platform<Settings, Target>>;
  /** The converter of this platform's raw pages (worker threads load only this). */
  toPage(): Promise<ToPage>;
}

/** Types a platform's entry from its parts, so its settings and targets are checked where they are made. */
export function definePlatform<
  Id extends string,
  Settings,
  Target,
  SourceSchema extends z.ZodType,
  TargetSchema extends z.ZodType,
>(
  entry: PlatformEntry<Id, Settings, Target, SourceSchema, TargetSchema>,
): PlatformEntry<Id, Settings, Target, SourceSchema, TargetSchema> {
  return entry;
}

/** A crawl's pages, then its notices told to `tell`: a wiki's crawl learns of some only as it goes. */
export async function* thenNotices<T>(
  pages: AsyncIterable<T>,
  crawl: Crawl,
  tell: (notice: string) => void,
): AsyncIterable<T> {
  yield* pages;
  for (const notice of crawl.notices ?? []) tell(notice);
}
