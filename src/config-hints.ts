import type { z } from 'zod';
import { closest } from './closest.js';
import type { KeyHint } from './yaml-issues.js';

/**
 * Other linters' names for keys this config has: markdownlint-cli2's `ignores`, ESLint's
 * `ignorePatterns` and its overrides' `files`, Vale's and markdownlint's `globs`.
 */
const OTHER_NAMES: Readonly<Record<string, string>> = {
  ignores: 'exclude',
  ignore: 'exclude',
  ignorePatterns: 'exclude',
  files: 'paths',
  globs: 'include',
};

/** Top-level keys of other tools' configs that have no counterpart here, and what to do instead. */
const NOT_TAKEN: Readonly<Record<string, string>> = {
  extends:
    'a config extends no other file; share your rules as a folder or an npm package of rules listed under rule-folders',
};

type Schema = z.core.$ZodType;
// The wrappers a key's schema may sit in (a default, an optional, a transform's input).
const INNER = ['innerType', 'in'] as const;

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as unknown as Record<string, Schema | undefined>;
    const inner = INNER.map((name) => def[name]).find(Boolean);
    if (!inner) return current;
    current = inner;
  }
}

/** The keys an object schema takes, or none for any other schema. */
function shapeOf(schema: Schema): Readonly<Record<string, Schema>> {
  const def = unwrap(schema)._zod.def as unknown as { type: string; shape?: Record<string, Schema> };
  return def.type === 'object' && def.shape ? def.shape : {};
}

/** The schema at `path` in the data (array items and record values included), if it can be told. */
function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let current: Schema | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    const def = unwrap(current)._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'array') current = def.element as Schema;
    else if (def.type === 'record') current = def.valueType as Schema;
    else current = shapeOf(current)[String(segment)];
  }
  return current;
}

/** Where `key` is a key of a nested object (`sources.markdown.exclude` for `exclude`), when that is one place. */
function nestedPlace(schema: Schema, key: string): string | undefined {
  const places: string[] = [];
  const visit = (node: Schema, path: string[]) => {
    for (const [name, child] of Object.entries(shapeOf(node))) {
      if (name === key && path.length) places.push([...path, name].join('.'));
      if (path.length < 3) visit(child, [...path, name]);
    }
  };
  visit(schema, []);
  return places.length === 1 ? places[0] : undefined;
}

/** A key that is likely meant instead of `key`: one edit away or so, or one it begins (`max-age` for `max-age-days`). */
function likelyKey(key: string, known: readonly string[]): string | undefined {
  return closest(key, known) ?? known.find((name) => name.startsWith(`${key}-`));
}

/**
 * markdownlint's keys in a rule's mapping (`MD013: { severity: warning }`, `{ enabled: false }`): one edit
 * from nothing here, they read only "unknown key" to whoever looks for the key that sets a level.
 */
const MARKDOWNLINT_RULE_KEYS: Readonly<Record<string, string>> = {
  severity: "markdownlint's severity: here a rule's level is level: error, warning, info or off",
  enabled: "markdownlint's enabled: here write level: off to turn a rule off; a rule is on without it",
};

/** The hint for an unknown key among `known`, the keys taken at the top (a rule's `level` and options). */
export function topKeyHint(known: readonly string[]): KeyHint {
  return (path, key) => {
    if (!path.length && Object.hasOwn(MARKDOWNLINT_RULE_KEYS, key)) return MARKDOWNLINT_RULE_KEYS[key];
    const near = path.length ? undefined : likelyKey(key, known);
    return near ? `did you mean "${near}"?` : undefined;
  };
}

/**
 * What an unknown key at `path` of a config was likely meant to be: a key there one typo away or of
 * another linter's name (`exlude`, `ignores`), the top of the file for a top-level key written under
 * another, or the nested place it belongs (`exclude` is `sources.markdown.exclude`). Undefined when
 * nothing is likely.
 */
export function unknownKeyHint(
  schema: Schema,
  path: readonly PropertyKey[],
  key: string,
): string | undefined {
  if (!path.length && Object.hasOwn(NOT_TAKEN, key)) return NOT_TAKEN[key];
  const here = Object.keys(shapeOf(schemaAt(schema, path) ?? schema));
  const other = Object.hasOwn(OTHER_NAMES, key) ? OTHER_NAMES[key] : undefined;
  const near = (other && here.includes(other) ? other : undefined) ?? likelyKey(key, here);
  if (near) return `did you mean "${near}"?`;
  // An indent slip (`rules:` under `sources:`): a key of the top, or of another section, written here.
  if (path.length && Object.hasOwn(shapeOf(schema), key))
    return 'it belongs at the top of the file, without indent';
  const place = nestedPlace(schema, key) ?? (other ? nestedPlace(schema, other) : undefined);
  return place ? `did you mean ${place}?` : undefined;
}
