import { beforeAll } from 'vitest';

type Recheck = typeof import('recheck');
let recheck: Recheck | undefined;

/**
 * Loads recheck before the calling file's tests, with its pure-JS backend whatever the machine has (the
 * native agent is a child process). Call it at the top level of a test file that uses `verdict`.
 */
export function useRecheck(): void {
  beforeAll(async () => {
    process.env.RECHECK_BACKEND = 'pure';
    recheck = await import('recheck');
  });
}

/**
 * recheck's verdict on a pattern, with its complexity when vulnerable (`polynomial`, `exponential`). Its
 * fuzzer's attack and incubation stop on clock time by default, so on a loaded machine a safe pattern's
 * slow run could be called vulnerable; with those clocks off they stop on recheck's step limits alone, and
 * the verdict is the same on any machine.
 */
export function verdict(pattern: RegExp): string {
  if (!recheck) throw new Error('call useRecheck() at the top of the test file first');
  const result = recheck.checkSync(pattern.source, pattern.flags, {
    timeout: 50_000,
    attackTimeout: null,
    incubationTimeout: null,
  });
  return result.status === 'vulnerable' ? `vulnerable: ${result.complexity.type}` : result.status;
}
