import { rename, writeFile } from 'node:fs/promises';
import { HandbookLintError } from '../errors.js';

/** Writes atomically (temp file + rename) so a report is never left half-written. */
export async function writeOutput(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    throw new HandbookLintError(
      'OUTPUT_FAILED',
      `Cannot write report to ${file}: ${(error as Error).message}`,
    );
  }
}
