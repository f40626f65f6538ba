import type { LintResult } from '../model/result.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/** Bumped on any incompatible change to the JSON report; documented in docs/json-report.md. */
export const JSON_SCHEMA_VERSION = 3;

/** The machine-readable report: stable key order, no timestamps, so two runs on the same input are identical. */
export function formatJson(result: LintResult): string {
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: result.summary,
    rules: result.rules,
    unreadable: result.unreadable,
    coverage: result.coverage ?? null,
    // Against the previous run in the ledger; a run without a ledger has no previous run, so all is new.
    history: {
      previousRun: result.history?.previousRun ?? null,
      new: result.history?.newCount ?? result.findings.length,
      open: result.history?.openCount ?? 0,
      fixed: result.history?.fixed.length ?? 0,
      accepted: result.accepted ?? { suppressed: 0, baselined: 0 },
      trends: result.history?.trends ?? [],
    },
    fixed: (result.history?.fixed ?? []).map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      page: f.page,
      firstSeen: f.firstSeen,
      fingerprint: f.fingerprint,
    })),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      page: f.page,
      position: f.position
        ? {
            start: { line: f.position.start.line, column: f.position.start.column },
            end: { line: f.position.end.line, column: f.position.end.column },
          }
        : null,
      excerpt: f.excerpt ?? null,
      url: f.url ?? null,
      location: f.location ?? null,
      // Resolved after the crawl (page, parent page, folder index, CODEOWNERS, last editor): who acts on it.
      owner: f.page.owner ?? null,
      ownerSource: f.page.ownerSource ?? null,
      fingerprint: f.fingerprint,
      status: result.history?.status[f.fingerprint] ?? 'new',
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
