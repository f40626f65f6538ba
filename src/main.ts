import { parseArgs } from 'node:util';
import { commandBaseline } from './cli/baseline.js';
import { EXIT } from './cli/exit.js';
import { HELP } from './cli/help.js';
import { commandInit } from './cli/init.js';
import { OPTIONS } from './cli/options.js';
import { commandRules } from './cli/rules.js';
import { commandRun } from './cli/run.js';
import { commandSync } from './cli/sync.js';
import { HandbookLintError } from './errors.js';
import { palette } from './report/colors.js';
import { linesForTerminal } from './terminal.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import { formatDiagnostics } from './yaml-file.js';

// The GitHub Action shares these with the command line.
export { configFor } from './cli/config-for.js';
export { EXIT, exitCode } from './cli/exit.js';
export { choice, parseNow } from './cli/values.js';

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
