import { join, relative } from 'node:path';
import type { Finding, FindingPage } from '../model/finding.js';

/** Where people's reports say a page is: Markdown files from the working directory, wiki pages by URL. */
export interface PlaceOptions {
  /** The Markdown root relative to the working directory ('' when they are the same); absent keeps root-relative paths. */
  markdownBase?: string;
}

/**
 * `path` (from the Markdown root) from the working directory. Relative to '.', not only joined: from
 * `docs/adr`, `docs/adr/x.md` is `x.md`, where a join would write `../adr/x.md`.
 */
function fromBase(base: string | undefined, path: string): string {
  return base ? relative('.', join(base, path)) : path;
}

/** True for a page read from a file, which has a path an editor can open. */
export function isFile(page: FindingPage): page is FindingPage & { file: string } {
  return page.file !== undefined;
}

/** A Markdown page's path from the working directory (clickable in a terminal), else the wiki page's URL. */
export function pagePlace(page: FindingPage, options: PlaceOptions): string {
  if (!isFile(page)) return page.url;
  return fromBase(options.markdownBase, page.file);
}

/**
 * Where one finding is: `file:line:col` for Markdown (a finding about the whole page has no position
 * and shows the file alone); for a wiki page the link to the spot when known, else the page URL —
 * line numbers in converted Markdown mean nothing to someone reading the wiki.
 */
export function findingPlace(finding: Finding, options: PlaceOptions): string {
  if (!isFile(finding.page)) return finding.location?.url ?? finding.page.url;
  const file = pagePlace(finding.page, options);
  const start = finding.position?.start;
  return start ? `${file}:${start.line}:${start.column}` : file;
}

/** Where an unreadable page is: a Markdown file from the working directory, as its findings would be; a wiki page as listed. */
export function unreadablePlace(page: { key: string; path: string }, options: PlaceOptions): string {
  if (!page.key.startsWith('markdown:')) return page.path;
  return fromBase(options.markdownBase, page.path);
}
