import type { FindingPage } from './finding.js';

/** Where a findings page goes: one page per target. */
export type Target = 'markdown' | 'notion' | 'confluence';

/** One write, made or (in a dry run) planned: what the plan prints and the report counts. */
export interface WriteAction {
  target: Target;
  kind: 'create page' | 'update page' | 'comment' | 'follow-up' | 'update comment' | 'resolved note';
  /** The page written to (the findings page, or the page commented on). */
  page: { title: string; url: string };
  /** Why, in a few words: "deleted by hand", "3 findings", "all fixed". */
  detail: string;
}

/** What write-back did (or planned), for the reports and the dry-run plan. */
export interface WritebackOutcome {
  dryRun: boolean;
  actions: WriteAction[];
  /** Pages that should get a comment but waited for the cap or their cooldown. */
  deferred: FindingPage[];
  /** Problems that stopped part of the write-back (a missing permission): printed, never a crash. */
  problems: string[];
  /** Findings pages this run did not write (or, dry, could not): its comments there do not link to them. */
  unwritten?: { target: Target; title: string }[];
}
