/**
 * What an interrupted run (Ctrl-C, a cancelled CI job) must undo before it exits: the temporary file
 * being written, its own lock. Synchronous, as the process exits right after.
 */
const cleanups = new Set<() => unknown>();
/** Run before the others: what must be written while the run still holds its lock (the pages fetched). */
const firsts = new Set<() => unknown>();

/**
 * Registers `cleanup` for an interruption; call the returned function once the work is done. A text
 * it returns is printed after the stop line: what the run did that cannot be undone (the comments
 * it posted), so the user knows what the wiki now holds. `first`: run before the others (the lock's).
 */
export function onInterrupt(cleanup: () => unknown, first = false): () => void {
  const set = first ? firsts : cleanups;
  set.add(cleanup);
  return () => set.delete(cleanup);
}

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;

/**
 * Makes SIGINT and SIGTERM end the command line cleanly: undo what `onInterrupt` registered, say so,
 * exit 130 or 143. Only the CLI calls this: a program that imports the library owns its signals.
 */
export function exitCleanlyOnInterrupt(): void {
  let stopping = false;
  for (const [signal, code] of SIGNALS) {
    // `on`, not `once`: with no listener left Node restores the default action, and a second Ctrl-C or
    // the SIGTERM a cancelled job sends after its SIGINT would end the process halfway through clean-up.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // The firsts' notes come last: what the wiki now holds (write-back's list) stays under the stop line.
      const early: string[] = [];
      const late: string[] = [];
      for (const [cleanup, notes] of [
        ...[...firsts].map((cleanup) => [cleanup, late] as const),
        ...[...cleanups].map((cleanup) => [cleanup, early] as const),
      ]) {
        try {
          const note = cleanup();
          if (typeof note === 'string' && note) notes.push(`handbook-lint: ${note}\n`);
        } catch {
          // One failed cleanup must not keep the others from running, nor the process from ending.
        }
      }
      process.stderr.write(
        `\nhandbook-lint: stopped by ${signal}; its lock and any file half-written are removed.\n${[...early, ...late].join('')}`,
      );
      process.exit(code);
    });
  }
}
