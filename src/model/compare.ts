import type { Finding } from './finding.js';

/** Code-unit order, not locale order, so output is identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stable order for findings: by page path, then position (whole-page first), then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.page.path, b.page.path) ||
    (a.position?.start.line ?? 0) - (b.position?.start.line ?? 0) ||
    (a.position?.start.column ?? 0) - (b.position?.start.column ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}
