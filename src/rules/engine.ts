import { type Finding, type FindingPage, findingPageOf, fingerprint } from '../model/finding.js';
import type { Page } from '../model/page.js';
import type { RuleInfo } from '../model/rule-info.js';
import type { Level } from '../model/severity.js';
import type { SitePage } from '../site.js';
import type { CheckContext, Hit, SiteCheckContext } from './check.js';
import type { ActiveRule } from './load.js';
import { matchesExclusion, matchesPaths, matchesSelector, type Selectable } from './select.js';
import { isSuppressed, NO_SUPPRESSIONS, readSuppressions, type Suppressions } from './suppress.js';

/** A rule as the reports describe it. */
export function ruleInfo(rule: ActiveRule): RuleInfo {
  return {
    id: rule.id,
    level: rule.configuredLevel,
    description: rule.description,
    ...(rule.fix ? { fix: rule.fix } : {}),
    ...(rule.docs ? { url: rule.docs } : {}),
  };
}

/** Per-path level overrides from config, applied after the rule's own level. */
export interface PathOverride {
  paths: string[];
  rules: Record<string, Level>;
}

const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;

/** Fills a rule message's `{{placeholders}}` from the hit's data; unknown names stay visible. */
export function renderMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** The rule's level on `page`: its configured one, then the last `overrides` entry whose paths match. */
export function levelFor(rule: ActiveRule, page: Selectable, overrides: readonly PathOverride[]): Level {
  let level = rule.configuredLevel;
  for (const override of overrides) {
    const set = override.rules[rule.id];
    if (set && matchesPaths(page, override.paths)) level = set;
  }
  return level;
}

/** Whether `rule` looks at `page` at all (selectors), before levels and suppressions. */
export function ruleApplies(rule: ActiveRule, page: Selectable): boolean {
  return matchesSelector(page, rule.appliesTo) && !matchesExclusion(page, rule.excludes);
}

/** Whether `rule` judges `page`: it applies there and no override turns it off. */
export function activeOn(rule: ActiveRule, page: Selectable, overrides: readonly PathOverride[]): boolean {
  return ruleApplies(rule, page) && levelFor(rule, page, overrides) !== 'off';
}

/** Whether any of the rules named judges a page: what a metric of those rules measures (coverage/metrics.ts). */
export function judgedBy(rules: readonly ActiveRule[], overrides: readonly PathOverride[]) {
  return (page: Selectable, ids: ReadonlySet<string>) =>
    rules.some((rule) => ids.has(rule.id) && activeOn(rule, page, overrides));
}

function stamp(
  rule: ActiveRule,
  level: Level,
  page: FindingPage,
  hits: readonly Hit[],
  suppressions: Suppressions,
  into: Finding[],
): void {
  if (level === 'off') return;
  const seen = new Map<string, number>();
  for (const hit of hits) {
    if (isSuppressed(suppressions, rule.id, hit.position?.start.line)) continue;
    into.push(toFinding(rule, level, page, hit, seen));
  }
}

/** Runs every applicable page-scope rule on one page and stamps each hit with the rule's identity. */
export function lintPage(
  page: Page,
  rules: readonly ActiveRule[],
  context: CheckContext,
  overrides: readonly PathOverride[] = [],
  suppressions: Suppressions = readSuppressions(page.tree, page.markdown),
): Finding[] {
  const summary = findingPageOf(page);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const kind = rule.kind;
    if ((kind.scope !== undefined && kind.scope !== 'page') || !ruleApplies(rule, page)) continue;
    const level = levelFor(rule, page, overrides);
    if (level !== 'off')
      stamp(rule, level, summary, kind.run(page, rule.options, context), suppressions, findings);
  }
  return findings;
}

/**
 * Runs the site-scope rules (links, orphan) on one page of the built link graph, then the check of
 * the page's inline directives, which needs to know what every other rule's findings used.
 */
export function lintSitePage(
  page: SitePage,
  rules: readonly ActiveRule[],
  context: SiteCheckContext,
  overrides: readonly PathOverride[],
  suppressions: Suppressions,
): Finding[] {
  const summary = findingPageOf(page);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const kind = rule.kind;
    if (kind.scope !== 'site' || !ruleApplies(rule, page)) continue;
    const level = levelFor(rule, page, overrides);
    if (level !== 'off')
      stamp(rule, level, summary, kind.run(page, rule.options, context), suppressions, findings);
  }
  if (!suppressions.directives.length) return findings;
  const directiveRules = rules.filter((rule) => rule.kind.scope === 'directives');
  const directiveContext = {
    suppressions,
    ruleIds: rules.map((rule) => rule.id),
    activeIds: rules.filter((rule) => activeOn(rule, page, overrides)).map((rule) => rule.id),
    unsuppressible: directiveRules.map((rule) => rule.id),
  };
  for (const rule of directiveRules) {
    const kind = rule.kind;
    if (kind.scope !== 'directives' || !ruleApplies(rule, page)) continue;
    const level = levelFor(rule, page, overrides);
    // Its findings are about the directives themselves, so no directive suppresses them.
    if (level !== 'off')
      stamp(rule, level, summary, kind.run(page, rule.options, directiveContext), NO_SUPPRESSIONS, findings);
  }
  return findings;
}

function toFinding(
  rule: ActiveRule,
  severity: Finding['severity'],
  page: FindingPage,
  hit: Hit,
  seen: Map<string, number>,
) {
  // A repeated match (the same placeholder twice) gets its occurrence number, so each stays distinct.
  const count = (seen.get(hit.matched) ?? 0) + 1;
  seen.set(hit.matched, count);
  const matched = count === 1 ? hit.matched : `${hit.matched}#${count}`;
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: renderMessage(rule.message, { title: page.title, ...hit.data }),
    page,
    fingerprint: fingerprint(rule.id, page.key, matched),
    ...(hit.position ? { position: hit.position } : {}),
    ...(hit.excerpt ? { excerpt: hit.excerpt } : {}),
    ...(rule.docs ? { url: rule.docs } : {}),
  };
  return finding;
}
