import type { Finding } from '../model/finding.js';
import { type LintResult, narrowTo } from '../model/result.js';
import type { Severity } from '../model/severity.js';

/** How many findings one rule has at one severity. */
export interface RuleCount {
  ruleId: string;
  severity: Severity;
  count: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders severities most serious first, for "errors before warnings" everywhere. */
export function bySeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

/**
 * Counts per rule and severity (a rule overridden to another level for some pages counts once per
 * level): errors first, then warnings, then infos; within a level the largest count first, then by id.
 */
export function countByRule(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const f of findings) {
    const key = `${f.severity}\0${f.ruleId}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { ruleId: f.ruleId, severity: f.severity, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) =>
      bySeverity(a.severity, b.severity) ||
      b.count - a.count ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** The result as `--quiet` reports it: errors only, counted again; coverage and fixed findings stay as measured. */
export function onlyErrors(result: LintResult): LintResult {
  return narrowTo(
    result,
    result.findings.filter((f) => f.severity === 'error'),
  );
}
