import type { Heading } from '../model/page.js';

/** The last heading that starts at or before `line` (1-based), with its index in `headings`. */
export function nearestHeading(
  headings: readonly Heading[],
  line: number,
): { heading: Heading; index: number } | undefined {
  let found: { heading: Heading; index: number } | undefined;
  for (const [index, heading] of headings.entries()) {
    const start = heading.position?.start.line;
    if (start === undefined) continue;
    if (start > line) break;
    found = { heading, index };
  }
  return found;
}

// What encodeURIComponent escapes that a URL fragment may hold as it is (RFC 3986: pchar, `/`, `?`).
const FRAGMENT_SAFE = /%(3A|40|24|26|2B|2C|3B|3D|2F|3F)/g;

/**
 * The fragment Confluence Cloud gives a heading: its text with every space a hyphen, case and
 * punctuation kept ("Rollback plan: step 1" -> `Rollback-plan:-step-1`), the rest percent-encoded
 * (browsers decode a fragment before looking up the id). Data Center's `PageTitle-HeadingText`
 * form is not used: the source speaks the Cloud API.
 */
export function confluenceAnchor(text: string): string {
  return encodeURIComponent(text.trim().replace(/ /g, '-')).replace(FRAGMENT_SAFE, (code) =>
    decodeURIComponent(code),
  );
}

/** The fragment Notion links a block with: its id without dashes. */
export function notionBlockAnchor(blockId: string): string {
  return blockId.replace(/-/g, '').toLowerCase();
}
