import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { discoverConfig } from '../config-discovery.js';
import { HandbookLintError } from '../errors.js';
import { NOT_FAIL_LEVELS } from '../fail-levels.js';
import { choice, configFor, exitCode, parseNow, reportError } from '../main.js';
import type { LintResult } from '../model/result.js';
import { progressLine } from '../progress.js';
import { palette } from '../report/colors.js';
import { formatConsole } from '../report/console.js';
import { formatHtml } from '../report/html.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown, mostFindingsThatFit } from '../report/markdown.js';
import { posixRelative } from '../report/repository.js';
import { formatSarif } from '../report/sarif.js';
import { annotation, workflowCommand } from '../report/workflow-commands.js';
import { run } from '../run.js';
import { StageTimer } from '../timings.js';
import { writeFileAtomically } from '../write-file.js';
import { formatPlan } from '../writeback/plan.js';
import { outputEntry, withoutCommands } from './commands.js';

/** The environment a step runs in: GitHub's variables and the action's `INPUT_*` values. */
export type ActionEnv = Record<string, string | undefined>;

/** Where the action writes what it prints, so tests can capture it without touching the process. */
export interface ActionIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROCESS_IO: ActionIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

// GitHub names an input `INPUT_` + its name in capitals, keeping hyphens (`INPUT_FAIL-ON`); the
// composite action.yml passes the same values with underscores, which every shell accepts.
function inputReader(env: ActionEnv): (name: string) => string | undefined {
  return (name) => {
    const key = `INPUT_${name.toUpperCase()}`;
    const value = (env[key] ?? env[key.replace(/-/g, '_')])?.trim();
    return value ? value : undefined;
  };
}

function booleanInput(name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (/^(true|yes|1)$/i.test(value)) return true;
  if (/^(false|no|0)$/i.test(value)) return false;
  throw new HandbookLintError('USAGE', `Input ${name} must be true or false; got "${value}"`);
}

/** The report files every run writes, named by the `*-report` outputs. */
interface ReportFiles {
  json: string;
  markdown: string;
  sarif: string;
  html: string;
}

// Links in the step summary and the Markdown report lead to the files at the linted commit.
function blobBase(env: ActionEnv, markdownRoot: string): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha) return '';
  return `${server}/${repo}/blob/${sha}/${markdownRoot ? `${markdownRoot}/` : ''}`;
}

async function writeReports(
  result: LintResult,
  dir: string,
  markdownRoot: string,
  markdown: string,
  linkBase: string,
  warn: (text: string) => void,
): Promise<ReportFiles> {
  const files = {
    json: join(dir, 'handbook-lint.json'),
    markdown: join(dir, 'handbook-lint.md'),
    sarif: join(dir, 'handbook-lint.sarif'),
    html: join(dir, 'handbook-lint.html'),
  };
  await writeFileAtomically(files.json, formatJson(result), 'report');
  await writeFileAtomically(files.markdown, markdown, 'report');
  await writeFileAtomically(files.sarif, formatSarif(result, { markdownRoot, warn }), 'report');
  await writeFileAtomically(files.html, formatHtml(result, { linkBase }), 'report');
  return files;
}

function outputs(result: LintResult, files: ReportFiles): string {
  const coverage = result.coverage?.metrics.find((m) => m.id === 'coverage')?.percent;
  const values: Record<string, string> = {
    errors: String(result.summary.errors),
    warnings: String(result.summary.warnings),
    findings: String(result.summary.findings),
    coverage: coverage === undefined || coverage === null ? '' : String(coverage),
    'json-report': files.json,
    'markdown-report': files.markdown,
    'sarif-report': files.sarif,
    'html-report': files.html,
  };
  return Object.entries(values)
    .map(([name, value]) => outputEntry(name, value))
    .join('');
}

// Only Markdown pages are files in the repository; wiki findings are in the summary and reports.
function annotations(result: LintResult, markdownRoot: string): string {
  return result.findings
    .flatMap((f) => {
      const file = f.page.key.startsWith('markdown:') ? f.page.file : undefined;
      if (file === undefined) return [];
      return [`${annotation(f, markdownRoot ? `${markdownRoot}/${file}` : file)}\n`];
    })
    .join('');
}

// The findings a step summary leaves out: the JSON report is a file on the runner, gone with it unless uploaded.
const REST_ON_RUNNER =
  'the JSON report has them all: the file the json-report output names, gone with the runner unless a step uploads it (actions/upload-artifact)';

/** GitHub shows no step summary over 1 MiB ("upload aborted"). */
const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

/** The findings page for the step summary: the whole report when it fits, else as many findings as fit. */
function stepSummary(result: LintResult, linkBase: string, markdown: string): string {
  const fits = (text: string) => Buffer.byteLength(text) <= STEP_SUMMARY_MAX_BYTES;
  if (fits(markdown)) return markdown;
  const render = (maxFindings: number) =>
    formatMarkdown(result, result.coverage, { linkBase, maxFindings, rest: REST_ON_RUNNER });
  return mostFindingsThatFit(result.findings.length, render, fits);
}

/**
 * A missing wiki token on a pull request: GitHub gives a run on a fork's (or Dependabot's) pull request
 * no secrets, so "set the variable" alone sends its author after a secret they cannot set.
 */
function withForkHint(error: unknown, env: ActionEnv): unknown {
  const missing =
    error instanceof HandbookLintError &&
    error.code === 'AUTH_FAILED' &&
    /^No (?:Notion token|Confluence credentials):/.test(error.message);
  if (!missing || env.GITHUB_EVENT_NAME !== 'pull_request') return error;
  return new HandbookLintError(
    error.code,
    `${error.message} GitHub passes no secrets to a pull request from a fork (nor to Dependabot's): lint pull requests with a config that has no wiki source, or skip the step for them (if: github.event.pull_request.head.repo.fork == false).`,
    error.diagnostics,
  );
}

const FAIL_ON = ['error', 'warning', 'never'] as const;
const LOG_FORMATS = ['console', 'json', 'markdown'] as const;
const WRITTEN_ANYWAY =
  'every run writes the JSON, Markdown, SARIF and HTML reports to files: the outputs json-report, markdown-report, sarif-report and html-report name them';
/** Formats the CLI or other linters have, which the job log does not need. */
const OTHER_LOG_FORMATS: Readonly<Record<string, string>> = {
  sarif: WRITTEN_ANYWAY,
  html: WRITTEN_ANYWAY,
  github: 'findings on Markdown files are annotated whatever the format',
  compact: 'did you mean console?',
  stylish: 'did you mean console?',
};

function logReport(format: string, result: LintResult, markdown: string, markdownRoot: string): string {
  if (format === 'json') return formatJson(result);
  if (format === 'markdown') return markdown;
  // From the repository root, as the annotations name them: the log's reader finds the file there.
  return formatConsole(result, palette({}), markdownRoot ? { markdownBase: markdownRoot } : {});
}

/**
 * The GitHub Action: one run from the `INPUT_*` values, the JSON, Markdown, SARIF and HTML reports
 * written to files, annotations on Markdown files, the findings page in the step summary, counts
 * and report paths as step outputs, and the CLI's exit code.
 */
export async function runAction(env: ActionEnv = process.env, io: ActionIo = PROCESS_IO): Promise<number> {
  // Reports and plans quote the wiki; they are printed with the runner's commands stopped.
  const stopToken = randomUUID();
  try {
    const input = inputReader(env);
    // The inputs' values are checked before any file is read, so a typo is the first thing reported.
    const givenFailOn = input('fail-on');
    const failOnInput =
      givenFailOn === undefined
        ? undefined
        : choice('Input fail-on', givenFailOn, FAIL_ON, 'error', NOT_FAIL_LEVELS);
    const format = choice('Input format', input('format'), LOG_FORMATS, 'console', OTHER_LOG_FORMATS);
    const options = {
      now: parseNow(input('now'), 'Input now'),
      ...(booleanInput('full', input('full')) ? { full: true } : {}),
      ...(booleanInput('dry-run', input('dry-run')) ? { dryRun: true } : {}),
      ...(booleanInput('accept-shrink', input('accept-shrink')) ? { acceptShrink: true } : {}),
    };
    const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
    const inWorkspace = (path: string | undefined) => (path ? resolve(workspace, path) : undefined);
    // As on the command line: without a `config` input, the repository's handbook-lint.yml is used.
    const configFile = inWorkspace(input('config')) ?? discoverConfig(workspace);
    if (!configFile && !input('path'))
      throw new HandbookLintError(
        'USAGE',
        'Nothing to lint: set the input path (a Markdown folder) or config, or commit a handbook-lint.yml (handbook-lint init writes one).',
      );
    const config = await configFor({ config: configFile }, inWorkspace(input('path')));
    const failOn = failOnInput ?? config.failOn;
    const timer = new StageTimer();
    // The job log is no terminal: a long crawl's progress comes as a line every half minute (CI is set).
    const onProgress = progressLine({ write: io.stderr }, Date.now, env);
    const result = await run(config, { ...options, onStage: timer.mark, onProgress });
    if (result.writeback) io.stderr(withoutCommands(formatPlan(result.writeback), stopToken));
    // Notices (expired suppressions, write-back problems) as warnings on the run's summary page.
    for (const notice of result.notices ?? [])
      io.stdout(`${workflowCommand('warning', { title: 'handbook-lint' }, notice.message)}\n`);
    const markdownRoot = config.markdown ? posixRelative(workspace, config.markdown.root) : '';
    const linkBase = blobBase(env, markdownRoot);
    const markdown = formatMarkdown(result, result.coverage, { linkBase, rest: REST_ON_RUNNER });
    const dir = resolve(input('report-dir') ?? join(env.RUNNER_TEMP ?? tmpdir(), 'handbook-lint'));
    const files = await writeReports(result, dir, markdownRoot, markdown, linkBase, (text) =>
      io.stdout(`${workflowCommand('warning', { title: 'handbook-lint' }, text)}\n`),
    );
    io.stdout(annotations(result, markdownRoot));
    if (env.GITHUB_STEP_SUMMARY)
      await appendFile(env.GITHUB_STEP_SUMMARY, stepSummary(result, linkBase, markdown));
    if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, outputs(result, files));
    timer.mark('report');
    io.stderr(`${timer.format(result.summary.pages)}\n`);
    // Last, so the log ends on the report's totals: the log shows each annotation as a line, and a
    // reader scrolled to the end of a long log would otherwise land on those and the timings.
    io.stdout(withoutCommands(logReport(format, result, markdown, markdownRoot), stopToken));
    return exitCode(result, failOn);
  } catch (caught) {
    const error = withForkHint(caught, env);
    // The message on standard error for the log, and as an error annotation on the run's summary page.
    const code = reportError(error);
    const message = error instanceof Error ? error.message : String(error);
    io.stdout(`${workflowCommand('error', { title: 'handbook-lint' }, message)}\n`);
    return code;
  }
}
