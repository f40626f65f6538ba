import { resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE, nextSteps, parseSources, writeStarterConfig } from '../init.js';
import { EXIT } from './exit.js';
import { invokedAs } from './invoked-as.js';
import type { Values } from './options.js';

/** `handbook-lint init`: the commented starter config. */
export async function commandInit(values: Values): Promise<number> {
  const file = values.output ?? DEFAULT_CONFIG_FILE;
  const sources = parseSources(values.source);
  await writeStarterConfig(resolve(file), sources, values.force === true);
  process.stdout.write(nextSteps(file, sources, invokedAs()));
  return EXIT.clean;
}
