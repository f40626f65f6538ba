import type { MetricId } from './coverage/metrics.js';
import type { ListingCheck } from './listing-check.js';
import { compareText } from './model/compare.js';
import type { Finding } from './model/finding.js';
import type { FindingStatus, FixedFinding, History, MetricTrend, RunPoint } from './model/history.js';
import type { LintResult } from './model/result.js';
import { type LedgerFinding, MAX_RUNS, type RunRecord, type State, sourceState } from './state.js';
import { plural } from './words.js';

/** What this run leaves out of the comparison. */
export interface CompareOptions {
  /** Fingerprints accepted by the baseline or a config suppression: gone from the report, but not fixed. */
  accepted: ReadonlySet<string>;
  /** The run's time: the last point of the trend, and when a new finding is first seen, as the ledger will record it. */
  now: Date;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Pages the freshness metric counts and does not pass: stale, or never reviewed. */
function stalePages(result: LintResult): number | undefined {
  const freshness = result.coverage?.metrics.find((m) => m.id === 'freshness');
  return freshness ? freshness.denominator - freshness.numerator : undefined;
}

// The ledger is a file people can edit: reports only ever see finite figures and ISO times from it.
const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

function runPoint(run: RunRecord): RunPoint {
  const coverage = count(run.metrics?.coverage);
  const stalePages = count(run.stalePages);
  return {
    at: typeof run.at === 'string' && ISO_TIME.test(run.at) ? run.at : '1970-01-01T00:00:00.000Z',
    ...(coverage !== undefined ? { coverage } : {}),
    open: count(run.findings) ?? 0,
    new: count(run.new) ?? 0,
    fixed: count(run.fixed) ?? 0,
    ...(stalePages !== undefined ? { stalePages } : {}),
  };
}

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
      firstSeen[f.fingerprint] = options.now.toISOString();
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
  const current = runPoint(runRecord(result, newCount, fixed.length, options.now));
  return {
    ...(previousRun ? { previousRun } : {}),
    status,
    firstSeen,
    newCount,
    openCount: result.findings.length - newCount,
    fixed,
    trends: trends(result, state),
    // The runs the ledger keeps once this one is saved: one shaped by hand may hold a million.
    runs: [...state.runs.slice(1 - MAX_RUNS).map(runPoint), current],
  };
}

function runRecord(result: LintResult, newCount: number, fixed: number, now: Date): RunRecord {
  const metrics: Partial<Record<MetricId, number | null>> = {};
  for (const m of result.coverage?.metrics ?? []) metrics[m.id] = m.percent;
  const s = result.summary;
  const stale = stalePages(result);
  return {
    at: now.toISOString(),
    pages: s.pages,
    findings: s.findings,
    errors: s.errors,
    warnings: s.warnings,
    new: newCount,
    fixed,
    metrics,
    ...(stale !== undefined ? { stalePages: stale } : {}),
  };
}

/**
 * Leaves the run's comparison without fixed findings: a listing that cannot be trusted never says
 * what is gone, in the list or in the trend's last point.
 */
export function dropFixed(history: History): void {
  history.fixed = [];
  const last = history.runs?.at(-1);
  if (last) last.fixed = 0;
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
  state.runs.push(runRecord(result, history.newCount, history.fixed.length, now));
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
        `${name} listed ${plural(count, 'page')} where the ledger had ${was.pages} (${percent(lost)} gone; state.max-shrink allows ${percent(maxShrink)}).`,
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

// Where each wiki decides what this tool sees: what to check when its listing lost pages.
const SEEN_BY: Record<string, string> = {
  notion: 'in Notion, the pages shared with the integration',
  confluence: 'in Confluence, the spaces and pages the account can see',
};

/** How the run that refused its listing went: a dry run writes nothing anyway, and the hint names only the wikis it read. */
export interface RefusedRun {
  command: 'run' | 'sync';
  dryRun: boolean;
  wikis: readonly string[];
}

/** Why the run wrote nothing, and how to go on: the notice a refused listing ends with. */
export function refusal(problems: readonly string[], run: RefusedRun): string {
  const real = run.command === 'run' ? 'write nothing back' : 'write or delete no file of the mirror';
  const kept = run.dryRun
    ? `A real run would refuse this listing too: it would ${real} and leave the ledger unchanged, so no finding would count as fixed.`
    : `${run.command === 'run' ? 'Nothing was written back' : 'No file of the mirror was written or deleted'} and the ledger is unchanged, so no finding counts as fixed.`;
  const seen = run.wikis.flatMap((id) => SEEN_BY[id] ?? []);
  const access = seen.length ? ` (${seen.join('; ')})` : '';
  return `${problems.join(' ')} ${kept} Check what the run may see${access}; if the pages really are gone, confirm with \`handbook-lint ${run.command} --accept-shrink\`.`;
}
