import type { z } from 'zod';
import type { Page } from '../model/page.js';
import type { Position } from '../model/position.js';

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

/** What a check may know beyond the page: the run's clock and, for graph checks, the site. */
export interface CheckContext {
  now: Date;
  site?: SiteView;
}

/** The read-only view of the link graph that graph checks (links, orphan) need. */
export interface SiteView {
  page(key: string): Page | undefined;
  inbound(key: string): readonly string[];
  reachable(key: string): boolean;
}

/**
 * A built-in check kind: the code behind rules. `options` is a zod object schema of the rule-file
 * keys the kind adds (e.g. `fields:` for the fields check); the loader merges it with the common keys
 * so unknown keys are errors with file:line:col.
 */
export interface CheckKind<O = unknown> {
  name: string;
  options: z.ZodObject<z.ZodRawShape>;
  run(page: Page, options: O, context: CheckContext): Hit[];
}
