import { compareText } from '../model/compare.js';
import type { Finding } from '../model/finding.js';
import type { SitePage } from '../site.js';
import { type JudgedBy, type Metric, MetricTally, metric, type PageMetricId } from './metrics.js';
import type { CoverageConfig } from './schema.js';
import { ancestorFolders, compileScope, type ScopeCoverage } from './scopes.js';
import { compileTopic, type TopicCoverage, TopicTally } from './topics.js';

/** What the handbook documents and how healthy it is; plain data, included verbatim in the JSON report. */
export interface Coverage {
  /** Every metric, in METRIC_IDS order. */
  metrics: Metric[];
  /** The site-wide topics, in config order. */
  topics: TopicCoverage[];
  /** One entry per scope (per folder for `each` scopes), in config order, then by folder. */
  scopes: ScopeCoverage[];
}

const PAGE_METRICS: readonly PageMetricId[] = ['decisions', 'ownership', 'freshness', 'meetings', 'healthy'];

interface ScopeInstance {
  order: number;
  name: string;
  folder: string | null;
  tallies: TopicTally[];
}

function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const byPage = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byPage.get(finding.page.key);
    if (list) list.push(finding);
    else byPage.set(finding.page.key, [finding]);
  }
  return byPage;
}

function scopeResult(instance: ScopeInstance): ScopeCoverage {
  const topics = instance.tallies.map((t) => t.result());
  const covered = topics.filter((t) => t.status === 'covered').length;
  return {
    name: instance.name,
    folder: instance.folder,
    covered,
    expected: topics.length,
    pass: covered === topics.length,
    topics,
  };
}

/**
 * Topics, scopes and metrics in one pass over the pages (linear in pages + findings). Unreadable
 * pages never cover a topic and are left out of every metric; a topic page with an error finding
 * is present but unhealthy, and does not count as covered. `judged` says which pages a metric's
 * rules judge (every page when the run's rules are not at hand).
 */
export function computeCoverage(
  pages: Iterable<SitePage>,
  findings: readonly Finding[],
  config: CoverageConfig,
  judged: JudgedBy = () => true,
): Coverage {
  const byPage = indexFindings(findings);
  const matchers = config.topics.map(compileTopic);
  const byId = new Map(matchers.map((t) => [t.id, t]));
  const site = matchers.filter((t) => t.siteWide).map((t) => new TopicTally(t));
  const scopes = config.scopes.map((s) => compileScope(s, byId));
  const instances = new Map<string, ScopeInstance>();
  // A scope taken as a whole is expected even when no page lives there: all its topics are then missing.
  scopes.forEach((scope, order) => {
    if (!scope.each)
      instances.set(`${order}`, {
        order,
        name: scope.name,
        folder: null,
        tallies: scope.topics.map((t) => new TopicTally(t)),
      });
  });
  const tallies = PAGE_METRICS.map((id) => [id, new MetricTally(config.metrics[id])] as const);

  for (const page of pages) {
    const pageFindings = byPage.get(page.key) ?? [];
    const errors = pageFindings.filter((f) => f.severity === 'error');
    const path = page.file ?? page.path;
    const lower = path.toLowerCase();
    for (const tally of site) tally.offer(page, lower, errors);
    const folders = ancestorFolders(path);
    scopes.forEach((scope, order) => {
      const folder = scope.folderOf(folders);
      if (folder === undefined) return;
      const key = scope.each ? `${order}\0${folder}` : `${order}`;
      let instance = instances.get(key);
      if (!instance) {
        instance = { order, name: scope.name, folder, tallies: scope.topics.map((t) => new TopicTally(t)) };
        instances.set(key, instance);
      }
      // Inside a scope, path globs see the path relative to the scope's folder.
      const relative = lower.slice(folder.length + 1);
      for (const tally of instance.tallies) tally.offer(page, relative, errors);
    });
    if (!page.unreadable) for (const [, tally] of tallies) tally.add(page, pageFindings, judged);
  }

  const topics = site.map((t) => t.result());
  const scopeResults = [...instances.values()]
    .sort((a, b) => a.order - b.order || compareText(a.folder ?? '', b.folder ?? ''))
    .map(scopeResult);
  const expected = topics.length + scopeResults.reduce((sum, s) => sum + s.expected, 0);
  const covered =
    topics.filter((t) => t.status === 'covered').length + scopeResults.reduce((sum, s) => sum + s.covered, 0);
  return {
    metrics: [
      metric('coverage', covered, expected, config.targets),
      ...tallies.map(([id, tally]) => metric(id, tally.numerator, tally.denominator, config.targets)),
    ],
    topics,
    scopes: scopeResults,
  };
}
