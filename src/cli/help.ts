import { maxOf } from '../push-all.js';
import { TOOL_HOMEPAGE, TOOL_NAME } from '../version.js';
import { COMMANDS, type Command, OPTIONS, type OptionName, type OptionSpec, optionsOf } from './options.js';

/** What help says about a command: its arguments, one line for the command list, and a paragraph for its own help. */
const ABOUT: Record<Command, { args: string; summary: string; description: string }> = {
  run: {
    args: '[PATH...]',
    summary:
      "Lint a handbook: Markdown files, folders, globs or - (standard input), or the config's sources.",
    description:
      "Lint a handbook. Each PATH is a Markdown file, a folder, a glob (quote it: unquoted, the shell expands it first, and bash without globstar reads ** as *) or - for one page read from standard input; with no PATH the config's sources are crawled. Without a config the default rules apply. Links between the given pages resolve within the site root: the config's Markdown root when the paths lie inside it, else the folder the paths have in common. A link to a file that was not given is checked against the disk. When only some of the handbook's pages are given (or one folder outside the config's Markdown root), orphan-page is not run, since the links into a page come from pages that were not read, and the wikis, write-back and ledger are left alone.",
  },
  rules: {
    args: '[ID] [--test [DIR|ID]]',
    summary:
      "List the rules with their level and description; ID shows one rule's documentation; --test runs their examples.",
    description:
      "List the active rules with their level and description. With a rule ID, show that rule's documentation: what it checks, how to fix a finding, its options (with the config's values), an example it reports and one it accepts. With --test, run every rule's examples (the default pack and the config's rule-folders, DIR's rules, or only rule ID's) and show each failing one. Your own rules are YAML files in a folder the config lists under rule-folders, one per rule, the file name its id: see \"Writing your own rules\" in the README, and schema/rule.schema.json for every key.",
  },
  baseline: {
    args: '[PATH...]',
    summary: "Accept today's findings in a baseline file, so later runs report only new findings.",
    description:
      "Accept today's findings: write the baseline file (the config's `baseline`, or -o FILE) so later runs report only new findings (use it with the config's `baseline` or run --baseline FILE). PATH is as for run. The file has no timestamp and its findings are sorted: regenerating it unchanged writes the same bytes.",
  },
  init: {
    args: '[FOLDER]',
    summary: 'Write a commented starter config (handbook-lint.yml, or -o FILE).',
    description:
      "Write a commented starter config (handbook-lint.yml, or -o FILE). FOLDER is the Markdown handbook's folder (sources.markdown.root); without it, the folder the config is in.",
  },
  sync: {
    args: '--out DIR',
    summary: "Mirror the config's Notion or Confluence wiki into --out DIR as Markdown files.",
    description:
      "Mirror the config's Notion or Confluence wiki into --out DIR as Markdown files (incremental; files of deleted pages are removed).",
  },
};

const EXIT_CODES = `Exit codes: 0 no findings at the fail level, 1 findings at or above it (or more
            warnings than --max-warnings), 2 usage or config error, no pages matched, or
            another run holds the ledger's lock, 3 some pages could not be read,
            or the wiki listing was not trusted (nothing written; see --accept-shrink),
            70 an internal error (a bug: HANDBOOK_LINT_DEBUG=1 prints its stack).
`;

// sync finds nothing, so it never exits 1.
const SYNC_EXIT_CODES = `Exit codes: 0 the mirror was written, 2 usage or config error (or the state file is locked),
            3 some pages could not be read, or the wiki listing was not trusted
            (nothing written; see --accept-shrink), 70 an internal error.
`;

const WIDTH = 100;

// The commands that crawl the config's wikis read their credentials here, never from the config file.
const WIKI_COMMANDS: readonly Command[] = ['run', 'baseline', 'sync'];
const ENVIRONMENT: [string, string][] = [
  ['NOTION_TOKEN', "The Notion integration's secret (sources.notion.token-env names another variable)."],
  [
    'CONFLUENCE_EMAIL, CONFLUENCE_TOKEN',
    "The Atlassian account's email and API token (sources.confluence.email-env and token-env name others).",
  ],
  [
    'HANDBOOK_LINT_API_HOSTS',
    "Hosts besides the platforms' own the credentials may go to, comma-separated (a Confluence custom domain, a proxy).",
  ],
];

/** Wraps text into lines of at most WIDTH columns, every line after the first indented by `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** Two columns: names padded to one width, texts wrapped beside them. */
function table(rows: [string, string][]): string {
  const width =
    maxOf(
      rows.map(([name]) => name.length),
      0,
    ) + 2;
  return rows.map(([name, text]) => `  ${name.padEnd(width)}${wrap(text, width + 2)}\n`).join('');
}

function optionLabel(name: OptionName): string {
  const spec: OptionSpec = OPTIONS[name];
  const long = spec.value ? `--${name} ${spec.value}` : `--${name}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

/** The help of the command line: the commands, and how to get each one's options. */
export function globalHelp(): string {
  const commands = table(COMMANDS.map((c) => [`${c} ${ABOUT[c].args}`.trim(), ABOUT[c].summary]));
  return `Usage: ${TOOL_NAME} <command> [options]

Commands:
${commands}
Options:
  -h, --help     Show this help. ${TOOL_NAME} <command> --help shows a command's options.
  -v, --version  Show the version.

${EXIT_CODES}
Documentation: ${TOOL_HOMEPAGE} (README.md in the package);
${TOOL_NAME} rules ID documents one rule.
`;
}

/** One command's help: its usage, what it does, and only its options. */
export function commandHelp(command: Command): string {
  const about = ABOUT[command];
  const options = table(
    optionsOf(command).map((name) => [
      optionLabel(name),
      (OPTIONS[name].help as Record<string, string>)[command] ?? '',
    ]),
  );
  const usage = `Usage: ${TOOL_NAME} ${command}${about.args ? ` ${about.args}` : ''} [options]`;
  const environment = WIKI_COMMANDS.includes(command) ? `\nEnvironment:\n${table(ENVIRONMENT)}` : '';
  const exits = command === 'run' ? `\n${EXIT_CODES}` : command === 'sync' ? `\n${SYNC_EXIT_CODES}` : '';
  return `${usage}\n\n${wrap(about.description, 0)}\n\nOptions:\n${options}${environment}${exits}`;
}
