import { matchesGlob } from '../glob.js';
import { folderKey, NUMBERED_NAME } from './page-names.js';
import { recordShape, type ShapeSignals } from './record-shape.js';

/**
 * What the document types' path matchers read of a page (doc-type.ts's TypeSignals): its path, the folder
 * the path is relative to, and what makes it a record (a numbered name, a status, a record's shape).
 */
export interface PathSignals extends ShapeSignals {
  rootFolder?: string;
  content?: ShapeSignals['content'] & { dated?: boolean; linkList?: boolean };
}

/**
 * Files a repository keeps in any folder (a contributing guide, a changelog, the table of contents
 * adr-tools generates): a typed folder holds its records, not these, so the folder does not type them.
 */
const FOLDER_FILES =
  /(?:^|\/)(?:contributing|changelog|license|code_of_conduct|security|toc)\.(?:md|markdown|mdx)$/i;

/**
 * The kind a tag declares as a site's taxonomy writes it ("Type:Minutes", "type: meeting"), read as the front
 * matter's `type` is; any other tag, nothing.
 */
export function typeTag(label: string): string {
  return /^type[ \t]*:[ \t]*(\S.*)$/.exec(label)?.[1]?.trim() ?? '';
}

/** Whether a `listPaths` glob names the page and it is mostly links, or its text is not at hand to tell. */
export function listed(globs: readonly string[], signals: PathSignals): boolean {
  return (signals.content?.linkList ?? true) && globHit(globs, signals);
}

/**
 * The page's path under its root folder's name (`decision-records/DR_0001_x.md`), when the signals give
 * one. Only for a numbered (or dated) page, or one that states a status (`adr/ccc-jb-002-x.md` under
 * `## Statut`, a record named with a project prefix), or has a record's shape otherwise (a Decision
 * heading): a repository's root also holds pages about the records, at its top (univention's
 * `example-dirs.md`) and in folders of their own (emberjs/rfcs' `stages/accepted.md`, `teams/cli.md`),
 * which a decision folder inside a handbook seldom does. A page dated near its top is one meeting's or one
 * record's (`minutes/reuniao1.md` under "Data: 07/10/2024"), and a dated guide is typed by the folder above as
 * well. The folder's records and minutes are so typed alike whether the run starts at the folder or above it.
 */
export function rooted(signals: PathSignals): string {
  const { rootFolder, path, fields, content } = signals;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const typed =
    rootFolder &&
    (NUMBERED_NAME.test(name) ||
      fields?.includes('status') ||
      content?.dated === true ||
      (content !== undefined && recordShape(signals, ['status'])));
  return typed ? `${rootFolder}/${path}` : path;
}

/**
 * Whether a glob matches the page's path, or that path under its root folder's name: `README.md` still
 * names the root's own README, and the minutes' suffix glob a root named `team-minutes`.
 */
export function globHit(globs: readonly string[], signals: PathSignals): boolean {
  const under = rooted(signals);
  // Most pages are not put under their root: their path is tested once (each page tests ~80 globs).
  return globs.some(
    (glob) => matchesGlob(signals.path, glob) || (under !== signals.path && matchesGlob(under, glob)),
  );
}

/** The folders that may type the page, its root folder's first: none for a repository's own files kept in a folder. */
export function folderSegments(signals: PathSignals): string[] {
  return FOLDER_FILES.test(signals.path) ? [] : rooted(signals).split('/').slice(0, -1).map(folderKey);
}
