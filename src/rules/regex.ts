import { RE2JS } from 're2js';

/**
 * A compiled pattern as the checks use it. Patterns from rule and config files run on RE2 (re2js, a
 * pure-JS port): its time is linear in the text, so a pattern like `(a+)+$` cannot hang a run on one
 * line of a page, as a backtracking RegExp does. `exec` and `matchAll` give RegExp-shaped matches
 * (`[0]`, `index` in UTF-16 units).
 */
export interface RuleRegex {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
  /** Every match, left to right; needs no `g` flag and keeps no state between calls. */
  matchAll(text: string): IterableIterator<RegExpExecArray>;
}

const WHY = 'rule patterns run on RE2, a linear-time engine without lookaround or backreferences';

/** Constructs RE2 refuses, named as a rule author writes them, in the order RE2 would meet them. */
const REFUSED: [RegExp, string][] = [
  [/\(\?<[=!]/, 'lookbehind `(?<=` / `(?<!`'],
  [/\(\?[=!]/, 'lookahead `(?=` / `(?!`'],
  [/\\[1-9]|\\k</, 'backreference `\\1` / `\\k<name>`'],
];

function re2Flags(flags: string): number {
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  return bits;
}

/** Patterns written in the project's own rule pack, which may use lookaround (see trustPackPatterns). */
const packPatterns = new Set<string>();

/**
 * Marks every string of a default-pack rule file as a pattern RegExp may run. The pack is written and
 * reviewed here and judged on real handbooks; its negations ("not yet decided") need lookaround, which
 * RE2 lacks. Patterns from users' rule folders and config stay on RE2.
 */
export function trustPackPatterns(data: unknown): void {
  if (typeof data === 'string') packPatterns.add(data);
  else if (Array.isArray(data)) for (const item of data) trustPackPatterns(item);
  else if (data && typeof data === 'object')
    for (const value of Object.values(data)) trustPackPatterns(value);
}

/** Why RE2 cannot run `source` (the construct, for a file:line:col diagnostic), or undefined when it can. */
export function ruleRegexProblem(source: string): string | undefined {
  return packPatterns.has(source) ? undefined : re2Problem(source);
}

/** Why RE2 cannot compile `source`, whoever wrote it. */
export function re2Problem(source: string): string | undefined {
  try {
    RE2JS.compile(source, 0);
    return undefined;
  } catch (error) {
    const construct = REFUSED.find(([syntax]) => syntax.test(source))?.[1];
    if (construct) return `${construct} is not allowed: ${WHY}`;
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    return `not a valid regular expression: ${detail}`;
  }
}

/** Compiles a rule-file pattern for RE2; `flags` as RegExp writes them (i, m, s; g and u are implied). */
export function compileRuleRegex(source: string, flags = ''): RuleRegex {
  return RE2JS.compile(source, re2Flags(flags)) as unknown as RuleRegex;
}

/**
 * A project-written pattern that needs RegExp's lookaround (the placeholder defaults) behind the same
 * interface. Only for patterns in this repository: their bounded repeats keep them linear.
 */
export function nativeRuleRegex(source: string, flags = ''): RuleRegex {
  const once = new RegExp(source, flags.replace('g', ''));
  const all = new RegExp(source, `${flags.replace('g', '')}g`);
  return {
    test: (text) => once.test(text),
    exec: (text) => once.exec(text),
    matchAll: (text) => text.matchAll(all),
  };
}
