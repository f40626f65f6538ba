import type { Config } from './config.js';
import { computeCoverage } from './coverage.js';
import { HandbookLintError } from './errors.js';
import type { Finding } from './model/finding.js';
import type { Page } from './model/page.js';
import { typeClassifier } from './normalize/doc-type.js';
import { passMarkdownInWorkers, workerCount } from './parallel/pool.js';
import type { ProgressReporter } from './progress.js';
import type { LintResult } from './report/result.js';
import { summarize } from './report/summary.js';
import { compareFindings, lintSitePage, ruleDocsUrl } from './rules/engine.js';
import { type ActiveRule, applyRuleSettings, DEFAULT_RULES_DIR, loadRuleFiles } from './rules/load.js';
import { type PagePass, passPage } from './rules/page-pass.js';
import { NO_SUPPRESSIONS, type Suppressions } from './rules/suppress.js';
import { Site } from './site.js';
import { crawlConfluence } from './sources/confluence/crawl.js';
import { markdownTasks, readMarkdownPage, scanMarkdownFolder } from './sources/markdown.js';
import { crawlNotion } from './sources/notion/crawl.js';
import { loadState, type State, saveState, sourceState } from './state.js';

/** What a run needs besides config: the clock (fixed in tests and reproducible runs) and a progress hook. */
export interface RunOptions {
  now: Date;
  /** Sees each full page as it is read in this thread (remote pages; small Markdown folders). */
  onPage?: (page: Page) => void;
  /** Refetch every remote page instead of reusing unchanged ones from the state (`--full`). */
  full?: boolean;
  onProgress?: ProgressReporter;
}

/** Loads the default pack plus the config's folders and applies the config's rule settings. */
export async function loadActiveRules(config: Config): Promise<ActiveRule[]> {
  const rules = await loadRuleFiles([DEFAULT_RULES_DIR, ...config.ruleFolders]);
  return applyRuleSettings(rules, config);
}

async function* passEach(
  pages: AsyncIterable<Page>,
  rules: readonly ActiveRule[],
  config: Config,
  options: RunOptions,
): AsyncIterable<PagePass> {
  for await (const page of pages) {
    options.onPage?.(page);
    yield passPage(page, rules, { now: options.now }, config.overrides);
  }
}

/** A Markdown folder is linted on worker threads when it is large; remote pages arrive at the API's pace. */
async function markdownPasses(
  config: Config,
  markdown: NonNullable<Config['markdown']>,
  rules: readonly ActiveRule[],
  site: Site,
  options: RunOptions,
): Promise<AsyncIterable<PagePass>> {
  const scan = await scanMarkdownFolder(markdown);
  for (const asset of scan.assets) site.addAsset(asset);
  const tasks = await markdownTasks(markdown, scan);
  const workers = workerCount(tasks.length);
  if (workers > 0) return passMarkdownInWorkers(config, tasks, options.now, workers);
  const classify = typeClassifier(config.documentTypes);
  async function* pages(): AsyncIterable<Page> {
    for (const task of tasks) yield await readMarkdownPage(markdown.root, task, classify);
  }
  return passEach(pages(), rules, config, options);
}

async function crawl(
  config: Config,
  rules: readonly ActiveRule[],
  site: Site,
  options: RunOptions,
  state?: State,
): Promise<AsyncIterable<PagePass>[]> {
  const classify = typeClassifier(config.documentTypes);
  const list: AsyncIterable<PagePass>[] = [];
  const remote = (pages: AsyncIterable<Page>) => list.push(passEach(pages, rules, config, options));
  if (config.markdown) list.push(await markdownPasses(config, config.markdown, rules, site, options));
  if (config.notion) {
    const notion = {
      ...config.notion,
      ...(options.full ? { full: true } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    remote(crawlNotion(notion, classify, state && sourceState(state, 'notion')));
  }
  if (config.confluence) {
    const confluence = {
      ...config.confluence,
      ...(options.full ? { full: true } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    remote(crawlConfluence(confluence, classify, state && sourceState(state, 'confluence')));
  }
  if (!list.length) {
    throw new HandbookLintError(
      'USAGE',
      'No source configured: set `sources.markdown.root`, `sources.notion` or `sources.confluence` in the config, or pass a folder.',
    );
  }
  return list;
}

/**
 * The pipeline: config -> rules -> sources (crawl) -> pages -> site (link graph) -> rules -> findings.
 * Page rules run as pages stream in; only a slim copy of each page stays for the site rules.
 */
export async function run(config: Config, options: RunOptions): Promise<LintResult> {
  const rules = await loadActiveRules(config);
  const site = new Site({
    ...(config.markdown?.basePath ? { basePath: config.markdown.basePath } : {}),
    ...(config.markdown?.siteUrl ? { siteUrl: config.markdown.siteUrl } : {}),
  });
  const findings: Finding[] = [];
  const unreadable: LintResult['unreadable'] = [];
  const suppressions = new Map<string, Suppressions>();
  // Only remote sources keep state; a plain folder lint leaves no files behind.
  const state = config.notion || config.confluence ? await loadState(config.statePath) : undefined;
  for (const source of await crawl(config, rules, site, options, state)) {
    for await (const pass of source) {
      const page = pass.page;
      if (page.unreadable)
        unreadable.push({ key: page.key, path: page.path, reason: page.unreadable.reason });
      if (pass.suppressions.ranges.length) suppressions.set(page.key, pass.suppressions);
      findings.push(...pass.findings);
      site.add(page);
    }
  }
  if (state) await saveState(config.statePath, state);
  site.build();
  let pages = 0;
  for (const page of site.all()) {
    pages++;
    const pageSuppressions = suppressions.get(page.key) ?? NO_SUPPRESSIONS;
    findings.push(
      ...lintSitePage(page, rules, { now: options.now, site }, config.overrides, pageSuppressions),
    );
  }
  findings.sort(compareFindings);
  return {
    coverage: computeCoverage(site.all(), findings, config.coverage),
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
