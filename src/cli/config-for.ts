import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Config, defaultConfig, loadConfig } from '../config.js';
import { HandbookLintError } from '../errors.js';
import type { Values } from './options.js';

/** The config a run uses: the file, a folder argument, or both (the folder replaces the Markdown root); shared with the GitHub Action. */
export async function configFor(values: Pick<Values, 'config'>, path: string | undefined): Promise<Config> {
  const config = values.config ? await loadConfig(resolve(values.config)) : undefined;
  if (!path) {
    if (config) return config;
    throw new HandbookLintError(
      'USAGE',
      'Nothing to lint: pass a folder (handbook-lint run ./handbook) or --config FILE.',
    );
  }
  const root = resolve(path);
  if (!existsSync(root)) throw new HandbookLintError('SOURCE_NOT_FOUND', `No such folder: ${path}`);
  const fallback = defaultConfig(root);
  if (!config) return fallback;
  return { ...config, markdown: { ...(config.markdown ?? fallback.markdown), root } as Config['markdown'] };
}
