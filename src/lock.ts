import { unlinkSync } from 'node:fs';
import { mkdir, open, rmdir, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { HandbookLintError } from './errors.js';
import { onInterrupt } from './interrupt.js';
import { NotOwnFile, readOwnFile } from './own-file.js';

/** A lock older than this is taken to be left by a run that died on another machine (whose pid we cannot check). */
export const LOCK_STALE_MS = 24 * 60 * 60 * 1000;
/** How often a waiting run looks at the lock again. */
export const LOCK_POLL_MS = 200;
/**
 * A lock file that does not say who holds it is abandoned once it is this old: a run writes its
 * holder within milliseconds of creating the file, so an older one was left by a run killed in
 * between, by a full disk, or by hand, and would otherwise block every run for a day.
 */
export const LOCK_UNREADABLE_STALE_MS = 10_000;

/** Who holds a lock: written into the lock file so others can tell a live run from a dead one. */
interface Holder {
  pid: number;
  host: string;
  startedAt: string;
}

/** How long to wait for a held lock and when a lock counts as abandoned. */
export interface LockOptions {
  /** 0 (default) refuses at once when another run holds the lock. */
  waitMs?: number;
  staleMs?: number;
}

/** A held lock; release it when the run is done (a killed run leaves it behind, and the next run sees it is stale). */
export interface Lock {
  path: string;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

// pid 0 and negative pids name process groups, which `kill` would find alive forever.
const holderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string().default(''),
  startedAt: z.iso.datetime(),
});

/** A holder's line is some 100 bytes; a lock file larger than this was never written by a run. */
const LOCK_MAX_BYTES = 4096;

/**
 * The lock's holder, undefined when it names none (half-written, unreadable: judged by its age), or
 * why the file is no lock a run wrote (a link to /dev/zero, a FIFO, a file of 2 GB: taken over at once).
 */
function readHolder(path: string): Holder | undefined | NotOwnFile {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readOwnFile(path, LOCK_MAX_BYTES).toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch (error) {
    if (error instanceof NotOwnFile) return error;
    // Unreadable or half-written: judged by the file's age below.
  }
  return undefined;
}

/** Why a held lock is abandoned, or undefined while its run may still be going. */
async function staleness(
  path: string,
  holder: Holder | undefined,
  staleMs: number,
): Promise<string | undefined> {
  if (holder && holder.host === hostname() && !isAlive(holder.pid)) {
    return `process ${holder.pid} no longer runs`;
  }
  const written = (await stat(path).catch(() => undefined))?.mtimeMs;
  if (written === undefined) return undefined; // gone meanwhile: the next attempt takes it
  const now = Date.now();
  if (!holder) {
    // A time ahead of the clock is no sign of a writer at work either.
    const age = now - written;
    return age > LOCK_UNREADABLE_STALE_MS || age < -LOCK_UNREADABLE_STALE_MS
      ? `it names no holder and is older than ${LOCK_UNREADABLE_STALE_MS / 1000} seconds`
      : undefined;
  }
  // The earlier of the two: a start time far in the future (another clock, a hand edit) cannot keep it forever.
  const since = Math.min(Date.parse(holder.startedAt), written);
  if (now - since > staleMs) return `it is older than ${Math.round(staleMs / 3_600_000)} hours`;
  return undefined;
}

async function tryCreate(path: string, holder: Holder): Promise<boolean> {
  try {
    const file = await open(path, 'wx');
    try {
      await file.writeFile(JSON.stringify(holder));
    } catch (error) {
      // A lock that names no holder would hold up the next runs: take it back.
      await file.close();
      await unlink(path).catch(() => {});
      throw error;
    }
    await file.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new HandbookLintError(
      'OUTPUT_FAILED',
      `Cannot create lock file ${path}: ${(error as Error).message}`,
    );
  }
}

/**
 * Takes the lock next to the state file (`<state>.lock`, created with O_EXCL) so two overlapping
 * runs never both crawl, write back and save the ledger. A lock whose process is gone, which is
 * older than `staleMs`, or which names no holder and is older than `LOCK_UNREADABLE_STALE_MS`, is
 * removed and taken over. A live one makes this run wait up to `waitMs`,
 * then fail with STATE_LOCKED.
 */
export async function acquireLock(statePath: string, options: LockOptions = {}): Promise<Lock> {
  const path = `${statePath}.lock`;
  const holder: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const deadline = Date.now() + (options.waitMs ?? 0);
  const made = await mkdir(dirname(path), { recursive: true });
  for (;;) {
    if (await tryCreate(path, holder)) break;
    const read = readHolder(path);
    const current = read instanceof NotOwnFile ? undefined : read;
    const stale =
      read instanceof NotOwnFile
        ? `it ${read.message}`
        : await staleness(path, current, options.staleMs ?? LOCK_STALE_MS);
    if (stale) {
      process.stderr.write(`handbook-lint: removing a stale lock ${path} (${stale}).\n`);
      await unlink(path).catch((error: NodeJS.ErrnoException) => {
        // Retrying a lock that cannot be removed would spin forever.
        if (error.code !== 'ENOENT')
          throw new HandbookLintError(
            'STATE_LOCKED',
            `Cannot remove the stale lock ${path} (${error.code ?? error.message}); remove it by hand.`,
          );
      });
      continue;
    }
    if (Date.now() >= deadline) {
      const who = current ? ` (pid ${current.pid} on ${current.host}, started ${current.startedAt})` : '';
      throw new HandbookLintError(
        'STATE_LOCKED',
        `Another handbook-lint run${who} holds the lock ${path}. Wait for it to finish or pass --wait-lock SECONDS; if no run is active, delete the lock file.`,
      );
    }
    await sleep(LOCK_POLL_MS);
  }
  // Interrupted, the run takes its own lock with it: the next run need not judge it stale.
  const forget = onInterrupt(() => {
    if (readOwnFile(path, LOCK_MAX_BYTES).toString('utf8') === JSON.stringify(holder)) unlinkSync(path);
  });
  return {
    path,
    async release() {
      forget();
      // Only our own lock: a run that outlived the stale limit must not delete its successor's.
      const current = readHolder(path);
      if (
        !(current instanceof NotOwnFile) &&
        current?.pid === holder.pid &&
        current.startedAt === holder.startedAt
      )
        await unlink(path).catch(() => {});
      if (made) await removeEmptyFolders(dirname(path), made);
    },
  };
}

/**
 * Removes the folders the lock made, innermost first, while they are empty: a run that stopped
 * before saving anything (no token, a bad listing) leaves no empty `.handbook-lint/` behind.
 */
async function removeEmptyFolders(innermost: string, outermost: string): Promise<void> {
  for (let folder = innermost; ; folder = dirname(folder)) {
    if (
      !(await rmdir(folder).then(
        () => true,
        () => false,
      )) ||
      folder === outermost
    )
      return;
  }
}
