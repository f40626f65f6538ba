// The coverage stage: which documents the handbook has (topics, per scope) and its metrics against targets.
export { type Coverage, computeCoverage } from './coverage/compute.js';
export { METRIC_IDS, type Metric, type MetricId } from './coverage/metrics.js';
export { type CoverageConfig, coverageSchema, DEFAULT_COVERAGE } from './coverage/schema.js';
export type { ScopeCoverage } from './coverage/scopes.js';
export type { TopicCoverage } from './coverage/topics.js';
