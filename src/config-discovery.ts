import { type Dirent, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HandbookLintError } from './errors.js';

/** The names a config is found by, in the order the README lists them; `init` writes the first. */
export const CONFIG_NAMES = [
  'handbook-lint.yml',
  'handbook-lint.yaml',
  '.handbook-lint.yml',
  '.handbook-lint.yaml',
] as const;

/**
 * The config that applies in `cwd`: the nearest folder from `cwd` upwards holding one of
 * CONFIG_NAMES, searching no higher than the repository root (the folder holding `.git`), or the
 * filesystem root outside a repository. Two names in one folder are refused: which one wins would
 * be a guess.
 */
export function discoverConfig(cwd: string): string | undefined {
  for (const folder of searchedFolders(cwd)) {
    const found = CONFIG_NAMES.map((name) => join(folder, name)).filter((file) => existsSync(file));
    if (found.length > 1) {
      throw new HandbookLintError(
        'CONFIG_INVALID',
        `Two config files in one folder: ${found.join(' and ')}. Keep one, or pick one with --config.`,
      );
    }
    if (found[0]) return found[0];
  }
  return undefined;
}

/** The folders discovery searches from `cwd`: upwards to the repository root or the filesystem root. */
function* searchedFolders(cwd: string): Generator<string> {
  for (let folder = cwd; ; folder = dirname(folder)) {
    yield folder;
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return;
  }
}

/** Names other linters' habits give a config (`.handbook-lintrc`, `handbook-lint.json`), none read. */
const LOOKALIKE =
  /^\.?handbook[-_]?lint(?:rc)?(?:\.config)?(?:\.(?:json|jsonc|js|cjs|mjs|ts|toml|yml|yaml))?$/i;

/** An ignore file named for this tool as markdownlint's and ESLint's are (`.handbook-lintignore`): none is read. */
const IGNORE_FILE = /^\.?handbook[-_]?lint[-_.]?ignore$/i;

/** Files where discovery looks that seem meant as the config but have a name it does not read. */
export function configLookalikes(cwd: string): string[] {
  const names: readonly string[] = CONFIG_NAMES;
  return filesNamed(cwd, (name) => LOOKALIKE.test(name) && !names.includes(name));
}

/** Ignore files named for this tool where discovery looks: the config's `exclude` is what leaves files out. */
export function ignoreFileLookalikes(cwd: string): string[] {
  return filesNamed(cwd, (name) => IGNORE_FILE.test(name));
}

function filesNamed(cwd: string, named: (name: string) => boolean): string[] {
  return [...searchedFolders(cwd)].flatMap((folder) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return [];
    }
    // Files only: a folder of that name is the ledger's `.handbook-lint/` or a clone of the tool.
    return entries
      .filter((entry) => !entry.isDirectory() && named(entry.name))
      .map((entry) => join(folder, entry.name));
  });
}
