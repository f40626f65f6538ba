import { existsSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closest } from '../closest.js';
import { HandbookLintError } from '../errors.js';
import { forTerminal } from '../terminal.js';
import { invokedAs } from './invoked-as.js';
import { COMMANDS, type Command, OPTIONS, type OptionName, optionsOf, type Values } from './options.js';

/** What the command line asks for. */
export interface Invocation {
  /** Absent when only global options (--help, --version) were given. */
  command?: Command;
  values: Values;
  /** The positional arguments after the command. */
  args: string[];
  /** `help <command>` or `<command> --help`. */
  help: boolean;
}

const PARSE_OPTIONS: ParseArgsConfig['options'] = Object.fromEntries(
  Object.entries(OPTIONS).map(([name, spec]) => {
    const { type, short, multiple } = spec as {
      type: 'string' | 'boolean';
      short?: string;
      multiple?: boolean;
    };
    return [name, { type, ...(short ? { short } : {}), ...(multiple ? { multiple } : {}) }];
  }),
);

function usage(message: string, command: Command | undefined): HandbookLintError {
  const help = command ? `${invokedAs()} ${command} --help` : `${invokedAs()} --help`;
  return new HandbookLintError('USAGE', `${message}\nRun ${help} for the options.`);
}

function suggestion(candidate: string | undefined, prefix = ''): string {
  return candidate ? ` Did you mean ${prefix}${candidate}?` : '';
}

// What other linters call linting; too far from `run` for the nearest-name suggestion.
const SYNONYMS: Record<string, Command> = { lint: 'run', check: 'run' };
// Other linters' commands that are no command here, and what does their job; `version` as git, npm and
// docker take it.
const OTHER_COMMANDS: Record<string, string> = {
  version: 'Use --version (-v).',
  'ls-config':
    "handbook-lint rules lists every rule with the config's level; --verbose names the config file a run uses.",
};

// Options of markdownlint-cli2, ESLint and Vale that have no counterpart here, and what to do instead.
const EXCLUDE = 'Leave files out with `exclude` under sources.markdown in the config.';
const NO_EXIT = 'Use --fail-on never: exit 0 whatever the findings.';
const LEVEL = 'Use --quiet to report errors only, or --fail-on LEVEL for the level that fails the run.';
const PATHS = "Pass files, folders and quoted globs as paths: handbook-lint run 'docs/**/*.md'.";
const RULE_FOLDERS = 'Name folders or npm packages of rules under rule-folders in the config.';
const PRINT_CONFIG =
  "handbook-lint rules lists every rule with the config's level; handbook-lint rules ID shows its options.";
// ESLint's bulk suppressions are what a baseline file is here.
const BASELINE =
  "Use the baseline command: handbook-lint baseline accepts today's findings, and later runs report only new ones.";
const FIX = 'handbook-lint never changes a page: each finding says what to fix.';
const RULE =
  "Set a rule's level in the config (rules: { ID: off }), or turn it off on a page with <!-- handbook-lint-disable-file ID -->; handbook-lint rules ID shows how.";
const UNUSED_DIRECTIVES =
  'The directive rule always reports a directive that suppressed nothing (a warning; set its level in the config).';
const NO_CACHE =
  'handbook-lint keeps no cache of results: a Markdown run reads its pages each time, and a wiki run already fetches only the pages edited since the last.';
const DOT =
  'Dot folders are skipped in a folder or glob, and linted when a path or glob names them (.github/*.md).';
const JSON_FORMAT = 'Use --format json (-f json).';
const FORMAT = 'Use --format (-f): console, compact, json, markdown, sarif, html or github.';
const STATS = "Use --verbose: each stage's timing, on standard error.";
const NO_LOOKUP =
  'Without --config, the nearest handbook-lint.yml from here up to the repository root is used; --config FILE names another.';
const OTHER_LINTERS: Record<string, string> = {
  fix: FIX,
  'fix-dry-run': FIX,
  'fix-type': FIX,
  // markdownlint-cli's (not cli2's) options.
  json: JSON_FORMAT,
  disable: RULE,
  enable: RULE,
  rules: RULE_FOLDERS,
  dot: DOT,
  'ignore-pattern': EXCLUDE,
  'ignore-path': EXCLUDE,
  'output-file': 'Use -o FILE (--output FILE).',
  'no-exit': NO_EXIT,
  'exit-zero': NO_EXIT,
  minalertlevel: LEVEL,
  'min-alert-level': LEVEL,
  severity: LEVEL,
  glob: PATHS,
  ext: PATHS,
  ignore: EXCLUDE,
  // ESLint's: lint the files its ignore files leave out.
  'no-ignore':
    'handbook-lint reads no ignore file: only `exclude` under sources.markdown in the config leaves files out.',
  rulesdir: RULE_FOLDERS,
  plugin: RULE_FOLDERS,
  init: 'Use the init command: handbook-lint init [FOLDER] writes a starter config.',
  debug: 'Use --verbose: the config file found and each stage’s timing, on standard error.',
  'print-config': PRINT_CONFIG,
  'inspect-config': PRINT_CONFIG,
  'suppress-all': BASELINE,
  'suppress-rule': BASELINE,
  'prune-suppressions': BASELINE,
  cache: NO_CACHE,
  'cache-location': NO_CACHE,
  'cache-strategy': NO_CACHE,
  // lint-staged setups pass it so a glob of no file is no failure; here it is an error on purpose.
  'no-error-on-unmatched-pattern':
    "A path or glob that matches no page is an error here (exit 2); a file the config's exclude leaves out, given by name, is skipped with a warning.",
  // ESLint 9's, as lint-staged and pre-commit setups pass them.
  'no-warn-ignored':
    "A file the config's exclude leaves out, given by name, is skipped with a warning on standard error; it fails nothing (exit 0 when it is all that was given).",
  'no-inline-config':
    'Inline directives always apply: the directive rule reports one that names no rule here or silences nothing.',
  'no-config-lookup': NO_LOOKUP,
  'pass-on-no-patterns': "With no path, run lints the config's handbook; pass the files to lint only those.",
  'report-unused-disable-directives': UNUSED_DIRECTIVES,
  'report-unused-disable-directives-severity': UNUSED_DIRECTIVES,
  // Vale's output options: its order, its wrapping, its paths.
  sort: 'Findings come in one stable order; --group-by rule, page or owner arranges the console report.',
  'no-wrap': 'Use --format compact: one file:line:col line per finding, never wrapped.',
  relative: 'The console and compact reports already name files from the working folder.',
  filter: RULE,
  // ESLint 9's: workers, timings, its environment, a parse error that stops the run.
  concurrency:
    'A folder of 200 pages or more is linted on worker threads on its own; there is nothing to set.',
  stats: STATS,
  timing: STATS,
  'env-info': 'Use --version; node --version names the Node it runs on.',
  'exit-on-fatal-error':
    'A page that cannot be read never stops a run: the report lists it with its reason, and the run exits 3.',
  // Ruff's, Biome's and stylelint's names for the report's format.
  'output-format': FORMAT,
  reporter: FORMAT,
  formatter: FORMAT,
  // ESLint 8's way to skip config files, typed as the negation of --config.
  'no-config': NO_LOOKUP,
  // `rules --list`, as tools with a list flag have it.
  list: 'handbook-lint rules lists every rule; handbook-lint rules ID documents one.',
  // Not a flag: a level given for one run would reach the ledger and write-back of a nightly config.
  rule: RULE,
};

// An option of another command that a user of this one looks for: what gives it here.
const ELSEWHERE: Record<string, string> = {
  'rules --format':
    'For the rules as data: the JSON report of a run (run --format json) lists the rules in force under "rules", each with its level, description and fix.',
};

// markdownlint-cli's short options that are not ours, as typed (its -V is our -v).
const OTHER_SHORT: Record<string, string> = {
  q: 'Use --quiet.',
  s: 'Use --stdin (or the path -).',
  j: JSON_FORMAT,
  i: EXCLUDE,
  p: EXCLUDE,
  x: RULE,
  r: RULE_FOLDERS,
  d: DOT,
  V: 'Use -v (--version).',
};

/** What to do instead of another linter's option, or the nearest of `known`. */
function instead(token: { name: string; rawName: string }, known: readonly string[]): string {
  if (token.rawName.length === 2 && Object.hasOwn(OTHER_SHORT, token.name))
    return ` ${OTHER_SHORT[token.name]}`;
  const other = token.name.toLowerCase();
  return Object.hasOwn(OTHER_LINTERS, other)
    ? ` ${OTHER_LINTERS[other]}`
    : suggestion(closest(token.name, known), '--');
}

/** A word that names something to lint, as markdownlint-cli2, ESLint and Vale take it without a command. */
function looksLikePath(word: string): boolean {
  return word === '-' || /[/\\*?.]/.test(word) || existsSync(word);
}

function commandOf(word: string | undefined): Command | undefined {
  if (word === undefined) return undefined;
  if ((COMMANDS as readonly string[]).includes(word)) return word as Command;
  const shown = forTerminal(word);
  if (looksLikePath(word))
    throw usage(`Unknown command "${shown}". To lint it: ${invokedAs()} run ${shown}`, undefined);
  if (Object.hasOwn(OTHER_COMMANDS, word))
    throw usage(`Unknown command "${shown}". ${OTHER_COMMANDS[word]}`, undefined);
  const nearest = closest(word, COMMANDS) ?? (Object.hasOwn(SYNONYMS, word) ? SYNONYMS[word] : undefined);
  if (nearest) throw usage(`Unknown command "${shown}".${suggestion(nearest)}`, undefined);
  throw usage(`Unknown command "${shown}". The commands: ${COMMANDS.join(', ')}.`, undefined);
}

/**
 * Reads the arguments. Parsing is lenient so that every mistake gets our own message: an unknown
 * option with the nearest known one, an option another command takes, a missing value.
 */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: PARSE_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const [first, ...rest] = positionals;
  const asksHelp = first === 'help';
  const command = commandOf(asksHelp ? rest[0] : first);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const raw = forTerminal(token.rawName);
    if (!Object.hasOwn(OPTIONS, token.name)) {
      const known = command ? optionsOf(command) : (Object.keys(OPTIONS) as OptionName[]);
      throw usage(`Unknown option ${raw}.${instead(token, known)}`, command);
    }
    const name = token.name as OptionName;
    const spec: { type: string; value?: string } = OPTIONS[name];
    if (command && name !== 'version' && !(command in OPTIONS[name].help)) {
      const key = `${command} --${name}`;
      const elsewhere = Object.hasOwn(ELSEWHERE, key) ? ` ${ELSEWHERE[key]}` : '';
      throw usage(`${raw} is not an option of ${command}.${elsewhere}`, command);
    }
    if (spec.type === 'boolean' && token.value !== undefined) throw usage(`${raw} takes no value.`, command);
    // The next word is taken for a missing value when it is an option, never when it is `-` (standard
    // input) or a negative number (ESLint's `--max-warnings -1`), which its option then judges. An empty
    // value (`--config "$UNSET"`) is missing too: read as absent, it would use the discovered config.
    const missing =
      token.value === undefined ||
      token.value === '' ||
      (!token.inlineValue && token.value.startsWith('-') && !/^-(?:\d|$)/.test(token.value));
    if (spec.type === 'string' && missing) throw usage(`${raw} needs a value (${spec.value}).`, command);
  }
  const args = asksHelp ? rest.slice(1) : rest;
  // ESLint's spelling of the path `-`.
  if (values.stdin === true && !args.includes('-')) args.push('-');
  return {
    ...(command ? { command } : {}),
    values: values as Values,
    args,
    help: asksHelp || values.help === true,
  };
}
