import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { HandbookLintError } from '../errors.js';
import { NOT_FAIL_LEVELS } from '../fail-levels.js';
import { type Config, type ReportFormat, reportFormatOfFile } from '../model/config.js';
import type { LintResult } from '../model/result.js';
import { forOwner, unowned } from '../owners.js';
import { configuredWikis } from '../platforms/registry.js';
import { progressLine } from '../progress.js';
import { palette } from '../report/colors.js';
import { formatCompact } from '../report/compact.js';
import { formatConsole } from '../report/console.js';
import { GROUP_BY, type GroupBy } from '../report/console-groups.js';
import { totalsLine } from '../report/console-summary.js';
import { formatGithub } from '../report/github.js';
import { formatHtml } from '../report/html.js';
import { jsonReport } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { posixRelative, repositoryRoot } from '../report/repository.js';
import { formatSarif, type SarifOptions } from '../report/sarif.js';
import { onlyErrors } from '../report/summary.js';
import { run } from '../run.js';
import { forTerminal, linesForTerminal } from '../terminal.js';
import { StageTimer } from '../timings.js';
import { plural } from '../words.js';
import { writeFileAtomically } from '../write-file.js';
import { formatPlan } from '../writeback/plan.js';
import { withConfigFile } from './config-file.js';
import { EXIT, exitCode } from './exit.js';
import { excludedFiles, noPagesMessage } from './input-hints.js';
import { resolveInputs } from './inputs.js';
import type { Values } from './options.js';
import { refuseFolder } from './output-file.js';
import { choice, parseNow, parseWaitLock } from './values.js';

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

/**
 * `github` (workflow-command annotations) is a log format for a CLI run in a GitHub workflow: the
 * command line takes it, a config's `report.format` (a report kept in a file) does not.
 */
type CliFormat = ReportFormat | 'github';
const FORMATS: readonly CliFormat[] = ['console', 'compact', 'json', 'markdown', 'sarif', 'html', 'github'];
const FAIL_ON = ['error', 'warning', 'never'] as const;

/** Other linters' report formats (ESLint's stylish and unix, Vale's CLI and line) that ours do the job of. */
const SAME_JOB: Readonly<Record<string, ReportFormat>> = {
  stylish: 'console',
  cli: 'console',
  unix: 'compact',
  line: 'compact',
};
const FOR_OTHER_TOOLS = 'for another tool, use json or sarif (SARIF 2.1.0)';
/** What `--format` says to another linter's format name. */
const OTHER_FORMATS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(SAME_JOB).map(([name, ours]) => [name, `did you mean ${ours}?`])),
  checkstyle: FOR_OTHER_TOOLS,
  junit: FOR_OTHER_TOOLS,
  tap: FOR_OTHER_TOOLS,
  // GitLab's code quality report: not a typo of github, whose annotations GitLab does not read.
  codeclimate: FOR_OTHER_TOOLS,
  gitlab: FOR_OTHER_TOOLS,
  // The names markdownlint-cli2's and ESLint's third-party GitHub formatters go by.
  'github-actions': 'did you mean github?',
  gha: 'did you mean github?',
  annotations: 'did you mean github?',
};

/**
 * `-o line`: Vale's `--output` names the format. A bare word that is a format's name is that mistake,
 * not a report file to write in the working folder.
 */
function checkOutput(output: string | undefined): void {
  if (output === undefined) return;
  refuseFolder(output, 'handbook-lint.json', '; .json, .sarif, .html or .md picks the format');
  const word = output.toLowerCase();
  const ours = (FORMATS as readonly string[]).includes(word) ? word : SAME_JOB[word];
  if (!ours && !Object.hasOwn(OTHER_FORMATS, word)) return;
  throw new HandbookLintError(
    'USAGE',
    `--output names the report file, not a format: got "${forTerminal(output)}". Use --format ${ours ?? 'FORMAT'} (and -o FILE to write it to a file).`,
  );
}

/**
 * `-o` names of standard output, written through it: Linux opens `/dev/stdout` anew, which fails
 * (ENXIO) when standard output is a socket, as a Node parent's `spawn` makes it (exit 2, no report).
 */
const STANDARD_OUTPUT = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** `handbook-lint run`: lint, report, and exit by the fail level. */
export async function commandRun(values: Values, paths: readonly string[]): Promise<number> {
  // Flags are checked before any file is read, so a typo is the first thing reported.
  const format =
    values.format === undefined
      ? undefined
      : choice('--format', values.format, FORMATS, 'console', OTHER_FORMATS);
  const failOn =
    values['fail-on'] === undefined
      ? undefined
      : choice('--fail-on', values['fail-on'], FAIL_ON, 'error', NOT_FAIL_LEVELS);
  // ESLint and markdownlint list findings by file: a page here.
  const groupBy = choice('--group-by', values['group-by'], GROUP_BY, 'rule', { file: 'did you mean page?' });
  checkOutput(values.output);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const now = parseNow(values.now);
  const inputs = await resolveInputs(withConfigFile(values), paths, now);
  const config = values.baseline
    ? { ...inputs.config, baselinePath: resolve(values.baseline) }
    : inputs.config;
  const timer = new StageTimer();
  const everyone = await run(config, {
    now,
    ...(values.full ? { full: true } : {}),
    ...(values['dry-run'] ? { dryRun: true } : {}),
    ...(values['accept-shrink'] ? { acceptShrink: true } : {}),
    waitLockMs: parseWaitLock(values['wait-lock']),
    onProgress: progressLine(process.stderr),
    onStage: timer.mark,
  });
  printWriteback(everyone);
  if (everyone.summary.pages === 0 && onlyFiles(config)) {
    const excluded = excludedFiles(config, paths, values['stdin-filename']);
    if (!excluded) throw new HandbookLintError('SOURCE_NOT_FOUND', noPagesMessage(config, paths));
    const warning = palette(process.stderr).yellow('warning');
    for (const path of excluded)
      process.stderr.write(`${warning} ${forTerminal(path)}: left out by the config's exclude, not linted\n`);
  }
  const result = values.owner === undefined ? everyone : forOwner(everyone, values.owner);
  const nobody = values.owner === undefined ? undefined : unowned(everyone, values.owner);
  if (nobody) process.stderr.write(`${palette(process.stderr).yellow('warning')} ${forTerminal(nobody)}\n`);
  const output = values.output ? resolve(values.output) : config.report.output;
  const view = {
    quiet: values.quiet === true,
    groupBy,
    output,
    partial: inputs.partial || values.owner !== undefined,
  };
  // A file's name picks the format only for the file it names: -o y.txt is not the config's report.json.
  const named = values.output ? reportFormatOfFile(values.output) : undefined;
  const chosen =
    format ??
    named ??
    config.report.format ??
    (values.output ? undefined : reportFormatOfFile(output)) ??
    'console';
  const text = reportText(result, config, chosen, view);
  if (output && !STANDARD_OUTPUT.has(output)) await writeFileAtomically(output, text, 'report to');
  else for (const piece of typeof text === 'string' ? [text] : text) process.stdout.write(piece);
  timer.mark('report');
  if (values.verbose) process.stderr.write(`${timer.format(result.summary.pages)}\n`);
  const code = exitCode(result, failOn ?? config.failOn);
  // A failing run whose report went to a file left a CI log with nothing but the exit code, and one in
  // --format github with annotations but no totals: a line says why. Not for a pipe or a device
  // (-o /dev/null), whose reader has the report or wants none.
  const toFile =
    output && !STANDARD_OUTPUT.has(output) && statSync(output, { throwIfNoEntry: false })?.isFile();
  if (code !== EXIT.clean && (toFile || chosen === 'github')) {
    const unread = result.summary.unreadablePages;
    const notRead = unread ? `; ${plural(unread, 'page')} could not be read` : '';
    const where = toFile
      ? ` (the report is in ${forTerminal(relative(process.cwd(), output) || output)})`
      : '';
    process.stderr.write(
      `${totalsLine(result.summary, result.history, palette(process.stderr))}${notRead}${where}\n`,
    );
  }
  if (code === EXIT.clean && maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    process.stderr.write(
      `${palette(process.stderr).red('error')} ${plural(result.summary.warnings, 'warning')}, more than --max-warnings ${maxWarnings}.\n`,
    );
    return EXIT.findings;
  }
  return code;
}

/**
 * Whether the run read files only: no pages there is a mistake in the paths or the excludes. A wiki may
 * list none (an empty space, or a listing the ledger does not trust, which the run reports with exit 3).
 */
function onlyFiles(config: Config): boolean {
  return !configuredWikis(config).length;
}

/** `--max-warnings N`: a whole number of warnings allowed; absent = no limit. */
function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    // ESLint's -1 means no limit, which here is leaving the option out.
    const instead = /^-\d+$/.test(value) ? ': leave it out for no limit' : '';
    throw new HandbookLintError(
      'USAGE',
      `--max-warnings takes a whole number, not "${forTerminal(value)}"${instead}`,
    );
  }
  return Number(value);
}

/** Console and compact paths start at the working directory, so a terminal can open them. */
function consolePlaces(config: Config): { markdownBase?: string } {
  const root = config.markdown?.root;
  return root ? { markdownBase: relative(process.cwd(), root) } : {};
}

function reportText(
  result: LintResult,
  config: Config,
  format: CliFormat,
  view: { quiet: boolean; groupBy: GroupBy; output: string | undefined; partial: boolean },
): string | Iterable<string> {
  const { quiet, groupBy, output, partial } = view;
  const reported = quiet ? onlyErrors(result) : result;
  const places = consolePlaces(config);
  // In pieces: a large handbook's JSON report is never one string in memory.
  if (format === 'json') return jsonReport(reported);
  if (format === 'markdown')
    return formatMarkdown(reported, reported.coverage, markdownLinks(config, output));
  if (format === 'sarif')
    return formatSarif(reported, {
      ...sarifOptions(config),
      warn: (text) => process.stderr.write(`${palette(process.stderr).yellow('warning')} ${text}\n`),
    });
  if (format === 'html') return formatHtml(reported, markdownLinks(config, output));
  if (format === 'compact') return formatCompact(result, { ...places, quiet });
  if (format === 'github')
    return formatGithub(result, { markdownRoot: sarifOptions(config).markdownRoot ?? '', quiet });
  // A file is read later, elsewhere: never colored, whatever FORCE_COLOR or --color say.
  const colors = output ? palette({}, {}) : palette(process.stdout);
  // --quiet on a terminal is the errors, as ESLint's: the metrics are no errors (the documents keep them).
  const withMetrics = !partial && !quiet;
  return formatConsole(withMetrics ? result : withoutCoverage(result), colors, { ...places, quiet, groupBy });
}

/**
 * A run on some pages (files, globs, -, a sub-folder: a pre-commit hook, an editor; or one owner's,
 * --owner) is about those pages' findings: the handbook's metrics measured on a few of its pages would only mislead people
 * ("Documentation coverage 0 %" for one policy page). Machine reports keep them.
 */
function withoutCoverage(result: LintResult): LintResult {
  const { coverage: _coverage, ...rest } = result;
  return rest;
}

/** The write-back plan or log and every notice (expired suppressions, write-back problems) go to standard error. */
function printWriteback(result: LintResult): void {
  // Both quote page titles and wiki replies.
  if (result.writeback) process.stderr.write(linesForTerminal(formatPlan(result.writeback)));
  const colors = palette(process.stderr);
  for (const notice of result.notices ?? [])
    process.stderr.write(`${colors.yellow('warning')} ${forTerminal(notice.message)}\n`);
}
