import { z } from 'zod';
import { closest, closestAnyCase } from '../../closest.js';
import type { DirectiveCheckContext, DirectiveCheckKind, Hit } from '../check.js';
import { DIRECTIVE_KINDS, type Directive, isDirectiveKind } from '../directives.js';
import { markdownlintRule } from '../markdownlint-ids.js';
import { valeMeant } from '../vale-directives.js';

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
const EVERY_RULE = ['*', 'all'];

function hit(directive: Directive, problem: string, matched: string): Hit {
  return { matched, position: directive.position, excerpt: directive.text, data: { problem } };
}

/**
 * Words after the last real rule id, two or more, none near a rule id: a reason written without ESLint's
 * ` -- ` (`disable-next-line placeholder because open role`), one finding rather than one per word.
 */
function reasonWords(directive: Directive, context: DirectiveCheckContext): string[] {
  const ids = directive.rules;
  const last = ids.findLastIndex((id) => context.ruleIds.includes(id));
  const words = last < 0 ? [] : ids.slice(last + 1);
  return words.length >= 2 && words.every((id) => !closest(id, context.ruleIds)) ? words : [];
}

/** A directive that names no rule or only real ones, and whose names are not the directive rule's own. */
function namingProblems(directive: Directive, form: string, context: DirectiveCheckContext): Hit[] {
  const hits: Hit[] = [];
  const words = reasonWords(directive, context);
  if (words.length) {
    const problem = `"${words.join(' ')}" names no rule in ${form}: write a reason after " -- " (${form} ${directive.rules.slice(0, -words.length).join(', ')} -- ${words.join(' ')}).`;
    hits.push(hit(directive, problem, `${form}:reason`));
  }
  for (const id of directive.rules.slice(0, directive.rules.length - words.length)) {
    if (context.unsuppressible.includes(id)) {
      const problem = `"${id}" findings cannot be suppressed inline; set the rule's level in the config instead.`;
      hits.push(hit(directive, problem, `${form}:own:${id}`));
    } else if (!context.ruleIds.includes(id)) {
      const near = closestAnyCase(id, context.ruleIds);
      const markdownlint = markdownlintRule(
        id,
        `markdownlint reads it in ${form.replace(/^[^-]+-lint/, 'markdownlint')}`,
      );
      // `*` is how suppressions in the config say every rule; here a directive says it by naming none.
      const suggestion = EVERY_RULE.includes(id.toLowerCase())
        ? ' (name no rule to silence every rule)'
        : markdownlint
          ? `: ${markdownlint}`
          : near
            ? ` (did you mean "${near}"?)`
            : '';
      hits.push(hit(directive, `Unknown rule "${id}" in ${form}${suggestion}.`, `${form}:unknown:${id}`));
    }
  }
  return hits;
}

/**
 * What a well-formed directive did not do: suppress a finding, or end a `disable`. A rule that did not
 * judge this page (off, here or in this run, or not applying to it) had nothing to suppress: not unused.
 */
function unused(directive: Directive, form: string, used: readonly string[], context: DirectiveCheckContext) {
  const named = directive.rules.filter(
    (id) =>
      context.ruleIds.includes(id) &&
      !context.unsuppressible.includes(id) &&
      (directive.kind === 'enable' || context.activeIds.includes(id)),
  );
  // A blanket `disable-file` marks a page nothing should judge (a generated page): not a stale suppression.
  if (!directive.rules.length && directive.kind === 'disable-file') return [];
  if (directive.kind === 'enable') {
    if (!directive.rules.length)
      return used.length
        ? []
        : [hit(directive, `${form} has no handbook-lint-disable to end.`, `${form}:unmatched`)];
    const idle = named.filter((id) => !used.includes(id));
    const problem = `${form} ${quoted(idle)} has no handbook-lint-disable to end.`;
    return idle.length ? [hit(directive, problem, `${form}:unmatched:${idle.join(',')}`)] : [];
  }
  if (!directive.rules.length)
    return used.length ? [] : [hit(directive, `Unused ${form}: no finding to suppress.`, `${form}:unused`)];
  const idle = named.filter((id) => !used.includes(id));
  const pageWide = idle.filter((id) => context.suppressions.pageWide?.includes(id));
  if (pageWide.length && directive.kind !== 'disable-file') {
    const problem = `${form} cannot silence ${quoted(pageWide)}: its findings are about the whole page; use handbook-lint-disable-file.`;
    return [hit(directive, problem, `${form}:unused:${idle.join(',')}`)];
  }
  // Starting its line, a disable-line was most likely meant for the line below, as disable-next-line is;
  // unless text follows it there, which a line opening with `<!--` makes HTML that no rule reads.
  const alone =
    directive.kind !== 'disable-line' || directive.position.start.column !== 1
      ? ''
      : directive.htmlAfter
        ? '; the text after it is HTML to Markdown (a line that starts with <!-- is an HTML block), so nothing there is checked: put the comment at the end of the line'
        : '; it silences its own line only: for the line below, use handbook-lint-disable-next-line';
  const problem = `Unused ${form}: no ${quoted(idle)} finding to suppress${alone}.`;
  return idle.length ? [hit(directive, problem, `${form}:unused:${idle.join(',')}`)] : [];
}

/** Other tools' forms (prettier-ignore, its -start and -end; Vale's off and on) and the form that does their job. */
const OTHER_FORMS: Readonly<Record<string, string>> = {
  ignore: 'disable-next-line',
  'ignore-start': 'disable',
  'ignore-end': 'enable',
  off: 'disable',
  on: 'enable',
};

/**
 * A directive under another name: the tool's misspelled (`handbooklint-disable`), or markdownlint's or
 * ESLint's naming a handbook-lint rule (copied from a neighbouring comment). Neither is applied.
 * markdownlint's own directives, naming its rules or none, are its business: not reported.
 */
function otherTool(directive: Directive, context: DirectiveCheckContext): Hit[] {
  const { tool = '', kind } = directive;
  const form = `${tool}${/^[a-z]/.test(kind) ? '-' : ''}${kind}`;
  const meant = isDirectiveKind(kind) ? `handbook-lint-${kind}` : 'a handbook-lint- directive';
  if (/^handbook/.test(tool))
    return [hit(directive, `${form} is not read: did you mean ${meant}?`, `tool:${form}`)];
  const ours = directive.rules.filter((id) => context.ruleIds.includes(id));
  if (!ours.length) return [];
  if (tool === 'vale') {
    const vale = `${directive.text} names handbook-lint's rule ${quoted(ours)}, but Vale reads it, not handbook-lint: write ${valeMeant(kind, ours.join(', '))}.`;
    return [hit(directive, vale, `tool:vale-${kind}`)];
  }
  const problem = `${form} names handbook-lint's rule ${quoted(ours)}, but ${tool === 'eslint' ? 'ESLint' : tool} reads it, not handbook-lint: write ${meant}.`;
  return [hit(directive, problem, `tool:${form}`)];
}

/**
 * Reports inline directives that cannot do what they say, as ESLint's `--report-unused-disable-directives`
 * does: a misspelled form, an unknown rule id, a directive that suppressed nothing.
 */
export const directivesCheck: DirectiveCheckKind<Record<string, never>> = {
  scope: 'directives',
  name: 'directives',
  values: ['problem'],
  options: z.object({}),
  run(_page, _options, context) {
    const { directives, used } = context.suppressions;
    return directives.flatMap((directive, index) => {
      // A kind that starts with its separator (` disable`) was written without the dash.
      const form = /^[a-z]/.test(directive.kind)
        ? `handbook-lint-${directive.kind}`
        : `handbook-lint${directive.kind}`;
      if (directive.tool) return otherTool(directive, context);
      if (!isDirectiveKind(directive.kind)) {
        const word = directive.kind.replace(/^[^a-z]+/, '');
        const near = Object.hasOwn(OTHER_FORMS, word) ? OTHER_FORMS[word] : closest(word, DIRECTIVE_KINDS);
        const suggestion = near ? ` (did you mean handbook-lint-${near}?)` : '';
        return [hit(directive, `Unknown directive ${form}${suggestion}.`, `form:${directive.kind}`)];
      }
      return [
        ...namingProblems(directive, form, context),
        ...unused(directive, form, used[index] ?? [], context),
      ];
    });
  },
};
