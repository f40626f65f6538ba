import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { LintResult } from './result.js';

/** Bumped on any incompatible change to the JSON report; documented in docs/json-report.md. */
export const JSON_SCHEMA_VERSION = 1;

/** The machine-readable report: stable key order, no timestamps, so two runs on the same input are identical. */
export function formatJson(result: LintResult): string {
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: result.summary,
    rules: result.rules,
    unreadable: result.unreadable,
    coverage: result.coverage ?? null,
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
      fingerprint: f.fingerprint,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
