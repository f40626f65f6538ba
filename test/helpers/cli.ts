import { vi } from 'vitest';
import { main } from '../../src/main.js';

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line in-process, capturing both streams. */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Lints `folder` to a JSON report on 2026-04-01, whatever it finds (the hardening suites' run). */
export function runJson(folder: string): Promise<CliRun> {
  return runCli(['run', folder, '--format', 'json', '--fail-on', 'never', '--now', '2026-04-01']);
}

export { tempTree } from './temp-tree.js';
