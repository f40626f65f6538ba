import { compareFindings } from '../model/compare.js';
import type { Finding } from '../model/finding.js';
import type { RuleInfo } from '../model/rule-info.js';
import { forTerminal } from '../terminal.js';
import { plural } from '../words.js';
import { groupByOwner, NO_OWNER } from './by-owner.js';
import type { Palette } from './colors.js';
import { findingPlace, isFile, type PlaceOptions, pagePlace } from './console-paths.js';
import { severityColor as color } from './console-summary.js';
import { bySeverity } from './summary.js';

/** How `--group-by` lays out the findings. */
export type GroupBy = 'rule' | 'page' | 'owner';
export const GROUP_BY: readonly GroupBy[] = ['rule', 'page', 'owner'];

/** Layout settings for the grouped findings. */
export interface GroupOptions extends PlaceOptions {
  /** Grouped by rule, a warning or info group lists this many findings and counts the rest. */
  maxPerGroup: number;
}

const errorsFirst = (a: Finding, b: Finding) => bySeverity(a.severity, b.severity) || compareFindings(a, b);

function counts(findings: readonly Finding[]): string {
  const of = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const infos = of('info');
  return [
    plural(of('error'), 'error'),
    plural(of('warning'), 'warning'),
    ...(infos ? [plural(infos, 'info')] : []),
  ].join(', ');
}

// A wiki URL says little about which page it is: its path (the breadcrumb) follows the message.
function wikiPath(f: Finding, colors: Palette): string {
  return isFile(f.page) ? '' : `  ${colors.dim(forTerminal(f.page.path))}`;
}

/**
 * One block per rule and level, errors first, then by count: the page and spot, then the message.
 * Errors are listed in full; a warning or info block stops at `maxPerGroup` and says where the rest is.
 */
function byRule(
  findings: readonly Finding[],
  rules: readonly RuleInfo[],
  options: GroupOptions,
  colors: Palette,
) {
  const info = new Map(rules.map((r) => [r.id, r]));
  const groups = [...Map.groupBy(findings, (f) => `${f.severity}\0${f.ruleId}`).values()].sort(
    (a, b) =>
      bySeverity((a[0] as Finding).severity, (b[0] as Finding).severity) ||
      b.length - a.length ||
      ((a[0] as Finding).ruleId < (b[0] as Finding).ruleId ? -1 : 1),
  );
  const lines: string[] = [];
  for (const group of groups) {
    const { severity, ruleId } = group[0] as Finding;
    const description = info.get(ruleId)?.description;
    lines.push(
      `${color(severity, colors)(severity)}  ${colors.bold(forTerminal(ruleId))}  (${group.length})${description ? `  ${colors.dim(forTerminal(description))}` : ''}`,
    );
    const sorted = [...group].sort(compareFindings);
    const shown = severity === 'error' ? sorted : sorted.slice(0, options.maxPerGroup);
    for (const f of shown)
      lines.push(
        `  ${forTerminal(findingPlace(f, options))}  ${forTerminal(f.message)}${wikiPath(f, colors)}`,
      );
    const rest = sorted.length - shown.length;
    if (rest > 0)
      lines.push(
        colors.dim(
          `  … and ${rest} more ${forTerminal(ruleId)} ${severity}${rest === 1 ? '' : 's'}: --group-by page or --format compact lists every finding`,
        ),
      );
    lines.push('');
  }
  return lines;
}

// Within a page, the spot is enough: its line and column, the anchor of a wiki spot, or "-".
function spot(f: Finding, options: PlaceOptions): string {
  if (isFile(f.page)) return f.position ? `${f.position.start.line}:${f.position.start.column}` : '-';
  const place = findingPlace(f, options);
  const hash = place.indexOf('#');
  return hash >= 0 ? place.slice(hash) : '-';
}

// Short spots (line:col) are aligned; full paths are not, or one long path would push every message aside.
function rows(
  findings: readonly Finding[],
  where: (f: Finding) => string,
  colors: Palette,
  align: boolean,
): string[] {
  const cells = findings.map((f) => forTerminal(where(f)));
  // A reduce, not Math.max(...): a page's 150,000 findings overflow a call's arguments.
  const width = align ? cells.reduce((widest, c) => Math.max(widest, c.length), 0) : 0;
  return findings.map(
    (f, i) =>
      `  ${colors.dim((cells[i] ?? '').padEnd(width))}  ${color(f.severity, colors)(f.severity.padEnd(7))}  ${forTerminal(f.message)}  ${colors.dim(forTerminal(f.ruleId))}`,
  );
}

/** One block per page, pages with errors first, then by path; in a page errors first, then by position. */
function byPage(findings: readonly Finding[], options: GroupOptions, colors: Palette): string[] {
  const pages = [...Map.groupBy(findings, (f) => f.page.key).values()].map((fs) => fs.sort(errorsFirst));
  pages.sort((a, b) => errorsFirst(a[0] as Finding, b[0] as Finding));
  const lines: string[] = [];
  for (const fs of pages) {
    const page = (fs[0] as Finding).page;
    const place = forTerminal(pagePlace(page, options));
    lines.push(
      isFile(page)
        ? colors.underline(place)
        : `${colors.underline(forTerminal(page.path))}  ${colors.dim(place)}`,
    );
    for (const row of rows(fs, (f) => spot(f, options), colors, true)) lines.push(row);
    lines.push('');
  }
  return lines;
}

/** One block per owner, as every report orders them (most errors first, "No owner" last); errors first within. */
function byOwner(findings: readonly Finding[], options: GroupOptions, colors: Palette): string[] {
  const lines: string[] = [];
  for (const group of groupByOwner(findings)) {
    const name = group.owner === undefined ? NO_OWNER : forTerminal(group.owner);
    lines.push(`${colors.bold(name)}  ${plural(group.pages.length, 'page')}, ${counts(group.list)}`);
    const sorted = [...group.list].sort(errorsFirst);
    for (const row of rows(sorted, (f) => findingPlace(f, options), colors, false)) lines.push(row);
    lines.push('');
  }
  return lines;
}

/** The findings laid out by rule, page or owner. */
export function groupedFindings(
  findings: readonly Finding[],
  rules: readonly RuleInfo[],
  groupByMode: GroupBy,
  options: GroupOptions,
  colors: Palette,
): string[] {
  if (groupByMode === 'page') return byPage(findings, options, colors);
  if (groupByMode === 'owner') return byOwner(findings, options, colors);
  return byRule(findings, rules, options, colors);
}
