import { applyColorFlags } from './cli/color.js';
import { EXIT } from './cli/exit.js';
import { commandHelp, globalHelp } from './cli/help.js';
import { parseCommandLine } from './cli/parse.js';
import { HandbookLintError } from './errors.js';
import { palette } from './report/colors.js';
import { linesForTerminal } from './terminal.js';
import { TOOL_VERSION } from './version.js';
import { formatDiagnostics } from './yaml-file.js';

// The GitHub Action shares these with the command line.
export { configFor } from './cli/config-for.js';
export { EXIT, exitCode } from './cli/exit.js';
export { choice, parseNow } from './cli/values.js';
export { exitCleanlyOnInterrupt } from './interrupt.js';

/** Runs the command line and returns the exit code; errors become messages, never stack traces. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { command, values, args, help } = parseCommandLine(argv);
    applyColorFlags(values);
    if (values.version) {
      process.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT.clean;
    }
    if (help || !command) {
      process.stdout.write(command ? commandHelp(command) : globalHelp());
      return help ? EXIT.clean : EXIT.usage;
    }
    // Each command's code is loaded when it runs: a lint never loads sync's mirror or init's templates.
    if (command === 'run') return await (await import('./cli/run.js')).commandRun(values, args);
    if (command === 'baseline')
      return await (await import('./cli/baseline.js')).commandBaseline(values, args);
    if (command === 'rules') return await (await import('./cli/rules.js')).commandRules(values, args);
    if (command === 'init') return await (await import('./cli/init.js')).commandInit(values, args);
    if (args.length) throw new HandbookLintError('USAGE', `${command} takes no arguments: ${args.join(' ')}`);
    return await (await import('./cli/sync.js')).commandSync(values);
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
  process.stderr.write(
    `${colors.red('internal error')} ${linesForTerminal((error as Error)?.message ?? String(error))}\n`,
  );
  // Said on every internal error: the one place a user learns how to get the stack a bug report needs.
  if (process.env.HANDBOOK_LINT_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
  else
    process.stderr.write('This is a bug: please report it, with the stack HANDBOOK_LINT_DEBUG=1 prints.\n');
  return 70;
}
