import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { closest, closestAnyCase } from '../closest.js';
import { unknownKeyHint } from '../config-hints.js';
import { type Diagnostic, HandbookLintError } from '../errors.js';
import { type Level, SEVERITIES, type Severity } from '../model/severity.js';
import { pushAll } from '../push-all.js';
import { globSchema } from '../schemas.js';
import { diagnosticAt, diagnosticAtPath, offsetOf, readYamlFile, type YamlFile } from '../yaml-file.js';
import { issuesToDiagnostics } from '../yaml-issues.js';
import type { CheckKind } from './check.js';
import { CHECK_KINDS } from './checks/index.js';
import { messageProblem } from './message-values.js';
import { trustPackPatterns } from './regex.js';
import { valeKeyHint } from './vale-keys.js';

/** The default rule pack shipped beside the code (works from src/ under vitest and from dist/). */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

const selector = z.strictObject({
  types: z.array(z.string()).optional(),
  paths: z.array(globSchema).optional(),
  labels: z.array(z.string()).optional(),
  sources: z.array(z.enum(['markdown', 'notion', 'confluence'])).optional(),
});

// The clock an example runs at; an unreadable date would leave date checks silently comparing NaN.
const exampleNow = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: 'not a date (write one like 2026-06-01)' });

const example = z.union([
  z.string(),
  z.strictObject({ markdown: z.string(), path: z.string().optional(), now: exampleNow.optional() }),
]);
const invalidExample = z.strictObject({
  markdown: z.string(),
  path: z.string().optional(),
  now: exampleNow.optional(),
  errors: z.array(z.string()).min(1),
});

const OTHER_SEVERITIES = new Map<string, Severity>(Object.entries({ warn: 'warning', suggestion: 'info' }));

const common = {
  check: z.string(),
  description: z.string().min(1),
  // As the config's levels say it: ESLint's `warn` is the level people type first, Vale's `suggestion` its lowest.
  level: z.enum(SEVERITIES as [Severity, ...Severity[]], {
    error: (issue) => {
      const got = String(issue.input);
      const near = OTHER_SEVERITIES.get(got) ?? closestAnyCase(got, SEVERITIES);
      return `expected ${SEVERITIES.slice(0, -1).join(', ')} or ${SEVERITIES.at(-1)}; got ${JSON.stringify(issue.input) ?? got}${near ? ` (did you mean ${near}?)` : ''}`;
    },
  }),
  message: z.string().min(1),
  fix: z.string().optional(),
  link: z.url().optional(),
  'applies-to': selector.optional(),
  excludes: selector.optional(),
  examples: z
    .strictObject({ valid: z.array(example).default([]), invalid: z.array(invalidExample).default([]) })
    .optional(),
};
const COMMON_KEYS = new Set(Object.keys(common));

/** What a rule file of this check kind may hold: the common keys and the kind's own options. */
export function ruleFileSchema(kind: CheckKind<unknown>) {
  return z.strictObject({ ...common, ...kind.options.shape });
}

/** Which pages a rule looks at; every given list must match. */
export type Selector = z.output<typeof selector>;
/** A valid example page for the RuleTester. */
export type ValidExample = z.output<typeof example>;
/** An invalid example page and the exact findings it must produce. */
export type InvalidExample = z.output<typeof invalidExample>;

/** A loaded rule with its check kind and validated options, ready for the engine. */
export interface Rule {
  id: string;
  file: string;
  kind: CheckKind<unknown>;
  level: Severity;
  message: string;
  description: string;
  fix?: string;
  link?: string;
  /** Where reports link the rule's documentation (absent for a team's own rule without a `link`). */
  docs?: string;
  appliesTo: Selector;
  excludes: Selector;
  options: unknown;
  examples: { valid: ValidExample[]; invalid: InvalidExample[] };
  /** Where each example starts in the rule file, so a failing one is reported at file:line:col. */
  examplesAt: { valid: ExampleLocation[]; invalid: ExampleLocation[] };
}

/** A line and column (1-based) in a rule file. */
export interface ExampleLocation {
  line: number;
  column: number;
}

function exampleLocations(yaml: YamlFile, group: 'valid' | 'invalid', count: number): ExampleLocation[] {
  return Array.from({ length: count }, (_, index) => {
    const { line, col } = yaml.lineCounter.linePos(offsetOf(yaml.doc, ['examples', group, index]));
    return { line, column: col };
  });
}

/** What `extends:` in a rule file (Vale's key for a rule's kind, ESLint's for a shared config) gets instead. */
const RULE_EXTENDS =
  'a rule file names its check kind under check: and extends no other rule; to change a shipped rule, set its level and options under rules: in the config';

/**
 * Where a rule is documented: its own `link`, else, for a rule of the default pack, its file in the
 * repository (description, fix and examples). A team's own rule has no file there: linked, code
 * scanning's help and the findings page would show a dead link.
 */
function docsOf(id: string, file: string, link: string | undefined): { docs?: string } {
  if (link) return { docs: link };
  return file.startsWith(DEFAULT_RULES_DIR)
    ? { docs: `https://github.com/handbook-lint/handbook-lint/blob/main/rules/${id}.yml` }
    : {};
}

function parseRule(yaml: YamlFile, diagnostics: Diagnostic[]): Rule | undefined {
  const id = basename(yaml.file, extname(yaml.file));
  const data = yaml.doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object') {
    diagnostics.push(diagnosticAt(yaml, 0, 'a rule file must be a mapping with at least `check`'));
    return undefined;
  }
  const kind = typeof data.check === 'string' ? CHECK_KINDS[data.check] : undefined;
  if (!kind) {
    const known = Object.keys(CHECK_KINDS).join(', ');
    const what = data.check === undefined ? 'missing `check`' : `unknown check kind "${String(data.check)}"`;
    const near = data.check === undefined ? undefined : closest(String(data.check), Object.keys(CHECK_KINDS));
    // Vale's rule files name their kind with `extends:`; here that key is `check:`.
    const vale =
      data.check === undefined && data.extends !== undefined
        ? 'a rule names it under check:, not extends:; '
        : '';
    const hint = near ? `did you mean "${near}"? ` : vale;
    diagnostics.push(diagnosticAt(yaml, offsetOf(yaml.doc, ['check']), `${what} (${hint}known: ${known})`));
    return undefined;
  }
  const schema = ruleFileSchema(kind);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    // An unknown key gets the nearest one at its depth, as in the config (`type` in applies-to is `types`).
    // `extends` gets its own word: the config's (share rules under rule-folders) is wrong for a rule file.
    const hint = (path: readonly PropertyKey[], key: string) =>
      !path.length && key === 'extends'
        ? RULE_EXTENDS
        : (!path.length && valeKeyHint(key)) || unknownKeyHint(schema, path, key);
    pushAll(diagnostics, issuesToDiagnostics(yaml, parsed.error.issues, [], hint));
    return undefined;
  }
  const rule = parsed.data as z.output<z.ZodObject<typeof common>> & Record<string, unknown>;
  const wrong = messageProblem(rule.message, kind);
  if (wrong) diagnostics.push(diagnosticAtPath(yaml, ['message'], `message: ${wrong}`, false));
  const options = Object.fromEntries(Object.entries(rule).filter(([key]) => !COMMON_KEYS.has(key)));
  const examples = { valid: rule.examples?.valid ?? [], invalid: rule.examples?.invalid ?? [] };
  return {
    id,
    file: yaml.file,
    kind,
    level: rule.level,
    message: rule.message,
    description: rule.description,
    ...(rule.fix ? { fix: rule.fix } : {}),
    ...(rule.link ? { link: rule.link } : {}),
    ...docsOf(id, yaml.file, rule.link),
    appliesTo: rule['applies-to'] ?? {},
    excludes: rule.excludes ?? {},
    options,
    examples,
    examplesAt: {
      valid: exampleLocations(yaml, 'valid', examples.valid.length),
      invalid: exampleLocations(yaml, 'invalid', examples.invalid.length),
    },
  };
}

const RULE_FILE = /\.ya?ml$/;

/** A sub-folder where rules are parked while written or set aside, not a style's rules laid out (Vale's styles/Acme/). */
const PARKED_FOLDER = /^_?(?:drafts?|disabled|examples?|tests?|archived?)$/i;

async function ruleFiles(folder: string, notices?: string[]): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => {
    throw new HandbookLintError('RULES_INVALID', `Rule folder not found: ${folder}`);
  });
  const files = entries.filter((entry) => RULE_FILE.test(entry.name)).map((entry) => entry.name);
  // Vale keeps a style's rules one folder down (styles/Acme/*.yml): read as they are, they would be
  // no rules at all, without a word, so a folder holding rule files only below it names them. Rules
  // parked in drafts/ (or disabled/, examples/, tests/, archive/) are meant not to run: a notice says so.
  const nested = files.length ? [] : await subfoldersWithRules(folder, entries);
  const laidOut = nested.filter((name) => !PARKED_FOLDER.test(name));
  const list = (names: string[]) => names.map((name) => `${name}/`).join(', ');
  if (laidOut.length)
    throw new HandbookLintError(
      'RULES_INVALID',
      `Rule folder ${folder} holds no rule files (*.yml), but ${list(laidOut)} in it ${laidOut.length > 1 ? 'do' : 'does'}: a rule folder's own files are its rules, so list ${laidOut.length > 1 ? 'those folders' : 'that folder'} under rule-folders.`,
    );
  if (nested.length)
    notices?.push(
      `Rule folder ${folder} holds no rule files (*.yml); the rules in ${list(nested)} are not read: a rule folder's own files are its rules.`,
    );
  return files.sort().map((name) => join(folder, name));
}

async function subfoldersWithRules(folder: string, entries: readonly Dirent[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const inside = await readdir(join(folder, entry.name)).catch(() => []);
    if (inside.some((name) => RULE_FILE.test(name))) found.push(entry.name);
  }
  return found.sort();
}

/** Whether a rule comes from the project's own pack rather than a user's rule folder. */
export function isDefaultRule(rule: Rule): boolean {
  return rule.file.startsWith(DEFAULT_RULES_DIR);
}

/**
 * A user rule's `applies-to`/`excludes` types that no document type is defined for: a typo there
 * would silently switch the rule off. Labels are free-form (any wiki label or tag), so they are not checked.
 */
function unknownTypes(yaml: YamlFile, rule: Rule, documentTypes: readonly string[]): Diagnostic[] {
  const selectors = [
    ['applies-to', rule.appliesTo],
    ['excludes', rule.excludes],
  ] as const;
  return selectors.flatMap(([key, selector]) =>
    (selector.types ?? []).flatMap((type, index) =>
      documentTypes.includes(type)
        ? []
        : [
            diagnosticAtPath(
              yaml,
              [key, 'types', index],
              `unknown document type "${type}"${suggest(type, [...documentTypes])}; known: ${documentTypes.join(', ')} (define more under \`document-types\` in the config)`,
              false,
            ),
          ],
    ),
  );
}

/** What loading checks beyond each file's own schema. */
export interface LoadOptions {
  /** The run's document types: users' rules may name no other in `applies-to`/`excludes`. */
  documentTypes?: readonly string[];
  /** The run's notices: where a rule folder whose only rules are parked (in drafts/) is told. */
  notices?: string[];
}

/** Loads rule files from folders in order; a later folder's rule replaces a default one of the same id. */
export async function loadRuleFiles(
  folders: readonly string[],
  options: LoadOptions = {},
): Promise<Map<string, Rule>> {
  const rules = new Map<string, Rule>();
  const diagnostics: Diagnostic[] = [];
  for (const folder of folders) {
    const files = await ruleFiles(folder, options.notices);
    // Read at once, checked in order: the diagnostics come in file order either way.
    const read = await Promise.all(files.map((file) => readYamlFile(file)));
    for (const { yaml, diagnostics: syntax } of read) {
      pushAll(diagnostics, syntax);
      if (yaml && folder === DEFAULT_RULES_DIR) trustPackPatterns(yaml.data);
      const rule = yaml && parseRule(yaml, diagnostics);
      if (!rule) continue;
      if (options.documentTypes && !isDefaultRule(rule))
        pushAll(diagnostics, unknownTypes(yaml, rule, options.documentTypes));
      rules.set(rule.id, rule);
    }
  }
  if (diagnostics.length) throw new HandbookLintError('RULES_INVALID', 'Invalid rule files', diagnostics);
  return rules;
}

/** A rule as configured for this run: its level (maybe off) and options after config overrides. */
export interface ActiveRule extends Rule {
  configuredLevel: Level;
}

/** " (did you mean …?)" when a known name is close to `id`. */
export function suggest(id: string, known: string[]): string {
  const close = closestAnyCase(id, known);
  return close ? ` (did you mean "${close}"?)` : '';
}
