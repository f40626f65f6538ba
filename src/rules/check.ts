import type { z } from 'zod';
import type { Page } from '../model/page.js';
import type { Position } from '../model/position.js';
import type { Site, SitePage } from '../site.js';
import type { Suppressions } from './suppress.js';

/** One thing a check found on a page; the engine turns it into a Finding with the rule's identity. */
export interface Hit {
  /** Values for the rule message's `{{placeholders}}`. */
  data?: Record<string, string | number>;
  /** Absent for whole-page findings. */
  position?: Position;
  /** The page text the hit is about, quoted in reports. */
  excerpt?: string;
  /** Identifies the hit within the page for the fingerprint: never a line number. */
  matched: string;
}

/** What a check may know beyond the page: the run's clock. */
export interface CheckContext {
  now: Date;
}

/** What a site check knows: the clock and the whole link graph, built after every page was crawled. */
export interface SiteCheckContext extends CheckContext {
  site: Site;
}

/**
 * A built-in check kind that looks at one page at a time, as pages stream in. `options` is a zod
 * object schema of the rule-file keys the kind adds (e.g. `fields:` for the fields check); the loader
 * merges it with the common keys so unknown keys are errors with file:line:col.
 */
export interface PageCheckKind<O = unknown> {
  scope?: 'page';
  name: string;
  /** The names a hit's `data` gives, which a rule's message may use as `{{name}}` (beside `title`). */
  values: readonly string[];
  options: z.ZodObject<z.ZodRawShape>;
  run(page: Page, options: O, context: CheckContext): Hit[];
}

/** A check kind that needs the link graph (links, orphan): it runs on the slim page after the crawl. */
export interface SiteCheckKind<O = unknown> {
  scope: 'site';
  name: string;
  /** The names a hit's `data` gives, which a rule's message may use as `{{name}}` (beside `title`). */
  values: readonly string[];
  options: z.ZodObject<z.ZodRawShape>;
  run(page: SitePage, options: O, context: SiteCheckContext): Hit[];
}

/** What the check of a page's inline directives knows: which of them were used, and every rule id. */
export interface DirectiveCheckContext {
  suppressions: Suppressions;
  /** Every rule of the run, off or not, so a directive naming one is never taken for a typo. */
  ruleIds: readonly string[];
  /** The rules that judged this page (not off here, applying to it): a directive naming another could not be used. */
  activeIds: readonly string[];
  /** The ids of the directive rules themselves: their findings cannot be suppressed inline. */
  unsuppressible: readonly string[];
}

/**
 * The check of a page's inline directives (unknown rule ids, unused directives). It runs after the
 * page's site rules, when every finding a directive could suppress has been stamped.
 */
export interface DirectiveCheckKind<O = unknown> {
  scope: 'directives';
  name: string;
  /** The names a hit's `data` gives, which a rule's message may use as `{{name}}` (beside `title`). */
  values: readonly string[];
  options: z.ZodObject<z.ZodRawShape>;
  run(page: SitePage, options: O, context: DirectiveCheckContext): Hit[];
}

/** Any check kind. */
export type CheckKind<O = unknown> = PageCheckKind<O> | SiteCheckKind<O> | DirectiveCheckKind<O>;
