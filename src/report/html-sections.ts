import type { Coverage, ScopeCoverage, TopicCoverage } from '../coverage.js';
import { compareText } from '../model/compare.js';
import type { Finding, FindingPage } from '../model/finding.js';
import type { History } from '../model/history.js';
import type { LintResult } from '../model/result.js';
import { atLeast, type Severity } from '../model/severity.js';
import { plural } from '../words.js';
import { groupByOwner, NO_OWNER, type OwnerGroup } from './by-owner.js';
import { esc, level, link, more, table, verdict } from './html-text.js';

/** Rows in the findings table; the JSON report has the rest. */
export const HTML_MAX_FINDINGS = 1000;
const MAX_SCOPES = 200;
const MAX_OWNERS = 200;
const MAX_UNREADABLE = 100;

/** Where links to Markdown pages lead (relative to the report file, or a repository URL). */
export interface LinkOptions {
  linkBase: string;
}

function pageHref(page: FindingPage, options: LinkOptions): string {
  if (page.key.startsWith('markdown:') && page.file !== undefined) {
    const base =
      options.linkBase && !options.linkBase.endsWith('/') ? `${options.linkBase}/` : options.linkBase;
    return base + page.file.split('/').map(encodeURIComponent).join('/');
  }
  return page.url;
}

export function pageLink(page: FindingPage, options: LinkOptions): string {
  return link(page.title || page.path, pageHref(page, options));
}

export function metricsSection(coverage: Coverage, history: History | undefined): string {
  const rows = coverage.metrics.map((m) => {
    const trend = history?.trends.find((t) => t.id === m.id);
    const change =
      trend?.change === null || trend?.change === undefined
        ? '—'
        : `${trend.change > 0 ? '+' : ''}${trend.change}`;
    return [
      esc(m.label),
      m.percent === null ? 'n/a' : `${m.percent} %`,
      `${m.numerator} of ${m.denominator}`,
      `${m.target} %`,
      verdict(m.percent === null ? null : m.pass),
      ...(history?.previousRun ? [change] : []),
    ];
  });
  const head = ['Metric', 'Value', 'Pages', 'Target', 'Status', ...(history?.previousRun ? ['Change'] : [])];
  return `<section id="metrics"><h2>Metrics against targets</h2>${table('', head, rows, [1, 2, 3, 5])}</section>`;
}

const TOPIC_STATUS: Record<TopicCoverage['status'], string> = {
  covered: '<span class="pass"><span aria-hidden="true">✔</span> covered</span>',
  missing: '<span class="fail"><span aria-hidden="true">✖</span> missing</span>',
  unhealthy: '<span class="warn"><span aria-hidden="true">▲</span> has errors</span>',
  unreadable: '<span class="warn"><span aria-hidden="true">▲</span> unreadable</span>',
};

function topicRows(topics: readonly TopicCoverage[], options: LinkOptions): string[][] {
  return topics.map((t) => [esc(t.title), TOPIC_STATUS[t.status], t.page ? pageLink(t.page, options) : '—']);
}

function scopeRow(scope: ScopeCoverage): string[] {
  const missing = scope.topics.filter((t) => t.status !== 'covered').map((t) => esc(t.title));
  return [
    esc(scope.folder === null ? scope.name : `${scope.folder} (${scope.name})`),
    `${scope.covered} of ${scope.expected}`,
    verdict(scope.pass),
    missing.length ? missing.join(', ') : '—',
  ];
}

export function coverageSection(coverage: Coverage, options: LinkOptions): string {
  const topics = coverage.topics.length
    ? table('Site-wide topics', ['Topic', 'Status', 'Page'], topicRows(coverage.topics, options))
    : '<p class="muted">No site-wide topics are configured.</p>';
  const scopes = coverage.scopes.slice(0, MAX_SCOPES);
  const scopeTable = scopes.length
    ? table('Scopes', ['Scope', 'Topics covered', 'Status', 'Not covered'], scopes.map(scopeRow), [1]) +
      more(scopes.length, coverage.scopes.length, 'scopes')
    : '';
  return `<section id="coverage"><h2>Coverage by topic and scope</h2>${topics}${scopeTable}</section>`;
}

const count = (fs: readonly Finding[], severity: Severity) =>
  fs.filter((f) => f.severity === severity).length;

function worst(fs: readonly Finding[]): Severity {
  return fs.reduce<Severity>((w, f) => (atLeast(f.severity, w) ? f.severity : w), 'info');
}

export function byRuleSection(result: LintResult): string {
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const groups = [...Map.groupBy(result.findings, (f) => f.ruleId)].sort(
    ([a, fa], [b, fb]) =>
      (worst(fa) === worst(fb) ? 0 : atLeast(worst(fa), worst(fb)) ? -1 : 1) ||
      fb.length - fa.length ||
      compareText(a, b),
  );
  const rows = groups.map(([id, fs]) => [
    link(id, rules.get(id)?.url ?? ''),
    level(worst(fs)),
    String(fs.length),
    String(new Set(fs.map((f) => f.page.key)).size),
    esc(rules.get(id)?.description ?? ''),
  ]);
  return `<section id="by-rule"><h2>Findings by rule</h2>${table('', ['Rule', 'Level', 'Findings', 'Pages', 'Description'], rows, [2, 3])}</section>`;
}

/** Where the owner's backlog starts: the finding open longest (by the ledger, else by page edits). */
function oldestCell(group: OwnerGroup, history: History | undefined, options: LinkOptions): string {
  if (!group.oldest) return '';
  const { finding, since, by } = group.oldest;
  // The ledger dates a new finding at this run, so when the oldest one is new, all of them are.
  if (history?.previousRun && history.status[finding.fingerprint] === 'new')
    return '<span class="muted">all new</span>';
  const when = since ? `${by === 'first-seen' ? 'open since' : 'page last edited'} ${esc(since)}: ` : '';
  return `${when}<code>${esc(finding.ruleId)}</code> on ${pageLink(finding.page, options)}`;
}

export function byOwnerSection(result: LintResult, options: LinkOptions): string {
  const groups = groupByOwner(result.findings, result.history?.firstSeen);
  const shown = groups.slice(0, MAX_OWNERS);
  const rows = shown.map((g) => [
    g.owner === undefined ? `<span class="muted">${NO_OWNER}</span>` : esc(g.owner),
    String(g.pages.length),
    String(g.errors),
    String(count(g.list, 'warning')),
    String(g.findings),
    oldestCell(g, result.history, options),
  ]);
  const head = ['Owner', 'Pages', 'Errors', 'Warnings', 'Findings', 'Oldest open finding'];
  return `<section id="by-owner"><h2>Findings by owner</h2>${table('', head, rows, [1, 2, 3, 4])}${more(shown.length, groups.length, 'owners')}</section>`;
}

function findingRow(f: Finding, status: string, options: LinkOptions): string[] {
  const spot = f.location?.url;
  const where = f.position ? `${f.position.start.line}:${f.position.start.column}` : 'page';
  return [
    pageLink(f.page, options),
    spot ? link(where, spot) : esc(where),
    level(f.severity),
    `<code>${esc(f.ruleId)}</code>`,
    esc(f.message),
    status,
  ];
}

export function findingsSection(result: LintResult, options: LinkOptions): string {
  const rank = (s: Severity) => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
  // Errors first; within a level the report's stable order (page, position, rule).
  const sorted = result.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i)
    .slice(0, HTML_MAX_FINDINGS);
  const history = result.history;
  const status = (f: Finding) =>
    history?.previousRun && history.status[f.fingerprint] === 'new' ? '<strong>new</strong>' : '';
  const rows = sorted.map(({ f }) => findingRow(f, status(f), options));
  const head = ['Page', 'Where', 'Level', 'Rule', 'Message', 'Status'];
  return `<section id="findings"><h2>Findings (${result.findings.length})</h2>${
    rows.length ? table('', head, rows, [1]) : '<p>No findings.</p>'
  }${more(rows.length, result.findings.length, 'findings')}</section>`;
}

export function unreadableSection(result: LintResult): string {
  if (!result.unreadable.length) return '';
  const pages = [...result.unreadable].sort((a, b) => compareText(a.path, b.path));
  const rows = pages.slice(0, MAX_UNREADABLE).map((p) => [esc(p.path), esc(p.reason)]);
  return `<section id="unreadable"><h2>Unreadable pages (${pages.length})</h2>${table('', ['Page', 'Reason'], rows)}${more(rows.length, pages.length, 'unreadable pages')}</section>`;
}

export function headline(result: LintResult): string {
  const s = result.summary;
  const coverage = result.coverage?.metrics.find((m) => m.id === 'coverage')?.percent;
  const h = result.history;
  const tiles = [
    ...(coverage !== undefined && coverage !== null ? [[`${coverage} %`, 'documentation coverage']] : []),
    [String(s.errors), plural(s.errors, 'error').replace(/^\d+ /, '')],
    [String(s.warnings), plural(s.warnings, 'warning').replace(/^\d+ /, '')],
    [String(s.pages), `pages${s.unreadablePages ? ` (${s.unreadablePages} unreadable)` : ''}`],
    ...(h
      ? [
          [String(h.newCount), 'new'],
          [String(h.fixed.length), 'fixed'],
        ]
      : []),
  ];
  const since = h?.previousRun
    ? `<p class="muted">New and fixed since the run of ${esc(h.previousRun.slice(0, 10))}.</p>`
    : '';
  return `<ul class="tiles">${tiles.map(([n, what]) => `<li><strong>${n}</strong> ${what}</li>`).join('')}</ul>${since}`;
}
