import type { Config } from '../model/config.js';
import { resolveInputs } from './inputs.js';
import type { Values } from './options.js';

/** The config for the config file and one path (see resolveInputs); shared with the GitHub Action. */
export async function configFor(values: Pick<Values, 'config'>, path: string | undefined): Promise<Config> {
  return (await resolveInputs(values, path === undefined ? [] : [path])).config;
}
