import { z } from 'zod';
import { cleanValue } from '../../normalize/fields.js';
import { startsWithWord, stateInEnglish } from '../../normalize/state-words.js';
import { compileRuleRegex, nativeRuleRegex, type RuleRegex, ruleRegexProblem } from '../regex.js';

const TRUTHY = new Set(['true', 'yes', 'y', 'on', '1']);

/** Normalizes a value for comparison: struck-out words (`~~Proposed~~ Accepted`: history) dropped, emphasis and link syntax stripped, lower case, single spaces. */
export function comparable(value: string): string {
  return cleanValue(value.replace(/~~[^~\n]+~~/g, ' '))
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Re-exported: the checks compare words at a boundary as the normalize stage's state words do. */
export { startsWithWord };

/** A value as compared with an allowed one: hyphens and underscores between words are spaces ("in-progress"). */
function spaced(text: string): string {
  return text.replace(/(?<=\p{L})[-_]+(?=\p{L})/gu, ' ');
}

/**
 * The allowed value a handbook value means, forgivingly: "**Accepted**", "accepted", "✅ Accepted",
 * "Accepted (PR #2897)", "Accepted. Tracking issue: ...", `"accepté"` and "in-progress" all match;
 * "Partially Accepted" is not Accepted.
 */
export function matchAllowed(value: string, allowed: readonly string[]): string | undefined {
  // Emoji around a status word are decoration: "🏗 Draft 🚧" and "✅ Accepted" say Draft and Accepted.
  const bare = comparable(value.replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, ' ')).trim();
  // Quotes kept from a YAML-like `statut: "accepté"` line are not part of the word.
  const text = spaced(stateInEnglish(bare.replace(/^["'“«]\s*|\s*["'”»]$/g, '')));
  // Longest first, so "In review" wins over a shorter allowed value it starts with.
  const sorted = [...allowed].sort((a, b) => b.length - a.length);
  return sorted.find((candidate) => startsWithWord(text, spaced(comparable(candidate))));
}

/** Whether a flag-like field (front matter `evergreen: true`, `Evergreen: yes`) is set. */
export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && TRUTHY.has(comparable(value));
}

/** A rule-file regular expression, validated when the rule loads so a typo or a construct RE2 lacks is a file:line:col error, not a crash. */
export const regexSource = z
  .string()
  .min(1)
  .refine((source) => ruleRegexProblem(source) === undefined, {
    error: (issue) => ruleRegexProblem(String(issue.input)) ?? 'not a valid regular expression',
  });

const compiled = new Map<string, RuleRegex>();

/**
 * Compiles a rule-file regex once per run, on RE2 (linear time). By default case-insensitive and
 * multiline so `^` starts a line as rule authors expect. Rule files were checked at load to compile on
 * RE2, so only the checks' own default patterns (lookarounds) fall back to RegExp.
 */
export function compileRegex(source: string, flags = 'im'): RuleRegex {
  const key = `${flags}/${source}`;
  let regex = compiled.get(key);
  if (!regex) {
    regex = re2OrNative(source, flags);
    compiled.set(key, regex);
  }
  return regex;
}

/** On RE2 when it can run the pattern, else on RegExp: one compile, where asking RE2 first compiled it twice. */
function re2OrNative(source: string, flags: string): RuleRegex {
  try {
    return compileRuleRegex(source, flags);
  } catch {
    return nativeRuleRegex(source, `${flags}u`);
  }
}

/** Cuts a quoted text to `max` characters on one line, so messages stay readable. */
export function truncate(text: string, max = 60): string {
  if (text === lastCut.text && max === lastCut.max) return lastCut.line;
  // Only as far as the cut, not the whole text collapsed first: a placeholder's sentence may be a
  // paragraph of a megabyte, quoted once for each of its thousands of matches (quadratic).
  let line = '';
  let space = false;
  for (let i = 0; i < text.length && line.length <= max; i++) {
    const char = text.charAt(i);
    if (/\s/.test(char)) space = line !== '';
    else {
      line += space ? ` ${char}` : char;
      space = false;
    }
  }
  const cut = line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
  lastCut = { text, max, line: cut };
  return cut;
}

/** The last cut: the matches of one sentence quote it again and again. */
let lastCut = { text: '', max: 0, line: '' };

/** A calendar date as YYYY-MM-DD in UTC, the form messages and fingerprints use. */
export function isoDay(date: Date): string {
  // Up to the time, not 10 characters: a year past 9999 is written `+275760-09-13`.
  return date.toISOString().replace(/T.*$/, '');
}

/** Whole days from `from` to `to`, floored, so "180 days" means 180 full days. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

/** Words as readers count them (letters or digits, with inner apostrophes and hyphens). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
