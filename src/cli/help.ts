import { TOOL_NAME } from '../version.js';

/** The command line's help text. */
export const HELP = `Usage: ${TOOL_NAME} <command> [options]

Commands:
  run [PATH]        Lint a handbook. PATH lints that Markdown folder with the default rules
                    (no config needed); otherwise the config's sources are crawled.
  rules             List the rules with their level and description.
  baseline [PATH]   Accept today's findings: write the baseline file (config \`baseline\`, or -o FILE)
                    so later runs report only new findings.
  init              Write a commented starter config (handbook-lint.yml, or -o FILE).
  sync              Mirror the config's Notion or Confluence wiki into --out DIR as Markdown files
                    (incremental; files of deleted pages are removed).

Options:
  -c, --config FILE     Config file (YAML). See config.example.yml.
  -f, --format FORMAT   Report format: console (default), json, markdown (the findings page),
                        or sarif (GitHub code scanning).
  -o, --output FILE     Write the report to FILE instead of standard output.
      --fail-on LEVEL   Exit 1 when a finding is at or above LEVEL: error (default), warning, never.
      --now DATE        Judge ages as of DATE (YYYY-MM-DD) instead of today, for reproducible runs.
      --full            Refetch every wiki page, not only the pages edited since the last run.
      --dry-run         Print every write-back write (findings pages, comments) and make none.
      --accept-shrink   run, sync: trust a wiki listing that lost pages (more than state.max-shrink of the
                        ledger's), whose search was cut short, or that names another wiki than the
                        ledger: its missing findings count as fixed. Without it such a run writes
                        nothing and exits 3.
      --wait-lock SECS  Wait up to SECS for another run's lock on the state file (default: refuse).
      --verbose         Log how long each stage took to standard error (one line per run).
      --source SOURCE   init: markdown, notion, confluence (repeat or comma-separate; default markdown).
      --force           init: overwrite an existing config file.
      --out DIR         sync: the mirror folder.
  -h, --help            Show this help.
  -v, --version         Show the version.

Exit codes: 0 no findings at the fail level, 1 findings at or above it,
            2 usage or config error, 3 some pages could not be read, or the wiki listing
            was not trusted (nothing written; see --accept-shrink).
`;
