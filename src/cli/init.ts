import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_NAMES, discoverConfig } from '../config-discovery.js';
import { HandbookLintError } from '../errors.js';
import {
  DEFAULT_CONFIG_FILE,
  nextSteps,
  parseSources,
  SCHEMA_REFERENCE,
  writeStarterConfig,
} from '../init.js';
import { forTerminal } from '../terminal.js';
import { TOOL_NAME } from '../version.js';
import { EXIT } from './exit.js';
import { invokedAs } from './invoked-as.js';
import type { Values } from './options.js';

const posix = (path: string) => path.split(sep).join('/');

/** `init FOLDER`: the Markdown root the config names, relative to the config file (posix, as configs write paths). */
function markdownRoot(folder: string | undefined, file: string): string {
  if (folder === undefined) return '.';
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new HandbookLintError(
      'USAGE',
      `init takes the handbook's folder: ${forTerminal(folder)} is not a folder.`,
    );
  return posix(relative(dirname(resolve(file)), resolve(folder))) || '.';
}

/**
 * The JSON Schema a config in `folder` names: the installed package's copy in the nearest
 * node_modules at or above it (a monorepo hoists it to the root; `init -o config/x.yml` writes one
 * level down), else the path beside the config.
 */
function schemaFor(folder: string): string {
  for (let at = folder; ; at = dirname(at)) {
    const schema = join(at, 'node_modules', 'handbook-lint', 'schema', 'handbook-lint.schema.json');
    if (existsSync(schema)) {
      const path = posix(relative(folder, schema));
      return path.startsWith('.') ? path : `./${path}`;
    }
    if (dirname(at) === at) return SCHEMA_REFERENCE;
  }
}

/**
 * The config runs used from the new file's folder, `above`, is now passed over for it there: a second
 * `init` from a sub-folder would otherwise change which config those runs read without a word.
 */
function shadowWarning(above: string, file: string): void {
  const shown = forTerminal(relative(process.cwd(), above));
  const folder = relative(process.cwd(), dirname(resolve(file)));
  const here = folder ? forTerminal(folder) : 'this folder';
  const problem =
    dirname(above) === dirname(resolve(file))
      ? `${shown} is in the same folder: a run there refuses two config files until one is removed`
      : `${shown} applied here until now; runs from ${here} and below now use ${forTerminal(file)} instead (the nearest config wins): remove one to keep a single config`;
  process.stderr.write(`${TOOL_NAME}: warning: ${problem}\n`);
}

/** The config a run from `folder` uses, for the warning only: one that cannot be told (two in a folder) is none. */
function configAbove(folder: string): string | undefined {
  try {
    return discoverConfig(folder);
  } catch {
    return undefined;
  }
}

/** `handbook-lint init [FOLDER]`: the commented starter config, for a handbook in FOLDER (default: beside it). */
export async function commandInit(values: Values, args: readonly string[]): Promise<number> {
  if (args.length > 1) throw new HandbookLintError('USAGE', `init takes one folder: ${args.join(' ')}`);
  const file = values.output ?? DEFAULT_CONFIG_FILE;
  const sources = parseSources(values.source);
  if (args[0] !== undefined && !sources.includes('markdown'))
    throw new HandbookLintError('USAGE', 'init FOLDER is for a Markdown handbook: add --source markdown.');
  const root = markdownRoot(args[0], file);
  const schema = schemaFor(dirname(resolve(file)));
  // Looked up before the write: the config that runs from the new file's folder use until now.
  const above = configAbove(dirname(resolve(file)));
  await writeStarterConfig(resolve(file), sources, values.force === true, { root, schema });
  process.stdout.write(nextSteps(file, sources, invokedAs()));
  if (above && above !== resolve(file) && (CONFIG_NAMES as readonly string[]).includes(basename(file)))
    shadowWarning(above, file);
  return EXIT.clean;
}
