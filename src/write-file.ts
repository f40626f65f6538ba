import { rmSync } from 'node:fs';
import { mkdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type ErrorCode, HandbookLintError } from './errors.js';
import { onInterrupt } from './interrupt.js';

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

/** Why writing a file failed, in plain words (the error's code or message when it has none). */
export function writeErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? code ?? (error as Error).message;
}

/**
 * Writes `text` to `path` atomically (temporary file beside it, then rename), so a reader or a crash
 * never sees half a file; missing folders are created; a device or pipe is written into, not replaced.
 * Fails with `code` (OUTPUT_FAILED) naming `what` and `path`, never the temporary file.
 */
export async function writeFileAtomically(
  path: string,
  text: string | Iterable<string>,
  what: string,
  code: ErrorCode = 'OUTPUT_FAILED',
): Promise<void> {
  // `-o /dev/stdout`, `/dev/null` or a named pipe is written into: renaming a file over it would
  // replace the device (as root, /dev/null itself) or fail for want of permission on its folder.
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(path, text).catch((error: NodeJS.ErrnoException) => {
      // A pipe whose reader left (`-o /dev/stdout | head -c 10`, a named pipe read by `head`): the
      // reader's choice, as for standard output itself (cli.ts), not a failure; the rest is dropped.
      if (error.code === 'EPIPE') return;
      throw new HandbookLintError(code, `Cannot write ${what} ${path}: ${writeErrorReason(error)}`);
    });
    return;
  }
  // A dot name: a lint of the folder meanwhile never takes the temporary file for a page.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const forget = onInterrupt(() => rmSync(temp, { force: true }));
  try {
    await mkdir(dirname(path), { recursive: true });
    // Exclusive: a file or symbolic link planted under the temporary name is removed, never written through.
    await writeFile(temp, text, { flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      await unlink(temp);
      await writeFile(temp, text, { flag: 'wx' });
    });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new HandbookLintError(code, `Cannot write ${what} ${path}: ${writeErrorReason(error)}`);
  } finally {
    forget();
  }
}
