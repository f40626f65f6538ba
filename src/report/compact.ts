import type { LintResult } from '../model/result.js';
import { forTerminal } from '../terminal.js';
import { findingPlace, isFile, type PlaceOptions, unreadablePlace } from './console-paths.js';
import { onlyErrors } from './summary.js';

/** What `--format compact` prints besides the findings' places. */
export interface CompactOptions extends PlaceOptions {
  /** `--quiet`: errors only. */
  quiet?: boolean;
}

/**
 * One line per finding, `file:line:col  level  rule  message`, in the report's order, for editors'
 * problem matchers and grep. A finding about a whole Markdown page points at 1:1 (where front matter
 * goes); a wiki finding starts with its link instead. Unreadable pages are listed as `unreadable`.
 */
export function formatCompact(result: LintResult, options: CompactOptions = {}): string {
  const shown = options.quiet ? onlyErrors(result) : result;
  const lines = shown.findings.map((f) => {
    const place = findingPlace(f, options);
    const where = isFile(f.page) && !f.position ? `${place}:1:1` : place;
    return `${forTerminal(where)}  ${f.severity}  ${f.ruleId}  ${forTerminal(f.message)}`;
  });
  for (const page of result.unreadable) {
    const place = unreadablePlace(page, options);
    const file = page.key.startsWith('markdown:') ? `${place}:1:1` : place;
    lines.push(`${forTerminal(file)}  error  unreadable  ${forTerminal(page.reason)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
