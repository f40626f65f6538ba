import { computeCoverage } from './coverage.js';
import { HandbookLintError } from './errors.js';
import {
  compareWithLedger,
  dropFixed,
  implausibleListing,
  ledgerSources,
  recordRun,
  refusal,
  stampSources,
} from './history.js';
import { onInterrupt } from './interrupt.js';
import { keepFetched } from './keep-fetched.js';
import { ListingCheck } from './listing-check.js';
import { acquireLock } from './lock.js';
import { compareFindings } from './model/compare.js';
import type { Config } from './model/config.js';
import type { Finding } from './model/finding.js';
import { type Notice, noticesOf } from './model/notice.js';
import type { Page } from './model/page.js';
import { type LintResult, summarize } from './model/result.js';
import type { WriteAction } from './model/writeback.js';
import type { TypeClassifier } from './normalize/doc-type.js';
import { ownerAbove } from './owner-above.js';
import { pagesPerOwner, resolveOwners, withOwners } from './owners.js';
import { pagesOf, passPages } from './parallel/pool.js';
import { type Connection, type Crawl, crawlOptions, thenNotices } from './platforms/platform.js';
import {
  configuredPlatforms,
  configuredWikis,
  connections,
  headingAnchors,
  PLATFORMS,
  type PlatformId,
  WIKI_IDS,
} from './platforms/registry.js';
import { countPages, type ProgressReporter } from './progress.js';
import { pushAll } from './push-all.js';
import { locateFindings } from './report/location.js';
import { judgedBy, lintSitePage, ruleInfo } from './rules/engine.js';
import { FolderTemplates } from './rules/folder-template.js';
import type { ActiveRule } from './rules/load.js';
import type { PagePass } from './rules/page-pass.js';
import { loadActiveRules } from './rules/settings.js';
import { NO_SUPPRESSIONS, type Suppressions } from './rules/suppress.js';
import { unmatchedPaths } from './rules/unmatched-paths.js';
import { Site, type SitePage } from './site.js';
import { siteOptions } from './site-options.js';
import { withSiteTypes } from './site-types.js';
import { loadState, type State, saveState, sourceState } from './state.js';
import { acceptFindings } from './suppressions.js';
import type { Stage } from './timings.js';
import { writesBack } from './writeback/config.js';

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
  return Boolean(configuredWikis(config).length || config.keepHistory || writesBack(config.writeback));
}

type CrawlSettings = Pick<RunOptions, 'full' | 'onProgress'> & { check?: ListingCheck };

/** Each configured platform's crawl, in registry order, through the ledger's page cache; a platform's code is loaded only when configured. */
async function crawls(
  config: Config,
  connection: (id: PlatformId) => Promise<Connection>,
  options: CrawlSettings,
  state: State | undefined,
  platforms = configuredPlatforms(config),
): Promise<Crawl[]> {
  const list: Crawl[] = [];
  for (const id of platforms) {
    const cache = state && WIKI_IDS.includes(id) ? sourceState(state, id) : undefined;
    const run = { ...crawlOptions(options), ...(cache ? { cache } : {}) };
    list.push(await (await connection(id)).crawl(run));
  }
  return list;
}

/** The configured wikis' pages, whole, converted in this thread; shared with `handbook-lint sync`, so both crawl alike. */
export async function crawlWikis(
  config: Config,
  classify: TypeClassifier,
  options: CrawlSettings,
  state?: State,
): Promise<AsyncIterable<Page>[]> {
  const wikis = await crawls(config, connections(config), options, state, configuredWikis(config));
  return wikis.map((crawl) => pagesOf(crawl, classify));
}

/** Every configured platform's pages, converted and linted as the crawls deliver them (see parallel/pool.ts). */
async function passes(
  config: Config,
  rules: readonly ActiveRule[],
  site: Site,
  options: RunOptions & CrawlSettings & { connection: (id: PlatformId) => Promise<Connection> },
  tell: (notice: string) => void,
  state?: State,
): Promise<AsyncIterable<PagePass>[]> {
  const list = await crawls(config, options.connection, options, state);
  if (!list.length) {
    throw new HandbookLintError(
      'USAGE',
      `No source configured: set ${PLATFORMS.map((p) => `\`sources.${p.id}\``).join(', ')} in the config, or pass a folder.`,
    );
  }
  const pool = { config, rules, now: options.now, ...(options.onPage ? { onPage: options.onPage } : {}) };
  return list.map((crawl) => {
    for (const asset of crawl.assets ?? []) site.addAsset(asset, crawl.aliases?.get(asset));
    const pages =
      crawl.total === undefined
        ? passPages(crawl, pool)
        : countPages(passPages(crawl, pool), crawl.total, options.onProgress);
    return thenNotices(pages, crawl, tell);
  });
}

/**
 * Config -> rules -> sources (crawl) -> pages -> site (link graph) -> rules -> findings -> coverage.
 * Page rules run as pages stream in; only a slim copy of each page stays for the site rules. The
 * tool's own findings pages, and the folder indexes a run on some pages reads for what those inherit,
 * are crawled but never judged or counted, and their own links stay out of the link graph.
 */
async function lint(
  config: Config,
  options: RunOptions &
    CrawlSettings & {
      connection: (id: PlatformId) => Promise<Connection>;
      /** Whether a page is one this tool wrote (runs with a ledger only). */
      own?: (page: Pick<SitePage, 'key' | 'title' | 'parent'>) => boolean;
    },
  state: State | undefined,
) {
  const own = options.own ?? ((page: { key: string }) => config.contextPages?.includes(page.key) === true);
  const ruleNotices: string[] = [];
  const rules = await loadActiveRules(config, ruleNotices);
  const notices: Notice[] = noticesOf('rules', ruleNotices);
  const site = new Site(siteOptions(config, (message) => notices.push({ code: 'site', message })));
  const pageFindings: Finding[] = [];
  const unreadable: LintResult['unreadable'] = [];
  const suppressions = new Map<string, Suppressions>();
  const templates = new FolderTemplates(config.documentTypes);
  const tell = (message: string) => notices.push({ code: 'crawl', message });
  for (const source of await passes(withSiteTypes(config), rules, site, options, tell, state)) {
    for await (const pass of source) {
      const page = pass.page;
      if (page.unreadable && !config.contextPages?.includes(page.key))
        unreadable.push({ key: page.key, path: page.path, reason: page.unreadable.reason });
      if (pass.suppressions.directives.length) suppressions.set(page.key, pass.suppressions);
      if (!own(page)) {
        // One by one: a page of 150,000 findings overflows a call's arguments (exit 70).
        for (const finding of pass.findings) pageFindings.push(finding);
        templates.add(page, pass.templates);
      }
      // Our findings page links to every page it lists: in the graph it would un-orphan them.
      site.add(own(page) ? { ...page, links: [] } : page);
    }
  }
  options.onStage?.('crawl');
  // A record of no known template is judged by the one its folder follows, known only now.
  const findings = templates.judge(pageFindings, rules);
  site.build();
  options.onStage?.('site');
  let pages = 0;
  const readable = new Set<string>();
  const wikiPages = new Map<string, number>(configuredWikis(config).map((source) => [source, 0]));
  for (const page of site.all()) {
    if (own(page)) continue;
    pages++;
    const source = page.key.slice(0, page.key.indexOf(':'));
    const count = wikiPages.get(source);
    if (count !== undefined) wikiPages.set(source, count + 1);
    if (!page.unreadable) readable.add(page.key);
    const pageSuppressions = suppressions.get(page.key) ?? NO_SUPPRESSIONS;
    const context = { now: options.now, site };
    // One by one: a page of 150,000 broken links has as many findings, more than a call takes.
    pushAll(findings, lintSitePage(page, rules, context, config.overrides, pageSuppressions));
  }
  if (!config.somePages)
    pushAll(notices, noticesOf('paths', unmatchedPaths(config, site.all(), site.files())));
  // Owners need the whole site (parents, folder indexes), so findings learn theirs only now.
  const root = config.markdown?.root;
  const owners = resolveOwners(site.all(), config.owners, root === undefined ? undefined : ownerAbove(root));
  const owned = withOwners(findings, owners, rules, (key) => site.page(key)?.updatedAt);
  owned.sort(compareFindings);
  options.onStage?.('rules');
  const located = await locateFindings(
    owned,
    (key) => site.page(key),
    await headingAnchors(config, options.connection),
  );
  const accepted = await acceptFindings(located, config, { ...options, readable });
  pushAll(notices, noticesOf('suppressions', accepted.notices));
  const judged = [...site.all()].filter((page) => !own(page));
  const judging = judgedBy(rules, config.overrides);
  // Coverage sees the handbook as it is: the baseline hides findings from reports, not from health.
  const coverage = computeCoverage(judged, accepted.beforeBaseline, config.coverage, judging);
  options.onStage?.('coverage');
  const result: LintResult = {
    coverage,
    summary: summarize(accepted.kept, pages, unreadable.length),
    findings: accepted.kept,
    unreadable,
    accepted: { suppressed: accepted.suppressed, baselined: accepted.baselined },
    ...(notices.length ? { notices } : {}),
    rules: rules.map(ruleInfo),
    owners: pagesPerOwner(owners.values()),
  };
  return { result, readable, accepted: accepted.fingerprints, wikiPages };
}

/**
 * The pipeline: lint (findings + coverage), then, for runs that keep a ledger: compare with it
 * (new / open / fixed, trends), write back (findings pages, comments), record the run and save the
 * ledger atomically. The state file's lock is held throughout, so overlapping runs never both write.
 */
export async function run(config: Config, options: RunOptions): Promise<LintResult> {
  const connection = connections(config);
  if (!keepsLedger(config)) return (await lint(config, { ...options, connection }, undefined)).result;
  const dryRun = (options.dryRun || options.forBaseline) ?? false;
  // A dry run writes nothing, so it takes no lock: it reads the ledger as the last run left it.
  const lock = dryRun ? undefined : await acquireLock(config.statePath, { waitMs: options.waitLockMs ?? 0 });
  try {
    const state = await loadState(config.statePath);
    const before = ledgerSources(state, configuredWikis(config));
    const check = new ListingCheck();
    // Write-back's code is loaded only by runs that keep a ledger: a plain lint never needs it.
    const { ownPages, writeBack, writtenBeforeStop } = await import('./writeback/stage.js');
    const own = ownPages(config, state);
    // Stopped or failed from here on, the run keeps the pages it fetched (never the ledger).
    const keep = dryRun ? undefined : keepFetched(config.statePath, state, check);
    const linting = lint(config, { ...options, check, connection, own }, state);
    const linted = await (keep ? keep.guard(linting) : linting);
    const { readable, accepted, wikiPages } = linted;
    const history = compareWithLedger(linted.result, state, { accepted, now: options.now });
    const result: LintResult = { ...linted.result, history };
    if (options.forBaseline) return result;
    const problems = options.acceptShrink
      ? []
      : implausibleListing(before, wikiPages, check, config.maxShrink);
    if (problems.length) {
      // The run reports what it saw, but a listing that cannot be trusted never says what is gone:
      // nothing is marked fixed, no page or comment is written, the ledger stays as it was.
      dropFixed(history);
      keep?.forget();
      const refused: Notice = {
        code: 'listing',
        message: refusal(problems, { command: 'run', dryRun, wikis: configuredWikis(config) }),
      };
      return { ...result, implausible: problems, notices: [...(result.notices ?? []), refused] };
    }
    stampSources(state, wikiPages, check.identities);
    // Stopped before the ledger is saved, the run names the writes it made: the wiki holds them.
    const actions: WriteAction[] = [];
    const forget = onInterrupt(() => (dryRun ? undefined : writtenBeforeStop(actions)));
    try {
      const stage = { ...config, wikis: configuredWikis(config), connection };
      const run = { now: options.now, dryRun, readable, actions };
      const writeback = await writeBack(stage, result, state, run);
      options.onStage?.('writeback');
      const notices = [...(result.notices ?? []), ...noticesOf('write-back', writeback.problems)];
      const written: LintResult = { ...result, writeback, ...(notices.length ? { notices } : {}) };
      recordRun(state, written, history, options.now);
      return written;
    } finally {
      keep?.forget();
      // What write-back did is saved even if a later write failed: a created page must never be created twice.
      if (!dryRun) await saveState(config.statePath, state);
      forget();
    }
  } finally {
    await lock?.release();
  }
}
