import type { MetricId } from './coverage.js';
import type { Finding, FindingPage } from './model/finding.js';
import type { Severity } from './model/severity.js';
import type { LintResult } from './report/result.js';
import { compareText } from './rules/engine.js';
import type { ListingCheck } from './sources/listing-check.js';
import { type LedgerFinding, MAX_RUNS, type State, sourceState } from './state.js';

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
  newCount: number;
  openCount: number;
  /** Sorted by page path, then rule. */
  fixed: FixedFinding[];
  trends: MetricTrend[];
  /** When the ledger first saw each open finding (ISO time), for "oldest open finding". */
  firstSeen?: Record<string, string>;
}

/** What this run leaves out of the comparison. */
export interface CompareOptions {
  /** Fingerprints accepted by the baseline or a config suppression: gone from the report, but not fixed. */
  accepted: ReadonlySet<string>;
  /** This run's time: a new finding is first seen now, as the ledger will record it. */
  now?: Date;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function trends(result: LintResult, state: State): MetricTrend[] {
  const previous = state.runs.at(-1)?.metrics ?? {};
  return (result.coverage?.metrics ?? []).map((m) => {
    const before = previous[m.id] ?? null;
    const change = before === null || m.percent === null ? null : round1(m.percent - before);
    return { id: m.id, label: m.label, previous: before, current: m.percent, change };
  });
}

/**
 * Compares the run with the ledger. A finding is new unless the ledger holds its fingerprint;
 * a ledger finding is fixed when this run no longer reports it, unless its page could not be read
 * (an unreadable page never counts as fixed) or it was accepted by the baseline or a suppression.
 */
export function compareWithLedger(result: LintResult, state: State, options: CompareOptions): History {
  const status: Record<string, FindingStatus> = {};
  const firstSeen: Record<string, string> = {};
  let newCount = 0;
  for (const f of result.findings) {
    const known = state.findings[f.fingerprint];
    status[f.fingerprint] = known ? 'open' : 'new';
    if (known) firstSeen[f.fingerprint] = known.firstSeen;
    else {
      newCount++;
      if (options.now) firstSeen[f.fingerprint] = options.now.toISOString();
    }
  }
  const unreadable = new Set(result.unreadable.map((u) => u.key));
  const fixed: FixedFinding[] = [];
  for (const [fingerprint, f] of Object.entries(state.findings)) {
    if (fingerprint in status || unreadable.has(f.page.key) || options.accepted.has(fingerprint)) continue;
    fixed.push({
      fingerprint,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      page: f.page,
      firstSeen: f.firstSeen,
    });
  }
  fixed.sort((a, b) => compareText(a.page.path, b.page.path) || compareText(a.ruleId, b.ruleId));
  const previousRun = state.runs.at(-1)?.at;
  return {
    ...(previousRun ? { previousRun } : {}),
    status,
    newCount,
    openCount: result.findings.length - newCount,
    fixed,
    trends: trends(result, state),
    firstSeen,
  };
}

function ledgerEntry(f: Finding, firstSeen: string, now: string): LedgerFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    page: f.page,
    firstSeen,
    lastSeen: now,
  };
}

/** Records the run in the ledger: the open findings (kept on unreadable pages) and the run's figures. */
export function recordRun(state: State, result: LintResult, history: History, now: Date): void {
  const at = now.toISOString();
  const unreadable = new Set(result.unreadable.map((u) => u.key));
  const findings: Record<string, LedgerFinding> = {};
  for (const [fingerprint, f] of Object.entries(state.findings)) {
    if (unreadable.has(f.page.key)) findings[fingerprint] = f;
  }
  for (const f of result.findings) {
    findings[f.fingerprint] = ledgerEntry(f, state.findings[f.fingerprint]?.firstSeen ?? at, at);
  }
  state.findings = findings;
  const metrics: Partial<Record<MetricId, number | null>> = {};
  for (const m of result.coverage?.metrics ?? []) metrics[m.id] = m.percent;
  const s = result.summary;
  state.runs.push({
    at,
    pages: s.pages,
    findings: s.findings,
    errors: s.errors,
    warnings: s.warnings,
    new: history.newCount,
    fixed: history.fixed.length,
    metrics,
  });
  if (state.runs.length > MAX_RUNS) state.runs.splice(0, state.runs.length - MAX_RUNS);
}

/** A wiki source as the ledger knew it before this run's crawl (which replaces its page cache). */
export interface LedgerSource {
  identity?: string;
  /** Pages it had: the last run's count, or for older ledgers the most its cache and findings show. */
  pages: number;
}

/** Snapshot of the ledger's wiki sources, taken before the crawl. */
export function ledgerSources(state: State, sources: readonly string[]): Map<string, LedgerSource> {
  const snapshot = new Map<string, LedgerSource>();
  for (const source of sources) {
    const known = state.sources[source];
    const withFindings = new Set<string>();
    for (const f of Object.values(state.findings))
      if (f.page.key.startsWith(`${source}:`)) withFindings.add(f.page.key);
    const pages = Math.max(known?.listed ?? 0, Object.keys(known?.pages ?? {}).length, withFindings.size);
    snapshot.set(source, { ...(known?.identity ? { identity: known.identity } : {}), pages });
  }
  return snapshot;
}

const SOURCE_NAMES: Record<string, string> = { notion: 'Notion', confluence: 'Confluence' };
const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * Why this run's listing cannot be taken as the truth, if it cannot: what the crawl noticed
 * (search cut short, a looping cursor), a ledger written for another wiki, or a listing that lost
 * more than `maxShrink` of the pages the ledger had. Empty when the listing is plausible.
 */
export function implausibleListing(
  before: ReadonlyMap<string, LedgerSource>,
  pages: ReadonlyMap<string, number>,
  check: ListingCheck,
  maxShrink: number,
): string[] {
  const problems = [...check.problems];
  for (const [source, was] of before) {
    const name = SOURCE_NAMES[source] ?? source;
    const identity = check.identities.get(source);
    if (was.identity && identity && was.identity !== identity) {
      problems.push(
        `The ledger was written for ${was.identity}, but this run read ${identity}: compared with it, every finding of the other wiki would count as fixed.`,
      );
      continue;
    }
    const count = pages.get(source) ?? 0;
    const lost = was.pages ? (was.pages - count) / was.pages : 0;
    if (lost > maxShrink) {
      problems.push(
        `${name} listed ${count} page${count === 1 ? '' : 's'} where the ledger had ${was.pages} (${percent(lost)} gone; state.max-shrink allows ${percent(maxShrink)}).`,
      );
    }
  }
  return problems;
}

/** Stamps each wiki source in the ledger with whose wiki it is and how many pages this run read. */
export function stampSources(
  state: State,
  pages: ReadonlyMap<string, number>,
  identities: ReadonlyMap<string, string>,
): void {
  for (const [source, count] of pages) {
    const entry = sourceState(state, source);
    entry.listed = count;
    const identity = identities.get(source);
    if (identity) entry.identity = identity;
  }
}
