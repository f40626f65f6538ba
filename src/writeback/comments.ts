import { compareText } from '../model/compare.js';
import type { Finding, FindingPage } from '../model/finding.js';
import type { RuleInfo } from '../model/rule-info.js';
import { atLeast, type Severity } from '../model/severity.js';
import type { WriteAction } from '../model/writeback.js';
import type { PostedComment, State } from '../state.js';
import type { CommentContent } from './comment-text.js';
import { fingerprintDigest } from './marker.js';
import type { CommentApi, Platform } from './types.js';

/** `writeback.comments` as the planner needs it. */
export interface CommentSettings {
  level: Severity;
  cap: number;
  cooldownHours: number;
}

/** One comment write to make on one page. */
export interface CommentTask {
  platform: Platform;
  pageId: string;
  page: FindingPage;
  findings: Finding[];
  /** Sorted fingerprints of `findings`. */
  fingerprints: string[];
  previous?: PostedComment;
}

/** What to comment this run, and the pages that wait for the cap or their cooldown. */
export interface CommentPlan {
  tasks: CommentTask[];
  deferred: FindingPage[];
}

const platformOf = (key: string): Platform | undefined =>
  key.startsWith('notion:') ? 'notion' : key.startsWith('confluence:') ? 'confluence' : undefined;

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Decides which pages get a comment write: a page whose findings at or above the level differ
 * from what its comment lists (a new comment, an update or follow-up, or a "resolved" note once
 * none are left). Nothing is written for an unchanged set. A page commented on within the
 * cooldown waits, and at most `cap` writes happen per run (existing threads first, then the pages
 * with the most findings); the rest are deferred to later runs.
 */
export function planComments(
  findings: readonly Finding[],
  state: State,
  settings: CommentSettings,
  context: { now: Date; platforms: ReadonlySet<Platform>; readable: ReadonlySet<string> },
): CommentPlan {
  const byPage = new Map<string, Finding[]>();
  for (const f of findings) {
    const platform = platformOf(f.page.key);
    if (!platform || !context.platforms.has(platform) || !atLeast(f.severity, settings.level)) continue;
    byPage.set(f.page.key, [...(byPage.get(f.page.key) ?? []), f]);
  }
  const candidates: CommentTask[] = [];
  const add = (key: string, page: FindingPage, list: Finding[]) => {
    const platform = platformOf(key) as Platform;
    const previous = state.writeback.comments[key];
    const fingerprints = list.map((f) => f.fingerprint).sort();
    if (previous && same(previous.fingerprints, fingerprints)) return;
    const pageId = key.slice(platform.length + 1);
    candidates.push({
      platform,
      pageId,
      page,
      findings: list,
      fingerprints,
      ...(previous ? { previous } : {}),
    });
  };
  for (const [key, list] of byPage) add(key, (list[0] as Finding).page, list);
  const known = new Map(Object.values(state.findings).map((f) => [f.page.key, f.page]));
  for (const [key, previous] of Object.entries(state.writeback.comments)) {
    const platform = platformOf(key);
    // All fixed on a page this run read: say so once. (Unreadable pages are never "fixed".)
    if (
      platform &&
      context.platforms.has(platform) &&
      !byPage.has(key) &&
      context.readable.has(key) &&
      previous.fingerprints.length
    ) {
      add(key, known.get(key) ?? { key, title: key, url: '', path: key }, []);
    }
  }
  const cooldownMs = settings.cooldownHours * 3_600_000;
  const cooling = (t: CommentTask) =>
    t.previous !== undefined && context.now.getTime() - Date.parse(t.previous.at) < cooldownMs;
  const ready = candidates
    .filter((t) => !cooling(t))
    .sort(
      (a, b) =>
        Number(b.previous !== undefined) - Number(a.previous !== undefined) ||
        b.findings.length - a.findings.length ||
        compareText(a.page.path, b.page.path),
    );
  const tasks = ready.slice(0, settings.cap);
  const waiting = [...candidates.filter(cooling), ...ready.slice(settings.cap)];
  const deferred = waiting.filter((t) => t.findings.length).map((t) => t.page);
  deferred.sort((a, b) => compareText(a.path, b.path));
  return { tasks, deferred };
}

/** The kind of write a task is on its platform. */
export function taskKind(task: CommentTask): WriteAction['kind'] {
  if (!task.previous) return 'comment';
  if (!task.findings.length) return 'resolved note';
  return task.platform === 'confluence' ? 'update comment' : 'follow-up';
}

/** What carrying out a task needs besides the platform's API. */
export interface TaskContext {
  rules: ReadonlyMap<string, RuleInfo>;
  findingsPage?: { title: string; url: string };
  now: Date;
}

/**
 * Writes one task's comment and returns what the ledger keeps for the page. Without a ledger
 * entry, the page's comments are searched for our marker first: a comment listing the same set
 * is adopted without a write, one listing another set is followed up instead of duplicated.
 */
export async function carryOut(
  api: CommentApi,
  task: CommentTask,
  context: TaskContext,
): Promise<{ posted: PostedComment; wrote: boolean }> {
  const at = context.now.toISOString();
  let previous = task.previous;
  if (!previous) {
    const found = await api.find(task.pageId);
    if (found?.digest === fingerprintDigest(task.fingerprints)) {
      const posted = {
        id: found.id,
        ...(found.discussionId ? { discussionId: found.discussionId } : {}),
        fingerprints: task.fingerprints,
        at,
      };
      return { posted, wrote: false };
    }
    if (found)
      previous = {
        id: found.id,
        ...(found.discussionId ? { discussionId: found.discussionId } : {}),
        fingerprints: [],
        at,
      };
  }
  const known = new Set(previous?.fingerprints ?? []);
  const added = task.fingerprints.filter((fp) => !known.has(fp)).length;
  const removed = [...known].filter((fp) => !task.fingerprints.includes(fp)).length;
  const owner = previous ? undefined : await api.owner(task.pageId);
  const content: CommentContent = {
    kind: !previous ? 'comment' : task.findings.length ? 'update' : 'resolved',
    findings: task.findings,
    fingerprints: task.fingerprints,
    rules: context.rules,
    added,
    removed,
    ...(owner ? { owner } : {}),
    ...(context.findingsPage ? { findingsPage: context.findingsPage } : {}),
  };
  const written = previous
    ? await api.follow(previous, task.pageId, content)
    : await api.create(task.pageId, content);
  // Notion's follow-ups are replies: the thread (and the id of its first comment) stays the same.
  const id = api.platform === 'notion' && previous ? previous.id : written.id;
  const discussionId = written.discussionId ?? previous?.discussionId;
  return {
    posted: { id, ...(discussionId ? { discussionId } : {}), fingerprints: task.fingerprints, at },
    wrote: true,
  };
}
