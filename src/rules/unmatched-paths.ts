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
 * What a glob that matches none of `paths` was meant to be, and why, when that is clear: written from
 * the config's folder (`docs/adr/**`), or naming a folder as ignore files, markdownlint and ESLint
 * users do (`adr/`, `adr`, `docs/adr`), it matches nothing where it was to match the folder's files.
 */
function meantGlob(
  glob: string,
  prefix: string | undefined,
  paths: readonly string[],
  words: { lead: string; noun: string },
): string | undefined {
  const stripped = prefix && glob.startsWith(`${prefix}/`) ? glob.slice(prefix.length + 1) : glob;
  const folder = stripped.replace(/\/+$/, '');
  const named = !/[*?[\]{}]/.test(folder) && paths.some((path) => path.startsWith(`${folder}/`));
  const meant = paths.some((path) => matchesGlob(path, stripped))
    ? stripped
    : named
      ? `${folder}/**`
      : undefined;
  if (!meant) return undefined;
  const why = [
    ...(stripped === glob ? [] : [`${words.lead} are relative to the Markdown root ${prefix}`]),
    ...(meant === stripped ? [] : [`a folder's ${words.noun} are "${folder}/**"`]),
  ];
  return `${why.join(', and ')} (did you mean "${meant}"?)`;
}

/** An `exclude` glob that leaves out no file: it lints what it was to leave out. */
function idleExcludes(config: PathSettings, prefix: string | undefined, files: readonly string[]): string[] {
  return (config.markdown?.exclude ?? []).flatMap((glob, at) => {
    if (files.some((file) => matchesGlob(file, glob))) return [];
    const hint = meantGlob(glob, prefix, files, { lead: 'globs', noun: 'files' });
    if (!hint) return [];
    const message = `exclude: no file matches "${glob}"; ${hint}`;
    return [placed(config, ['sources', 'markdown', 'exclude', at], message)];
  });
}

/**
 * A warning at its place in the config for each `overrides` path and `suppressions` page glob that
 * matches no page of a whole run but would as meantGlob reads it, and for each `exclude` glob that
 * leaves out no file (idleExcludes). Such a glob silently does nothing: it was written as the console
 * shows paths, from the config's folder (`docs/adr/**`), or names a folder (`adr/`), while it is
 * matched from the root against the pages' paths (`adr/**`). A glob for a folder that does not exist yet (a starter config's
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
  const pages = [...all];
  const paths = pages.map((page) => page.file ?? page.path);
  const globs = [
    ...config.overrides.flatMap((override, index) =>
      override.paths.map((glob, at) => ({ glob, place: ['overrides', index, 'paths', at] })),
    ),
    ...config.suppressions.map((s, index) => ({ glob: s.page, place: ['suppressions', index, 'page'] })),
  ];
  for (const { glob, place } of globs) {
    if (pages.some((page) => page.key === glob || matchesPaths(page, [glob]))) continue;
    const hint = meantGlob(glob, prefix, paths, { lead: 'paths', noun: 'pages' });
    if (hint) notices.push(placed(config, place, `${place[0]}: no page matches "${glob}"; ${hint}`));
  }
  return notices;
}
