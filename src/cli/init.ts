import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { HandbookLintError } from '../errors.js';
import {
  DEFAULT_CONFIG_FILE,
  nextSteps,
  parseSources,
  SCHEMA_REFERENCE,
  writeStarterConfig,
} from '../init.js';
import { forTerminal } from '../terminal.js';
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

/** `handbook-lint init [FOLDER]`: the commented starter config, for a handbook in FOLDER (default: beside it). */
export async function commandInit(values: Values, args: readonly string[]): Promise<number> {
  if (args.length > 1) throw new HandbookLintError('USAGE', `init takes one folder: ${args.join(' ')}`);
  const file = values.output ?? DEFAULT_CONFIG_FILE;
  const sources = parseSources(values.source);
  if (args[0] !== undefined && !sources.includes('markdown'))
    throw new HandbookLintError('USAGE', 'init FOLDER is for a Markdown handbook: add --source markdown.');
  const root = markdownRoot(args[0], file);
  const schema = schemaFor(dirname(resolve(file)));
  await writeStarterConfig(resolve(file), sources, values.force === true, { root, schema });
  process.stdout.write(nextSteps(file, sources, invokedAs()));
  return EXIT.clean;
}
