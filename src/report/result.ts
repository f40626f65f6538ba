import type { Coverage } from '../coverage.js';
import type { Finding } from '../model/finding.js';
import type { Summary } from './summary.js';

/** A rule as reports describe it. */
export interface RuleInfo {
  id: string;
  level: string;
  description: string;
  fix?: string;
  url: string;
}

/** Everything a formatter needs from a run; formatters are pure functions of this. */
export interface LintResult {
  summary: Summary;
  findings: Finding[];
  rules: RuleInfo[];
  unreadable: { key: string; path: string; reason: string }[];
  coverage?: Coverage;
}
