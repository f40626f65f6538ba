import { matchesGlob } from '../glob.js';
import { compareText } from '../model/compare.js';
import { type Finding, type FindingPage, findingPageOf } from '../model/finding.js';
import { compileRuleRegex } from '../rules/regex.js';
import type { SitePage } from '../site.js';
import { isNavigationPage } from '../site-files.js';
import type { TopicConfig } from './schema.js';

/** Whether a topic is documented in one place, and by which page; part of the JSON report. */
export interface TopicCoverage {
  id: string;
  title: string;
  /** covered: a readable page without errors; unhealthy / unreadable: pages exist but none counts. */
  status: 'covered' | 'unhealthy' | 'unreadable' | 'missing';
  /** The covering page, else the best candidate; null when no page matches. */
  page: FindingPage | null;
  /** How many pages match the topic here. */
  matches: number;
  /** The candidate's error findings, when they keep it from counting. */
  errors: { ruleId: string; message: string }[];
  /** The candidate's unreadable reason, when that keeps it from counting. */
  unreadable: string | null;
}

/** A topic with its patterns compiled once per run. */
export interface TopicMatcher {
  id: string;
  title: string;
  siteWide: boolean;
  /** `path` is the page's lowercased path relative to the place the topic is expected in. */
  matches(page: SitePage, path: string): boolean;
}

/** Compiles a topic's match lists; titles and headings are case-insensitive regexes, paths case-insensitive globs. */
export function compileTopic(topic: TopicConfig): TopicMatcher {
  const m = topic.match;
  const titles = (m.titles ?? []).map((t) => compileRuleRegex(t, 'i'));
  const headings = (m.headings ?? []).map((t) => compileRuleRegex(t, 'i'));
  // Wiki breadcrumbs are title case ("Engineering/Onboarding"), so globs ignore case.
  const paths = (m.paths ?? []).map((g) => g.toLowerCase());
  const labels = new Set((m.labels ?? []).map((l) => l.toLowerCase()));
  const types = new Set(m.types ?? []);
  return {
    id: topic.id,
    title: topic.title,
    siteWide: topic['site-wide'],
    matches(page, path) {
      return (
        titles.some((re) => re.test(page.title)) ||
        paths.some((g) => matchesGlob(path, g)) ||
        (page.type !== undefined && types.has(page.type)) ||
        page.labels.some((l) => labels.has(l.toLowerCase())) ||
        page.headings.some((h) => headings.some((re) => re.test(h.text)))
      );
    },
  };
}

const TIERS = ['covered', 'unhealthy', 'unreadable'] as const;

interface Candidate {
  page: SitePage;
  path: string;
  /** Index into TIERS: lower is a better page to name. */
  tier: 0 | 1 | 2;
  errors: readonly Finding[];
}

function depth(path: string): number {
  return path.split('/').length;
}

// Healthy pages first, then the shallowest, an index page before its siblings, then by path:
// the same choice on every run.
function better(a: Candidate, b: Candidate): boolean {
  return (
    (a.tier - b.tier ||
      depth(a.path) - depth(b.path) ||
      Number(isNavigationPage(b.page)) - Number(isNavigationPage(a.page)) ||
      compareText(a.path, b.path) ||
      compareText(a.page.key, b.page.key)) < 0
  );
}

/** Reduces the pages matching one topic in one place to a count and the best page, as pages stream by. */
export class TopicTally {
  private best: Candidate | undefined;
  private count = 0;

  constructor(private readonly topic: TopicMatcher) {}

  /** Counts the page if it matches; `path` as TopicMatcher.matches takes it, `errors` its error findings. */
  offer(page: SitePage, path: string, errors: readonly Finding[]): void {
    if (!this.topic.matches(page, path)) return;
    this.count++;
    const tier = page.unreadable ? 2 : errors.length ? 1 : 0;
    const candidate: Candidate = { page, path, tier, errors };
    if (!this.best || better(candidate, this.best)) this.best = candidate;
  }

  /** The topic's status once every page was offered. */
  result(): TopicCoverage {
    const best = this.best;
    return {
      id: this.topic.id,
      title: this.topic.title,
      status: best ? TIERS[best.tier] : 'missing',
      page: best ? findingPageOf(best.page) : null,
      matches: this.count,
      errors: best?.tier === 1 ? best.errors.map((f) => ({ ruleId: f.ruleId, message: f.message })) : [],
      unreadable: best?.page.unreadable?.reason ?? null,
    };
  }
}
