import { readFile, stat } from 'node:fs/promises';
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

/**
 * Reads a file within the page budget; its time is the file's when git gave none. A worker starts
 * every read of its batch at once (see parallel/worker.ts), so it never waits on reads one at a time.
 */
export async function fromDisk(
  root: string,
  task: { file: string; committedAt?: Date },
  maxBytes: number,
): Promise<PageText> {
  const absolute = join(root, task.file);
  try {
    // The size is asked before reading: a page over the budget must not cost its size in memory.
    const { size, mtime } = await stat(absolute);
    if (size > maxBytes) return { reason: overLimit(size, maxBytes) };
    const bytes = await readFile(absolute);
    if (bytes.length > maxBytes) return { reason: overLimit(bytes.length, maxBytes) };
    return { ...decodePage(bytes), modified: task.committedAt ?? mtime };
  } catch (error) {
    return { reason: `cannot read file: ${errorCode(error)}` };
  }
}

/** The page standard input sent, within the page budget. */
export function fromStdin({ bytes, modified }: StdinText, maxBytes: number): PageText {
  // A worker receives the Buffer as a plain Uint8Array.
  return bytes.length > maxBytes
    ? { reason: overLimit(bytes.length, maxBytes) }
    : { ...decodePage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)), modified };
}
