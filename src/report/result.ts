import type { Coverage } from '../coverage.js';
import type { History } from '../history.js';
import type { Finding } from '../model/finding.js';
import type { WritebackOutcome } from '../writeback/types.js';
import type { Summary } from './summary.js';

/** A rule as reports describe it. */
export interface RuleInfo {
  id: string;
  level: string;
  description: string;
  fix?: string;
  url: string;
}

/** Everything a formatter needs from a run; formatters are pure functions of this. */
export interface LintResult {
  summary: Summary;
  findings: Finding[];
  rules: RuleInfo[];
  unreadable: { key: string; path: string; reason: string }[];
  coverage?: Coverage;
  /** New, open and fixed against the ledger, and metric trends; absent when the run keeps no ledger. */
  history?: History;
  /** Findings left out of the report: accepted by config suppressions or the baseline. */
  accepted?: { suppressed: number; baselined: number };
  writeback?: WritebackOutcome;
  /** Why the wiki listing was not trusted (pages lost, search cut short, another wiki's ledger): nothing was written or recorded. */
  implausible?: string[];
  /** Warnings for people (expired suppressions, write-back problems), printed to standard error. */
  notices?: string[];
}
