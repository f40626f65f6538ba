import { NOT_NAMES, opensWithVerb } from './task-signals.js';

// The owner before a spaced dash, as minutes write it beside the colon form ("- Cody — coordinate a meeting").

/** A first name, a first name and surname, or a group's acronym ("LCGC"). */
const NAME = String.raw`(?:\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?|\p{Lu}{2,6})`;

/**
 * A name, or names joined by ", ", "/", "and" or "&", then a spaced dash and the task in lower case: "Cody —
 * coordinate a meeting", "Toby – discuss access", "Cody/Eka - produce a mock-up", "LCGC — explore grants". Single
 * spaces, so no run of spaces is read again from each of its characters.
 */
export const LEADING_DASH_OWNER = new RegExp(
  String.raw`^\s*(${NAME})(?:(?:, and |, | ?\/ ?| and | & )${NAME}){0,4} [—–-] \p{Ll}`,
  'u',
);

/**
 * A committee, council, group or board by its acronym ("LCGC", "TSC", "CWG", "SAB"): the body that takes the task
 * on. Not the parts of software so shaped, which a dash labels as the task's topic ("RPC - add retries").
 */
const GROUP_ACRONYM = /^\p{Lu}{2,5}[CGB]$/u;
const NOT_GROUPS = new Set(['RPC', 'TOC', 'ADC', 'DAC', 'SVG', 'PNG', 'JPG', 'MSG', 'PDB', 'USB']);

/**
 * Whether the item opens with its owner before a spaced dash (`LEADING_DASH_OWNER`): a person the page names
 * (`people`), as "Rosa - send the survey" does and "Docs - refresh the page", its topic, does not, or a group by its
 * acronym. A label word ("Update - the docs") or a task's verb in capitals ("Review - if time allows") is no one.
 */
export function dashOwner(head: string, people: ReadonlySet<string>): boolean {
  const name = LEADING_DASH_OWNER.exec(head)?.[1];
  if (name === undefined) return false;
  const first = name.split(' ')[0] ?? '';
  if (NOT_NAMES.has(first.toLowerCase()) || opensWithVerb(first)) return false;
  return people.has(first) || (GROUP_ACRONYM.test(name) && !NOT_GROUPS.has(name));
}
