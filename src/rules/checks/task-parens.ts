// What a parenthesis closing an action item names when it names no person (src/rules/checks/task-signals.ts).

/** A parenthesis that names no one: "(TBD)" (nobody yet), "(all)" (everyone, so no one), "(optional)". */
export const NO_ONE = /^\(\s*@?(?:tbd|tba|tbc|all|everyone|everybody|optional|none|n\/?a)\s*\)/i;

/** A parenthesis of the tools or parts a task is about, not who does it: "(Backlog & Board)", "(Jira)", "(API/UI)". */
const PART =
  '(?:backlog|boards?|frontend|backend|api|ui|ux|ci|cd|tests|wiki|database|db|jira|trello|github|gitlab|slack)';
const NO_ONE_PARTS = new RegExp(`^\\(\\s*${PART}(?:\\s*(?:[/,&]|and|und)\\s*${PART}){0,3}\\s*\\)`, 'i');

/** A parenthesis of examples, "(Story, etc.)", "(Aufbau usw.)": it lists what the task covers. */
const EXAMPLES = /(?:^|[\s,(])(?:etc|usw|u\.[ \t]?a|z\.[ \t]?b|e\.g|i\.e)\.?\s*\)[.!]?\s*$/i;

/** A long lower-case word alone in a parenthesis, "(spielgrafiken)": a noun, where a handle is short ("(mw)"). */
const LOWER_NOUN = /^\(\s*(\p{Ll}{9,})\s*\)/u;

/**
 * Whether the parenthesis closing a task names no one who does it: nobody yet or everyone (NO_ONE), the parts the
 * task is about (NO_ONE_PARTS), its examples (EXAMPLES) or a noun (LOWER_NOUN, but for a person the page names).
 */
export function namesNoOne(handle: string, people: ReadonlySet<string>): boolean {
  const noun = LOWER_NOUN.exec(handle)?.[1];
  if (NO_ONE.test(handle) || NO_ONE_PARTS.test(handle) || EXAMPLES.test(handle)) return true;
  return noun !== undefined && !people.has(noun);
}
