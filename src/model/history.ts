import type { MetricId } from '../coverage/metrics.js';
import type { FindingPage } from './finding.js';
import type { Severity } from './severity.js';

/** Where a current finding stands against the previous run. */
export type FindingStatus = 'new' | 'open';

/** A finding the previous run saw and this one does not. */
export interface FixedFinding {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  message: string;
  page: FindingPage;
  firstSeen: string;
}

/** One metric now and at the previous run. */
export interface MetricTrend {
  id: MetricId;
  label: string;
  previous: number | null;
  current: number | null;
  /** Percentage points since the previous run; null when either side has nothing to measure. */
  change: number | null;
}

/** This run against the ledger: what is new, still open and fixed, and how each metric moved. */
export interface History {
  /** ISO time of the previous run; absent on the first. */
  previousRun?: string;
  /** Status of every current finding, by fingerprint. */
  status: Record<string, FindingStatus>;
  /** When the ledger first saw each current finding, by fingerprint (ISO time); a new one is first seen now. */
  firstSeen?: Record<string, string>;
  newCount: number;
  openCount: number;
  /** Sorted by page path, then rule. */
  fixed: FixedFinding[];
  trends: MetricTrend[];
  /** The ledger's runs, oldest first, ending with this one: what trend charts draw. */
  runs?: RunPoint[];
}

/** One run's figures as trend charts draw them. */
export interface RunPoint {
  /** ISO time of the run. */
  at: string;
  /** Documentation coverage in percent; absent when the run measured none. */
  coverage?: number;
  /** Findings the run reported (new and still open). */
  open: number;
  new: number;
  fixed: number;
  /** Pages not reviewed recently (the freshness metric's misses); absent in runs recorded before it was kept. */
  stalePages?: number;
}
