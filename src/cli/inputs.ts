import { existsSync, type Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { defaultConfig, loadConfig } from '../config.js';
import { HandbookLintError } from '../errors.js';
import { matchesGlob } from '../glob.js';
import { DEFAULT_CONFIG_FILE } from '../init.js';
import type { Config } from '../model/config.js';
import type { MarkdownSourceOptions } from '../platforms/markdown/folder.js';
import { DEFAULT_RULES_DIR, loadRuleFiles } from '../rules/load.js';
import { forTerminal } from '../terminal.js';
import { contextIndexes } from './context-pages.js';
import { configsBelow, nearestPath, rootThere } from './input-hints.js';
import { invokedAs } from './invoked-as.js';
import type { Values } from './options.js';

/** The page name standard input gets without --stdin-filename, as ESLint names it. */
const STDIN_NAME = '<stdin>';

/** What a run lints: its config, and whether only some of the handbook's pages are read. */
export interface LintInputs {
  config: Config;
  /** Some pages of the site were not given: orphan-page, wikis, write-back and the ledger are off (see forSomePages). */
  partial: boolean;
  /** The rules a partial run turned off: it cannot tell whether the pages it read still break them. */
  skippedRules: readonly string[];
}

/** Reads standard input whole, as bytes: the page is decoded as a file is (UTF-16 by its byte order mark). */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A given path: a folder, a file, or the files a glob expanded to. */
type Input =
  | { kind: 'folder'; path: string }
  | { kind: 'file'; path: string }
  | { kind: 'glob'; files: string[] };

async function statOf(path: string): Promise<Stats | undefined> {
  return fs.stat(path).catch(() => undefined);
}

/** A path as given: on disk it is taken literally (a file may be named `[draft].md`), else a glob we expand. */
async function readInput(given: string): Promise<Input> {
  let missing: string | undefined;
  const info = await fs.stat(resolve(given)).catch((error: NodeJS.ErrnoException) => {
    // There, in a folder this user may not open: "No such file or folder" would send them looking for a typo.
    if (error.code === 'EACCES' || error.code === 'EPERM')
      throw new HandbookLintError(
        'SOURCE_NOT_FOUND',
        `Cannot read ${forTerminal(given)}: permission denied (${error.code})`,
      );
    missing = error.code;
    return undefined;
  });
  if (info?.isDirectory()) return { kind: 'folder', path: resolve(given) };
  if (info) return { kind: 'file', path: resolve(given) };
  // markdownlint-cli2 leaves out what `#glob` or `!glob` match; here the config's excludes do. Its own
  // help's example, `"**/*.md" "#node_modules"`, asks for what is always done: pointing at exclude would
  // send the user to write a config for nothing.
  if (/^[#!](?:\*\*\/)?node_modules(?:\/(?:\*\*)?)?$/.test(given))
    throw new HandbookLintError(
      'USAGE',
      `${forTerminal(given)}: node_modules (like every dot folder) is always left out: drop this path. Other files are left out by sources.markdown.exclude in the config.`,
    );
  if (/^[#!]/.test(given))
    throw new HandbookLintError(
      'USAGE',
      `${forTerminal(given)}: a path that leaves files out (markdownlint-cli2's #glob or !glob) is not taken. List them under sources.markdown.exclude in the config (handbook-lint init writes one).`,
    );
  if (!picomatch.scan(given).isGlob) {
    // `ls` lists a link whose target is gone, or that leads back to itself: it is there, and says why it is no page.
    const target = await fs.readlink(resolve(given)).catch(() => undefined);
    if (target !== undefined)
      throw new HandbookLintError(
        'SOURCE_NOT_FOUND',
        `${forTerminal(given)} is a symbolic link to ${forTerminal(target)}, ${missing === 'ELOOP' ? 'a loop of links that never reaches a file' : 'which does not exist'}`,
      );
    const near = nearestPath(given);
    throw new HandbookLintError(
      'SOURCE_NOT_FOUND',
      `No such file or folder: ${forTerminal(given)}${near ? `. Did you mean ${forTerminal(near)}?` : ''}`,
    );
  }
  // fs.glob is Node 22's; looked up here so that on an older Node only a glob fails, not every command.
  if (typeof fs.glob !== 'function')
    throw new HandbookLintError(
      'USAGE',
      `Expanding ${forTerminal(given)} needs Node 22 or newer (or let the shell expand it).`,
    );
  const files: string[] = [];
  // Like the folder walk, a glob does not go into node_modules.
  for await (const match of fs.glob(given, { exclude: (path) => basename(path) === 'node_modules' })) {
    const path = resolve(match);
    if ((await statOf(path))?.isFile()) files.push(path);
  }
  if (!files.length)
    throw new HandbookLintError('SOURCE_NOT_FOUND', `No pages matched: ${forTerminal(given)}`);
  return { kind: 'glob', files };
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The deepest folder holding every path. */
function commonFolder(folders: readonly string[]): string {
  let common = folders[0] ?? process.cwd();
  for (const folder of folders) while (!inside(common, folder)) common = dirname(common);
  return common;
}

/** A path relative to the root as a glob matching only itself. */
function literalGlob(root: string, path: string): string {
  return relative(root, path)
    .split(sep)
    .join('/')
    .replace(/[\\*?[\]{}()!+@|]/g, '\\$&');
}

/** Globs relative to `from` as globs relative to `to`, matching the same files. */
function rebased(globs: readonly string[], to: string, from: string): string[] {
  const prefix = literalGlob(to, from);
  return globs.map((glob) => (prefix ? `${prefix}/${glob}` : glob));
}

/**
 * A run on some pages: the rules whose check reads the links into a page from the whole site
 * (orphan-page) are off, and the wikis, the write-back and the ledger (even with `state.history`)
 * are left alone, since a ledger would take the findings of every page not read for fixed.
 */
async function forSomePages(whole: Config): Promise<LintInputs> {
  const { notion: _notion, confluence: _confluence, keepHistory: _keepHistory, ...config } = whole;
  const rules = await loadRuleFiles([DEFAULT_RULES_DIR, ...config.ruleFolders]);
  const settings = { ...config.rules };
  const skippedRules: string[] = [];
  for (const rule of rules.values()) {
    if (rule.kind.name !== 'orphan') continue;
    settings[rule.id] = { options: settings[rule.id]?.options ?? {}, level: 'off' };
    skippedRules.push(rule.id);
  }
  const writeback = defaultConfig(config.markdown?.root ?? '.').writeback;
  return { config: { ...config, rules: settings, writeback, somePages: true }, partial: true, skippedRules };
}

/** A run on the whole of its sources. */
const wholeRun = (config: Config): LintInputs => ({ config, partial: false, skippedRules: [] });

/** The folder a path's pages are in, for the site root. */
function locationsOf(input: Input): string[] {
  if (input.kind === 'folder') return [input.path];
  if (input.kind === 'file') return [dirname(input.path)];
  return input.files.map((file) => dirname(file));
}

/** Whether `folder` is inside a git checkout (a `.git` in it or above). */
function inCheckout(folder: string): boolean {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return true;
    if (dirname(at) === at) return false;
  }
}

/** The pages (relative posix paths) a file or glob input gives: a glob's files that `include` takes. */
function pagesOf(input: Input, root: string, include: readonly string[]): string[] {
  const files = input.kind === 'file' ? [input.path] : input.kind === 'glob' ? input.files : [];
  const paths = files.map((file) => relative(root, file).split(sep).join('/'));
  return input.kind === 'glob'
    ? paths.filter((path) => include.some((glob) => matchesGlob(path, glob)))
    : paths;
}

/** Include globs (relative to the root) for exactly the pages of one input. */
function includeFor(input: Input, root: string, include: readonly string[]): string[] {
  if (input.kind === 'file') return [literalGlob(root, input.path)];
  if (input.kind === 'folder') {
    const folder = literalGlob(root, input.path);
    return include.map((pattern) => (folder ? `${folder}/${pattern}` : pattern));
  }
  // A glob may match images and PDFs: the config's include says which files are pages.
  return input.files
    .filter((file) =>
      include.some((pattern) => matchesGlob(relative(root, file).split(sep).join('/'), pattern)),
    )
    .map((file) => literalGlob(root, file));
}

/**
 * The config for the given paths. No path: the config's sources. One folder outside the config's
 * Markdown root (or with no config): that folder is the root; with a config, the run is on some
 * pages, since the wikis, write-back and ledger belong to the configured handbook. Anything else
 * (files, globs, folders, `-` for standard input) selects pages within a site root: the config's
 * Markdown root when every path lies inside it (so page keys, suppressions and baselines match a
 * whole run), else the folder the paths have in common. Every file under the root is still listed,
 * so a link to a page that was not given resolves against the disk; only the given pages are read
 * and linted. `now` is the run's clock: when the page from standard input changed, unless git says.
 */
export async function resolveInputs(
  values: Pick<Values, 'config' | 'stdin-filename'>,
  paths: readonly string[],
  now: Date = new Date(),
  stdin: () => Promise<Buffer> = readStdin,
): Promise<LintInputs> {
  // Checked before a run without paths, which would lint the config's handbook and never read the page.
  if (values['stdin-filename'] !== undefined && !paths.includes('-'))
    throw new HandbookLintError(
      'USAGE',
      '--stdin-filename names the page read from standard input: add - (or --stdin) to the paths.',
    );
  const loaded = values.config ? await loadConfig(resolve(values.config)) : undefined;
  if (!paths.length) {
    if (loaded) return wholeRun(rootThere(loaded));
    const below = configsBelow(process.cwd());
    throw new HandbookLintError(
      'USAGE',
      below.length
        ? `Nothing to lint: no config here or in the folders above, and one in a sub-folder is not read from here: ${below.map(forTerminal).join(', ')}. Pass it (${invokedAs()} run --config ${forTerminal(below[0] ?? '')}), or run from its folder.`
        : `Nothing to lint: pass files, folders or globs (${invokedAs()} run ./handbook), - for standard input, --config FILE, or run \`${invokedAs()} init\` to write ${DEFAULT_CONFIG_FILE}.`,
    );
  }
  if (paths.filter((path) => path === '-').length > 1)
    throw new HandbookLintError('USAGE', 'Standard input (-) can be read once.');
  const inputs = await Promise.all(paths.filter((path) => path !== '-').map(readInput));
  const configured = loaded?.markdown;
  const single = paths.length === 1 ? inputs[0] : undefined;
  if (single?.kind === 'folder' && !(configured && inside(configured.root, single.path))) {
    const fallback = defaultConfig(single.path);
    if (!loaded) return wholeRun(fallback);
    const markdown = { ...(configured ?? fallback.markdown), root: single.path } as Config['markdown'];
    return forSomePages({ ...loaded, markdown });
  }
  const stdinFile = paths.includes('-') ? resolve(values['stdin-filename'] ?? STDIN_NAME) : undefined;
  const locations = [...inputs.flatMap(locationsOf), ...(stdinFile ? [dirname(stdinFile)] : [])];
  const root =
    configured && locations.every((location) => inside(configured.root, location))
      ? configured.root
      : commonFolder(locations);
  const base = configured ?? (defaultConfig(root).markdown as NonNullable<Config['markdown']>);
  const markdown: NonNullable<Config['markdown']> & Pick<MarkdownSourceOptions, 'stdin' | 'only'> = {
    ...base,
    root,
    include: inputs.flatMap((input) => includeFor(input, root, base.include)),
    // The config's excludes are relative to its root: rebased, they leave out the same files when
    // the paths' common folder is above it (lint-staged passing README.md and docs/CHANGELOG.md).
    exclude:
      configured && root !== configured.root
        ? rebased(configured.exclude, root, configured.root)
        : base.exclude,
    // Files outside any handbook (no config, no git checkout: a home folder, /tmp) are listed alone:
    // walking the folder around them could take minutes, and nothing there is a handbook's.
    ...(!loaded && !inputs.some((input) => input.kind === 'folder') && !inCheckout(root)
      ? { only: inputs.flatMap((input) => pagesOf(input, root, base.include)) }
      : {}),
    ...(stdinFile
      ? {
          stdin: {
            file: relative(root, stdinFile).split(sep).join('/'),
            bytes: await stdin(),
            modified: now,
          },
        }
      : {}),
  };
  const whole = inputs.some((input) => input.kind === 'folder' && input.path === root);
  const context =
    whole || markdown.only ? [] : contextIndexes(locations, { ...base, root, given: markdown.include });
  const include = [...markdown.include, ...context.map((file) => literalGlob(root, join(root, file)))];
  const config = { ...(loaded ?? defaultConfig(root)), markdown: { ...markdown, include } };
  return whole
    ? wholeRun(config)
    : forSomePages({ ...config, contextPages: context.map((file) => `markdown:${file}`) });
}
