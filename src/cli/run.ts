import { dirname, relative, resolve, sep } from 'node:path';
import type { Config, ReportFormat } from '../config.js';
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
import { formatPlan } from '../writeback/plan.js';
import { configFor } from './config-for.js';
import { exitCode } from './exit.js';
import type { Values } from './options.js';
import { writeOutput } from './output.js';
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

/** `handbook-lint run`: lint, report, and exit by the fail level. */
export async function commandRun(values: Values, path: string | undefined): Promise<number> {
  const config = await configFor(values, path);
  const format = choice<ReportFormat>(
    'format',
    values.format,
    ['console', 'json', 'markdown', 'sarif'],
    config.report.format,
  );
  const failOn = choice('fail-on', values['fail-on'], ['error', 'warning', 'never'], config.failOn);
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

/** The write-back plan or log and every notice (expired suppressions, write-back problems) go to standard error. */
function printWriteback(result: LintResult): void {
  // Both quote page titles and wiki replies.
  if (result.writeback) process.stderr.write(linesForTerminal(formatPlan(result.writeback)));
  const colors = palette(process.stderr);
  for (const notice of result.notices ?? [])
    process.stderr.write(`${colors.yellow('warning')} ${forTerminal(notice)}\n`);
}
