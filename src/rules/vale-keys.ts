/**
 * What a Vale rule's keys are called here, for a Vale user's first rule file: "unknown key tokens"
 * alone leaves them to find that patterns are regular expressions and case is set with (?i).
 */
const VALE_KEYS: Readonly<Record<string, string>> = {
  tokens: "Vale's tokens are patterns: here, regular expressions (check: placeholder)",
  raw: "Vale's raw is patterns: here, regular expressions (check: placeholder)",
  ignorecase: 'start a pattern with (?i) to ignore case',
  nonword: 'a pattern matches anywhere unless it marks word edges with \\b',
  exceptions: 'ignore-patterns: lists what a placeholder rule lets pass',
  swap: 'no check suggests a replacement: say it in fix:',
  scope: 'applies-to: and excludes: select pages; code spans and blocks are never checked for placeholders',
};

/** The hint for a top-level key of a rule file that Vale's rules have, or undefined. */
export function valeKeyHint(key: string): string | undefined {
  return Object.hasOwn(VALE_KEYS, key) ? VALE_KEYS[key] : undefined;
}
