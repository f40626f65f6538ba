import { createHash } from 'node:crypto';
import type { Position } from './position.js';
import type { Severity } from './severity.js';

/** The page a finding is about, as reports need it (no tree, no body). */
export interface FindingPage {
  key: string;
  title: string;
  url: string;
  path: string;
  file?: string;
  /** Who keeps the page current: its own owner, else an inherited one (src/owners.ts); absent when nobody is known. */
  owner?: string;
  /** Where `owner` came from: `front-matter`, `page`, `property`, `platform`, `kep.yaml`, `parent`, `folder-index`, `codeowners`, `last-editor`. */
  ownerSource?: string;
  /** When the page was last edited or reviewed (YYYY-MM-DD), set after the crawl: the "By owner" section's age of a page. */
  lastEdited?: string;
}

/** The part of a page that findings and reports carry, so they never hold page bodies. */
export function findingPageOf(page: FindingPage): FindingPage {
  return {
    key: page.key,
    title: page.title,
    url: page.url,
    path: page.path,
    ...(page.file !== undefined ? { file: page.file } : {}),
    ...(page.owner !== undefined ? { owner: page.owner } : {}),
    ...(page.owner !== undefined && page.ownerSource !== undefined ? { ownerSource: page.ownerSource } : {}),
  };
}

/** Where a finding on a wiki page points a reader: the page, the spot on it, and the text there. */
export interface FindingLocation {
  /** The page URL, with `#anchor` when the finding has a position below a heading. */
  url: string;
  /** The nearest heading at or before the finding: its anchor (Confluence) or block id (Notion). */
  anchor?: string;
  /** The text at the finding (its line), at most about 80 characters, control characters escaped. */
  quote?: string;
}

/** One problem on one page, the unit every report, baseline, comment and ledger works with. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  page: FindingPage;
  position?: Position;
  excerpt?: string;
  url?: string;
  /** Wiki pages only: a link to the spot on the wiki (`file:line:col` means nothing there). */
  location?: FindingLocation;
  fingerprint: string;
}

/**
 * Identity of a finding that survives edits elsewhere on the page: rule, page key and the
 * whitespace- and case-normalized matched text; never line numbers.
 */
export function fingerprint(ruleId: string, pageKey: string, matched: string): string {
  const normalized = matched.replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(`${ruleId}\0${pageKey}\0${normalized}`).digest('hex').slice(0, 16);
}
