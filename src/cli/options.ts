/** The commands, in the order help lists them. */
export const COMMANDS = ['run', 'rules', 'baseline', 'init', 'sync'] as const;

/** A command of the command line. */
export type Command = (typeof COMMANDS)[number];

/** One option: how it parses, the name of its value in help, and its help for each command that takes it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's name in help (FILE, LEVEL); string options only. */
  value?: string;
  /** Help text for each command that accepts the option; every other command rejects it. */
  help: Partial<Record<Command, string>>;
}

const DISCOVERY =
  'Without it, the nearest handbook-lint.yml (or .yaml, or either with a leading dot) from the working folder up to the repository root is used.';
const SHRINK_HELP =
  "Trust a wiki listing that lost pages (more than state.max-shrink of the ledger's), whose search was cut short, or that names another wiki than the ledger: its missing findings count as fixed. Without it such a run writes nothing and exits 3.";
const WAIT_LOCK_HELP = "Wait up to SECS for another run's lock on the state file (default: refuse).";

/** The same help for every command. */
const everyCommand = (text: string) =>
  ({ run: text, rules: text, baseline: text, init: text, sync: text }) as const;

/**
 * Every option of the command line. A new option is one entry here: parsing, each command's help and
 * the "not an option of" and "did you mean" errors follow from it.
 */
export const OPTIONS = {
  config: {
    type: 'string',
    short: 'c',
    value: 'FILE',
    help: {
      run: `Config file (YAML). See config.example.yml. ${DISCOVERY}`,
      rules: `Config file (YAML): list the rules with its settings and rule folders. ${DISCOVERY}`,
      baseline: `Config file (YAML). See config.example.yml. ${DISCOVERY}`,
      sync: `Config file (YAML) naming the notion or confluence source. ${DISCOVERY}`,
    },
  },
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    help: {
      run: 'Report format: console (default), compact (one file:line:col line per finding), json, markdown (the findings page), sarif (GitHub code scanning), html (a self-contained dashboard with trend charts; write it with -o report.html), or github (annotations on the files, for a run in a GitHub workflow).',
    },
  },
  output: {
    type: 'string',
    short: 'o',
    value: 'FILE',
    help: {
      run: 'Write the report to FILE instead of standard output (missing folders are created). Without --format, a name ending in .json, .sarif, .html or .md picks that format.',
      baseline: "Write the baseline to FILE instead of the config's `baseline` file.",
      init: 'Write the config to FILE instead of handbook-lint.yml.',
    },
  },
  baseline: {
    type: 'string',
    value: 'FILE',
    help: {
      run: "Accept the findings in this baseline file (written by `baseline -o FILE`) instead of the config's.",
    },
  },
  'fail-on': {
    type: 'string',
    value: 'LEVEL',
    help: { run: 'Exit 1 when a finding is at or above LEVEL: error (default), warning, never.' },
  },
  'max-warnings': {
    type: 'string',
    value: 'N',
    help: { run: 'Exit 1 when there are more than N warnings (counted even with --quiet).' },
  },
  owner: {
    type: 'string',
    value: 'NAME',
    help: {
      run: "Keep only the findings on pages NAME owns (case-insensitive; one of a page's owners, with or without @), in every format: a personal digest. The totals count NAME's pages, the exit code and --max-warnings NAME's findings; the console shows no handbook metrics.",
    },
  },
  quiet: {
    type: 'boolean',
    help: {
      run: 'Report errors only (every format), and in the console no metrics; warnings still count for the exit code (--fail-on warning, --max-warnings).',
    },
  },
  'group-by': {
    type: 'string',
    value: 'MODE',
    help: { run: 'console: findings grouped by rule (default), page or owner.' },
  },
  stdin: {
    type: 'boolean',
    help: {
      run: 'Read one page from standard input: the same as the path -.',
      baseline: 'Read one page from standard input: the same as the path -.',
    },
  },
  'stdin-filename': {
    type: 'string',
    value: 'NAME',
    help: {
      run: 'The path of the page read from standard input (PATH -), for its links and page key (default <stdin>).',
      baseline: 'The path of the page read from standard input (PATH -).',
    },
  },
  now: {
    type: 'string',
    value: 'DATE',
    help: {
      run: 'Judge ages as of DATE (YYYY-MM-DD) instead of today, for reproducible runs.',
      baseline: 'Judge ages as of DATE (YYYY-MM-DD) instead of today.',
    },
  },
  full: {
    type: 'boolean',
    help: {
      run: 'Refetch every wiki page, not only the pages edited since the last run.',
      sync: 'Refetch every wiki page, not only the pages edited since the last run.',
    },
  },
  'dry-run': {
    type: 'boolean',
    help: {
      run: 'Print every write-back write (findings pages, comments) and make none.',
      sync: 'Print what the mirror would write and delete, and change nothing.',
    },
  },
  'accept-shrink': { type: 'boolean', help: { run: SHRINK_HELP, sync: SHRINK_HELP } },
  'wait-lock': { type: 'string', value: 'SECS', help: { run: WAIT_LOCK_HELP, sync: WAIT_LOCK_HELP } },
  verbose: {
    type: 'boolean',
    help: {
      run: 'Log how long each stage took to standard error (one line per run), and name the config file found without --config.',
    },
  },
  source: {
    type: 'string',
    multiple: true,
    value: 'SOURCE',
    help: { init: 'markdown, notion, confluence (repeat or comma-separate; default markdown).' },
  },
  force: { type: 'boolean', help: { init: 'Overwrite an existing config file.' } },
  out: { type: 'string', value: 'DIR', help: { sync: 'The mirror folder.' } },
  test: {
    type: 'boolean',
    help: {
      rules:
        "Run every rule's examples (the default pack and the config's rule-folders, DIR's rules, or only rule ID's) and show each failing one with its expected and actual findings, instead of listing the rules.",
    },
  },
  color: {
    type: 'boolean',
    help: everyCommand('Color the output even when it is not a terminal (as FORCE_COLOR=1); never a file.'),
  },
  'no-color': { type: 'boolean', help: everyCommand('Never color the output (as NO_COLOR=1).') },
  help: {
    type: 'boolean',
    short: 'h',
    help: {
      run: 'Show this help.',
      rules: 'Show this help.',
      baseline: 'Show this help.',
      init: 'Show this help.',
      sync: 'Show this help.',
    },
  },
  version: { type: 'boolean', short: 'v', help: {} },
} as const satisfies Record<string, OptionSpec>;

/** An option's name. */
export type OptionName = keyof typeof OPTIONS;

/** The parsed options. */
export type Values = {
  [K in OptionName]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'string'
      ? string
      : boolean;
};

/** The options a command accepts, in table order. */
export function optionsOf(command: Command): OptionName[] {
  return (Object.keys(OPTIONS) as OptionName[]).filter((name) => command in OPTIONS[name].help);
}
