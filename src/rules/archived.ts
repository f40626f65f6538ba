import { archiveNotice } from '../site-archive.js';
import type { PathOverride } from './engine.js';
import type { ActiveRule } from './load.js';

/**
 * The run's rules when the Markdown handbook's front page says the handbook is kept unchanged (archived, a
 * history of the company at the time): the rules that pass over pages nobody maintains (stale-page, and
 * page-owner by its `skip-unmaintained`) pass over every page of that handbook, as its maintainers would add
 * no owner and review nothing. The notice speaks for the Markdown source only: a Notion or Confluence source
 * linted in the same run is another handbook, whose pages keep the rules. A rule the config's `overrides` set
 * a level for is left as the config says (the overrides win): the run's notice names only what it turns off.
 * The run says so once in its notices, naming the page and its words, rather than leaving the rules out silently.
 */
export function offWhenArchived(
  rules: ActiveRule[],
  markdown: { root: string; maxPageBytes?: number },
  notices: string[],
  overrides: readonly PathOverride[] = [],
): ActiveRule[] {
  const notice = archiveNotice(markdown.root, markdown.maxPageBytes);
  if (!notice) return rules;
  const overridden = (rule: ActiveRule) =>
    overrides.some((override) => (override.rules[rule.id] ?? 'off') !== 'off');
  const off = new Set(
    rules.filter((rule) => rule.configuredLevel !== 'off' && skipsUnmaintained(rule) && !overridden(rule)),
  );
  if (off.size === 0) return rules;
  const ids = [...off].map((rule) => rule.id);
  notices.push(
    `${notice.file} says the handbook is kept unchanged ("${notice.quote}"): ${ids.length > 1 ? `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}` : ids[0]} ${ids.length > 1 ? 'are' : 'is'} off for its pages.`,
  );
  // Off for the Markdown source's pages: the rule excludes them, and runs on the other sources' pages.
  return rules.map((rule) =>
    off.has(rule)
      ? { ...rule, excludes: { ...rule.excludes, sources: [...(rule.excludes.sources ?? []), 'markdown'] } }
      : rule,
  );
}

/** Whether a rule passes over pages that are no maintained document (stub.ts): the stale check always does. */
function skipsUnmaintained(rule: ActiveRule): boolean {
  const options = rule.options as Record<string, unknown> | undefined;
  return rule.kind.name === 'stale' || options?.['skip-unmaintained'] === true;
}
