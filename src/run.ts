import type { Config } from './config.js';
import { HandbookLintError } from './errors.js';
import type { Finding } from './model/finding.js';
import type { Page } from './model/page.js';
import { typeClassifier } from './normalize/doc-type.js';
import type { LintResult } from './report/result.js';
import { summarize } from './report/summary.js';
import { compareFindings, lintPage, ruleDocsUrl } from './rules/engine.js';
import { type ActiveRule, applyRuleSettings, DEFAULT_RULES_DIR, loadRuleFiles } from './rules/load.js';
import { crawlMarkdown } from './sources/markdown.js';

/** What a run needs besides config: the clock (fixed in tests and reproducible runs) and a progress hook. */
export interface RunOptions {
  now: Date;
  onPage?: (page: Page) => void;
}

/** Loads the default pack plus the config's folders and applies the config's rule settings. */
export async function loadActiveRules(config: Config): Promise<ActiveRule[]> {
  const rules = await loadRuleFiles([DEFAULT_RULES_DIR, ...config.ruleFolders]);
  return applyRuleSettings(rules, config);
}

function sources(config: Config): AsyncIterable<Page>[] {
  const classify = typeClassifier(config.documentTypes);
  const list: AsyncIterable<Page>[] = [];
  if (config.markdown) list.push(crawlMarkdown(config.markdown, classify));
  if (!list.length) {
    throw new HandbookLintError('USAGE', 'No source configured: set `sources.markdown.root` in the config, or pass a folder.');
  }
  return list;
}

/** The pipeline: config -> rules -> sources (crawl) -> pages -> rules -> findings -> report data. */
export async function run(config: Config, options: RunOptions): Promise<LintResult> {
  const rules = await loadActiveRules(config);
  const findings: Finding[] = [];
  const unreadable: LintResult['unreadable'] = [];
  let pages = 0;
  for (const source of sources(config)) {
    for await (const page of source) {
      pages++;
      options.onPage?.(page);
      if (page.unreadable) unreadable.push({ key: page.key, path: page.path, reason: page.unreadable.reason });
      findings.push(...lintPage(page, rules, { now: options.now }, config.overrides));
    }
  }
  findings.sort(compareFindings);
  return {
    summary: summarize(findings, pages, unreadable.length),
    findings,
    unreadable,
    rules: rules.map((rule) => ({
      id: rule.id,
      level: rule.configuredLevel,
      description: rule.description,
      ...(rule.fix ? { fix: rule.fix } : {}),
      url: rule.link ?? ruleDocsUrl(rule.id),
    })),
  };
}
