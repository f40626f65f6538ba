import { z } from 'zod';
import { closestAnyCase } from '../closest.js';
import { topKeyHint } from '../config-hints.js';
import { type Diagnostic, HandbookLintError } from '../errors.js';
import { LEVELS, type Level } from '../model/severity.js';
import { pushAll } from '../push-all.js';
import { globSchema } from '../schemas.js';
import { diagnosticAtPath, type YamlFile } from '../yaml-file.js';
import { issuesToDiagnostics, MAX_ISSUES } from '../yaml-issues.js';
import { offWhenArchived } from './archived.js';
import type { PathOverride } from './engine.js';
import {
  type ActiveRule,
  DEFAULT_RULES_DIR,
  isDefaultRule,
  loadRuleFiles,
  type Rule,
  suggest,
} from './load.js';
import { markdownlintDefault, markdownlintRule } from './markdownlint-ids.js';
import { ruleFolder } from './packs.js';
import { trustPackPatterns } from './regex.js';

/**
 * Other linters' levels: ESLint's `warn` and 0/1/2, markdownlint's `false` for a rule turned off,
 * Vale's `suggestion` (its lowest level) and `NO` (how .vale.ini switches a rule off).
 */
const OTHER_LEVELS: Readonly<Record<string, Level>> = {
  warn: 'warning',
  suggestion: 'info',
  NO: 'off',
  no: 'off',
  '0': 'off',
  '1': 'warning',
  '2': 'error',
  false: 'off',
};

/** The level `text` likely means: another linter's word for it, or one a typo or capitals away (`ERROR`). */
function levelMeant(text: string): string | undefined {
  return Object.hasOwn(OTHER_LEVELS, text) ? OTHER_LEVELS[text] : closestAnyCase(text, LEVELS);
}

/** ESLint's `[level, options]` as what is written here: the level, or a mapping with the options. */
function eslintList([first, options]: readonly unknown[]): string | undefined {
  const meant = levelMeant(String(first));
  if (!meant) return undefined;
  const pairs =
    options && typeof options === 'object' && !Array.isArray(options) ? Object.entries(options) : [];
  const written = pairs.length
    ? `{ level: ${meant}${pairs.map(([key, value]) => `, ${key}: ${JSON.stringify(value)}`).join('')} }`
    : meant;
  return `ESLint's [level, options] list: here write ${written}`;
}

/** What was written where a level goes, and the level it likely means. */
function gotLevel(input: unknown): string {
  const value =
    input && typeof input === 'object' && 'level' in input ? (input as { level: unknown }).level : input;
  const text = String(value);
  // markdownlint's `true` and Vale's `YES` switch a rule on at its own level, which it has anyway.
  if (/^(?:true|YES|yes|on)$/.test(text))
    return `got ${JSON.stringify(value)} (a rule is on at its own level: leave it out of rules:, or give a level)`;
  const list = Array.isArray(value) ? eslintList(value) : undefined;
  if (list) return `got ${JSON.stringify(value)} (${list})`;
  // A list's text is its items joined: ["error"] is no typo of error.
  const near = Array.isArray(value) ? undefined : levelMeant(text);
  return `got ${JSON.stringify(value) ?? text}${near ? ` (did you mean ${near}?)` : ''}`;
}

const level = z.enum(LEVELS as [Level, ...Level[]], {
  error: (issue) => `expected a level (${LEVELS.join(', ')}); ${gotLevel(issue.input)}`,
});
// Without its own message a union failure reads "Invalid input" and names no level.
const ruleSetting = z.union([level, z.looseObject({ level: level.optional() })], {
  error: (issue) =>
    `expected a level (${LEVELS.join(', ')}) or a mapping with \`level:\` and the rule's options; ${gotLevel(issue.input)}`,
});

// An override's rules take a level only. A mapping there (as ESLint's and Vale's per-folder sections
// take a rule's options) was read for its `level:`, so a valid one read "got warning (did you mean warning?)".
const overrideLevel = z.enum(LEVELS as [Level, ...Level[]], {
  error: (issue) =>
    issue.input && typeof issue.input === 'object'
      ? `overrides set a level only (${LEVELS.join(', ')}); a rule's options are set under rules:, for every page`
      : `expected a level (${LEVELS.join(', ')}); ${gotLevel(issue.input)}`,
});

/** The config keys about rules: `rule-folders`, `rules` and `overrides`. */
export const ruleSettingsSchema = {
  'rule-folders': z.array(z.string()).default([]),
  rules: z.record(z.string(), ruleSetting).default({}),
  overrides: z
    .array(z.strictObject({ paths: z.array(globSchema).min(1), rules: z.record(z.string(), overrideLevel) }))
    .default([]),
};

/**
 * A schema problem of a markdownlint rule under `rules:` or an override's (`MD013: false`) says whose
 * rule it is: which level its value means would not help, as no rule of that id will be found.
 */
export function markdownlintIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  const [top, index, key, id] = issue.path;
  const ruleId = top === 'rules' ? index : top === 'overrides' && key === 'rules' ? id : undefined;
  const message =
    typeof ruleId === 'string' ? (markdownlintDefault(ruleId) ?? markdownlintRule(ruleId)) : undefined;
  return message ? { code: 'custom', path: issue.path, message, input: issue.input } : issue;
}

/** A rule's settings from config: a new level and/or option values merged over the rule file's. */
export interface RuleSetting {
  level?: Level;
  options: Record<string, unknown>;
}

/** What loading the run's rules reads of the config. */
export interface RulesConfig {
  yaml?: YamlFile;
  ruleFolders: string[];
  /** The run's document types: users' rules may name no other. */
  documentTypes: Record<string, unknown>;
  rules: Record<string, RuleSetting>;
  overrides: PathOverride[];
  /** The config's suppressions, whose rule ids are checked with the others'. */
  suppressions?: readonly { rule: string }[];
  /** The Markdown handbook, whose front page may say it is kept unchanged (archived.ts). */
  markdown?: { root: string; maxPageBytes?: number };
}

/** `rules:` as settings: a bare level, or a level and the rule's options. */
export function toRuleSettings(
  raw: Record<string, z.output<typeof ruleSetting>>,
): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(raw)) {
    if (typeof setting === 'string') rules[id] = { level: setting, options: {} };
    else {
      const { level: lvl, ...options } = setting;
      rules[id] = { ...(lvl ? { level: lvl } : {}), options };
    }
  }
  return rules;
}

/** The `rule-folders` entries as folders: paths, or installed npm packages of rules. */
export function resolveRuleFolders(entries: readonly string[], base: string, yaml?: YamlFile): string[] {
  const found = entries.map((entry) => ruleFolder(entry, base));
  const diagnostics = found.flatMap((folder, index) =>
    'problem' in folder ? [diagnosticAtPath(yaml, ['rule-folders', index], folder.problem, false)] : [],
  );
  if (diagnostics.length) {
    throw new HandbookLintError('CONFIG_INVALID', `Invalid config file ${yaml?.file ?? ''}`, diagnostics);
  }
  return found.flatMap((folder) => ('folder' in folder ? [folder.folder] : []));
}

/**
 * Refuses users' rules whose own examples fail: such a rule would report what its author did not
 * mean. The tester is loaded only when there are users' rules (the default pack's examples are
 * tested by the project's own test suite).
 */
async function checkUserExamples(rules: Iterable<Rule>): Promise<void> {
  const mine = [...rules].filter((rule) => !isDefaultRule(rule));
  if (!mine.length) return;
  const { failureLocation, failureSummary, testRules } = await import('./tester.js');
  const { failures } = testRules(mine);
  if (!failures.length) return;
  throw new HandbookLintError(
    'RULES_INVALID',
    'Rule examples fail (`handbook-lint rules --test` shows expected and actual findings)',
    failures.map((failure) => ({ ...failureLocation(failure), message: failureSummary(failure) })),
  );
}

/** " (did you mean …?)" for an unknown rule id. Vale names a rule Style.Rule; here the id is the file's name alone. */
function idHint(id: string, rules: ReadonlyMap<string, Rule>, known: string[]): string {
  const markdownlint = markdownlintRule(id);
  if (markdownlint) return `: ${markdownlint}`;
  const bare = id.slice(id.lastIndexOf('.') + 1);
  return bare !== id && rules.has(bare)
    ? ` (did you mean "${bare}"? a rule's id is its file name, without the folder)`
    : suggest(id, known);
}

/** Applies config rule settings: unknown ids and bad option values are errors pointing into the config. */
export function applyRuleSettings(
  rules: Map<string, Rule>,
  config: Pick<RulesConfig, 'yaml' | 'rules' | 'overrides' | 'suppressions'>,
): ActiveRule[] {
  const diagnostics: Diagnostic[] = [];
  const known = [...rules.keys()];
  // Placed one by one up to MAX_ISSUES, the rest counted, as a file's schema problems are: each
  // placement reads the file's lines, so 20,000 unknown ids took 41 s to refuse (40,000: minutes).
  let unplaced = 0;
  const unknownId = (path: PropertyKey[], id: string, atKey = true) => {
    if (diagnostics.length >= MAX_ISSUES) unplaced++;
    else
      diagnostics.push(
        diagnosticAtPath(config.yaml, path, `unknown rule id "${id}"${idHint(id, rules, known)}`, atKey),
      );
  };
  config.overrides.forEach((override, index) => {
    for (const id of Object.keys(override.rules))
      if (!rules.has(id)) unknownId(['overrides', index, 'rules', id], id);
  });
  // A suppression of a misspelled rule would accept nothing, silently; `*` is every rule.
  config.suppressions?.forEach(({ rule: id }, index) => {
    if (id !== '*' && !rules.has(id)) unknownId(['suppressions', index, 'rule'], id, false);
  });
  const active: ActiveRule[] = [];
  for (const id of Object.keys(config.rules)) if (!rules.has(id)) unknownId(['rules', id], id);
  for (const rule of rules.values()) {
    const setting = config.rules[rule.id];
    let options = rule.options;
    if (setting && Object.keys(setting.options).length) {
      // The rule's options passed when it loaded, and the check's defaults zod does not validate (the
      // placeholder's and action-items' lookaround) with them: merged in again, only the config's are judged.
      trustPackPatterns(rule.options);
      const parsed = rule.kind.options
        .strict()
        .safeParse({ ...(rule.options as object), ...setting.options });
      if (!parsed.success) {
        if (config.yaml)
          pushAll(
            diagnostics,
            issuesToDiagnostics(
              config.yaml,
              parsed.error.issues,
              ['rules', rule.id],
              topKeyHint(['level', ...Object.keys(rule.kind.options.shape)]),
            ),
          );
        continue;
      }
      options = parsed.data;
    }
    active.push({ ...rule, options, configuredLevel: setting?.level ?? rule.level });
  }
  const last = diagnostics.at(-1);
  if (last && unplaced)
    diagnostics.push({ ...last, message: `and ${unplaced} more problems (fix those above first)` });
  if (diagnostics.length)
    throw new HandbookLintError('CONFIG_INVALID', 'Invalid rule settings in config', diagnostics);
  return active;
}

/**
 * Loads the default pack plus the config's folders, refuses broken user rules, and applies the config's
 * rule settings; what a run should be told about its rule folders goes to `notices`, and so do the rules an
 * archived handbook turns off (archived.ts).
 */
export async function loadActiveRules(config: RulesConfig, notices?: string[]): Promise<ActiveRule[]> {
  const rules = await loadRuleFiles([DEFAULT_RULES_DIR, ...config.ruleFolders], {
    documentTypes: Object.keys(config.documentTypes),
    notices,
  });
  await checkUserExamples(rules.values());
  const active = applyRuleSettings(rules, config);
  // A run is told (its notices); `handbook-lint rules` lists the rules as configured.
  return notices && config.markdown
    ? offWhenArchived(active, config.markdown, notices, config.overrides)
    : active;
}
