import { statSync } from 'node:fs';
import { HandbookLintError } from '../errors.js';
import { forTerminal } from '../terminal.js';

/**
 * `-o reports/`: a folder, as some tools take one for their reports. Resolving the path drops the
 * slash, so it was written as a file named reports; a folder that exists failed only after the run.
 * Refused before any page is read, with a file in it to give instead (`name`).
 */
export function refuseFolder(output: string | undefined, name: string, formats = ''): void {
  if (output === undefined) return;
  if (!/[\\/]$/.test(output) && !statSync(output, { throwIfNoEntry: false })?.isDirectory()) return;
  const file = `${output.replace(/[\\/]+$/, '')}/${name}`;
  throw new HandbookLintError(
    'USAGE',
    `--output names a file, and ${forTerminal(output)} is a folder: give a file name in it (-o ${forTerminal(file)}${formats}).`,
  );
}
