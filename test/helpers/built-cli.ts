import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliRun } from './cli.js';

/** The built command line, as a user runs it after `npm run build`. */
export const BUILT_CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Runs the built CLI in `cwd` as a user types it, without colour; never rejects (a failure is its exit code). */
export function builtCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BUILT_CLI, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 70) : 0, stdout, stderr }),
    );
  });
}
