// Schema problems (zod issues) of a config or rule file, placed at the YAML nodes they are about.
import type { z } from 'zod';
import { closestAnyCase } from './closest.js';
import type { Diagnostic } from './errors.js';
import { NOT_FAIL_LEVELS } from './fail-levels.js';
import { diagnosticAt, offsetOf, type YamlFile } from './yaml-file.js';

/** What an unknown key at `path` (below the prefix) was likely meant to be (`did you mean ...?`), if anything. */
export type KeyHint = (path: readonly PropertyKey[], key: string) => string | undefined;

// Other linters' words for a value this file names otherwise (ESLint's and Vale's `warn`).
const OTHER_VALUES: Readonly<Record<string, string>> = { warn: 'warning' };
// YAML 1.1's booleans, which YAML 1.2 (read here) takes as words.
const SWITCHES: Readonly<Record<string, boolean>> = {
  yes: true,
  y: true,
  on: true,
  no: false,
  n: false,
  off: false,
};

/**
 * What zod's message about a wrong value leaves out: the value written and the one meant
 * (`fail-on: warn`), or the brackets a list needs around a single value (`include: "**\/*.md"`).
 */
function valueHint(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type' && issue.expected === 'array' && typeof value === 'string')
    return `; a list: write [${JSON.stringify(value)}]`;
  const word = typeof value === 'string' ? value.toLowerCase() : '';
  const switched = Object.hasOwn(SWITCHES, word) ? SWITCHES[word] : undefined;
  if (issue.code === 'invalid_type' && issue.expected === 'boolean' && switched !== undefined)
    return `; got ${JSON.stringify(value)}: write ${switched}`;
  // A schema's own message may say it already (a rule file's level).
  if (issue.code !== 'invalid_value' || typeof value !== 'string' || issue.message.includes('; got '))
    return '';
  if (issue.path.at(-1) === 'fail-on' && Object.hasOwn(NOT_FAIL_LEVELS, word))
    return `; got ${JSON.stringify(value)} (${NOT_FAIL_LEVELS[word]})`;
  const options = issue.values.map(String);
  // In capitals (`fail-on: ERROR`, as some tools print levels) the value is the one meant.
  const meant = Object.hasOwn(OTHER_VALUES, value) ? OTHER_VALUES[value] : closestAnyCase(value, options);
  return `; got ${JSON.stringify(value)}${meant && options.includes(meant) ? ` (did you mean ${meant}?)` : ''}`;
}

// zod's words for a value of the wrong shape, as a YAML file's reader knows them: a key left empty
// (`rules:` whose entries are all commented out) is null, a mapping is a record or an object.
const SHAPES: readonly (readonly [RegExp, string])[] = [
  [
    /^Invalid input: expected (?:record|object), received null$/,
    'empty: indent its settings below it, or delete the line',
  ],
  [/^Invalid input: expected array, received null$/, 'empty: write [] for none, or list the items below it'],
  [
    /^Invalid input: expected (?:record|object), received array$/,
    'expected a mapping (key: value lines indented below it), not a list',
  ],
  [
    /^Invalid input: expected array, received (?:record|object)$/,
    'expected a list (- item lines, or [a, b]), not a mapping',
  ],
];

function plainShape(message: string): string {
  return SHAPES.find(([zod]) => zod.test(message))?.[1] ?? message;
}

/** Problems of one file placed and listed one by one; the rest are counted. */
export const MAX_ISSUES = 100;

/**
 * Maps schema issues onto the YAML nodes they are about: unknown keys point at the key itself, with
 * what `hint` says they were likely meant to be. Past
 * `MAX_ISSUES` they are counted: each is placed by reading the file's lines, and a rule file of
 * 150,000 wrong list items took minutes to report.
 */
export function issuesToDiagnostics(
  yaml: YamlFile,
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
  hint: KeyHint = () => undefined,
) {
  const found: { path: PropertyKey[]; key?: string; message: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'unrecognized_keys') {
      const where = path.length ? `${path.map(String).join('.')}: ` : '';
      // zod says "expected array, received undefined" of a key that is not there.
      const message = plainShape(issue.message).replace(
        /^Invalid input: expected (\w+), received undefined$/,
        'missing (expected $1)',
      );
      const value = path.reduce<unknown>(
        (node, key) =>
          node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
        yaml.data,
      );
      found.push({ path, message: `${where}${message}${valueHint(issue, value)}` });
    } else
      for (const key of issue.keys) {
        const likely = hint(issue.path, key);
        found.push({ path, key, message: `unknown key "${key}"${likely ? ` (${likely})` : ''}` });
      }
  }
  // zod lists a key's wrong value before the unknown keys around it: in the file's order, a reader
  // fixing them top to bottom meets each where it stands.
  const diagnostics: Diagnostic[] = found
    .slice(0, MAX_ISSUES)
    .map(({ path, key, message }) =>
      diagnosticAt(
        yaml,
        key === undefined ? offsetOf(yaml.doc, path) : offsetOf(yaml.doc, [...path, key], true),
        message,
      ),
    )
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const last = diagnostics.at(-1);
  if (last && found.length > MAX_ISSUES)
    diagnostics.push({
      ...last,
      message: `and ${found.length - MAX_ISSUES} more problems (fix those above first)`,
    });
  return diagnostics;
}
