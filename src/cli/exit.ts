import type { LintResult } from '../model/result.js';

/** Exit codes, documented in the README; scripts and CI rely on them. */
export const EXIT = { clean: 0, findings: 1, usage: 2, partial: 3 } as const;

/** The exit code a run ends with (see EXIT); the GitHub Action ends with the same one. */
export function exitCode(result: LintResult, failOn: 'error' | 'warning' | 'never'): number {
  if (result.summary.unreadablePages > 0 || result.implausible?.length) return EXIT.partial;
  if (failOn === 'error' && result.summary.errors > 0) return EXIT.findings;
  if (failOn === 'warning' && result.summary.errors + result.summary.warnings > 0) return EXIT.findings;
  return EXIT.clean;
}
