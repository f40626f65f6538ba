import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { type DecodedPage, decodePage } from './decode.js';
import type { StdinText } from './given-pages.js';

// A page's text read within the page budget, from its file or standard input (folder.ts reads it into a Page).

/** Why a file or folder could not be read, as a reader understands it. */
export function errorCode(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  // The code alone ("EACCES") says what is wrong only to those who know errno's names.
  return code === 'EACCES' || code === 'EPERM' ? `permission denied (${code})` : (code ?? message);
}

/** A page's text and when it last changed, or why it cannot be read. */
type PageText = (DecodedPage & { modified: Date }) | { reason: string };

const overLimit = (size: number, limit: number) => `the page is ${size} bytes, over the limit of ${limit}`;

// Non-blocking, so a FIFO swapped in after the walk opens at once (and is refused) instead of waiting for a writer.
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** At most `limit` bytes of an open file, from its start: a file that grows while read is read no further. */
async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(limit);
  let read = 0;
  for (let n = -1; n !== 0 && read < limit; read += n)
    ({ bytesRead: n } = await handle.read(bytes, read, limit - read, read));
  return bytes.subarray(0, read);
}

/**
 * Reads a file within the page budget; its time is the file's when git gave none. The opened file is
 * judged, not the path the walk saw (a page swapped since for a FIFO, a link to a device or a file that
 * grows must neither hang the run nor be read past the budget). A worker starts every read of its batch
 * at once (see parallel/worker.ts), so it never waits on reads one at a time.
 */
export async function fromDisk(
  root: string,
  task: { file: string; committedAt?: Date },
  maxBytes: number,
): Promise<PageText> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(join(root, task.file), FLAGS);
    // The size is asked before reading: a page over the budget must not cost its size in memory.
    const info = await handle.stat();
    if (!info.isFile()) return { reason: 'not a regular file (a FIFO, a device or a link to one)' };
    if (info.size > maxBytes) return { reason: overLimit(info.size, maxBytes) };
    // One byte past the size it had, and never past the budget: more means it grew over the budget.
    const bytes = await readUpTo(handle, Math.min(info.size, maxBytes) + 1);
    if (bytes.length > maxBytes) return { reason: overLimit(bytes.length, maxBytes) };
    // Its end is not yet written: linting the part read would report what the whole page may not say.
    if (bytes.length > info.size) return { reason: 'the file grew while it was read' };
    return { ...decodePage(bytes), modified: task.committedAt ?? info.mtime };
  } catch (error) {
    return { reason: `cannot read file: ${errorCode(error)}` };
  } finally {
    await handle?.close();
  }
}

/** The page standard input sent, within the page budget. */
export function fromStdin({ bytes, modified }: StdinText, maxBytes: number): PageText {
  // A worker receives the Buffer as a plain Uint8Array.
  return bytes.length > maxBytes
    ? { reason: overLimit(bytes.length, maxBytes) }
    : { ...decodePage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)), modified };
}
