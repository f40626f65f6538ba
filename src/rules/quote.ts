import type { Finding } from '../model/finding.js';
import type { Page } from '../model/page.js';
import { forTerminal } from '../terminal.js';

const MAX_QUOTE = 80;
// Text kept before the finding's column when a long line is cut, so the quote starts near the spot.
const QUOTE_LEAD = 20;

// Markdown block markers a wiki reader never sees: heading hashes, quote marks, list bullets, checkboxes.
const BLOCK_MARKERS = /^(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)+/;

/**
 * A line of page text as a short quote: trimmed, without Markdown block markers, cut to about 80
 * characters around `column` with an ellipsis where text was left out, control characters shown
 * as `\xNN`.
 */
export function quoteLine(line: string, column = 1): string | undefined {
  const trimmed = line.trimStart();
  const text = trimmed.replace(BLOCK_MARKERS, '') || trimmed;
  const lead = line.length - text.length;
  const chars = Array.from(text.trim());
  if (!chars.length) return undefined;
  if (chars.length <= MAX_QUOTE) return forTerminal(chars.join(''));
  const at = Math.max(0, column - 1 - lead);
  const start = at < MAX_QUOTE - QUOTE_LEAD ? 0 : Math.min(at - QUOTE_LEAD, chars.length - MAX_QUOTE + 1);
  const prefix = start > 0 ? '…' : '';
  const room = MAX_QUOTE - prefix.length;
  const end = start + room >= chars.length ? chars.length : start + room - 1;
  const suffix = end < chars.length ? '…' : '';
  return forTerminal(`${prefix}${chars.slice(start, end).join('')}${suffix}`);
}

/**
 * Gives the page-rule findings of a wiki page their location while the page still has its text:
 * the page URL and the quoted line. Headings are added later, for page and site findings alike
 * (`locateFindings`); Markdown pages keep `file:line:col` and get none.
 */
export function quoteFindings(page: Page, findings: Finding[]): Finding[] {
  // A page with a file is read where it lies: its findings keep `file:line:col`.
  if (page.file !== undefined || !findings.length) return findings;
  let lines: string[] | undefined;
  return findings.map((finding) => {
    const start = finding.position?.start;
    let quote: string | undefined;
    if (start) {
      lines ??= page.markdown.split('\n');
      quote = quoteLine(lines[start.line - 1] ?? '', start.column);
    }
    return { ...finding, location: { url: page.url, ...(quote ? { quote } : {}) } };
  });
}
