// The files a run keeps between runs (the lock, the ledger, its page cache) sit in a folder others
// may write: a CI cache restored from another job, a state folder committed to the repository. Such
// a file may be a link to /dev/zero (read until memory ran out: the lock cost 14 s and 620 MB before
// it was judged stale), a FIFO (the open waited for a writer forever) or a sparse file of 2 GB.

import type { ReadStream } from 'node:fs';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a file at a path of ours is none this tool wrote: it is read as no file of ours, never whole. */
export class NotOwnFile extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotOwnFile';
  }
}

// Non-blocking, so opening a FIFO with no writer returns at once; a regular file reads as usual.
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

const notRegular = () => new NotOwnFile('is not a regular file: a folder, a device, a FIFO or a link to one');

function tooLarge(maxBytes: number): NotOwnFile {
  const mib = maxBytes / 2 ** 20;
  const size = mib >= 1 ? `${Math.floor(mib)} MiB` : `${Math.floor(maxBytes / 1024)} KiB`;
  return new NotOwnFile(`is over ${size}, more than this tool reads there`);
}

/**
 * The bytes of a file of ours, judged on the opened file (no swap between a check and the read):
 * throws `NotOwnFile` unless it is a regular file of at most `maxBytes`; other errors (ENOENT) as
 * the file system gives them.
 */
export function readOwnFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw notRegular();
    if (info.size > maxBytes) throw tooLarge(maxBytes);
    // At most one byte past the size it had: a file that grows meanwhile is no file of ours either.
    const bytes = Buffer.allocUnsafe(info.size + 1);
    let read = 0;
    for (let n = -1; n !== 0 && read < bytes.length; read += n)
      n = readSync(fd, bytes, read, bytes.length - read, null);
    if (read > maxBytes) throw tooLarge(maxBytes);
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A stream of a file of ours of any size, once it is known to be a regular file (`NotOwnFile` if not). */
export async function ownFileStream(path: string): Promise<ReadStream> {
  const handle = await open(path, FLAGS);
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw notRegular();
  }
  // Chunks of 1 MiB, not 64 KiB: a cache of gigabytes is read in a sixteenth of the steps.
  return handle.createReadStream({ highWaterMark: 2 ** 20 });
}

/**
 * The first line of the file at `path`, read from its first `maxBytes` only, without waiting on a
 * FIFO; undefined when there is no regular file to read.
 */
export function firstLineOf(path: string, maxBytes = 4096): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const bytes = Buffer.alloc(maxBytes);
    const read = readSync(fd, bytes, 0, maxBytes, 0);
    // A checkout that turned line ends to CRLF, or an editor's byte order mark, changes no line's text.
    return bytes
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0];
  } finally {
    closeSync(fd);
  }
}
