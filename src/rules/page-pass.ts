import type { Finding } from '../model/finding.js';
import type { Page } from '../model/page.js';
import { type SitePage, slimPage } from '../site.js';
import type { CheckContext } from './check.js';
import { lintPage, type PathOverride } from './engine.js';
import { recordTemplates, type TemplateRecord } from './folder-template.js';
import type { ActiveRule } from './load.js';
import { quoteFindings } from './quote.js';
import { readSuppressions, type Suppressions } from './suppress.js';

/** What the page stage leaves of a page: its findings and what the site stage still needs. Plain data. */
export interface PagePass {
  findings: Finding[];
  page: SitePage;
  suppressions: Suppressions;
  /** What the rules judged against the folder's own template saw on the page, judged per folder later. */
  templates: TemplateRecord[];
}

/** Runs the page rules on a full page and keeps only the slim page, so bodies and trees can be dropped. */
export function passPage(
  page: Page,
  rules: readonly ActiveRule[],
  context: CheckContext,
  overrides: readonly PathOverride[],
): PagePass {
  const suppressions = readSuppressions(page.tree, page.markdown);
  const findings = quoteFindings(page, lintPage(page, rules, context, overrides, suppressions));
  const templates = recordTemplates(page, rules, overrides, findings);
  return { findings, page: slimPage(page), suppressions, templates };
}
