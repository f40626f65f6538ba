/**
 * Top-level keys of markdownlint-cli2's, ESLint's flat and Vale's configs that are no key here, copied
 * by habit: one edit from nothing here, they read only "unknown key" without the setting that does
 * their job.
 */
const OTHER_TOOLS: Readonly<Record<string, string>> = {
  gitignore:
    "markdownlint-cli2's gitignore: handbook-lint reads no .gitignore; list the files to leave out under sources.markdown.exclude",
  noInlineConfig:
    'inline directives always apply; the directive rule reports one that silences nothing (its level under rules: directive)',
  linterOptions:
    "ESLint's linterOptions: inline directives always apply, and the directive rule reports unused ones (its level under rules: directive)",
  files: "ESLint's files: the pages to lint are sources.markdown.include, globs from sources.markdown.root",
  customRules:
    "markdownlint-cli2's customRules: list folders or npm packages of rule files under rule-folders",
  plugins: "ESLint's plugins: list folders or npm packages of rule files under rule-folders",
  outputFormatters:
    "markdownlint-cli2's outputFormatters: the report's format is report.format (or --format)",
  config: "markdownlint-cli2's config: here rules' levels and options go under rules:",
  fix: 'handbook-lint never changes a page: each finding says what to fix',
  MinAlertLevel:
    "Vale's MinAlertLevel: --quiet reports errors only, and fail-on sets the level that fails the run",
  StylesPath: "Vale's StylesPath: list the folders of rule files under rule-folders",
  BasedOnStyles:
    "Vale's BasedOnStyles: the shipped rules are on at their own levels; rule-folders adds your own",
};

/**
 * Options of the command line that have no setting in the config, in ESLint's camelCase too
 * (`maxWarnings`); the others (fail-on, report.format, baseline) are settings.
 */
const COMMAND_LINE_ONLY = new Set([
  'max-warnings',
  'quiet',
  'owner',
  'group-by',
  'now',
  'verbose',
  'color',
  'dry-run',
  'full',
  'accept-shrink',
  'wait-lock',
]);

/** What a top-level key of another tool's config, or an option of the command line, does here; undefined otherwise. */
export function otherToolKeyHint(key: string): string | undefined {
  if (Object.hasOwn(OTHER_TOOLS, key)) return OTHER_TOOLS[key];
  const option = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return COMMAND_LINE_ONLY.has(option)
    ? `--${option} is an option of the command line, not a setting: pass it to run (an npm script keeps it)`
    : undefined;
}
