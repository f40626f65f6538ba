import type { Finding } from '../model/finding.js';
import { atLeast } from '../model/severity.js';
import type { SitePage } from '../site.js';
import type { CoverageConfig, MetricConfig } from './schema.js';

/** The metrics the async guides tell teams to track (shared/domain.md), in report order. */
export const METRIC_IDS = ['coverage', 'decisions', 'ownership', 'freshness', 'meetings', 'healthy'] as const;
/** One of METRIC_IDS. */
export type MetricId = (typeof METRIC_IDS)[number];
/** The metrics measured page by page (all but topic coverage). */
export type PageMetricId = Exclude<MetricId, 'coverage'>;

const LABELS: Record<MetricId, string> = {
  coverage: 'Documentation coverage',
  decisions: 'Complete decision records',
  ownership: 'Pages with an owner',
  freshness: 'Pages reviewed recently',
  meetings: 'Meeting notes with outcomes',
  healthy: 'Pages without errors',
};

/** One metric against its target; part of the JSON report. */
export interface Metric {
  id: MetricId;
  label: string;
  numerator: number;
  denominator: number;
  /** Rounded to one decimal; null when there is nothing to measure. */
  percent: number | null;
  target: number;
  /** Judged on the rounded percent, so the report never shows 90.0 against 90 as failing; true when nothing to measure. */
  pass: boolean;
}

/** Builds a metric from its counts and the configured target. */
export function metric(
  id: MetricId,
  numerator: number,
  denominator: number,
  targets: CoverageConfig['targets'],
): Metric {
  const percent = denominator ? Math.round((numerator / denominator) * 1000) / 10 : null;
  const target = targets[id];
  return {
    id,
    label: LABELS[id],
    numerator,
    denominator,
    percent,
    target,
    pass: percent === null || percent >= target,
  };
}

/** Whether one of the rules named (by id) judges the page: the rule applies there and is not off. */
export type JudgedBy = (page: SitePage, rules: ReadonlySet<string>) => boolean;

/**
 * Counts, for one page metric, the readable pages it considers and those none of their findings
 * disqualify. A metric of rules considers only the pages one of them judges: "Pages with an owner"
 * counts the pages page-owner asks an owner of, not a decision record or a folder index that names none.
 */
export class MetricTally {
  numerator = 0;
  denominator = 0;
  private readonly types: Set<string>;
  private readonly excluded: Set<string>;
  private readonly rules: Set<string>;

  constructor(private readonly config: MetricConfig) {
    this.types = new Set(config.types);
    this.excluded = new Set(config['exclude-types']);
    this.rules = new Set(config.rules);
  }

  /** Counts a readable page with its findings. */
  add(page: SitePage, findings: readonly Finding[], judged: JudgedBy): void {
    if (this.types.size && !(page.type && this.types.has(page.type))) return;
    if (page.type && this.excluded.has(page.type)) return;
    if (this.rules.size && !judged(page, this.rules)) return;
    this.denominator++;
    const level = this.config.level;
    const disqualified = findings.some(
      (f) => this.rules.has(f.ruleId) || (level !== 'off' && atLeast(f.severity, level)),
    );
    if (!disqualified) this.numerator++;
  }
}
