import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { closest } from '../closest.js';
import { CONFIG_NAMES } from '../config-discovery.js';
import { HandbookLintError } from '../errors.js';
import { matchesGlob } from '../glob.js';
import type { Config } from '../model/config.js';
import { forTerminal } from '../terminal.js';
import { diagnosticAtPath } from '../yaml-file.js';

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;
const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

/** The names in a folder a typo could be meant for: no dot entries (unless `name` is one) and no node_modules. */
function namesIn(folder: string, name: string): string[] {
  try {
    return readdirSync(folder).filter(
      (entry) => entry !== 'node_modules' && (name.startsWith('.') || !entry.startsWith('.')),
    );
  } catch {
    return [];
  }
}

/**
 * The edit-distance cells a guess may cost (some 50 million a second): a folder of 100,000 names of 200
 * letters took 100 s to find none, before the error was printed. Past it, a missing name gets no guess.
 */
const GUESS_CELLS = 50_000_000;

/** The name in `names` nearest to `part`, when comparing them costs no more than `GUESS_CELLS`. */
function nearestName(part: string, names: readonly string[]): string | undefined {
  // Names whose length is far from the part's are passed over by `closest` at no cost.
  const reach = Math.max(1, Math.floor(part.length / 3));
  let cells = 0;
  for (const name of names)
    if (Math.abs(name.length - part.length) <= reach) cells += (part.length + 1) * (name.length + 1);
  return cells > GUESS_CELLS ? undefined : closest(part, names);
}

/**
 * A path that exists for one that does not: each missing part replaced by the nearest name in its
 * folder, offered only when the whole path then exists (`docs/hr/leave.md` for `doc/hr/leave.md`),
 * so a folder that is not there never gets a guess that leads nowhere.
 */
export function nearestPath(given: string): string | undefined {
  const parts = given.split(/[\\/]/);
  let at = parts[0] === '' ? sep : '';
  const fixed: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..' || existsSync(join(at || '.', part))) {
      fixed.push(part);
      if (part !== '') at = join(at, part);
      continue;
    }
    // A page named without its extension is the likeliest miss: `docs/hr/leave` for `docs/hr/leave.md`.
    const near = existsSync(join(at || '.', `${part}.md`))
      ? `${part}.md`
      : nearestName(part, namesIn(at || '.', part));
    if (near === undefined) return undefined;
    fixed.push(near);
    at = join(at, near);
  }
  return existsSync(at || '.') ? fixed.join('/') : undefined;
}

/**
 * Configs one folder down from `cwd` (`docs/handbook-lint.yml`, `.github/handbook-lint.yml`), which
 * discovery, looking upwards, never finds: named when a run finds no config, relative to `cwd`.
 */
export function configsBelow(cwd: string): string[] {
  let folders: string[];
  try {
    folders = readdirSync(cwd, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git')
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
  return folders.flatMap((folder) =>
    CONFIG_NAMES.map((name) => join(folder, name)).filter((file) => existsSync(join(cwd, file))),
  );
}

/**
 * The given paths when each is a file the config's `exclude` leaves out, else nothing. A pre-commit
 * hook or lint-staged passes every staged Markdown file, a left-out CHANGELOG.md too: as ESLint
 * does with an ignored file given by name, that is a warning, not an error that blocks the commit.
 */
export function excludedFiles(
  config: Config,
  paths: readonly string[],
  stdinName?: string,
): string[] | undefined {
  const markdown = config.markdown;
  if (!markdown?.exclude.length || !paths.length) return undefined;
  // `-` is the page --stdin-filename names (an editor sends the file being edited, excluded or not),
  // which need not be on disk yet.
  const named = paths.map((path) => (path === '-' ? stdinName : isFile(path) ? path : undefined));
  const excluded = (path: string | undefined) => {
    if (path === undefined) return false;
    const page = relative(markdown.root, resolve(path)).split(sep).join('/');
    return markdown.exclude.some((glob) => matchesGlob(page, glob));
  };
  return named.every(excluded) ? (named as string[]) : undefined;
}

/** Why a run found no page to lint: said instead of reporting a clean handbook. */
export function noPagesMessage(config: Config, paths: readonly string[]): string {
  const exclude = config.markdown?.exclude ?? [];
  // A file given by name that the config excludes is the likeliest surprise.
  const excluded = exclude.length ? ` (the config excludes ${JSON.stringify(exclude)})` : '';
  const include = JSON.stringify(config.markdown?.include ?? []);
  // One folder given: whether it is empty or holds no Markdown is what the person needs to know.
  const folder = paths.length === 1 && paths[0] !== undefined && isFolder(paths[0]) ? paths[0] : undefined;
  if (folder !== undefined)
    return readdirSync(folder).length
      ? `No pages matched: no file in ${forTerminal(folder)} is a page by include ${include} (dot folders and node_modules are skipped)${excluded}`
      : `No pages matched: ${forTerminal(folder)} is empty`;
  if (paths.length) return `No pages matched: ${paths.map(forTerminal).join(' ')}${excluded}`;
  if (config.markdown) return `No pages matched: ${config.markdown.root} matches none of include ${include}`;
  return 'No pages matched: the configured sources returned no pages';
}

/**
 * A whole run of a config whose Markdown root is not a folder fails at its `root:` line with the
 * folder meant, rather than the crawl's "Cannot read handbook folder …: ENOENT" with no place.
 */
export function rootThere(config: Config): Config {
  const root = config.markdown?.root;
  if (!root || !config.yaml || !config.file) return config;
  const stats = statSync(root, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return config;
  const near = stats ? undefined : nearestPath(root);
  const meant = near ? `; did you mean ${forTerminal(relative(dirname(config.file), near) || '.')}?` : '';
  const problem = stats
    ? `${forTerminal(root)} is a file; the root is the handbook's folder`
    : `no folder ${forTerminal(root)} (a path from the config file's folder${meant})`;
  throw new HandbookLintError('SOURCE_NOT_FOUND', `Cannot read handbook folder ${forTerminal(root)}`, [
    diagnosticAtPath(
      config.yaml,
      ['sources', 'markdown', 'root'],
      `sources.markdown.root: ${problem}`,
      false,
    ),
  ]);
}
