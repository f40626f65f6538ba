import { beforeAll, vi } from 'vitest';

type Recheck = typeof import('recheck');
let recheck: Recheck | undefined;

/**
 * Loads recheck before the calling file's tests, with its pure-JS backend whatever the machine has (the
 * native agent is a child process). Call it at the top level of a test file that uses `verdict`.
 * The file's tests get three minutes each: a verdict is steps, not time, but a list of patterns checked
 * on two cores shared with other work passed the default minute (seen at load 10-15).
 */
export function useRecheck(): void {
  vi.setConfig({ testTimeout: 180_000 });
  beforeAll(async () => {
    process.env.RECHECK_BACKEND = 'pure';
    recheck = await import('recheck');
  });
}

/**
 * recheck's verdict on a pattern, with its complexity when vulnerable (`polynomial`, `exponential`). Its
 * fuzzer's attack and incubation, and the whole check, stop on clock time by default, so on a loaded machine a
 * safe pattern's slow run could be called vulnerable or `timeout`; with those clocks off they stop on recheck's
 * step limits alone, and the verdict is the same on any machine.
 */
export function verdict(pattern: RegExp): string {
  if (!recheck) throw new Error('call useRecheck() at the top of the test file first');
  const result = recheck.checkSync(pattern.source, pattern.flags, {
    timeout: null,
    attackTimeout: null,
    incubationTimeout: null,
  });
  return result.status === 'vulnerable' ? `vulnerable: ${result.complexity.type}` : result.status;
}
