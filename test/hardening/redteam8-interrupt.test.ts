import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitCleanlyOnInterrupt, onInterrupt } from '../../src/interrupt.js';
import { acquireLock } from '../../src/lock.js';
import { tempTree } from '../helpers/temp-tree.js';

// src/interrupt.ts: SIGINT and SIGTERM undo what the run registered (its lock, the temporary file
// being written) and exit 130 / 143. Eighth round: what a second signal finds, and whose lock the
// clean-up removes. The handlers are driven in-process (process.emit), process.exit stubbed.

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

describe('an interrupted run', () => {
  const before = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]));
  afterEach(() => {
    vi.restoreAllMocks();
    for (const signal of SIGNALS)
      for (const listener of process.listeners(signal))
        if (!before[signal]?.includes(listener)) process.removeListener(signal, listener);
  });

  const stubbed = () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return { exit, stderr };
  };

  it('keeps a handler for a second Ctrl-C or the SIGTERM after it, so no signal ends it halfway through clean-up', () => {
    const { exit } = stubbed();
    exitCleanlyOnInterrupt();
    const counts = SIGNALS.map((s) => process.listenerCount(s));
    let cleaned = 0;
    const forget = onInterrupt(() => {
      cleaned++;
    });
    try {
      process.emit('SIGINT');
      // With `process.once` the listener was gone at this point: Node restores the signal's default
      // action, and a second Ctrl-C ended the process before the lock was removed.
      expect(SIGNALS.map((s) => process.listenerCount(s))).toEqual(counts);
      process.emit('SIGINT');
      process.emit('SIGTERM');
      expect(cleaned).toBe(1);
      expect(exit.mock.calls).toEqual([[130]]);
    } finally {
      forget();
    }
  });

  it('never removes a lock another run took over meanwhile (held)', async () => {
    stubbed();
    const state = join(tempTree({ 'keep.txt': '' }), 'state.json');
    const lock = await acquireLock(state);
    // Another run judged ours stale and took the lock: its holder is in the file now.
    const theirs = JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: new Date().toISOString() });
    writeFileSync(lock.path, theirs);
    exitCleanlyOnInterrupt();
    process.emit('SIGTERM');
    expect(existsSync(lock.path)).toBe(true);
    await lock.release();
    expect(existsSync(lock.path)).toBe(true);
  });

  it('removes its own lock (held)', async () => {
    const { exit } = stubbed();
    const state = join(tempTree({ 'keep.txt': '' }), 'state.json');
    const lock = await acquireLock(state);
    exitCleanlyOnInterrupt();
    process.emit('SIGTERM');
    expect(existsSync(lock.path)).toBe(false);
    expect(exit.mock.calls).toEqual([[143]]);
    await lock.release();
  });
});
