import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { unknownKeyHint } from './config-hints.js';
import { otherToolKeyHint } from './config-other-tools.js';
import { coverageSchema } from './coverage/schema.js';
import { type Diagnostic, HandbookLintError } from './errors.js';
import type { Config } from './model/config.js';
import { documentTypesSchema, toDocumentTypes } from './normalize/document-types.js';
import { ownersSchema, toOwnersConfig } from './owners.js';
import { PLATFORMS, type PlatformSettings, WIKI_IDS } from './platforms/registry.js';
import { DEFAULT_RULES_DIR } from './rules/load.js';
import { markdownlintDefault, markdownlintRule } from './rules/markdownlint-ids.js';
import {
  markdownlintIssue,
  resolveRuleFolders,
  ruleSettingsSchema,
  toRuleSettings,
} from './rules/settings.js';
import { suppressionsSchema } from './suppressions.js';
import { toWritebackConfig, writebackSchema } from './writeback/config.js';
import {
  diagnosticAt,
  diagnosticAtPath,
  readYamlFile,
  tokenInsteadOfName,
  urlHasCredentials,
  type YamlFile,
} from './yaml-file.js';
import { issuesToDiagnostics } from './yaml-issues.js';

/** Where the state file goes unless config says otherwise (relative to the config file's folder). */
export const DEFAULT_STATE_PATH = '.handbook-lint/state.json';
/** A wiki listing that lost more than this share of the pages in the ledger is taken for a failed crawl. */
export const DEFAULT_MAX_SHRINK = 0.2;

export const configSchema = z.strictObject({
  sources: z
    .strictObject(Object.fromEntries(PLATFORMS.map((p) => [p.id, p.source.schema.optional()])))
    .default({}),
  'document-types': documentTypesSchema,
  ...ruleSettingsSchema,
  'fail-on': z.enum(['error', 'warning', 'never']).default('error'),
  coverage: coverageSchema,
  /** The ledger between runs (incremental crawls); relative to the config file. */
  state: z
    .strictObject({
      path: z.string().min(1).default(DEFAULT_STATE_PATH),
      /** Share of the ledger's pages a wiki listing may lose before the run refuses to call them gone. */
      'max-shrink': z.number().min(0).max(1).default(DEFAULT_MAX_SHRINK),
      /** Keep the ledger for a Markdown folder too (wikis and write-back always keep it): new / fixed and trends. */
      history: z.boolean().default(false),
    })
    .default({ path: DEFAULT_STATE_PATH, 'max-shrink': DEFAULT_MAX_SHRINK, history: false }),
  report: z
    .strictObject({
      // Left out, the output file's name picks it (report.json), else console.
      format: z.enum(['console', 'compact', 'json', 'markdown', 'sarif', 'html']).optional(),
      output: z.string().optional(),
    })
    .default({}),
  writeback: writebackSchema,
  /** A file of accepted findings (`handbook-lint baseline` writes it); relative to the config file. */
  baseline: z.string().min(1).optional(),
  suppressions: suppressionsSchema,
  owners: ownersSchema,
});

type RawConfig = z.output<typeof configSchema>;

/** Each configured platform's settings, converted by the platform; the Markdown folder's name `file`. */
function platformSettings(sources: Record<string, unknown>, base: string, file?: string): PlatformSettings {
  const settings: Record<string, unknown> = {};
  for (const platform of PLATFORMS) {
    const raw = sources[platform.id];
    if (raw !== undefined) settings[platform.id] = platform.source.settings(raw as never, base);
  }
  const found = settings as PlatformSettings;
  if (file && found.markdown) found.markdown = { ...found.markdown, configFile: file };
  return found;
}

function toConfig(raw: RawConfig, file?: string, yaml?: YamlFile): Config {
  const base = file ? dirname(file) : process.cwd();
  return {
    ...(file ? { file } : {}),
    ...(yaml ? { yaml } : {}),
    ...platformSettings(raw.sources, base, file),
    statePath: resolve(base, raw.state.path),
    maxShrink: raw.state['max-shrink'],
    ...(raw.state.history ? { keepHistory: true } : {}),
    documentTypes: toDocumentTypes(raw['document-types']),
    ruleFolders: resolveRuleFolders(raw['rule-folders'], base, yaml),
    rules: toRuleSettings(raw.rules),
    overrides: raw.overrides,
    failOn: raw['fail-on'],
    coverage: raw.coverage,
    report: {
      ...(raw.report.format ? { format: raw.report.format } : {}),
      ...(raw.report.output ? { output: resolve(base, raw.report.output) } : {}),
    },
    writeback: toWritebackConfig(raw.writeback, (path) => resolve(base, path)),
    ...(raw.baseline ? { baselinePath: resolve(base, raw.baseline) } : {}),
    suppressions: raw.suppressions,
    owners: toOwnersConfig(raw.owners),
  };
}

// A wiki findings page is written with its source's client and credentials.
function checkWriteback(config: Config): void {
  const missing = WIKI_IDS.filter((p) => config.writeback[p] && !config[p]);
  if (!missing.length) return;
  throw new HandbookLintError(
    'CONFIG_INVALID',
    `Invalid config file ${config.file}`,
    missing.map((p) =>
      diagnosticAtPath(
        config.yaml,
        ['writeback', 'findings-page', p],
        `a ${p} findings page needs \`sources.${p}\` (its client and credentials)`,
      ),
    ),
  );
}

// The settings that name the variables holding credentials.
const CREDENTIAL_NAMES = PLATFORMS.flatMap((p) =>
  (p.source.credentials ?? []).map((key) => ['sources', p.id, key] as const),
);

// Every string of the file that is a URL carrying a user name or password (`https://bot:TOKEN@host`):
// such a URL is echoed by fetch's own errors, so it would reach logs and reports.
function urlsWithCredentials(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value === 'string') return urlHasCredentials(value) ? [path] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    urlsWithCredentials(item, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

/** Refuses a credential written where the name of its variable belongs, or inside a URL, without ever showing it. */
function checkCredentials(raw: RawConfig, yaml: YamlFile): void {
  const sources = raw.sources as Record<string, Record<string, unknown> | undefined>;
  const diagnostics = CREDENTIAL_NAMES.filter(([, source, key]) => {
    const value = sources[source]?.[key];
    return typeof value === 'string' && tokenInsteadOfName(value);
  }).map((path) =>
    diagnosticAtPath(
      yaml,
      path,
      `${path.join('.')}: this looks like the credential itself; put it in an environment variable and write the variable's name here (the value is not shown)`,
      false,
    ),
  );
  for (const path of urlsWithCredentials(yaml.data)) {
    diagnostics.push(
      diagnosticAtPath(
        yaml,
        path,
        `${path.join('.')}: this URL carries a user name or password; remove them (credentials come from the environment variables the source names; the value is not shown)`,
        false,
      ),
    );
  }
  if (diagnostics.length)
    throw new HandbookLintError('CONFIG_INVALID', `Invalid config file ${yaml.file}`, diagnostics);
}

/** The config used when none is given: lint `root` with the default pack. */
export function defaultConfig(root: string): Config {
  const config = toConfig(configSchema.parse({}));
  return { ...config, markdown: { root: resolve(root), include: ['**/*.md', '**/*.markdown'], exclude: [] } };
}

// Other linters' configs by name. Passed as --config (markdownlint-cli2 --config habits), their JSONC is
// no YAML, and a list of YAML syntax errors alone would not say why.
const OTHER_CONFIGS: readonly (readonly [RegExp, string])[] = [
  [/^\.markdownlint-cli2\./, 'markdownlint-cli2'],
  [/^\.markdownlint(?:rc)?(?:\.|$)/, 'markdownlint'],
  [/^(?:\.eslintrc|eslint\.config\.)/, 'ESLint'],
  [/^\.(?:remarkrc|textlintrc|prettierrc)/, 'another linter'],
];

function otherToolsConfig(file: string): Diagnostic[] {
  const tool = OTHER_CONFIGS.find(([name]) => name.test(basename(file)))?.[1];
  if (!tool) return [];
  const message = `this is ${tool}'s config, which handbook-lint does not read: its config is YAML (handbook-lint init writes handbook-lint.yml)`;
  return [{ file, line: 1, column: 1, message }];
}

/** Whether `key` is the id of a rule of the default pack (a rule's id is its file's name). */
function isRuleId(key: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(key) && existsSync(join(DEFAULT_RULES_DIR, `${key}.yml`));
}

/** A rule id written where a setting goes: markdownlint's config keeps its rules at the top (`MD013: false`). */
function ruleIdHint(key: string): string | undefined {
  return isRuleId(key) ? `a rule: its level goes under rules:, as rules: { ${key}: off }` : undefined;
}

/** Loads and strictly validates a config file; every problem is collected with its file:line:col. */
export async function loadConfig(file: string): Promise<Config> {
  if (!existsSync(file))
    throw new HandbookLintError(
      'CONFIG_NOT_FOUND',
      `Config file not found: ${file} (handbook-lint init writes a starter config)`,
    );
  const { yaml, diagnostics } = await readYamlFile(file);
  if (!yaml)
    throw new HandbookLintError('CONFIG_INVALID', `Invalid config file ${file}`, [
      ...otherToolsConfig(file),
      ...diagnostics,
    ]);
  // A file that is no mapping is most often another tool's config (.vale.ini, a list): say so, not "expected object".
  if (
    yaml.data !== null &&
    yaml.data !== undefined &&
    (typeof yaml.data !== 'object' || Array.isArray(yaml.data))
  )
    throw new HandbookLintError('CONFIG_INVALID', `Invalid config file ${file}`, [
      diagnosticAt(
        yaml,
        0,
        "a config is a YAML mapping of settings (sources:, rules:, fail-on: ...); is this another tool's config? handbook-lint init writes a starter config",
      ),
    ]);
  const parsed = configSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    // A mapping none of whose keys is ours (.markdownlint.yaml's MD013:, default:) is another tool's config.
    const keys = Object.keys(yaml.data ?? {});
    const foreign =
      keys.length > 0 && keys.every((key) => !Object.hasOwn(configSchema.shape, key) && !isRuleId(key));
    throw new HandbookLintError('CONFIG_INVALID', `Invalid config file ${file}`, [
      ...(foreign
        ? [
            diagnosticAt(
              yaml,
              0,
              "none of these keys is a handbook-lint setting (sources:, rules:, fail-on: ...); is this another tool's config? handbook-lint init writes a starter config",
            ),
          ]
        : []),
      ...issuesToDiagnostics(
        yaml,
        parsed.error.issues.map(markdownlintIssue),
        [],
        (path, key) =>
          ruleIdHint(key) ??
          (path.length
            ? undefined
            : (markdownlintDefault(key) ?? markdownlintRule(key) ?? otherToolKeyHint(key))) ??
          unknownKeyHint(configSchema, path, key),
      ),
    ]);
  }
  checkCredentials(parsed.data, yaml);
  const config = toConfig(parsed.data, file, yaml);
  checkWriteback(config);
  return config;
}
