import { existsSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { readSiteFile } from './site-front-matter.js';
import type { SiteNavigation } from './site-nav.js';

/** Where a WordPress.org handbook keeps the manifest its import reads: the repository's root or a folder of its own. */
const MANIFESTS = ['handbook-manifest.json', 'manifest/handbook-manifest.json', 'bin/handbook-manifest.json'];
/**
 * The most parts a `markdown_source` URL's path may have (owner, repo, `blob`, branch, then the file's path):
 * the file is looked for from each part on, so a URL of 200,000 parts (a manifest of a mebibyte) cost
 * quadratic time, and spread into one call it overflowed the stack. A handbook's pages sit a few folders deep.
 */
const MAX_URL_PARTS = 64;
/**
 * The pages a WordPress.org handbook lists: the handbook plugin imports the pages its manifest
 * (`handbook-manifest.json`) names by `markdown_source`, each a page's file in the repository, and its
 * sidebar is that list. Every page is a folder's `index.md`, so the manifest, not the folder tree, says
 * which index is in the handbook (`indexesListed`): one it leaves out is served nowhere. Undefined when
 * `folder`, the repository's root, holds no manifest or lies outside the lint root. Sources past
 * MAX_URL_PARTS are told to `onNotice`, once.
 */
export function wordpressNavigation(
  root: string,
  folder: string,
  onNotice?: (notice: string) => void,
): SiteNavigation | undefined {
  const name = MANIFESTS.find((path) => existsSync(join(folder, path)));
  if (name === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readSiteFile(join(folder, name)));
  } catch {
    return undefined;
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return undefined;
  const fromRoot = relative(root, folder).split(sep).join(posix.sep);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined;
  const files: string[] = [];
  const long: string[] = [];
  for (const entry of Object.values(manifest)) {
    const source: unknown = entry && typeof entry === 'object' ? entry.markdown_source : undefined;
    if (typeof source !== 'string') continue;
    const file = sourceFile(source, folder);
    if (file !== undefined) files.push(fromRoot ? posix.join(fromRoot, file) : file);
    else if (urlParts(source) > MAX_URL_PARTS) long.push(source);
  }
  if (long.length) onNotice?.(longSources(name, long));
  return { files, indexesListed: true };
}

/** How many parts a URL's path has, as sourceFile counts them (0 for no URL). */
function urlParts(source: string): number {
  try {
    return new URL(source).pathname.split('/').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/** The notice of the sources past MAX_URL_PARTS: their pages are left out of the handbook's list. */
function longSources(manifest: string, long: readonly string[]): string {
  const first = long[0] as string;
  const shown = first.length > 120 ? `${first.slice(0, 120)}…` : first;
  const more = long.length > 1 ? ` (and ${long.length - 1} more)` : '';
  return `${manifest}: the markdown_source ${shown}${more} has more than ${MAX_URL_PARTS} parts: not read, so its page is left out of the handbook's list (an index it names is reported as served nowhere).`;
}

/**
 * The file a `markdown_source` URL names in its repository: `…/owner/repo/blob/main/about/index.md` (a
 * forge's file page, `raw/` too), or `raw.githubusercontent.com/owner/repo/main/about/index.md`. A branch
 * may hold slashes (`blob/release/2.0/about/index.md`): the URL does not say where it ends, so the file is
 * the longest path after the branch's first part that is in the repository (the part after it otherwise).
 */
function sourceFile(source: string, folder: string): string | undefined {
  let parts: string[];
  try {
    parts = new URL(source).pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  // A part that decodes to a path of its own (`%2e%2e`, `%2Fetc`) would have the repository's files probed outside it.
  if (parts.length > MAX_URL_PARTS || parts.some((part) => /^\.\.?$|[/\\\0]/.test(part))) return undefined;
  const raw = new URL(source).hostname === 'raw.githubusercontent.com';
  const from = raw ? 3 : ['blob', 'raw'].includes(parts[2] ?? '') ? 4 : parts.length;
  let path = parts.slice(from);
  for (let at = from; at < parts.length - 1; at++)
    if (existsSync(join(folder, parts.slice(at).join('/')))) {
      path = parts.slice(at);
      break;
    }
  const file = posix.normalize(path.join('/'));
  return path.length === 0 || file.startsWith('..') ? undefined : file;
}
