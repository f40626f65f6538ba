import { closeSync, type Dirent, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { NotOwnFile, readOwnFile } from './own-file.js';

/** A Markdown file's front matter as its site generator reads it, by the file's path under the folder scanned. */
export interface FrontMatterEntry {
  file: string;
  data: Record<string, unknown>;
}

/** A site generator's config file this large is no config: a handbook's are a few kilobytes. */
const CONFIG_BYTES = 1024 * 1024;

/**
 * A site generator's config or navigation file (`mkdocs.yml`, `sidebars.js`, `_toc.yml`), as text: empty
 * when it is no regular file (a link to a device, a folder) or over 1 MiB, so a repository cannot make the
 * run read without end.
 */
export function readSiteFile(file: string): string {
  try {
    // Judged on the opened file, as the run's own state files are: no swap between a check and the read.
    return readOwnFile(file, CONFIG_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof NotOwnFile) siteFileRefused(file, `${error.message}: not read`);
    return '';
  }
}

/** Tells the run, while `noticingRefusals` runs, that a site file (or folder) was not read, and why. */
export function siteFileRefused(file: string, why: string): void {
  refusals?.(file, why);
}

/** Folders a site reader's walk goes down: deeper than any site's source, and a bound on a planted tree. */
export const MAX_FOLDER_DEPTH = 12;

/**
 * For one walk: the first folder it did not go into for MAX_FOLDER_DEPTH, told to the run once by `tell`, so
 * a site deeper than that is not read as if its lower folders were not there without a word. A walk that
 * only probes for a generator tells only when it found one.
 */
export class DepthStop {
  private first: string | undefined;

  stop(folder: string): void {
    this.first ??= folder;
  }

  tell(): void {
    if (this.first !== undefined)
      siteFileRefused(this.first, `is more than ${MAX_FOLDER_DEPTH} folders down: it was not read`);
    this.first = undefined;
  }
}

/** Who is told of a site file refused, while `noticingRefusals` runs. */
let refusals: ((file: string, why: string) => void) | undefined;

/**
 * Runs `read`, telling `refused` of each site file it meets that is no regular file or over the bound:
 * a generator's file dropped without a word changed every orphan finding of the site silently. The
 * readers are synchronous, so no other run's read comes between: the listener is this call's alone.
 */
export function noticingRefusals<T>(read: () => T, refused: (file: string, why: string) => void): T {
  const outer = refusals;
  refusals = refused;
  try {
    return read();
  } finally {
    refusals = outer;
  }
}

/**
 * Where a site generator's project may be, from the lint root: the root, the folder above it (a run on a
 * repository's `docs/`), or the root's `docs/` folder, where VitePress, VuePress and GitHub Pages sites
 * mostly keep their source (`docs/.vitepress/`, `docs/.vuepress/`, `docs/_config.yml`) when the
 * repository itself is linted. `docs/` comes last: a generator found in the root or above it wins.
 */
export function siteFolders(root: string): string[] {
  return [root, dirname(root), join(root, 'docs')];
}

/**
 * A path without the slashes around it (`/welcome/` is `welcome`), without a pattern: `/^\/+|\/+$/`
 * rescans a run of slashes from each of them (recheck: polynomial).
 */
export function trimSlashes(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === '/') start++;
  while (end > start && path[end - 1] === '/') end--;
  return path.slice(start, end);
}

const inside = (root: string, folder: string) => {
  const path = relative(root, folder);
  return path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
};

/**
 * Whether a generator's content folder lies in the lint root, as written and once links are followed:
 * one a config names outside (`docs: { path: '/' }`) or a link to `/` had the run walk the whole disk
 * and read the head of every Markdown file on it; the crawl itself follows no folder link.
 */
export function withinRoot(root: string, folder: string): boolean {
  if (!inside(root, folder)) return false;
  try {
    return inside(realpathSync(root), realpathSync(folder));
  } catch {
    return false;
  }
}

/** Folders a generator builds no page from: its output, its templates, installed packages, hidden folders. */
const NOT_PAGES = /^(?:\.|node_modules$|_site$|_includes$|_layouts$|_sass$|vendor$)/;
const PAGE_FILE = /\.(?:md|mdx|markdown)$/i;
/** Front matter sits at the top: a head this long holds it on any real page. */
const HEAD_BYTES = 8192;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/;

function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Every Markdown file under `folder` (its path from there), for a sidebar that lists a folder whole. A walk
 * stopped at its depth is told at once, or left to the caller that passes `deep`.
 */
export function markdownFiles(folder: string, deep?: DepthStop): string[] {
  const files: string[] = [];
  const stop = deep ?? new DepthStop();
  const walk = (sub: string, depth: number): void => {
    let children: Dirent[];
    try {
      children = readdirSync(join(folder, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const child of children) {
      const path = sub ? `${sub}/${child.name}` : child.name;
      if (child.isDirectory() && !NOT_PAGES.test(child.name)) {
        if (depth < MAX_FOLDER_DEPTH) walk(path, depth + 1);
        else stop.stop(join(folder, path));
      } else if (child.isFile() && PAGE_FILE.test(child.name)) files.push(path);
    }
  };
  walk('', 0);
  if (!deep) stop.tell();
  return files;
}

/**
 * The front matter of every Markdown file under `folder`, read from disk: what a generator's navigation
 * or URLs are built from (just-the-docs' `parent`, Hugo's and Docusaurus' `slug`) before any page is parsed.
 * Only the head of each file is read; a file without front matter, or with front matter YAML cannot read, is left out,
 * as is one whose front matter's text `wanted` does not match (the YAML of every page is not parsed for one key).
 * `deep` as `markdownFiles`'.
 */
export function scanFrontMatter(folder: string, wanted?: RegExp, deep?: DepthStop): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  for (const file of markdownFiles(folder, deep)) {
    let text: string;
    try {
      text = head(join(folder, file));
    } catch {
      continue;
    }
    const yaml = FRONT_MATTER.exec(text)?.[1];
    if (yaml === undefined || (wanted && !wanted.test(yaml))) continue;
    let data: unknown;
    try {
      // Errors are ignored here (silent), so the library's check for keys written twice, quadratic in
      // the keys, is left out: it only cost time.
      data = parse(yaml, { logLevel: 'silent', uniqueKeys: false });
    } catch {
      continue;
    }
    if (data && typeof data === 'object' && !Array.isArray(data))
      entries.push({ file, data: data as Record<string, unknown> });
  }
  return entries;
}

/** All of a config folder's scripts together: a sidebar is never larger, and joined past V8's longest string they ended the run. */
const CONFIG_FOLDER_BYTES = 16 * CONFIG_BYTES;

/**
 * The script modules of a generator's config folder and of its `config/` folder (`config.mts`, a
 * `sidebar.ts` it imports, `config/nav.ts`), each read by `read`, until they hold CONFIG_FOLDER_BYTES.
 */
export function configScripts(folder: string, read: (file: string) => string): string[] {
  const texts: string[] = [];
  let total = 0;
  for (const sub of ['', 'config']) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(folder, sub), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !/\.[cm]?[jt]s$/.test(entry.name)) continue;
      const text = read(join(folder, sub, entry.name));
      total += text.length;
      if (total > CONFIG_FOLDER_BYTES) {
        siteFileRefused(folder, 'holds more than 16 MiB of scripts: those past it are not read');
        return texts;
      }
      texts.push(text);
    }
  }
  return texts;
}
