import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { closest } from './closest.js';
import { HandbookLintError } from './errors.js';
import type { SourceKind } from './model/page.js';
import { forTerminal } from './terminal.js';
import { writeErrorReason } from './write-file.js';

/** The config file `init` writes: the first name config discovery looks for. */
export const DEFAULT_CONFIG_FILE = 'handbook-lint.yml';

/**
 * Where editors (the YAML language server) find the config's JSON Schema: the installed package's
 * copy beside the config, so completions match the installed version.
 */
export const SCHEMA_REFERENCE = './node_modules/handbook-lint/schema/handbook-lint.schema.json';

/** The sources `init --source` accepts, in the order the starter config lists them. */
export const INIT_SOURCES: readonly SourceKind[] = ['markdown', 'notion', 'confluence'];

/** `--source` values, repeated and/or comma-separated, checked and in a stable order; Markdown when none. */
export function parseSources(values: readonly string[] | undefined): SourceKind[] {
  const wanted = new Set(
    (values ?? [])
      .flatMap((value) => value.split(','))
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const source of wanted) {
    if (!(INIT_SOURCES as readonly string[]).includes(source)) {
      const near = closest(source, INIT_SOURCES);
      throw new HandbookLintError(
        'USAGE',
        `--source must be one or more of ${INIT_SOURCES.join(', ')}; got "${forTerminal(source)}"${near ? `; did you mean ${near}?` : ''}`,
      );
    }
  }
  const sources = INIT_SOURCES.filter((s) => wanted.has(s));
  return sources.length ? sources : ['markdown'];
}

/** A folder as a YAML scalar: plain when it needs no quotes. */
const yamlPath = (path: string) =>
  /^[\w./-]+$/.test(path) && !path.startsWith('-') ? path : JSON.stringify(path);

const SECTIONS: Record<SourceKind, (root: string) => string> = {
  markdown: (root) => `  # A folder of Markdown: a handbook kept in git, or a wiki exported to Markdown.
  markdown:
    # The handbook's root folder, relative to this file.
    root: ${yamlPath(root)}
    # Which files are pages (globs relative to root). Dot folders and node_modules are always skipped.
    include: ["**/*.md", "**/*.markdown"]
    # Files to leave out (globs relative to root), e.g. [CHANGELOG.md, "drafts/**"].
    exclude: []
`,
  notion: () => `  # A Notion workspace, read through the official API with an internal integration
  # (notion.so/profile/integrations). Share the handbook's top pages with the integration in Notion.
  notion:
    # The environment variable that holds the integration's secret; the secret never goes here.
    token-env: NOTION_TOKEN
    # Only these pages (ids or URLs) and everything below them. Leave out to crawl every page
    # shared with the integration.
    # roots: ["https://www.notion.so/acme/Handbook-0123456789abcdef0123456789abcdef"]
    # Request budget: Notion allows about 3 requests per second per integration.
    requests-per-second: 3
`,
  confluence:
    () => `  # A Confluence Cloud site, read through the REST API with an Atlassian account's API token
  # (id.atlassian.com/manage-profile/security/api-tokens).
  confluence:
    # Your site's address.
    site-url: https://your-company.atlassian.net
    # The environment variables that hold the account's email and API token; never the values.
    email-env: CONFLUENCE_EMAIL
    token-env: CONFLUENCE_TOKEN
    # Space keys to crawl, e.g. [HR, ENG]; empty = every space the account can see.
    spaces: []
    # Or only these pages (ids or page URLs) and everything below them.
    # roots: ["https://your-company.atlassian.net/wiki/spaces/HR/pages/123456/Handbook"]
    requests-per-second: 10
`,
};

/** Where a starter config's paths lead, relative to the config file. */
export interface StarterPaths {
  /** The Markdown root. */
  root?: string;
  /** The JSON Schema the editor reads. */
  schema?: string;
}

/**
 * The commented starter config for the chosen sources, the Markdown one rooted at `root` (relative to
 * the config file); it loads as is, so the first run works before any edit.
 */
export function starterConfig(
  sources: readonly SourceKind[],
  { root = '.', schema = SCHEMA_REFERENCE }: StarterPaths = {},
): string {
  return `# yaml-language-server: $schema=${schema}
# handbook-lint configuration, written by \`handbook-lint init\`.
# Paths are relative to this file. Secrets never go here: tokens are read from environment
# variables only. config.example.yml (in the installed package and the repository) documents
# every option.

# Where the handbook lives.
sources:
${sources.map((s) => SECTIONS[s](root)).join('')}
# Per-rule settings: a level (error, warning, info, off), or a mapping with \`level\` and the rule's
# own options. \`handbook-lint rules\` lists every rule.
rules:
  stale-page:
    level: warning
    max-age-days: 180

# Per-path levels, e.g. no staleness or owner checks in an archive (globs on the page's path).
# overrides:
#   - paths: ["archive/**"]
#     rules: { stale-page: "off", page-owner: "off" }

# Exit with code 1 when a finding is at or above this level: error, warning, or never.
fail-on: error

# Documentation coverage targets in percent (the built-in topics and metrics are used unless you
# list your own; see config.example.yml).
coverage:
  targets:
    coverage: 90
    decisions: 80

# The ledger between runs (remote wikis refetch only pages edited since the last run), with the
# page cache beside it (state.cache.json). Keep both between scheduled runs, e.g. with
# actions/cache in GitHub Actions.
state:
  path: .handbook-lint/state.json
`;
}

/**
 * What to do after `init`: set the tokens the chosen sources read, then a first run that changes
 * nothing in a wiki, typed as `command` runs the tool (`npx handbook-lint` for a project's devDependency).
 */
export function nextSteps(file: string, sources: readonly SourceKind[], command = 'handbook-lint'): string {
  const env: string[] = [];
  if (sources.includes('notion'))
    env.push('  export NOTION_TOKEN=...        # the Notion integration secret');
  if (sources.includes('confluence')) {
    env.push('  export CONFLUENCE_EMAIL=...    # the Atlassian account that reads the wiki');
    env.push('  export CONFLUENCE_TOKEN=...    # its API token');
  }
  return [
    `Wrote ${file} (sources: ${sources.join(', ')}).`,
    '',
    'Next steps:',
    `1. Edit ${file}: the comments explain each setting.`,
    ...(env.length ? ['2. Set the tokens in the environment (never in the file):', ...env] : []),
    // A Markdown folder gets no findings page or comments unless the file asks for them, so its first
    // run is the plain one; a wiki's first run only prints what it would write there.
    env.length
      ? `3. Try a first run that writes nothing back to the wiki:`
      : `2. Lint the handbook (the starter writes nothing into it):`,
    // The default name in the working folder is found without --config.
    `  ${command} run${file === DEFAULT_CONFIG_FILE ? '' : ` --config ${file}`}${env.length ? ' --dry-run' : ''}`,
    '',
  ].join('\n');
}

/** Writes the starter config; an existing file is kept unless `force`, and nothing ever asks a question. */
export async function writeStarterConfig(
  file: string,
  sources: readonly SourceKind[],
  force: boolean,
  paths: StarterPaths = {},
): Promise<void> {
  // `init -o docs` meaning the handbook's folder: "already exists; pass --force" would send them to a
  // --force that cannot write over a folder either.
  if ((await stat(file).catch(() => undefined))?.isDirectory())
    throw new HandbookLintError(
      'USAGE',
      `${file} is a folder: -o names the config file (-o ${join(file, DEFAULT_CONFIG_FILE)}); init FOLDER names the handbook's folder.`,
    );
  try {
    // As `run -o` does: `init -o config/handbook-lint.yml` in a fresh repository.
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw new HandbookLintError('OUTPUT_FAILED', `Cannot write ${file}: ${writeErrorReason(error)}`);
  }
  try {
    await writeFile(file, starterConfig(sources, paths), { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new HandbookLintError('USAGE', `${file} already exists; pass --force to overwrite it.`);
    }
    throw new HandbookLintError('OUTPUT_FAILED', `Cannot write ${file}: ${writeErrorReason(error)}`);
  }
}
