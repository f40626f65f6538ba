import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { acquireLock, LOCK_UNREADABLE_STALE_MS } from '../../src/lock.js';
import { tempTree } from '../helpers/cli.js';

const MINUTE = 60_000;

/** A state path whose lock file holds `text`, last written `ageMs` ago. */
function lockedState(text: string, ageMs: number): string {
  const path = join(tempTree({}), 'state.json');
  writeFileSync(`${path}.lock`, text);
  const written = new Date(Date.now() - ageMs);
  utimesSync(`${path}.lock`, written, written);
  return path;
}

describe('a lock file that names no holder cannot block runs for long', () => {
  let stderr: MockInstance;
  beforeEach(() => {
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());

  it.each([
    ['empty', ''],
    ['not JSON', 'garbage\n'],
    ['half-written', '{"pid":12'],
    [
      'a pid of 0 (a process group)',
      JSON.stringify({ pid: 0, host: hostname(), startedAt: new Date().toISOString() }),
    ],
    ['a negative pid', JSON.stringify({ pid: -1, host: hostname(), startedAt: new Date().toISOString() })],
    ['a start time that is no date', JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 'soon' })],
  ])('takes over a lock that is %s once it is a minute old', async (_, text) => {
    const path = lockedState(text, MINUTE);
    const lock = await acquireLock(path);
    expect(stderr).toHaveBeenCalledWith(
      expect.stringContaining(
        `it names no holder and is older than ${LOCK_UNREADABLE_STALE_MS / 1000} seconds`,
      ),
    );
    await lock.release();
  });

  it('leaves a fresh empty lock alone: its run may be writing its holder right now', async () => {
    const path = lockedState('', 0);
    await expect(acquireLock(path)).rejects.toMatchObject({ code: 'STATE_LOCKED' });
  });

  it('takes over a lock from another machine whose start time is far in the future, by the file time', async () => {
    const holder = { pid: 4242, host: 'elsewhere', startedAt: '9999-01-01T00:00:00.000Z' };
    const path = lockedState(JSON.stringify(holder), 2 * 24 * 60 * MINUTE);
    const lock = await acquireLock(path);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('it is older than 24 hours'));
    await lock.release();
  });

  it('fails with a clear message, instead of retrying forever, when a stale lock cannot be removed', async () => {
    const path = join(tempTree({}), 'state.json');
    mkdirSync(`${path}.lock`); // a folder: it cannot be read, and unlink refuses it
    const old = new Date(Date.now() - MINUTE);
    utimesSync(`${path}.lock`, old, old);
    await expect(acquireLock(path)).rejects.toMatchObject({
      code: 'STATE_LOCKED',
      message: expect.stringContaining(`Cannot remove the stale lock ${path}.lock`),
    });
  }, 10_000);
});

describe('the folder a lock makes', () => {
  it('is removed again when the run saved nothing in it, innermost first', async () => {
    const root = tempTree({});
    const lock = await acquireLock(join(root, '.handbook-lint', 'nightly', 'state.json'));
    await lock.release();
    expect(existsSync(join(root, '.handbook-lint'))).toBe(false);
    expect(existsSync(root)).toBe(true);
  });
  it('stays when the run saved its ledger there, and a folder that was there stays too', async () => {
    const root = tempTree({ 'kept/readme.txt': 'x' });
    const saved = await acquireLock(join(root, '.handbook-lint', 'state.json'));
    writeFileSync(join(root, '.handbook-lint', 'state.json'), '{}');
    await saved.release();
    expect(existsSync(join(root, '.handbook-lint', 'state.json'))).toBe(true);
    const existing = await acquireLock(join(root, 'kept', 'state.json'));
    await existing.release();
    expect(existsSync(join(root, 'kept', 'readme.txt'))).toBe(true);
    mkdirSync(join(root, 'empty'));
    const empty = await acquireLock(join(root, 'empty', 'state.json'));
    await empty.release();
    expect(existsSync(join(root, 'empty'))).toBe(true);
  });
});
