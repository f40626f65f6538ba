import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The nearest folder at or above `folder` that holds `.git`: where code scanning and annotations root file paths. */
export function repositoryRoot(folder: string): string | undefined {
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `to` relative to `from` with `/` separators, as URIs and GitHub paths want on every platform. */
export function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}
