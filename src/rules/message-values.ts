import { closest } from '../closest.js';
import type { CheckKind } from './check.js';

const NAMED = /\{\{\s*([\w-]+)\s*\}\}/g;

/**
 * What is wrong with a rule's message for its check kind: a `{{name}}` the check never fills in
 * (printed as typed in every finding), or Vale's `%s`, which nothing fills in here. Either showed
 * only in the findings, long after the rule file was written.
 */
export function messageProblem(message: string, kind: CheckKind<unknown>): string | undefined {
  const known = ['title', ...kind.values];
  const names = known.map((name) => `{{${name}}}`).join(', ');
  for (const [, name] of message.matchAll(NAMED)) {
    if (name === undefined || known.includes(name)) continue;
    const near = closest(name, known);
    return `{{${name}}} is no value of check: ${kind.name}${near ? ` (did you mean {{${near}}}?)` : ''}; it gives ${names}`;
  }
  if (message.includes('%s'))
    return `Vale's %s is filled in by nothing here: name a value of check: ${kind.name} in {{ }}, one of ${names}`;
  return undefined;
}
