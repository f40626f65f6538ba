import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { type CoverageConfig, coverageSchema } from './coverage.js';
import { HandbookLintError } from './errors.js';
import { LEVELS } from './model/severity.js';
import type { TypeMatcher } from './normalize/doc-type.js';
import { SLUG_STYLES, type SlugStyle } from './normalize/slug-style.js';
import type { OwnersConfig } from './owners.js';
import { ruleFolder } from './rules/packs.js';
import { globSchema, regexSchema } from './schemas.js';
import {
  type ConfluenceSourceConfig,
  confluenceSourceSchema,
  toConfluenceConfig,
} from './sources/confluence/config.js';
import { type NotionSourceConfig, notionSourceSchema, toNotionConfig } from './sources/notion/config.js';
import { type Suppression, suppressionsSchema } from './suppressions.js';
import { toWritebackConfig, type WritebackConfig, writebackSchema } from './writeback/config.js';
import {
  diagnosticAtPath,
  issuesToDiagnostics,
  readYamlFile,
  tokenInsteadOfName,
  type YamlFile,
} from './yaml-file.js';

const regex = regexSchema;
const glob = globSchema;

const markdownSource = z.strictObject({
  root: z.string().min(1),
  include: z.array(glob).default(['**/*.md', '**/*.markdown']),
  exclude: z.array(glob).default([]),
  'base-path': z.string().startsWith('/').optional(),
  'site-url': z.url().optional(),
  'slug-style': z.enum(SLUG_STYLES).default('github'),
  /** The handbook's repository (`https://github.com/acme/handbook[/tree/main/docs]`); detected from git when unset. */
  repository: z.url().optional(),
  /** Metadata files whose fields belong to the README/index (or only page) of their folder. */
  'sidecar-files': z.array(z.string().min(1)).default(['kep.yaml', 'metadata.yaml']),
  /** Files larger than this are listed unreadable instead of parsed (see normalize/budget.ts). */
  'max-page-bytes': z.number().int().positive().optional(),
});

const typeMatcher = z.strictObject({
  folders: z.array(z.string()).optional(),
  'front-matter': z.array(z.string()).optional(),
  titles: z.array(regex).optional(),
  labels: z.array(z.string()).optional(),
  paths: z.array(glob).optional(),
  'record-paths': z.array(glob).optional(),
  'record-fields': z.array(z.string()).optional(),
  'except-paths': z.array(glob).optional(),
});

/** Where the state file goes unless config says otherwise (relative to the config file's folder). */
export const DEFAULT_STATE_PATH = '.handbook-lint/state.json';
/** A wiki listing that lost more than this share of the pages in the ledger is taken for a failed crawl. */
export const DEFAULT_MAX_SHRINK = 0.2;

const level = z.enum(LEVELS as [string, ...string[]]);
// Without its own message a union failure reads "Invalid input" and names no level.
const ruleSetting = z.union([level, z.looseObject({ level: level.optional() })], {
  error: `expected a level (${LEVELS.join(', ')}) or a mapping with \`level:\` and the rule's options`,
});

export const configSchema = z.strictObject({
  sources: z
    .strictObject({
      markdown: markdownSource.optional(),
      notion: notionSourceSchema.optional(),
      confluence: confluenceSourceSchema.optional(),
    })
    .default({}),
  'document-types': z.record(z.string(), typeMatcher).optional(),
  'rule-folders': z.array(z.string()).default([]),
  rules: z.record(z.string(), ruleSetting).default({}),
  overrides: z
    .array(z.strictObject({ paths: z.array(glob).min(1), rules: z.record(z.string(), level) }))
    .default([]),
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
      format: z.enum(['console', 'compact', 'json', 'markdown', 'sarif', 'html']).default('console'),
      output: z.string().optional(),
    })
    .default({ format: 'console' }),
  writeback: writebackSchema,
  /** A file of accepted findings (`handbook-lint baseline` writes it); relative to the config file. */
  baseline: z.string().min(1).optional(),
  suppressions: suppressionsSchema,
  /** Who owns a page that names nobody and inherits nobody (README "Owners"). */
  owners: z.strictObject({ 'last-editor': z.boolean().default(false) }).default({ 'last-editor': false }),
});

type RawConfig = z.output<typeof configSchema>;

/** A rule's settings from config: a new level and/or option values merged over the rule file's. */
export interface RuleSetting {
  level?: (typeof LEVELS)[number];
  options: Record<string, unknown>;
}

/** The validated config with paths resolved against the config file's folder. */
export interface Config {
  file?: string;
  yaml?: YamlFile;
  markdown?: {
    root: string;
    include: string[];
    exclude: string[];
    basePath?: string;
    siteUrl?: string;
    slugStyle?: SlugStyle;
    repository?: string;
    sidecarFiles?: string[];
    maxPageBytes?: number;
  };
  notion?: NotionSourceConfig;
  confluence?: ConfluenceSourceConfig;
  /** Absolute path of the state file. */
  statePath: string;
  /** `state.max-shrink`: share of the ledger's pages a wiki listing may lose (0..1). */
  maxShrink: number;
  /** `state.history`: the run keeps a ledger even without a wiki or write-back. */
  keepHistory?: true;
  documentTypes: Record<string, TypeMatcher>;
  ruleFolders: string[];
  rules: Record<string, RuleSetting>;
  overrides: { paths: string[]; rules: Record<string, (typeof LEVELS)[number]> }[];
  failOn: 'error' | 'warning' | 'never';
  report: { format: ReportFormat; output?: string };
  coverage: CoverageConfig;
  writeback: WritebackConfig;
  /** Absolute path of the baseline file, when one is configured. */
  baselinePath?: string;
  suppressions: Suppression[];
  owners: OwnersConfig;
}

/** The report formats `--format` and `report.format` accept. */
export type ReportFormat = 'console' | 'compact' | 'json' | 'markdown' | 'sarif' | 'html';

/** The page that is a numbered folder's record: `1441-kubectl-debug/README.md`, `NNNN-kep-template/README.md`. */
const NUMBERED_FOLDER_PAGES = [
  '**/[0-9][0-9]*-*/README.md',
  '**/[0-9][0-9]*-*/index.md',
  '**/NNNN-*/README.md',
];

/** Document types handbooks commonly use; config may replace them. */
export const DEFAULT_DOCUMENT_TYPES: Record<string, TypeMatcher> = {
  // First, so a decisions/ or meetings/ folder's own index page is not taken for a record.
  index: {
    frontMatter: ['index'],
    // Wikis have no index.md: Confluence and Notion teams label their section pages instead.
    labels: ['index'],
    paths: [
      'index.md',
      '**/index.md',
      'README.md',
      '**/README.md',
      '_index.md',
      '**/_index.md',
      'SUMMARY.md',
    ],
    // A numbered folder's README is the proposal itself (keps/sig-x/1441-kubectl-debug/README.md).
    exceptPaths: NUMBERED_FOLDER_PAGES,
  },
  template: {
    folders: ['templates', 'page_templates', '_templates'],
    frontMatter: ['template'],
    titles: ['\\btemplate\\b'],
    paths: ['**/template.md', '**/*[-_]template.md', '**/NNNN-*/**', '**/0000-*.md'],
  },
  decision: {
    folders: ['decisions', 'decision-log', 'decision-records', 'adr', 'adrs', 'rfc', 'rfcs'],
    frontMatter: ['adr', 'rfc', 'kep', 'decision-record', 'proposal'],
    titles: ['^(ADR|RFC|KEP|PEP|SE)[-\\s]?\\d+', '^(Decision|Decision record|Proposal)\\s*:'],
    labels: ['decision', 'adr', 'rfc'],
    paths: ['**/adr-[0-9]*.md', '**/rfc-[0-9]*.md'],
    // Numbered files and folders (proposals/0042-x.md, keps/…/1441-x/README.md) are records when
    // they state a status; numbered how-to pages and dated notes are not.
    recordPaths: ['**/[0-9][0-9]*-*.md', ...NUMBERED_FOLDER_PAGES],
    recordFields: ['status'],
  },
  'meeting-notes': {
    folders: ['meetings', 'meeting-notes', 'minutes'],
    frontMatter: ['meeting', 'minutes'],
    titles: ['\\bmeeting notes\\b', '\\bminutes\\b'],
    labels: ['meeting-notes', 'meeting'],
  },
};

function toConfig(raw: RawConfig, file?: string, yaml?: YamlFile): Config {
  const base = file ? dirname(file) : process.cwd();
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(raw.rules)) {
    if (typeof setting === 'string') rules[id] = { level: setting as RuleSetting['level'], options: {} };
    else {
      const { level: lvl, ...options } = setting;
      rules[id] = { ...(lvl ? { level: lvl as RuleSetting['level'] } : {}), options };
    }
  }
  const documentTypes = raw['document-types']
    ? Object.fromEntries(
        Object.entries(raw['document-types']).map(([type, m]) => {
          const {
            'front-matter': frontMatter,
            'record-paths': recordPaths,
            'record-fields': recordFields,
            'except-paths': exceptPaths,
            ...rest
          } = m;
          return [
            type,
            {
              ...rest,
              ...(frontMatter ? { frontMatter } : {}),
              ...(recordPaths ? { recordPaths } : {}),
              ...(recordFields ? { recordFields } : {}),
              ...(exceptPaths ? { exceptPaths } : {}),
            },
          ];
        }),
      )
    : DEFAULT_DOCUMENT_TYPES;
  const md = raw.sources.markdown;
  return {
    ...(file ? { file } : {}),
    ...(yaml ? { yaml } : {}),
    ...(md
      ? {
          markdown: {
            root: resolve(base, md.root),
            include: md.include,
            exclude: md.exclude,
            sidecarFiles: md['sidecar-files'],
            ...(md['base-path'] ? { basePath: md['base-path'] } : {}),
            ...(md['site-url'] ? { siteUrl: md['site-url'] } : {}),
            slugStyle: md['slug-style'],
            ...(md.repository ? { repository: md.repository } : {}),
            ...(md['max-page-bytes'] ? { maxPageBytes: md['max-page-bytes'] } : {}),
          },
        }
      : {}),
    ...(raw.sources.notion ? { notion: toNotionConfig(raw.sources.notion) } : {}),
    ...(raw.sources.confluence ? { confluence: toConfluenceConfig(raw.sources.confluence) } : {}),
    statePath: resolve(base, raw.state.path),
    maxShrink: raw.state['max-shrink'],
    ...(raw.state.history ? { keepHistory: true } : {}),
    documentTypes,
    ruleFolders: ruleFolders(raw['rule-folders'], base, yaml),
    rules,
    overrides: raw.overrides as Config['overrides'],
    failOn: raw['fail-on'],
    coverage: raw.coverage,
    report: {
      format: raw.report.format,
      ...(raw.report.output ? { output: resolve(base, raw.report.output) } : {}),
    },
    writeback: toWritebackConfig(raw.writeback, (path) => resolve(base, path)),
    ...(raw.baseline ? { baselinePath: resolve(base, raw.baseline) } : {}),
    suppressions: raw.suppressions,
    owners: { lastEditor: raw.owners['last-editor'] },
  };
}

/** The `rule-folders` entries as folders: paths, or installed npm packages of rules. */
function ruleFolders(entries: readonly string[], base: string, yaml?: YamlFile): string[] {
  const found = entries.map((entry) => ruleFolder(entry, base));
  const diagnostics = found.flatMap((folder, index) =>
    'problem' in folder ? [diagnosticAtPath(yaml, ['rule-folders', index], folder.problem, false)] : [],
  );
  if (diagnostics.length) {
    throw new HandbookLintError('CONFIG_INVALID', `Invalid config file ${yaml?.file ?? ''}`, diagnostics);
  }
  return found.flatMap((folder) => ('folder' in folder ? [folder.folder] : []));
}

// A wiki findings page is written with its source's client and credentials.
function checkWriteback(config: Config): void {
  const missing = (['notion', 'confluence'] as const).filter((p) => config.writeback[p] && !config[p]);
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
const CREDENTIAL_NAMES = [
  ['sources', 'notion', 'token-env'],
  ['sources', 'confluence', 'token-env'],
  ['sources', 'confluence', 'email-env'],
] as const;

/** Refuses a credential written where the name of its variable belongs, without ever showing it. */
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
  if (diagnostics.length)
    throw new HandbookLintError('CONFIG_INVALID', `Invalid config file ${yaml.file}`, diagnostics);
}

/** The config used when none is given: lint `root` with the default pack. */
export function defaultConfig(root: string): Config {
  const config = toConfig(configSchema.parse({}));
  return { ...config, markdown: { root: resolve(root), include: ['**/*.md', '**/*.markdown'], exclude: [] } };
}

/** Loads and strictly validates a config file; every problem is collected with its file:line:col. */
export async function loadConfig(file: string): Promise<Config> {
  if (!existsSync(file)) throw new HandbookLintError('CONFIG_NOT_FOUND', `Config file not found: ${file}`);
  const { yaml, diagnostics } = await readYamlFile(file);
  if (!yaml) throw new HandbookLintError('CONFIG_INVALID', `Invalid config file ${file}`, diagnostics);
  const parsed = configSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    throw new HandbookLintError(
      'CONFIG_INVALID',
      `Invalid config file ${file}`,
      issuesToDiagnostics(yaml, parsed.error.issues),
    );
  }
  checkCredentials(parsed.data, yaml);
  const config = toConfig(parsed.data, file, yaml);
  checkWriteback(config);
  return config;
}
