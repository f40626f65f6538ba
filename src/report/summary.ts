import type { Finding } from '../model/finding.js';

/** The counts every report shows, computed once per run. */
export interface Summary {
  pages: number;
  unreadablePages: number;
  pagesWithFindings: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts findings by severity and the pages they touch. */
export function summarize(findings: readonly Finding[], pages: number, unreadablePages: number): Summary {
  const touched = new Set(findings.map((f) => f.page.key));
  return {
    pages,
    unreadablePages,
    pagesWithFindings: touched.size,
    findings: findings.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}
