import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * Why `file` is not a path the mirror may hold, or undefined when it is one. Paths come back from
 * disk (the manifest, which is committed and can be edited by anyone) and from the wiki (page ids),
 * so each is checked before any read, write or delete: relative, posix, no `.` or `..` segment, no
 * dot file or folder (`.git`, the manifest itself), a Markdown file.
 */
export function mirrorPathProblem(file: unknown): string | undefined {
  if (typeof file !== 'string' || file === '') return 'not a file name';
  if (file.includes('\0')) return 'it contains a NUL byte';
  if (file.includes('\\')) return 'it contains a backslash';
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) return 'it is an absolute path';
  const segments = file.split('/');
  if (segments.some((segment) => segment === '..')) return 'it leads out of the folder (..)';
  if (segments.some((segment) => segment === '' || segment.startsWith('.')))
    return 'it has an empty or dot segment';
  if (!file.endsWith('.md')) return 'it is not a Markdown file';
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

const within = (root: string, path: string) => {
  const rel = relative(root, path);
  return !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
};

/** Tells whether a path of the mirror really stays inside it; see `insideGuard`. */
export type InsideCheck = (file: string) => Promise<boolean>;

/**
 * A check of whether `root/file` really is inside `root` once symbolic links are followed: the
 * file when it exists, else the nearest folder above it that does (a write creates the rest below
 * it). Files passed must already pass `mirrorPathProblem`.
 */
export async function insideGuard(root: string): Promise<InsideCheck> {
  const realRoot = await realpath(root).catch(() => undefined);
  // A new mirror: nothing in it yet can lead elsewhere.
  if (realRoot === undefined) return async () => true;
  return async (file) => {
    let path = join(root, file);
    while (path.length > root.length && !(await exists(path))) path = dirname(path);
    const real = await realpath(path).catch(() => undefined);
    return real !== undefined && within(realRoot, real);
  };
}
