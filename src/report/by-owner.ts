import { compareText } from '../model/compare.js';
import type { Finding, FindingPage } from '../model/finding.js';
import type { LintResult } from '../model/result.js';
import { sourceWords } from '../owners.js';
import { plural } from '../words.js';

/** Owners listed, each with at most this many pages; the rest are counted. */
const MAX_OWNERS = 30;
const MAX_PAGES = 10;
/** How every report names the group of pages nobody owns. */
export const NO_OWNER = 'No owner';

/** One owner's share of the findings, for the findings page, the HTML report and the console. */
export interface OwnerGroup {
  /** The resolved owner as the pages name it; undefined for pages nobody owns. */
  owner?: string;
  /** Where the owner came from, when all of their pages agree (`front-matter`, `folder-index`...). */
  source?: string;
  pages: { page: FindingPage; findings: number; errors: number }[];
  /** The owner's findings, in the report's order. */
  list: Finding[];
  findings: number;
  errors: number;
  /** The finding open longest: first seen by the ledger, else on the page edited longest ago. */
  oldest?: { finding: Finding; since?: string; by: 'first-seen' | 'last-edited' };
}

const errorsIn = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error').length;

function oldestOf(
  findings: readonly Finding[],
  seen: Record<string, string> | undefined,
): OwnerGroup['oldest'] {
  if (seen) {
    // A finding the ledger has not seen is new in this run: younger than every open one.
    const dated = findings.map((finding) => ({ finding, since: seen[finding.fingerprint] }));
    const best = dated.reduce((a, b) =>
      b.since !== undefined && (a.since === undefined || b.since < a.since) ? b : a,
    );
    return {
      finding: best.finding,
      ...(best.since ? { since: best.since.slice(0, 10) } : {}),
      by: 'first-seen',
    };
  }
  const best = findings.reduce((a, b) => {
    const at = a.page.lastEdited;
    const bt = b.page.lastEdited;
    return bt !== undefined && (at === undefined || bt < at) ? b : a;
  });
  return {
    finding: best,
    ...(best.page.lastEdited ? { since: best.page.lastEdited } : {}),
    by: 'last-edited',
  };
}

/**
 * The findings grouped by their page's resolved owner: most errors first, then most findings; nobody's
 * pages last. `firstSeen` (the ledger's) dates each owner's oldest finding; without it, page edits do.
 */
export function groupByOwner(findings: readonly Finding[], firstSeen?: Record<string, string>): OwnerGroup[] {
  const groups: OwnerGroup[] = [];
  for (const [owner, list] of Map.groupBy(findings, (finding) => finding.page.owner)) {
    const pages = [...Map.groupBy(list, (finding) => finding.page.key).values()]
      .flatMap((fs) => (fs[0] ? [{ page: fs[0].page, findings: fs.length, errors: errorsIn(fs) }] : []))
      .sort(
        (a, b) => b.errors - a.errors || b.findings - a.findings || compareText(a.page.path, b.page.path),
      );
    const sources = new Set(list.map((f) => f.page.ownerSource));
    const source = sources.size === 1 ? [...sources][0] : undefined;
    const oldest = oldestOf(list, firstSeen);
    groups.push({
      ...(owner !== undefined ? { owner } : {}),
      ...(source !== undefined ? { source } : {}),
      pages,
      list,
      findings: list.length,
      errors: errorsIn(list),
      ...(oldest ? { oldest } : {}),
    });
  }
  return groups.sort(
    (a, b) =>
      Number(a.owner === undefined) - Number(b.owner === undefined) ||
      b.errors - a.errors ||
      b.findings - a.findings ||
      compareText(a.owner ?? '', b.owner ?? ''),
  );
}

/**
 * The findings page's "By owner" section: a table of owners (pages, findings, errors, the oldest open
 * finding), then each owner's pages, so every person finds their list. Empty when no page has an owner.
 */
export function byOwnerSection(
  result: LintResult,
  link: (page: FindingPage) => string,
  escapeText: (text: string) => string,
): string[] {
  const groups = groupByOwner(result.findings, result.history?.firstSeen);
  if (!groups.some((g) => g.owner !== undefined)) return [];
  const shown = groups.slice(0, MAX_OWNERS);
  const name = (g: OwnerGroup) => (g.owner === undefined ? NO_OWNER : escapeText(g.owner));
  const oldest = (g: OwnerGroup) => {
    if (!g.oldest) return '';
    const { finding, since, by } = g.oldest;
    const when = since ? ` (${by === 'first-seen' ? 'open since' : 'page last edited'} ${since})` : '';
    return `\`${finding.ruleId}\` on ${link(finding.page)}${when}`;
  };
  const lines = [
    '## By owner',
    '',
    '| Owner | Pages | Findings | Errors | Oldest open finding |',
    '|---|--:|--:|--:|---|',
    ...shown.map((g) => `| ${name(g)} | ${g.pages.length} | ${g.findings} | ${g.errors} | ${oldest(g)} |`),
    '',
  ];
  for (const g of shown) {
    const from = g.source ? ` (from ${sourceWords(g.source)})` : '';
    lines.push(`### ${name(g)}${g.owner === undefined ? '' : from}`, '');
    for (const p of g.pages.slice(0, MAX_PAGES)) {
      const errors = p.errors ? `, ${plural(p.errors, 'error')}` : '';
      lines.push(`- ${link(p.page)}: ${plural(p.findings, 'finding')}${errors}`);
    }
    const rest = g.pages.length - MAX_PAGES;
    if (rest > 0) lines.push(`- …and ${plural(rest, 'more page')}`);
    lines.push('');
  }
  const more = groups.length - shown.length;
  if (more > 0)
    lines.push(`…and ${plural(more, 'more owner')} (the JSON report has every finding's owner).`, '');
  return lines;
}
