import { relative, sep } from 'node:path';
import { HandbookLintError } from '../errors.js';
import type { LintResult } from '../model/result.js';
import type { Target, WriteAction, WritebackOutcome } from '../model/writeback.js';
import { firstLineOf } from '../own-file.js';
import type { Connection } from '../platforms/platform.js';
import { PLATFORMS, type PlatformId, WIKI_IDS } from '../platforms/registry.js';
import type { SitePage } from '../site.js';
import type { State } from '../state.js';
import { plural } from '../words.js';
import { carryOut, planComments, taskKind } from './comments.js';
import type { WritebackConfig } from './config.js';
import { findingsFileHeading, renderFindingsPage } from './content.js';
import { DEFAULT_FINDINGS_TITLE } from './findings-title.js';

export { writtenBeforeStop } from './plan.js';

import type { CommentApi, FindingsPageWriter, Platform } from './types.js';

/** What write-back reads of the config: its own part, the Markdown root its file may sit in, and which wikis are read. */
export interface WritebackStageConfig {
  writeback: WritebackConfig;
  markdown?: { root: string };
  /** The wikis the run reads: only their pages get comments. */
  wikis: readonly PlatformId[];
  /** The run's connection to a platform (made when first asked for). */
  connection(id: PlatformId): Promise<Connection>;
}

/** What the write-back stage needs to know about the run besides the result. */
export interface WritebackRun {
  now: Date;
  dryRun: boolean;
  /** Keys of the pages this run read; only they can be "resolved", and comments on pages gone are forgotten. */
  readable: ReadonlySet<string>;
  /** Where the writes are recorded as they are made (the outcome's actions), for a stop halfway. */
  actions?: WriteAction[];
}

/**
 * Whether a page is one this tool wrote (a findings page): crawled like any page so links to it
 * resolve, but never linted, counted or commented on. Known by the id in the ledger; by parent and
 * title only while the ledger records no page there (a first run, or one that lost it), so it does not
 * lint its own report. A person's page of that title beside a recorded one is theirs and is judged:
 * taken for ours, its findings were called fixed the night it was retitled.
 */
export function ownPages(
  config: Pick<WritebackStageConfig, 'writeback' | 'markdown'>,
  state: State,
): (page: Pick<SitePage, 'key' | 'title' | 'parent'>) => boolean {
  const keys = new Set<string>();
  const wikiTargets = WIKI_IDS.flatMap((id) => {
    const target = config.writeback[id] as { title: string; parentPage?: string } | undefined;
    const recorded = state.writeback.pages[id as Target]?.id;
    if (recorded) keys.add(`${id}:${recorded}`);
    return target && !recorded ? [{ id, ...target }] : [];
  });
  const root = config.markdown?.root;
  const file = config.writeback.markdown?.path;
  if (root && file && findingsFileOurs(file, state)) {
    const inside = relative(root, file);
    if (!inside.startsWith('..')) keys.add(`markdown:${inside.split(sep).join('/')}`);
  }
  return (page) =>
    keys.has(page.key) ||
    wikiTargets.some(
      (t) =>
        page.key.startsWith(`${t.id}:`) &&
        page.title === t.title &&
        (t.parentPage === undefined || page.parent === `${t.id}:${t.parentPage}`),
    );
}

/**
 * Whether the Markdown findings file at `file` is ours, as its writer judges it: the ledger names it, or
 * it opens with the findings page's heading. A person's page at that path is theirs, and is judged.
 */
function findingsFileOurs(file: string, state: State): boolean {
  const heading = findingsFileHeading(DEFAULT_FINDINGS_TITLE);
  return state.writeback.pages.markdown?.id === file || firstLineOf(file) === heading;
}

/** Each configured findings page's writer, from its platform's connection. */
async function writersFor(
  config: WritebackStageConfig,
): Promise<{ writer: FindingsPageWriter; title: string }[]> {
  const list: { writer: FindingsPageWriter; title: string }[] = [];
  for (const { id } of PLATFORMS) {
    const target = config.writeback[id] as { title?: string } | undefined;
    const connection = target && (await config.connection(id));
    const writer = connection?.findingsPage?.(target);
    if (writer) list.push({ writer, title: target?.title ?? DEFAULT_FINDINGS_TITLE });
  }
  return list;
}

async function commentApis(config: WritebackStageConfig): Promise<Map<Platform, CommentApi>> {
  const apis = new Map<Platform, CommentApi>();
  if (!config.writeback.comments.enabled) return apis;
  for (const id of config.wikis) {
    const api = (await config.connection(id)).comments?.();
    if (api) apis.set(api.platform, api);
  }
  return apis;
}

const pageOwn = (error: unknown) =>
  error instanceof HandbookLintError && error.code === 'WRITEBACK_PAGE_FAILED';
const noAnswer = (error: unknown) =>
  error instanceof HandbookLintError && error.code === 'WRITEBACK_PAGE_UNANSWERED';

/**
 * Pages in a row whose comment got no answer (its list read or its comment written: timeouts, dropped
 * connections, each after its retries) before a wiki's comments stop for the run. One or two are a slow page or a flaky gateway,
 * and the pages after them answer; three in a row, each already retried, is a wiki that is down,
 * and waiting on every page left (up to the cap) would cost minutes each for nothing. At the
 * defaults (30 s, 4 attempts) the three cost some six minutes.
 */
export const MAX_UNANSWERED_IN_A_ROW = 3;

// A write-back failure (permission, a page refused) is reported and the rest goes on; anything else is a bug or an outage.
function problem(error: unknown): string {
  if (
    error instanceof HandbookLintError &&
    (error.code === 'WRITEBACK_FAILED' || pageOwn(error) || noAnswer(error))
  )
    return error.message;
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
  const outcome: WritebackOutcome = {
    dryRun: run.dryRun,
    actions: run.actions ?? [],
    deferred: [],
    problems: [],
  };
  const apis = await commentApis(config);
  const settings = config.writeback.comments;
  const plan = planComments(result.findings, state, settings, {
    now: run.now,
    platforms: new Set(apis.keys()),
    readable: run.readable,
  });
  outcome.deferred = plan.deferred;

  const published: Partial<Record<Target, { title: string; url: string }>> = {};
  for (const { writer, title } of await writersFor(config)) {
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
      // Comments are useful alone: they go on, but never point at a page this run did not write.
      const unlinked = apis.has(writer.target as Platform)
        ? ' Comments there do not link to it this run.'
        : '';
      outcome.problems.push(`${problem(error)}${unlinked}`);
      outcome.unwritten = [...(outcome.unwritten ?? []), { target: writer.target, title }];
    }
  }

  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const blocked = new Set<Platform>();
  // Pages without an answer since the platform last answered: evidence of an outage, not one page's fault.
  const silent = new Map<Platform, string[]>();
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
      silent.delete(task.platform);
    } catch (error) {
      const unanswered = noAnswer(error) ? [...(silent.get(task.platform) ?? []), task.page.title] : [];
      if (unanswered.length >= MAX_UNANSWERED_IN_A_ROW) {
        outcome.problems.push(
          `${problem(error)} The comments of ${unanswered.length} pages in a row got no answer (${unanswered.map((t) => `"${t}"`).join(', ')}): no more comments were written there this run.`,
        );
        blocked.add(task.platform);
        continue;
      }
      if (unanswered.length) silent.set(task.platform, unanswered);
      else silent.delete(task.platform);
      // One page's own answer (a 404, a list cut short) or a page without one is that page's: it waits, with a line, and the rest go on.
      if (pageOwn(error) || unanswered.length) {
        outcome.problems.push(
          `${problem(error)} The comment on "${task.page.title}" was skipped this run; the other pages' comments went on.`,
        );
        continue;
      }
      // A refusal or an outage would repeat on every page: report it once and stop commenting there.
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
