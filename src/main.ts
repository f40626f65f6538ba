import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, defaultConfig, loadConfig, type ReportFormat } from './config.js';
import { HandbookLintError } from './errors.js';
import { DEFAULT_CONFIG_FILE, nextSteps, parseSources, writeStarterConfig } from './init.js';
import { forOwner } from './owners.js';
import { progressLine } from './progress.js';
import { palette } from './report/colors.js';
import { formatConsole } from './report/console.js';
import { formatJson } from './report/json.js';
import { formatMarkdown } from './report/markdown.js';
import { posixRelative, repositoryRoot } from './report/repository.js';
import type { LintResult } from './report/result.js';
import { formatSarif, type SarifOptions } from './report/sarif.js';
import { loadActiveRules } from './rules/load.js';
import { run } from './run.js';
import { writeBaseline } from './suppressions.js';
import { formatSyncDetails, formatSyncSummary } from './sync/report.js';
import { sync } from './sync/sync.js';
import { forTerminal, linesForTerminal } from './terminal.js';
import { StageTimer } from './timings.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import { formatPlan } from './writeback/plan.js';
import { formatDiagnostics } from './yaml-file.js';

/** Exit codes, documented in the README; scripts and CI rely on them. */
export const EXIT = { clean: 0, findings: 1, usage: 2, partial: 3 } as const;

const HELP = `Usage: ${TOOL_NAME} <command> [options]

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
      --owner NAME      run: report only the findings on pages NAME owns (case-insensitive; one of a
                        page's owners, with or without @), in every format: a personal digest.
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

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  owner: { type: 'string' },
  now: { type: 'string' },
  full: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'accept-shrink': { type: 'boolean' },
  'wait-lock': { type: 'string' },
  verbose: { type: 'boolean' },
  source: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'string'
      ? string
      : boolean;
};

/** Writes atomically (temp file + rename) so a report is never left half-written. */
async function writeOutput(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    throw new HandbookLintError(
      'OUTPUT_FAILED',
      `Cannot write report to ${file}: ${(error as Error).message}`,
    );
  }
}

/** The config a run uses: the file, a folder argument, or both (the folder replaces the Markdown root); shared with the GitHub Action. */
export async function configFor(values: Pick<Values, 'config'>, path: string | undefined): Promise<Config> {
  const config = values.config ? await loadConfig(resolve(values.config)) : undefined;
  if (!path) {
    if (config) return config;
    throw new HandbookLintError(
      'USAGE',
      'Nothing to lint: pass a folder (handbook-lint run ./handbook) or --config FILE.',
    );
  }
  const root = resolve(path);
  if (!existsSync(root)) throw new HandbookLintError('SOURCE_NOT_FOUND', `No such folder: ${path}`);
  const fallback = defaultConfig(root);
  if (!config) return fallback;
  return { ...config, markdown: { ...(config.markdown ?? fallback.markdown), root } as Config['markdown'] };
}

/** Whether year-month-day names a day of the calendar: `new Date` rolls 2024-02-30 over into March. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The run's clock: today, or the `--now` date (a time may follow after `T`) for reproducible runs; shared with the GitHub Action. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = new Date(value);
  const day = /^(\d{4})-(\d{2})-(\d{2})(?=$|T)/.exec(value);
  if (
    !day ||
    Number.isNaN(date.getTime()) ||
    !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))
  ) {
    throw new HandbookLintError('USAGE', `--now takes a date like 2026-06-01, not "${forTerminal(value)}"`);
  }
  return date;
}

/** One of the allowed values, or a usage error naming them; shared with the GitHub Action. */
export function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new HandbookLintError('USAGE', `--${name} must be one of ${allowed.join(', ')}; got "${value}"`);
}

/** The exit code a run ends with (see EXIT); the GitHub Action ends with the same one. */
export function exitCode(result: LintResult, failOn: 'error' | 'warning' | 'never'): number {
  if (result.summary.unreadablePages > 0 || result.implausible?.length) return EXIT.partial;
  if (failOn === 'error' && result.summary.errors > 0) return EXIT.findings;
  if (failOn === 'warning' && result.summary.errors + result.summary.warnings > 0) return EXIT.findings;
  return EXIT.clean;
}

/** Links in a Markdown report lead to the pages relative to where the report is written. */
function markdownLinks(config: Config, output: string | undefined): { linkBase?: string } {
  const root = config.markdown?.root;
  if (!root) return {};
  const base = relative(output ? dirname(output) : process.cwd(), root)
    .split(sep)
    .join('/');
  return { linkBase: base ? `${base}/` : '' };
}

/** SARIF names Markdown files from the repository root, as code scanning resolves them. */
function sarifOptions(config: Config): SarifOptions {
  const root = config.markdown?.root;
  if (!root) return {};
  return { markdownRoot: posixRelative(repositoryRoot(root) ?? process.cwd(), root) };
}

async function commandRun(values: Values, path: string | undefined): Promise<number> {
  const config = await configFor(values, path);
  const format = choice<ReportFormat>(
    'format',
    values.format,
    ['console', 'json', 'markdown', 'sarif'],
    config.report.format,
  );
  const failOn = choice('fail-on', values['fail-on'], ['error', 'warning', 'never'], config.failOn);
  const timer = new StageTimer();
  const everyone = await run(config, {
    now: parseNow(values.now),
    ...(values.full ? { full: true } : {}),
    ...(values['dry-run'] ? { dryRun: true } : {}),
    ...(values['accept-shrink'] ? { acceptShrink: true } : {}),
    waitLockMs: parseWaitLock(values['wait-lock']),
    onProgress: progressLine(process.stderr),
    onStage: timer.mark,
  });
  const result = values.owner === undefined ? everyone : forOwner(everyone, values.owner);
  printWriteback(result);
  if (result.summary.pages === 0) warnNoPages(config);
  const output = values.output ? resolve(values.output) : config.report.output;
  const text =
    format === 'json'
      ? formatJson(result)
      : format === 'markdown'
        ? formatMarkdown(result, result.coverage, markdownLinks(config, output))
        : format === 'sarif'
          ? formatSarif(result, {
              ...sarifOptions(config),
              warn: (text) => process.stderr.write(`${palette(process.stderr).yellow('warning')} ${text}\n`),
            })
          : formatConsole(result, palette(output ? {} : process.stdout));
  if (output) await writeOutput(output, text);
  else process.stdout.write(text);
  timer.mark('report');
  if (values.verbose) process.stderr.write(`${timer.format(result.summary.pages)}\n`);
  return exitCode(result, failOn);
}

/** An empty crawl is almost always a wrong root or glob: say so rather than report a clean handbook. */
function warnNoPages(config: Config): void {
  const where = config.markdown
    ? `${config.markdown.root} matches none of include ${JSON.stringify(config.markdown.include)}`
    : 'the configured sources returned no pages';
  process.stderr.write(`${palette(process.stderr).yellow('warning')} No pages to lint: ${where}.\n`);
}

/** `--wait-lock SECONDS` in milliseconds; absent = do not wait. */
function parseWaitLock(value: string | undefined): number {
  if (value === undefined) return 0;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(seconds)) {
    throw new HandbookLintError('USAGE', `--wait-lock takes a number of seconds, not "${value}"`);
  }
  return seconds * 1000;
}

/** The write-back plan or log and every notice (expired suppressions, write-back problems) go to standard error. */
function printWriteback(result: LintResult): void {
  // Both quote page titles and wiki replies.
  if (result.writeback) process.stderr.write(linesForTerminal(formatPlan(result.writeback)));
  const colors = palette(process.stderr);
  for (const notice of result.notices ?? [])
    process.stderr.write(`${colors.yellow('warning')} ${forTerminal(notice)}\n`);
}

async function commandBaseline(values: Values, path: string | undefined): Promise<number> {
  const config = await configFor(values, path);
  const file = values.output ? resolve(values.output) : config.baselinePath;
  if (!file) {
    throw new HandbookLintError(
      'USAGE',
      'Where should the baseline go? Set `baseline: FILE` in the config, or pass -o FILE.',
    );
  }
  const now = parseNow(values.now);
  // It reads the wikis but writes nothing back and records no run.
  const result = await run(config, { now, forBaseline: true, onProgress: progressLine(process.stderr) });
  const count = await writeBaseline(file, result.findings, now);
  process.stdout.write(
    `Baseline ${file}: ${count} finding${count === 1 ? '' : 's'} accepted. Later runs report only new findings.\n`,
  );
  return EXIT.clean;
}

async function commandInit(values: Values): Promise<number> {
  const file = values.output ?? DEFAULT_CONFIG_FILE;
  const sources = parseSources(values.source);
  await writeStarterConfig(resolve(file), sources, values.force === true);
  process.stdout.write(nextSteps(file, sources));
  return EXIT.clean;
}

async function commandSync(values: Values, path: string | undefined): Promise<number> {
  if (path || !values.config || !values.out) {
    throw new HandbookLintError(
      'USAGE',
      'Usage: sync --config FILE --out DIR (the config names a notion or confluence source).',
    );
  }
  const result = await sync(await loadConfig(resolve(values.config)), {
    out: values.out,
    ...(values.full ? { full: true } : {}),
    ...(values['dry-run'] ? { dryRun: true } : {}),
    waitLockMs: parseWaitLock(values['wait-lock']),
    onProgress: progressLine(process.stderr),
    ...(values['accept-shrink'] ? { acceptShrink: true } : {}),
  });
  process.stderr.write(formatSyncDetails(result, palette(process.stderr)));
  process.stdout.write(formatSyncSummary(result));
  return result.unreadable.length || result.implausible?.length ? EXIT.partial : EXIT.clean;
}

async function commandRules(values: Values): Promise<number> {
  const config = values.config ? await loadConfig(resolve(values.config)) : defaultConfig('.');
  const rules = await loadActiveRules(config);
  const colors = palette(process.stdout);
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const rule of rules) {
    process.stdout.write(
      `${colors.bold(rule.id.padEnd(width))}  ${rule.configuredLevel.padEnd(7)}  ${rule.description}\n`,
    );
  }
  return EXIT.clean;
}

/** Runs the command line and returns the exit code; errors become messages, never stack traces. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.version) {
      process.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT.clean;
    }
    const [command, ...rest] = positionals;
    if (values.help || !command || command === 'help') {
      process.stdout.write(HELP);
      return command || values.help ? EXIT.clean : EXIT.usage;
    }
    if (rest.length > 1) throw new HandbookLintError('USAGE', `Too many arguments: ${rest.join(' ')}`);
    if (command === 'run') return await commandRun(values, rest[0]);
    if (command === 'rules') return await commandRules(values);
    if (command === 'baseline') return await commandBaseline(values, rest[0]);
    if (command === 'init') return await commandInit(values);
    if (command === 'sync') return await commandSync(values, rest[0]);
    throw new HandbookLintError('USAGE', `Unknown command "${command}". Run ${TOOL_NAME} --help.`);
  } catch (error) {
    return reportError(error);
  }
}

/** Prints an error as a message (a stack only with HANDBOOK_LINT_DEBUG) and returns its exit code; shared with the GitHub Action. */
export function reportError(error: unknown): number {
  const colors = palette(process.stderr);
  if (error instanceof HandbookLintError) {
    process.stderr.write(`${colors.red('error')} ${linesForTerminal(error.message)}\n`);
    if (error.diagnostics.length) process.stderr.write(`${formatDiagnostics(error.diagnostics)}\n`);
    return EXIT.usage;
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${colors.red('error')} ${error.message}\nRun ${TOOL_NAME} --help.\n`);
    return EXIT.usage;
  }
  process.stderr.write(
    `${colors.red('internal error')} ${linesForTerminal((error as Error)?.message ?? String(error))}\n`,
  );
  if (process.env.HANDBOOK_LINT_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
  return 70;
}
