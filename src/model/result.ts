import type { Coverage } from '../coverage/compute.js';
import type { Finding } from './finding.js';
import type { History } from './history.js';
import type { Notice } from './notice.js';
import type { RuleInfo } from './rule-info.js';
import type { WritebackOutcome } from './writeback.js';

/** Reports read a rule's description with the run's result. */
export type { RuleInfo };

/** The counts every report shows, computed once per run. */
export interface Summary {
  pages: number;
  unreadablePages: number;
  pagesWithFindings: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** What linting returns: the findings that stand after suppressions and the baseline, counted, and coverage. */
export interface LintPart {
  summary: Summary;
  findings: Finding[];
  rules: RuleInfo[];
  unreadable: { key: string; path: string; reason: string }[];
  coverage?: Coverage;
  /** Findings left out of the report: accepted by config suppressions or the baseline. */
  accepted?: { suppressed: number; baselined: number };
  /** Warnings (parts left out, expired suppressions, write-back problems): on standard error and in the JSON report, in the order told. */
  notices?: Notice[];
  /** Every owner the pages name, with how many pages name it (`--owner` counts NAME's pages, or says it owns none). */
  owners?: Record<string, number>;
}

/** What comparing with the ledger returns; absent when the run keeps no ledger. */
export interface HistoryPart {
  /** New, open and fixed against the ledger, and metric trends. */
  history?: History;
  /** Why the wiki listing was not trusted (pages lost, search cut short, another wiki's ledger): nothing was written or recorded. */
  implausible?: string[];
}

/** What write-back returns. */
export interface WritebackPart {
  writeback?: WritebackOutcome;
}

/** Everything a formatter needs from a run, the parts its stages returned; formatters are pure functions of this. */
export interface LintResult extends LintPart, HistoryPart, WritebackPart {}

/** Counts findings by severity and the pages they touch. */
export function summarize(findings: readonly Finding[], pages: number, unreadablePages: number): Summary {
  const touched = new Set(findings.map((f) => f.page.key));
  return {
    pages,
    unreadablePages,
    pagesWithFindings: touched.size,
    findings: findings.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

/**
 * The result narrowed to some of its findings, counted again: the summary, and the history's new and
 * open counts, so totals never mix the shown findings with the rest. Coverage stays as measured.
 */
export function narrowTo(result: LintResult, findings: Finding[]): LintResult {
  const history = result.history;
  const counted = history && {
    ...history,
    newCount: findings.filter((f) => history.status[f.fingerprint] === 'new').length,
    openCount: findings.filter((f) => history.status[f.fingerprint] === 'open').length,
  };
  return {
    ...result,
    findings,
    summary: summarize(findings, result.summary.pages, result.summary.unreadablePages),
    ...(counted ? { history: counted } : {}),
  };
}
