import { dirname, relative, sep } from 'node:path';
import { matchesGlob } from '../glob.js';
import { diagnosticAtPath, type YamlFile } from '../yaml-file.js';
import type { PathOverride } from './engine.js';
import { matchesPaths, type Selectable } from './select.js';

/** What of the config this check reads (the Config type is a layer above the rules). */
export interface PathSettings {
  file?: string;
  yaml?: YamlFile;
  markdown?: { root: string; exclude?: readonly string[] };
  overrides: readonly PathOverride[];
  suppressions: readonly { page: string }[];
}

/** The Markdown root as written from the config's folder (`docs`), when it is not the config's own folder. */
function rootPrefix(config: PathSettings): string | undefined {
  if (!config.file || !config.markdown) return undefined;
  const prefix = relative(dirname(config.file), config.markdown.root).split(sep).join('/');
  return prefix && !prefix.startsWith('..') ? prefix : undefined;
}

/** The warning at `place` in the config, as file:line:col when the config is a file. */
function placed(config: PathSettings, place: PropertyKey[], message: string): string {
  if (!config.yaml) return message;
  const at = diagnosticAtPath(config.yaml, place, message, false);
  return `${at.file}:${at.line}:${at.column}  ${at.message}`;
}

/**
 * An `exclude` glob that leaves out no file: written from the config's folder (`docs/drafts/**`) or
 * as an ignore file names a folder (`drafts/`, `drafts`), it lints what it was to leave out.
 */
function idleExcludes(config: PathSettings, prefix: string | undefined, files: readonly string[]): string[] {
  return (config.markdown?.exclude ?? []).flatMap((glob, at) => {
    if (files.some((file) => matchesGlob(file, glob))) return [];
    const stripped = prefix && glob.startsWith(`${prefix}/`) ? glob.slice(prefix.length + 1) : glob;
    const folder = stripped.replace(/\/+$/, '');
    const named = !/[*?[\]{}]/.test(folder) && files.some((file) => file.startsWith(`${folder}/`));
    const meant = files.some((file) => matchesGlob(file, stripped))
      ? stripped
      : named
        ? `${folder}/**`
        : undefined;
    if (!meant) return [];
    const why = [
      ...(stripped === glob ? [] : [`globs are relative to the Markdown root ${prefix}`]),
      ...(meant === stripped ? [] : [`a folder's files are "${folder}/**"`]),
    ];
    const message = `exclude: no file matches "${glob}"; ${why.join(', and ')} (did you mean "${meant}"?)`;
    return [placed(config, ['sources', 'markdown', 'exclude', at], message)];
  });
}

/**
 * A warning at its place in the config for each `overrides` path and `suppressions` page glob that
 * matches no page of a whole run but would match with the Markdown root's folder left off, and for each
 * `exclude` glob that leaves out no file (idleExcludes). Such a glob silently does nothing: it was
 * written as the console shows paths, from the config's folder (`docs/adr/**`), while it is matched
 * from the root (`adr/**`). A glob for a folder that does not exist yet (a starter config's
 * `archive/**`) is no mistake and gets no warning. Only a whole run can tell: a run on some pages lacks
 * the others.
 */
export function unmatchedPaths(
  config: PathSettings,
  all: Iterable<Selectable & { key: string }>,
  files: Iterable<string> = [],
): string[] {
  const prefix = rootPrefix(config);
  const notices = config.file ? idleExcludes(config, prefix, [...files]) : [];
  if (!prefix) return notices;
  const pages = [...all];
  const globs = [
    ...config.overrides.flatMap((override, index) =>
      override.paths.map((glob, at) => ({ glob, place: ['overrides', index, 'paths', at] })),
    ),
    ...config.suppressions.map((s, index) => ({ glob: s.page, place: ['suppressions', index, 'page'] })),
  ];
  for (const { glob, place } of globs) {
    if (
      !glob.startsWith(`${prefix}/`) ||
      pages.some((page) => page.key === glob || matchesPaths(page, [glob]))
    )
      continue;
    const stripped = glob.slice(prefix.length + 1);
    if (!pages.some((page) => matchesGlob(page.file ?? page.path, stripped))) continue;
    const message = `${place[0]}: no page matches "${glob}"; paths are relative to the Markdown root ${prefix} (did you mean "${stripped}"?)`;
    notices.push(placed(config, place, message));
  }
  return notices;
}
