import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { Field } from '../../model/page.js';
import { frontMatterValue, normalizeKey } from '../../normalize/fields.js';
import { NotOwnFile, readOwnFile } from '../../own-file.js';
import { flowTooDeep, MAX_FLOW_DEPTH } from '../../yaml-depth.js';
import { duplicateKeys } from '../../yaml-keys.js';

/** Metadata files that hold a record's fields beside it (a KEP's status, dates and authors live in `kep.yaml`). */
export const DEFAULT_SIDECAR_FILES = ['kep.yaml', 'metadata.yaml'];

/** The largest metadata file read, as front matter (normalize/front-matter.ts). */
const SIDECAR_BYTES = 1024 * 1024;

const FOLDER_PAGES = new Set(['README.md', 'index.md', 'readme.md']);

/**
 * Which page each sidecar file describes: the README.md/index.md of its folder, else the folder's
 * only page. A folder of several pages and no index page has no page the metadata belongs to.
 */
export function planSidecars(
  pages: readonly string[],
  files: readonly string[],
  names: readonly string[],
): Map<string, string> {
  const wanted = new Set(names);
  const sidecarByFolder = new Map<string, string>();
  // The first name in config order wins when a folder holds two of them.
  const ranked = files
    .filter((file) => wanted.has(posix.basename(file)))
    .sort((a, b) => names.indexOf(posix.basename(a)) - names.indexOf(posix.basename(b)));
  for (const file of ranked) {
    const folder = posix.dirname(file);
    if (!sidecarByFolder.has(folder)) sidecarByFolder.set(folder, file);
  }
  const pagesByFolder = new Map<string, string[]>();
  for (const page of pages) {
    const folder = posix.dirname(page);
    if (sidecarByFolder.has(folder)) pagesByFolder.set(folder, [...(pagesByFolder.get(folder) ?? []), page]);
  }
  const plan = new Map<string, string>();
  for (const [folder, inFolder] of pagesByFolder) {
    const page =
      inFolder.find((p) => FOLDER_PAGES.has(posix.basename(p))) ??
      (inFolder.length === 1 ? inFolder[0] : undefined);
    const sidecar = sidecarByFolder.get(folder);
    if (page && sidecar) plan.set(page, sidecar);
  }
  return plan;
}

/** The sidecar's top-level keys as fields, each marked with the file it came from; unreadable YAML gives none. */
export async function readSidecarFields(root: string, sidecar: string): Promise<Record<string, Field>> {
  let data: unknown;
  try {
    // A key written twice makes the file unreadable, as it did when the library checked: its check is
    // quadratic (yaml-keys.ts).
    // A KEP's metadata is a few kilobytes; the YAML reader's cost grows faster than its text.
    // Judged on the opened file: a sidecar swapped for a FIFO after the walk must not wait for a writer.
    const text = readOwnFile(join(root, sidecar), SIDECAR_BYTES).toString('utf8');
    if (flowTooDeep(text)) return {};
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length || duplicateKeys(doc).length) return {};
    data = doc.toJS();
  } catch {
    // A broken metadata file must not stop the page from being linted; its rules then report what is missing.
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const source = posix.basename(sidecar);
  const fields: Record<string, Field> = {};
  for (const [key, raw] of Object.entries(data)) {
    const value = frontMatterValue(raw);
    if (value?.trim()) fields[normalizeKey(key)] = { value, source };
  }
  return fields;
}

/** Why the reader refuses a sidecar file (past its size or nesting bound, or no regular file), if it does. */
function refused(root: string, sidecar: string): string | undefined {
  try {
    const text = readOwnFile(join(root, sidecar), SIDECAR_BYTES).toString('utf8');
    return flowTooDeep(text) ? `opens brackets more than ${MAX_FLOW_DEPTH} deep` : undefined;
  } catch (error) {
    return error instanceof NotOwnFile ? error.message : undefined;
  }
}

/**
 * The one notice of the sidecar files the reader refuses at its bounds, naming the first and the bound: their
 * pages are judged without their fields, so their rules report a status or owner missing that the file has.
 */
export function refusedSidecars(root: string, sidecars: readonly string[]): string[] {
  const past = [...sidecars].sort().flatMap((file) => {
    const why = refused(root, file);
    return why === undefined ? [] : [`${file} ${why}`];
  });
  if (!past.length) return [];
  const more = past.length > 1 ? ` (and ${past.length - 1} more metadata files)` : '';
  return [
    `${past[0]}${more}: not read, so its page is judged without its fields (a status or owner it gives is reported missing).`,
  ];
}
