import { computeCoverage } from './coverage.js';
import { HandbookLintError } from './errors.js';
import {
  compareWithLedger,
  dropFixed,
  implausibleListing,
  ledgerSources,
  recordRun,
  stampSources,
} from './history.js';
import { acquireLock } from './lock.js';
import { compareFindings } from './model/compare.js';
import type { Config } from './model/config.js';
import type { Finding } from './model/finding.js';
import type { Page } from './model/page.js';
import { type LintResult, summarize } from './model/result.js';
import type { TypeClassifier } from './normalize/doc-type.js';
import { resolveOwners, withOwners } from './owners.js';
import { type Crawl, pagesOf, passPages } from './parallel/pool.js';
import { ListingCheck } from './platforms/listing-check.js';
import { markdownCrawl } from './platforms/markdown/folder.js';
import type { NotionApi } from './platforms/notion/api.js';
import { countPages, type ProgressReporter } from './progress.js';
import { locateFindings } from './report/location.js';
import { lintSitePage, ruleDocsUrl } from './rules/engine.js';
import type { ActiveRule } from './rules/load.js';
import type { PagePass } from './rules/page-pass.js';
import { loadActiveRules } from './rules/settings.js';
import { NO_SUPPRESSIONS, type Suppressions } from './rules/suppress.js';
import { Site } from './site.js';
import { siteOptions } from './site-options.js';
import { loadState, type State, saveState, sourceState } from './state.js';
import { acceptFindings } from './suppressions.js';
import type { Stage } from './timings.js';
import { writesBack } from './writeback/config.js';
import { ownPages, writeBack } from './writeback/stage.js';

/** What a run needs besides config: the clock (fixed in tests and reproducible runs) and a progress hook. */
export interface RunOptions {
  now: Date;
  /** Sees each full page; every page is then converted in this thread (tests need them whole). */
  onPage?: (page: Page) => void;
  /** Refetch every remote page instead of reusing unchanged ones from the state (`--full`). */
  full?: boolean;
  onProgress?: ProgressReporter;
  /** Called as each stage ends, for the `--verbose` timings line. */
  onStage?: (stage: Stage) => void;
  /** Plan the write-back and read the ledger, but write nothing: no page, no comment, no state (`--dry-run`). */
  dryRun?: boolean;
  /** How long to wait for another run's lock on the state file (`--wait-lock`); 0 refuses at once. */
  waitLockMs?: number;
  /** A `handbook-lint baseline` run: every finding reported (the old baseline ignored), nothing written back or recorded. */
  forBaseline?: boolean;
  /**
   * Take a listing the plausibility check refuses (it lost pages, search was cut short, the ledger
   * names another wiki) as the truth (`--accept-shrink`): its missing findings count as fixed.
   */
  acceptShrink?: boolean;
}

/**
 * Runs keep a ledger when they crawl a wiki, write back or `state.history` asks; a plain folder
 * lint leaves no files behind.
 */
function keepsLedger(config: Config): boolean {
  return Boolean(config.notion || config.confluence || config.keepHistory || writesBack(config.writeback));
}

type CrawlSettings = Pick<RunOptions, 'full' | 'onProgress'> & {
  check?: ListingCheck;
  notionApi?: NotionApi;
};

function thisRun(options: CrawlSettings) {
  return {
    ...(options.full ? { full: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.check ? { check: options.check } : {}),
  };
}

/** The configured wikis' crawls, fetched through the ledger's page cache; a wiki's code is loaded only when configured. */
async function wikiCrawls(config: Config, options: CrawlSettings, state?: State): Promise<Crawl[]> {
  const crawls: Crawl[] = [];
  if (config.notion) {
    const { crawlNotion } = await import('./platforms/notion/crawl.js');
    const api = options.notionApi ? { api: options.notionApi } : {};
    const cache = state && sourceState(state, 'notion');
    crawls.push({ pages: crawlNotion({ ...config.notion, ...thisRun(options), ...api }, cache) });
  }
  if (config.confluence) {
    const { crawlConfluence } = await import('./platforms/confluence/crawl.js');
    const cache = state && sourceState(state, 'confluence');
    crawls.push(crawlConfluence({ ...config.confluence, ...thisRun(options) }, cache));
  }
  return crawls;
}

/** The configured wikis' pages, whole, converted in this thread; shared with `handbook-lint sync`, so both crawl alike. */
export async function crawlWikis(
  config: Config,
  classify: TypeClassifier,
  options: CrawlSettings,
  state?: State,
): Promise<AsyncIterable<Page>[]> {
  return (await wikiCrawls(config, options, state)).map((crawl) => pagesOf(crawl, classify));
}

/** Every configured source's pages, converted and linted as the crawls deliver them (see parallel/pool.ts). */
async function crawl(
  config: Config,
  rules: readonly ActiveRule[],
  site: Site,
  options: RunOptions & CrawlSettings,
  state?: State,
): Promise<AsyncIterable<PagePass>[]> {
  const crawls = await wikiCrawls(config, options, state);
  if (config.markdown) {
    const folder = await markdownCrawl(config.markdown);
    for (const asset of folder.assets) site.addAsset(asset);
    crawls.unshift(folder);
  }
  if (!crawls.length) {
    throw new HandbookLintError(
      'USAGE',
      'No source configured: set `sources.markdown.root`, `sources.notion` or `sources.confluence` in the config, or pass a folder.',
    );
  }
  const pool = { config, rules, now: options.now, ...(options.onPage ? { onPage: options.onPage } : {}) };
  return crawls.map((each) =>
    each.total === undefined
      ? passPages(each, pool)
      : countPages(passPages(each, pool), each.total, options.onProgress),
  );
}

/**
 * Config -> rules -> sources (crawl) -> pages -> site (link graph) -> rules -> findings -> coverage.
 * Page rules run as pages stream in; only a slim copy of each page stays for the site rules. The
 * tool's own findings pages are crawled (links to them resolve) but never judged or counted, and
 * their own links stay out of the link graph.
 */
async function lint(config: Config, options: RunOptions & CrawlSettings, state: State | undefined) {
  const own = state ? ownPages(config, state) : () => false;
  const rules = await loadActiveRules(config);
  const site = new Site(siteOptions(config));
  const findings: Finding[] = [];
  const unreadable: LintResult['unreadable'] = [];
  const suppressions = new Map<string, Suppressions>();
  // One Notion client for the crawl and the heading reads after it: one budget, one 429 pause.
  const notion = config.notion && (await import('./platforms/notion/api.js'));
  const notionApi =
    notion && config.notion && new notion.NotionApi(config.notion, notion.notionToken(config.notion));
  const crawlOptions = notionApi ? { ...options, notionApi } : options;
  for (const source of await crawl(config, rules, site, crawlOptions, state)) {
    for await (const pass of source) {
      const page = pass.page;
      if (page.unreadable)
        unreadable.push({ key: page.key, path: page.path, reason: page.unreadable.reason });
      if (pass.suppressions.directives.length) suppressions.set(page.key, pass.suppressions);
      if (!own(page)) findings.push(...pass.findings);
      // Our findings page links to every page it lists: in the graph it would un-orphan them.
      site.add(own(page) ? { ...page, links: [] } : page);
    }
  }
  options.onStage?.('crawl');
  site.build();
  options.onStage?.('site');
  let pages = 0;
  const readable = new Set<string>();
  const wikiPages = new Map(wikiSources(config).map((source) => [source, 0]));
  for (const page of site.all()) {
    if (own(page)) continue;
    pages++;
    const source = page.key.slice(0, page.key.indexOf(':'));
    const count = wikiPages.get(source);
    if (count !== undefined) wikiPages.set(source, count + 1);
    if (!page.unreadable) readable.add(page.key);
    const pageSuppressions = suppressions.get(page.key) ?? NO_SUPPRESSIONS;
    findings.push(
      ...lintSitePage(page, rules, { now: options.now, site }, config.overrides, pageSuppressions),
    );
  }
  // Owners need the whole site (parents, folder indexes), so findings learn theirs only now.
  const owners = resolveOwners(site.all(), config.owners);
  const owned = withOwners(findings, owners, rules, (key) => site.page(key)?.updatedAt);
  owned.sort(compareFindings);
  options.onStage?.('rules');
  const headings = notionApi && (await import('./platforms/notion/heading-blocks.js'));
  const notionHeadings =
    notionApi && headings?.headingBlockReader(notionApi, state && sourceState(state, 'notion'));
  const located = await locateFindings(owned, (key) => site.page(key), notionHeadings);
  const accepted = await acceptFindings(located, config, options);
  const judged = [...site.all()].filter((page) => !own(page));
  // Coverage sees the handbook as it is: the baseline hides findings from reports, not from health.
  const coverage = computeCoverage(judged, accepted.beforeBaseline, config.coverage);
  options.onStage?.('coverage');
  const result: LintResult = {
    coverage,
    summary: summarize(accepted.kept, pages, unreadable.length),
    findings: accepted.kept,
    unreadable,
    accepted: { suppressed: accepted.suppressed, baselined: accepted.baselined },
    ...(accepted.notices.length ? { notices: accepted.notices } : {}),
    rules: rules.map((rule) => ({
      id: rule.id,
      level: rule.configuredLevel,
      description: rule.description,
      ...(rule.fix ? { fix: rule.fix } : {}),
      url: rule.link ?? ruleDocsUrl(rule.id),
    })),
  };
  return { result, readable, accepted: accepted.fingerprints, wikiPages };
}

/** The configured wikis, by the source name their page keys and ledger entries carry. */
export function wikiSources(config: Config): string[] {
  return [config.notion ? 'notion' : undefined, config.confluence ? 'confluence' : undefined].filter(
    (source) => source !== undefined,
  );
}

/** Why the run wrote nothing, and how to go on: the notice a refused listing ends with. */
export function refusal(problems: readonly string[], command: 'run' | 'sync' = 'run'): string {
  const kept =
    command === 'run' ? 'Nothing was written back' : 'No file of the mirror was written or deleted';
  return `${problems.join(' ')} ${kept} and the ledger is unchanged, so no finding counts as fixed. Check the integration's access (pages shared with it, spaces it can see); if the pages really are gone, confirm with \`handbook-lint ${command} --accept-shrink\`.`;
}

/**
 * The pipeline: lint (findings + coverage), then, for runs that keep a ledger: compare with it
 * (new / open / fixed, trends), write back (findings pages, comments), record the run and save the
 * ledger atomically. The state file's lock is held throughout, so overlapping runs never both write.
 */
export async function run(config: Config, options: RunOptions): Promise<LintResult> {
  if (!keepsLedger(config)) return (await lint(config, options, undefined)).result;
  const dryRun = (options.dryRun || options.forBaseline) ?? false;
  // A dry run writes nothing, so it takes no lock: it reads the ledger as the last run left it.
  const lock = dryRun ? undefined : await acquireLock(config.statePath, { waitMs: options.waitLockMs ?? 0 });
  try {
    const state = await loadState(config.statePath);
    const before = ledgerSources(state, wikiSources(config));
    const check = new ListingCheck();
    const { result, readable, accepted, wikiPages } = await lint(config, { ...options, check }, state);
    result.history = compareWithLedger(result, state, { accepted, now: options.now });
    if (options.forBaseline) return result;
    const problems = options.acceptShrink
      ? []
      : implausibleListing(before, wikiPages, check, config.maxShrink);
    if (problems.length) {
      // The run reports what it saw, but a listing that cannot be trusted never says what is gone:
      // nothing is marked fixed, no page or comment is written, the ledger stays as it was.
      dropFixed(result.history);
      result.implausible = problems;
      result.notices = [...(result.notices ?? []), refusal(problems)];
      return result;
    }
    stampSources(state, wikiPages, check.identities);
    try {
      result.writeback = await writeBack(config, result, state, { now: options.now, dryRun, readable });
      options.onStage?.('writeback');
      if (result.writeback.problems.length)
        result.notices = [...(result.notices ?? []), ...result.writeback.problems];
      recordRun(state, result, result.history, options.now);
    } finally {
      // What write-back did is saved even if a later write failed: a created page must never be created twice.
      if (!dryRun) await saveState(config.statePath, state);
    }
    return result;
  } finally {
    await lock?.release();
  }
}
