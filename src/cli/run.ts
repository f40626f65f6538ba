import { dirname, relative, resolve, sep } from 'node:path';
import type { Config, ReportFormat } from '../config.js';
import { HandbookLintError } from '../errors.js';
import { progressLine } from '../progress.js';
import { palette } from '../report/colors.js';
import { formatConsole } from '../report/console.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { posixRelative, repositoryRoot } from '../report/repository.js';
import type { LintResult } from '../report/result.js';
import { formatSarif, type SarifOptions } from '../report/sarif.js';
import { run } from '../run.js';
import { forTerminal, linesForTerminal } from '../terminal.js';
import { StageTimer } from '../timings.js';
import { writeFileAtomically } from '../write-file.js';
import { formatPlan } from '../writeback/plan.js';
import { withConfigFile } from './config-file.js';
import { exitCode } from './exit.js';
import { noPagesMessage, resolveInputs } from './inputs.js';
import type { Values } from './options.js';
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

const FORMATS: readonly ReportFormat[] = ['console', 'json', 'markdown', 'sarif'];
const FAIL_ON = ['error', 'warning', 'never'] as const;

/** `handbook-lint run`: lint, report, and exit by the fail level. */
export async function commandRun(values: Values, paths: readonly string[]): Promise<number> {
  // Flags are checked before any file is read, so a typo is the first thing reported.
  const format =
    values.format === undefined ? undefined : choice('format', values.format, FORMATS, 'console');
  const failOn =
    values['fail-on'] === undefined ? undefined : choice('fail-on', values['fail-on'], FAIL_ON, 'error');
  const inputs = await resolveInputs(withConfigFile(values), paths);
  const config = values.baseline
    ? { ...inputs.config, baselinePath: resolve(values.baseline) }
    : inputs.config;
  const timer = new StageTimer();
  const result = await run(config, {
    now: parseNow(values.now),
    ...(values.full ? { full: true } : {}),
    ...(values['dry-run'] ? { dryRun: true } : {}),
    ...(values['accept-shrink'] ? { acceptShrink: true } : {}),
    waitLockMs: parseWaitLock(values['wait-lock']),
    onProgress: progressLine(process.stderr),
    onStage: timer.mark,
  });
  printWriteback(result);
  if (result.summary.pages === 0)
    throw new HandbookLintError('SOURCE_NOT_FOUND', noPagesMessage(config, paths));
  const output = values.output ? resolve(values.output) : config.report.output;
  const text = reportText(result, config, format ?? config.report.format, output);
  if (output) await writeFileAtomically(output, text, 'report to');
  else process.stdout.write(text);
  timer.mark('report');
  if (values.verbose) process.stderr.write(`${timer.format(result.summary.pages)}\n`);
  return exitCode(result, failOn ?? config.failOn);
}

function reportText(
  result: LintResult,
  config: Config,
  format: ReportFormat,
  output: string | undefined,
): string {
  return format === 'json'
    ? formatJson(result)
    : format === 'markdown'
      ? formatMarkdown(result, result.coverage, markdownLinks(config, output))
      : format === 'sarif'
        ? formatSarif(result, {
            ...sarifOptions(config),
            warn: (text) => process.stderr.write(`${palette(process.stderr).yellow('warning')} ${text}\n`),
          })
        : formatConsole(result, palette(output ? {} : process.stdout));
}

/** The write-back plan or log and every notice (expired suppressions, write-back problems) go to standard error. */
function printWriteback(result: LintResult): void {
  // Both quote page titles and wiki replies.
  if (result.writeback) process.stderr.write(linesForTerminal(formatPlan(result.writeback)));
  const colors = palette(process.stderr);
  for (const notice of result.notices ?? [])
    process.stderr.write(`${colors.yellow('warning')} ${forTerminal(notice)}\n`);
}
