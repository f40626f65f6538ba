import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HandbookLintError } from './errors.js';

/** Plain words for the errors writing a file meets; the temporary file's name is not the user's business. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a folder on its path is a file',
  EEXIST: 'a folder on its path is a file',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EDQUOT: 'over the disk quota',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? code ?? (error as Error).message;
}

/**
 * Writes `text` to `path` atomically (temporary file beside it, then rename), so a reader never sees
 * half a file; missing folders are created. Fails with OUTPUT_FAILED naming `what` and `path`.
 */
export async function writeFileAtomically(path: string, text: string, what: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new HandbookLintError('OUTPUT_FAILED', `Cannot write ${what} ${path}: ${reason(error)}`);
  }
}
