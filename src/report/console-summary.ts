import type { Coverage, Metric, ScopeCoverage, TopicCoverage } from '../coverage.js';
import type { Finding } from '../model/finding.js';
import type { History } from '../model/history.js';
import type { LintResult, Summary } from '../model/result.js';
import { forTerminal } from '../terminal.js';
import { plural } from '../words.js';
import type { Palette } from './colors.js';
import { type PlaceOptions, pagePlace } from './console-paths.js';
import { countByRule } from './summary.js';

const TOP_PAGES = 5;
const LISTED_NAMES = 6;

/** "1 page", "2 pages". */

function padTable(rows: string[][]): string[][] {
  const widths = rows.reduce<number[]>(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)),
    [],
  );
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))));
}

function signed(change: number): string {
  return `${change > 0 ? '+' : ''}${change}`;
}

/** Each metric against its target; the mark and the words "below target" say it without color. */
function metricLines(metrics: readonly Metric[], history: History | undefined, colors: Palette): string[] {
  const rows = metrics.map((m) => [
    m.percent === null ? '-' : m.pass ? '✔' : '✖',
    m.label,
    m.percent === null ? 'n/a' : `${m.percent} %`,
    m.percent === null ? '' : `(${m.numerator} of ${m.denominator})`,
    `target ${m.target} %`,
    m.percent === null ? 'nothing to measure' : m.pass ? '' : 'below target',
  ]);
  const trends = new Map((history?.previousRun ? history.trends : []).map((t) => [t.id, t.change]));
  return padTable(rows).map((row, i) => {
    const m = metrics[i] as Metric;
    const [mark = '', ...rest] = row;
    const change = trends.get(m.id);
    const since =
      change !== undefined && change !== null ? colors.dim(`  ${signed(change)} since last run`) : '';
    const text = `  ${mark} ${rest.join('  ')}`.trimEnd();
    return (m.percent !== null && !m.pass ? colors.red(text) : text) + since;
  });
}

function names(items: readonly string[]): string {
  const shown = items.slice(0, LISTED_NAMES).join(', ');
  return items.length > LISTED_NAMES ? `${shown}, … ${items.length - LISTED_NAMES} more` : shown;
}

function topicLine(topics: readonly TopicCoverage[]): string[] {
  const open = topics.filter((t) => t.status !== 'covered');
  if (!open.length) return [];
  const list = open.map((t) => `${t.title} (${t.status === 'unhealthy' ? 'has errors' : t.status})`);
  return [`  Topics not covered: ${forTerminal(names(list))}`];
}

function scopeLine(scopes: readonly ScopeCoverage[]): string[] {
  const failing = scopes.filter((s) => !s.pass);
  if (!failing.length) return [];
  const list = failing.map((s) => `${s.folder ?? s.name} ${s.covered} of ${s.expected}`);
  return [`  Scopes below target (${failing.length} of ${scopes.length}): ${forTerminal(names(list))}`];
}

function coverageBlock(coverage: Coverage, history: History | undefined, colors: Palette): string[] {
  return [
    colors.bold('Metrics'),
    ...metricLines(coverage.metrics, history, colors),
    ...topicLine(coverage.topics),
    ...scopeLine(coverage.scopes),
    '',
  ];
}

/** Red errors, yellow warnings, blue infos; the level is always written out too. */
export function severityColor(severity: string, colors: Palette): (text: string) => string {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue;
}

function ruleBlock(findings: readonly Finding[], colors: Palette): string[] {
  const counts = countByRule(findings);
  if (!counts.length) return [];
  const rows = padTable(counts.map((c) => [c.severity, forTerminal(c.ruleId), String(c.count)]));
  return [
    colors.bold('Findings per rule'),
    ...rows.map(
      ([severity = '', id = '', count = ''], i) =>
        `  ${severityColor(counts[i]?.severity ?? '', colors)(severity)}  ${id}  ${count.padStart(5)}`,
    ),
    '',
  ];
}

function topPages(findings: readonly Finding[], places: PlaceOptions, colors: Palette): string[] {
  const pages = new Map<string, { place: string; errors: number; total: number }>();
  for (const f of findings) {
    const entry = pages.get(f.page.key) ?? { place: pagePlace(f.page, places), errors: 0, total: 0 };
    entry.total++;
    if (f.severity === 'error') entry.errors++;
    pages.set(f.page.key, entry);
  }
  // With one page there is nothing to choose between: its findings follow.
  if (pages.size < 2) return [];
  // One page with many problems beats many pages with one; errors decide first.
  const top = [...pages.values()]
    .filter((p) => p.errors > 0 || p.total > 1)
    .sort((a, b) => b.errors - a.errors || b.total - a.total || (a.place < b.place ? -1 : 1))
    .slice(0, TOP_PAGES);
  if (!top.length) return [];
  return [
    colors.bold('Pages to fix first'),
    ...top.map(
      (p) =>
        `  ${String(p.errors).padStart(4)} ${p.errors === 1 ? 'error ' : 'errors'}  ${String(p.total).padStart(4)} in all  ${forTerminal(p.place)}`,
    ),
    '',
  ];
}

/** "✖ 1020 problems (347 errors, 673 warnings) in 646 of 887 pages; 3 new, 2 fixed since …". */
export function totalsLine(s: Summary, history: History | undefined, colors: Palette): string {
  // Compared with the previous run in the ledger; the first run has nothing to compare with.
  const since = history?.previousRun
    ? `; ${history.newCount} new, ${history.fixed.length} fixed since the run of ${history.previousRun.slice(0, 10)}`
    : '';
  // "No problems in 0 pages" read as a clean handbook when nothing was linted (an --owner who owns no page).
  if (s.pages === 0) return `No pages were linted${since}.`;
  if (s.findings === 0) return `No problems in ${plural(s.pages, 'page')}${since}.`;
  const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${s.infos ? `, ${plural(s.infos, 'info')}` : ''}`;
  const mark = s.errors ? colors.red('✖') : colors.yellow('⚠');
  return colors.bold(
    `${mark} ${plural(s.findings, 'problem')} (${counts}) in ${s.pagesWithFindings} of ${plural(s.pages, 'page')}${since}`,
  );
}

/**
 * What a reader needs before any single finding: metrics against their targets, what the coverage
 * misses, counts per rule (errors first), the pages to fix first and the totals.
 */
export function summaryBlock(
  result: LintResult,
  places: PlaceOptions,
  colors: Palette,
  hidden: Summary,
): string[] {
  const lines = [
    ...(result.coverage ? coverageBlock(result.coverage, result.history, colors) : []),
    ...ruleBlock(result.findings, colors),
    ...topPages(result.findings, places, colors),
    totalsLine(result.summary, result.history, colors),
  ];
  const notShown = [
    ...(hidden.warnings ? [plural(hidden.warnings, 'warning')] : []),
    ...(hidden.infos ? [plural(hidden.infos, 'info')] : []),
  ];
  if (notShown.length)
    lines.push(colors.dim(`${notShown.join(' and ')} not shown: --quiet reports errors only.`));
  if (result.summary.unreadablePages)
    lines.push(
      colors.yellow(`${plural(result.summary.unreadablePages, 'page')} could not be read (listed below).`),
    );
  return lines;
}
