import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireLock } from '../../src/lock.js';
import { readPageCache } from '../../src/page-cache.js';
import { loadState, STATE_SCHEMA_VERSION } from '../../src/state.js';
import { tempTree } from '../helpers/temp-tree.js';

// The files a run keeps between runs (the lock, the ledger, its page cache) sit in a folder others
// may write: a CI cache restored from another job, a state folder committed to a repository. The
// eighth round found a lock committed as a link to /dev/zero read until memory ran out (14 s and
// 620 MB before it was judged stale), and left it. Ninth round: each file is opened without waiting
// (a FIFO's open waited for a writer forever) and read only when it is a regular file of a size this
// tool can have written; the page cache, of any size, is read a bounded line at a time (a sparse
// file of zeros was one line, and readline's "Invalid string length" ended the process). What the
// tests assert is the message that names the file as none of ours: the bounded path was taken.

const ZERO = '/dev/zero';

// A FIFO with no writer: before, the open waited. A child opens it after a few seconds, so the old
// code ends its wait and fails on the message; the new code never waits and the child is ended first.
let opener: ChildProcess | undefined;
function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
  opener = spawn('sh', ['-c', `sleep 4; exec 3<>'${path}'`], { stdio: 'ignore' });
}

/** A file of `bytes` zeros that takes no disk. */
function sparse(path: string, bytes: number): void {
  closeSync(openSync(path, 'w'));
  truncateSync(path, bytes);
}

afterEach(() => {
  opener?.kill('SIGKILL');
  opener = undefined;
  vi.restoreAllMocks();
});

const quiet = () => {
  let said = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    said += String(chunk);
    return true;
  });
  return () => said;
};

describe('a lock file that is no lock a run wrote', () => {
  const cases: [string, (lock: string) => void, RegExp][] = [
    ['a link to /dev/zero', (lock) => symlinkSync(ZERO, lock), /is not a regular file/],
    ['a FIFO', (lock) => fifo(lock), /is not a regular file/],
    ['a sparse file of 1 GiB', (lock) => sparse(lock, 2 ** 30), /is over 4 KiB/],
  ];
  for (const [what, plant, reason] of cases)
    it(`is taken over at once when it is ${what}, saying why`, { timeout: 30_000 }, async () => {
      const said = quiet();
      const state = join(tempTree({ 'keep.txt': '' }), 'state.json');
      plant(`${state}.lock`);
      const lock = await acquireLock(state);
      expect(said()).toMatch(reason);
      expect(lstatSync(lock.path).isFile()).toBe(true);
      await lock.release();
      expect(existsSync(lock.path)).toBe(false);
    });
});

describe('a ledger that is no ledger a run wrote', () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ['a link to /dev/zero', (path) => symlinkSync(ZERO, path), /is not a regular file/],
    ['a FIFO', (path) => fifo(path), /is not a regular file/],
    // Over the longest string V8 holds: no ledger this large could be read.
    ['a sparse file of 600 MB', (path) => sparse(path, 600e6), /is over 511 MiB/],
  ];
  for (const [what, plant, reason] of cases)
    it(`stops the run with a clear error when it is ${what}`, { timeout: 30_000 }, async () => {
      const path = join(tempTree({ 'keep.txt': '' }), 'state.json');
      plant(path);
      const error = await loadState(path).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'STATE_INVALID', message: expect.stringMatching(reason) });
      expect((error as Error).message).toContain('Move it aside');
    });
});

describe('a page cache that is no cache a run wrote', () => {
  it('is not used when it is a link to /dev/zero or a FIFO', { timeout: 30_000 }, async () => {
    const dir = tempTree({ 'keep.txt': '' });
    symlinkSync(ZERO, join(dir, 'zero.json'));
    fifo(join(dir, 'fifo.json'));
    expect(await readPageCache(join(dir, 'zero.json'), STATE_SCHEMA_VERSION)).toMatch(
      /is not a regular file/,
    );
    expect(await readPageCache(join(dir, 'fifo.json'), STATE_SCHEMA_VERSION)).toMatch(
      /is not a regular file/,
    );
  });

  it('loses only the line that is too long: a sparse file of zeros, a page line of 70 MB among good ones', {
    timeout: 60_000,
  }, async () => {
    const dir = tempTree({ 'keep.txt': '' });
    sparse(join(dir, 'sparse.json'), 700e6);
    expect(await readPageCache(join(dir, 'sparse.json'), STATE_SCHEMA_VERSION)).toEqual({
      sources: {},
      unreadable: [1],
    });

    const line = (id: string, markdown: string) =>
      `${JSON.stringify({ source: 'notion', id, page: { version: '1', markdown } })}\n`;
    const header = `${JSON.stringify({ schemaVersion: STATE_SCHEMA_VERSION, pageCache: 'one page a line' })}\n`;
    const mixed = join(dir, 'mixed.json');
    writeFileSync(mixed, header + line('a', 'A.') + line('big', 'x'.repeat(70e6)) + line('b', 'B.'));
    const read = await readPageCache(mixed, STATE_SCHEMA_VERSION);
    expect(read).toMatchObject({ unreadable: [3] });
    expect(Object.keys((read as { sources: Record<string, object> }).sources.notion ?? {})).toEqual([
      'a',
      'b',
    ]);
  });
});
