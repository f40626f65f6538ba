import type { Coverage, Metric, ScopeCoverage, TopicCoverage } from '../coverage.js';
import { compareFindings, compareText } from '../model/compare.js';
import type { Finding, FindingPage } from '../model/finding.js';
import type { History, MetricTrend } from '../model/history.js';
import type { LintResult, RuleInfo } from '../model/result.js';
import { atLeast, type Severity } from '../model/severity.js';
import { pushAll } from '../push-all.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { plural } from '../words.js';
import { byOwnerSection } from './by-owner.js';
import { escapeCell, escapeMarkdown, pageLink, safeUrl, table } from './markdown-text.js';
import { type TrendStyle, trendMarkdown } from './trend.js';

/** How the findings page is titled, where its page links point, and how long it may grow. */
export interface MarkdownOptions {
  /** The H1; defaults to "Handbook report". */
  title?: string;
  /** Prefix for links to Markdown pages (a folder relative to the report, or a repository blob URL). */
  linkBase?: string;
  /** At most this many listed (default 500); the rest counted, `rest` saying where (the Action's JSON is on the runner). */
  maxFindings?: number;
  rest?: string;
  /**
   * `notion` writes Notion's enhanced markdown: backslash escapes instead of HTML entities, no HTML,
   * and no H1 (the page title shows it). Default `gfm`.
   */
  flavor?: 'gfm' | 'notion';
  /** How the trend of the ledger's runs is drawn; default `mermaid` (GitHub and Notion render it). */
  trend?: TrendStyle;
}

const DEFAULT_MAX_FINDINGS = 500;
const REST_IN_JSON = 'a run with --format json lists them all';
const MAX_UNREADABLE = 100;
const MAX_FIXED = 100;
// A first run on a large wiki leaves most pages waiting for a comment; listed whole, they alone
// overran what one Notion write takes (1000 blocks).
const MAX_DEFERRED = 100;
const TOP_PAGES = 10;

// A finding below a heading on a wiki page links to that heading (or Notion block), not the page top.
function findingSpot(f: Finding): string {
  if (!f.position) return 'page';
  const line = `line ${f.position.start.line}`;
  return f.location?.anchor ? `[${line}](${safeUrl(f.location.url)})` : line;
}

function headline(result: LintResult, coverage: Coverage | undefined): string {
  const s = result.summary;
  const percent = coverage?.metrics.find((m) => m.id === 'coverage')?.percent;
  const parts = [
    ...(percent !== undefined && percent !== null ? [`**${percent} %** documentation coverage`] : []),
    `**${plural(s.errors, 'error')}**`,
    `**${plural(s.warnings, 'warning')}**`,
    ...(s.infos ? [plural(s.infos, 'info')] : []),
    `${plural(s.pages, 'page')}${s.unreadablePages ? ` (${s.unreadablePages} unreadable)` : ''}`,
  ];
  const h = result.history;
  if (h) {
    const since = h.previousRun ? ` since the run of ${h.previousRun.slice(0, 10)}` : '';
    parts.push(`**${h.newCount} new**, ${h.openCount} still open, ${h.fixed.length} fixed${since}`);
  }
  return parts.join(' · ');
}

function change(trend: MetricTrend | undefined): string {
  if (trend?.change === null || trend?.change === undefined) return '—';
  return `${trend.change > 0 ? '+' : ''}${trend.change}`;
}

function metricRow(m: Metric, history: History | undefined): string[] {
  const value = m.percent === null ? 'n/a' : `${m.percent} % (${m.numerator} of ${m.denominator})`;
  const row = [m.label, value, `${m.target} %`, m.percent === null ? '—' : m.pass ? '✅' : '❌'];
  // The change column appears once there is a previous run to compare with.
  return history?.previousRun ? [...row, change(history.trends.find((t) => t.id === m.id))] : row;
}

function topicStatus(t: TopicCoverage): string {
  if (t.status === 'covered') return '✅ covered';
  if (t.status === 'missing') return '❌ missing';
  if (t.status === 'unreadable') return `⚠️ unreadable: ${escapeMarkdown(t.unreadable ?? '')}`;
  const [first, ...rest] = t.errors;
  const detail = first
    ? `: \`${first.ruleId}\` ${escapeMarkdown(first.message)}${rest.length ? ` (+${rest.length} more)` : ''}`
    : '';
  return `⚠️ has errors${detail}`;
}

function topicTable(topics: readonly TopicCoverage[], linkBase: string): string[] {
  const rows = topics.map((t) => [
    escapeMarkdown(t.title),
    topicStatus(t),
    t.page ? pageLink(t.page, linkBase) : '—',
  ]);
  return table(['Topic', 'Status', 'Page'], ['---', '---', '---'], rows);
}

function scopeSection(scope: ScopeCoverage, linkBase: string): string[] {
  const where = scope.folder === null ? scope.name : `${scope.folder} (${scope.name})`;
  const mark = scope.pass ? '✅' : '❌';
  return [
    `### ${mark} ${escapeMarkdown(where)}: ${scope.covered} of ${scope.expected}`,
    '',
    ...topicTable(scope.topics, linkBase),
    '',
  ];
}

function coverageSection(coverage: Coverage, linkBase: string, history: History | undefined): string[] {
  const trend = history?.previousRun !== undefined;
  return [
    '## Metrics',
    '',
    ...table(
      ['Metric', 'Value', 'Target', 'Pass', ...(trend ? ['Change'] : [])],
      ['---', '--:', '--:', ':-:', ...(trend ? ['--:'] : [])],
      coverage.metrics.map((m) => metricRow(m, history)),
    ),
    '',
    '## Topics',
    '',
    ...topicTable(coverage.topics, linkBase),
    '',
    ...coverage.scopes.flatMap((s) => scopeSection(s, linkBase)),
  ];
}

function worst(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (atLeast(f.severity, w) ? f.severity : w), 'info');
}

function findingsSection(result: LintResult, linkBase: string, options: MarkdownOptions): string[] {
  const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const sorted = [...result.findings].sort(compareFindings);
  const rules = new Map<string, RuleInfo>(result.rules.map((r) => [r.id, r]));
  const groups = [...Map.groupBy(sorted, (f) => f.ruleId)].sort(
    ([a, fa], [b, fb]) =>
      (worst(fa) === worst(fb) ? 0 : atLeast(worst(fa), worst(fb)) ? -1 : 1) ||
      fb.length - fa.length ||
      compareText(a, b),
  );
  const lines = ['## Findings by rule', ''];
  const ruleName = (id: string, url = rules.get(id)?.url) =>
    url ? `[\`${id}\`](${safeUrl(url)})` : `\`${id}\``;
  const summary = groups.map(([id, fs]) => [
    ruleName(id),
    worst(fs),
    String(fs.length),
    escapeCell(rules.get(id)?.description ?? ''),
  ]);
  pushAll(
    lines,
    table(['Rule', 'Severity', 'Findings', 'Description'], ['---', '---', '--:', '---'], summary),
  );
  lines.push('');
  let listed = 0;
  for (const [id, fs] of groups) {
    if (listed >= max) break;
    lines.push(`### \`${id}\` (${fs.length})`, '');
    const fix = rules.get(id)?.fix;
    if (fix) lines.push(`**How to fix:** ${escapeCell(fix)}`, '');
    for (const pageFindings of Map.groupBy(fs, (f) => f.page.key).values()) {
      if (listed >= max) break;
      const page = pageFindings[0]?.page;
      if (!page) continue;
      lines.push(`- ${pageLink(page, linkBase)}`);
      for (const f of pageFindings.slice(0, max - listed)) {
        const where = findingSpot(f);
        // On a first run everything is new: the mark only means something once there is a previous run.
        const h = result.history;
        const mark = h?.previousRun && h.status[f.fingerprint] === 'new' ? ' **(new)**' : '';
        const quote = f.location?.quote ? ` — “${escapeMarkdown(f.location.quote)}”` : '';
        lines.push(`  - ${where}${mark}: ${escapeMarkdown(f.message)}${quote}`);
      }
      listed += Math.min(pageFindings.length, max - listed);
    }
    lines.push('');
  }
  const rest = result.findings.length - listed;
  if (rest > 0)
    lines.push(`…and ${plural(rest, 'more finding')} not listed here (${options.rest ?? REST_IN_JSON}).`, '');
  return lines;
}

function topPagesSection(result: LintResult, linkBase: string): string[] {
  const pages = [...Map.groupBy(result.findings, (f) => f.page.key).values()]
    .map((fs) => ({ fs, errors: fs.filter((f) => f.severity === 'error').length }))
    .sort(
      (a, b) =>
        b.fs.length - a.fs.length ||
        b.errors - a.errors ||
        compareText(a.fs[0]?.page.path ?? '', b.fs[0]?.page.path ?? ''),
    )
    .slice(0, TOP_PAGES);
  const rows = pages.flatMap(({ fs, errors }) =>
    fs[0] ? [[pageLink(fs[0].page, linkBase), String(fs.length), String(errors)]] : [],
  );
  return [
    '## Pages with the most findings',
    '',
    ...table(['Page', 'Findings', 'Errors'], ['---', '--:', '--:'], rows),
    '',
  ];
}

function fixedSection(history: History, linkBase: string): string[] {
  const rows = history.fixed
    .slice(0, MAX_FIXED)
    .map((f) => [pageLink(f.page, linkBase), `\`${f.ruleId}\``, escapeMarkdown(f.message)]);
  const rest = history.fixed.length - rows.length;
  return [
    `## Fixed since the last run (${history.fixed.length})`,
    '',
    ...table(['Page', 'Rule', 'Finding'], ['---', '---', '---'], rows),
    '',
    ...(rest > 0 ? [`…and ${plural(rest, 'more fixed finding')}.`, ''] : []),
  ];
}

function deferredSection(pages: readonly FindingPage[], linkBase: string): string[] {
  return [
    `## Waiting for a comment (${pages.length})`,
    '',
    "Over this run's comment cap or in their cooldown; a later run comments on them.",
    '',
    ...pages.slice(0, MAX_DEFERRED).map((p) => `- ${pageLink(p, linkBase)}`),
    '',
    ...(pages.length > MAX_DEFERRED ? [`…and ${plural(pages.length - MAX_DEFERRED, 'more page')}.`, ''] : []),
  ];
}

function unreadableSection(result: LintResult): string[] {
  const pages = [...result.unreadable].sort((a, b) => compareText(a.path, b.path));
  const rows = pages.slice(0, MAX_UNREADABLE).map((p) => [escapeMarkdown(p.path), escapeMarkdown(p.reason)]);
  const rest = pages.length - rows.length;
  return [
    '## Unreadable pages',
    '',
    ...table(['Page', 'Reason'], ['---', '---'], rows),
    '',
    ...(rest > 0 ? [`…and ${plural(rest, 'more unreadable page')}.`, ''] : []),
  ];
}

/**
 * The report listing as many findings as `fits` allows, for a page that must stay within a limit
 * (a Notion write, GitHub's step summary): a binary search on the number listed, the rest counted.
 */
export function mostFindingsThatFit(
  total: number,
  render: (maxFindings: number) => string,
  fits: (text: string) => boolean,
): string {
  let [low, high] = [0, total];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(render(mid))) low = mid;
    else high = mid - 1;
  }
  return render(low);
}

/** The findings page written into the wiki and GitHub step summaries: deterministic, GitHub-flavored, bounded. */
export function formatMarkdown(
  result: LintResult,
  coverage: Coverage | undefined,
  options: MarkdownOptions = {},
): string {
  const linkBase = options.linkBase ?? '';
  const notion = options.flavor === 'notion';
  const lines = [
    ...(notion ? [] : [`# ${escapeMarkdown(options.title ?? 'Handbook report')}`, '']),
    headline(result, coverage),
    '',
    ...trendMarkdown(result.history?.runs, options.trend ?? 'mermaid'),
  ];
  if (coverage) pushAll(lines, coverageSection(coverage, linkBase, result.history));
  if (result.findings.length) {
    pushAll(lines, findingsSection(result, linkBase, options));
    pushAll(lines, topPagesSection(result, linkBase));
    pushAll(
      lines,
      byOwnerSection(result, (page) => pageLink(page, linkBase), escapeMarkdown),
    );
  } else {
    lines.push('No findings.', '');
  }
  if (result.history?.fixed.length) pushAll(lines, fixedSection(result.history, linkBase));
  if (result.writeback?.deferred.length) pushAll(lines, deferredSection(result.writeback.deferred, linkBase));
  if (result.unreadable.length) pushAll(lines, unreadableSection(result));
  const version = escapeMarkdown(`${TOOL_NAME} ${TOOL_VERSION}`);
  lines.push(notion ? `*${version}*` : `<sub>${version}</sub>`);
  const text = `${lines.join('\n')}\n`;
  // Notion's enhanced markdown escapes with backslashes; entities would show literally.
  return notion
    ? text.replace(/&(lt|gt|amp);/g, (_, name: string) =>
        name === 'amp' ? '&' : name === 'lt' ? '\\<' : '\\>',
      )
    : text;
}
