import { relative, sep } from 'node:path';
import { HandbookLintError } from '../errors.js';
import type { LintResult } from '../model/result.js';
import type { Target, WritebackOutcome } from '../model/writeback.js';
import { ConfluenceApi, confluenceCredentials } from '../platforms/confluence/api.js';
import { ConfluenceComments } from '../platforms/confluence/comments.js';
import type { ConfluenceSourceConfig } from '../platforms/confluence/config.js';
import { ConfluenceFindingsPage } from '../platforms/confluence/findings-page.js';
import { MarkdownFileWriter } from '../platforms/markdown/findings-file.js';
import { NotionApi, notionToken } from '../platforms/notion/api.js';
import type { NotionSourceConfig } from '../platforms/notion/config.js';
import { NotionComments, NotionFindingsPage } from '../platforms/notion/writeback.js';
import type { SitePage } from '../site.js';
import type { State } from '../state.js';
import { plural } from '../words.js';
import { carryOut, planComments, taskKind } from './comments.js';
import { DEFAULT_FINDINGS_TITLE, type WritebackConfig } from './config.js';
import { renderFindingsPage } from './content.js';
import type { CommentApi, FindingsPageWriter, Platform } from './types.js';

/** What write-back reads of the config: its own part, and the sources whose clients and folder it writes with. */
export interface WritebackStageConfig {
  writeback: WritebackConfig;
  markdown?: { root: string };
  notion?: NotionSourceConfig;
  confluence?: ConfluenceSourceConfig;
}

/** What the write-back stage needs to know about the run besides the result. */
export interface WritebackRun {
  now: Date;
  dryRun: boolean;
  /** Keys of the pages this run read; only they can be "resolved", and comments on pages gone are forgotten. */
  readable: ReadonlySet<string>;
}

/**
 * Whether a page is one this tool wrote (a findings page): crawled like any page so links to it
 * resolve, but never linted, counted or commented on. Known by the id in the ledger, and by parent
 * and title too, so a run that lost its ledger does not lint its own report.
 */
export function ownPages(
  config: WritebackStageConfig,
  state: State,
): (page: Pick<SitePage, 'key' | 'title' | 'parent'>) => boolean {
  const keys = new Set<string>();
  const pages = state.writeback.pages;
  if (pages.notion?.id) keys.add(`notion:${pages.notion.id}`);
  if (pages.confluence?.id) keys.add(`confluence:${pages.confluence.id}`);
  const root = config.markdown?.root;
  const file = config.writeback.markdown?.path;
  if (root && file) {
    const inside = relative(root, file);
    if (!inside.startsWith('..')) keys.add(`markdown:${inside.split(sep).join('/')}`);
  }
  const { notion, confluence } = config.writeback;
  return (page) =>
    keys.has(page.key) ||
    (notion !== undefined && page.parent === `notion:${notion.parentPage}` && page.title === notion.title) ||
    (confluence !== undefined &&
      page.key.startsWith('confluence:') &&
      page.title === confluence.title &&
      (confluence.parentPage === undefined || page.parent === `confluence:${confluence.parentPage}`));
}

/** Clients are built once per run and only for the platforms write-back uses (the crawl's are gone by now). */
function clients() {
  let notion: NotionApi | undefined;
  let confluence: ConfluenceApi | undefined;
  return {
    notion: (settings: NotionSourceConfig) => (notion ??= new NotionApi(settings, notionToken(settings))),
    confluence: (settings: ConfluenceSourceConfig) =>
      (confluence ??= new ConfluenceApi(settings, confluenceCredentials(settings))),
  };
}

function writersFor(
  config: WritebackStageConfig,
  api: ReturnType<typeof clients>,
): { writer: FindingsPageWriter; title: string }[] {
  const wb = config.writeback;
  const list: { writer: FindingsPageWriter; title: string }[] = [];
  if (wb.markdown)
    list.push({ writer: new MarkdownFileWriter(wb.markdown.path), title: DEFAULT_FINDINGS_TITLE });
  if (wb.notion && config.notion) {
    list.push({
      writer: new NotionFindingsPage(api.notion(config.notion), wb.notion),
      title: wb.notion.title,
    });
  }
  if (wb.confluence && config.confluence) {
    const settings = { siteUrl: config.confluence.siteUrl, ...wb.confluence };
    list.push({
      writer: new ConfluenceFindingsPage(api.confluence(config.confluence), settings),
      title: wb.confluence.title,
    });
  }
  return list;
}

function commentApis(
  config: WritebackStageConfig,
  api: ReturnType<typeof clients>,
): Map<Platform, CommentApi> {
  const apis = new Map<Platform, CommentApi>();
  if (!config.writeback.comments.enabled) return apis;
  if (config.notion) apis.set('notion', new NotionComments(api.notion(config.notion)));
  if (config.confluence) apis.set('confluence', new ConfluenceComments(api.confluence(config.confluence)));
  return apis;
}

// A write-back failure (permission, a page refused) is reported and the rest goes on; anything else is a bug or an outage.
function problem(error: unknown): string {
  if (error instanceof HandbookLintError && error.code === 'WRITEBACK_FAILED') return error.message;
  throw error;
}

/**
 * The write-back stage: plans the comments (so pages over the cap show on the findings page),
 * publishes each findings page, then writes the comments, which link to their platform's findings
 * page. Records what it wrote in the ledger; in a dry run it reads but writes nothing, ledger included.
 */
export async function writeBack(
  config: WritebackStageConfig,
  result: LintResult,
  state: State,
  run: WritebackRun,
): Promise<WritebackOutcome> {
  const api = clients();
  const outcome: WritebackOutcome = { dryRun: run.dryRun, actions: [], deferred: [], problems: [] };
  const apis = commentApis(config, api);
  const settings = config.writeback.comments;
  const plan = planComments(result.findings, state, settings, {
    now: run.now,
    platforms: new Set(apis.keys()),
    readable: run.readable,
  });
  outcome.deferred = plan.deferred;

  const published: Partial<Record<Target, { title: string; url: string }>> = {};
  for (const { writer, title } of writersFor(config, api)) {
    try {
      const body = renderFindingsPage(
        writer.target,
        { ...result, writeback: outcome },
        {
          title,
          ...(config.writeback.markdown ? { file: config.writeback.markdown.path } : {}),
          ...(config.markdown ? { markdownRoot: config.markdown.root } : {}),
        },
      );
      const res = await writer.publish(body, state.writeback.pages[writer.target], run.dryRun);
      if (res.action) outcome.actions.push(res.action);
      if (!run.dryRun) state.writeback.pages[writer.target] = res.page;
      published[writer.target] = { title, url: res.page.url };
    } catch (error) {
      outcome.problems.push(problem(error));
    }
  }

  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const blocked = new Set<Platform>();
  for (const task of plan.tasks) {
    const detail = task.findings.length ? plural(task.findings.length, 'finding') : 'all fixed';
    const action = {
      target: task.platform,
      kind: taskKind(task),
      page: { title: task.page.title, url: task.page.url },
      detail,
    };
    const commenter = apis.get(task.platform);
    if (!commenter || blocked.has(task.platform)) continue;
    if (run.dryRun) {
      outcome.actions.push(action);
      continue;
    }
    try {
      const findingsPage = published[task.platform];
      const { posted, wrote } = await carryOut(commenter, task, {
        rules,
        now: run.now,
        ...(findingsPage ? { findingsPage } : {}),
      });
      state.writeback.comments[task.page.key] = posted;
      if (wrote) outcome.actions.push(action);
    } catch (error) {
      // One permission problem would repeat on every page: report it once and stop commenting there.
      outcome.problems.push(problem(error));
      blocked.add(task.platform);
    }
  }
  if (!run.dryRun) forgetGonePages(state, apis, run.readable, new Set(result.unreadable.map((u) => u.key)));
  return outcome;
}

/** Comments on pages that no longer exist (neither read nor unreadable this run) leave the ledger. */
function forgetGonePages(
  state: State,
  apis: ReadonlyMap<Platform, CommentApi>,
  readable: ReadonlySet<string>,
  unreadable: ReadonlySet<string>,
): void {
  for (const key of Object.keys(state.writeback.comments)) {
    const platform = key.slice(0, key.indexOf(':')) as Platform;
    if (apis.has(platform) && !readable.has(key) && !unreadable.has(key))
      delete state.writeback.comments[key];
  }
}
