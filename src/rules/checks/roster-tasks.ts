// A task labelled with an attendee's name, as chat-style minutes write who does what next ("- michael: improve
// publishing to npm" under a "Summary:" line): the `roster-tasks` alternative of the conditional check.
import { pageRoster, ROSTER_LABEL } from './task-roster.js';

/** A list item's line, and the entry when it is one word: a roster entry under a roster label ("- naor"). */
const LIST_ITEM = /^[ \t]*[-*+][ \t]/;
const ONE_NAME_ITEM = /^[ \t]*[-*+][ \t]+(\p{L}[\p{L}'’-]{1,30})[ \t]*$/u;

/**
 * A list item labelled with one word, then the first word after the colon: "- michael: improve publishing",
 * "- **Ana**: draft the post". The word is a name only when the roster lists it (`namesOnRoster`).
 */
const LABELLED_ITEM =
  /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\*\*|__)?(\p{L}[\p{L}'’-]{1,30})(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?(\p{Ll}+)\b/gmu;

/**
 * What a person is given to do, as the label's task opens: a verb of work. Not what they reported or will talk
 * about ("ana: update on the budget", "kim: presented the plan", "leo: discuss the roadmap"), which records no
 * next step.
 */
const TASK_VERBS = new Set(
  'add|ask|backport|book|build|bump|check|clean|close|contact|create|cut|deploy|design|document|draft|email|file|finalise|finalize|finish|fix|follow|implement|improve|investigate|land|merge|migrate|move|open|order|organise|organize|ping|port|prepare|publish|reach|refactor|release|remove|rename|reply|rewrite|schedule|send|set|ship|submit|tag|test|triage|upgrade|verify|write'.split(
    '|',
  ),
);

/**
 * The page's roster, lower-cased: its attendee line, section or table, and one-word items under a roster label
 * ("Attendants:" over "- naor"), the label being the nearest line above that is no list item. One pass over the
 * lines, so a page of many items is read once.
 */
function namesOnRoster(markdown: string): Set<string> {
  const names = new Set([...pageRoster(markdown)].map((name) => name.toLowerCase()));
  let underLabel = false;
  for (const line of markdown.split('\n')) {
    if (line.trim() === '') continue;
    if (!LIST_ITEM.test(line)) {
      underLabel = ROSTER_LABEL.test(line);
      continue;
    }
    const name = underLabel ? ONE_NAME_ITEM.exec(line)?.[1] : undefined;
    if (name) names.add(name.toLowerCase());
  }
  return names;
}

/**
 * Whether `text` (the page's prose, code blanked out, at the Markdown's offsets) has a list item that gives an
 * attendee a task, outside the headings `under` rules out (an agenda names who presents each item, not who does
 * what next).
 */
export function rosterTask(markdown: string, text: string, under?: (offset: number) => boolean): boolean {
  let roster: Set<string> | undefined;
  for (const m of text.matchAll(LABELLED_ITEM)) {
    if (!TASK_VERBS.has(m[2] as string) || under?.(m.index)) continue;
    roster ??= namesOnRoster(markdown);
    if (roster.has((m[1] as string).toLowerCase())) return true;
  }
  return false;
}
