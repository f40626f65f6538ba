import { resolve } from 'node:path';
import { defaultConfig, loadConfig } from '../config.js';
import { palette } from '../report/colors.js';
import { loadActiveRules } from '../rules/load.js';
import { EXIT } from './exit.js';
import type { Values } from './options.js';

/** `handbook-lint rules`: the active rules with their level. */
export async function commandRules(values: Values): Promise<number> {
  const config = values.config ? await loadConfig(resolve(values.config)) : defaultConfig('.');
  const rules = await loadActiveRules(config);
  const colors = palette(process.stdout);
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const rule of rules) {
    process.stdout.write(
      `${colors.bold(rule.id.padEnd(width))}  ${rule.configuredLevel.padEnd(7)}  ${rule.description}\n`,
    );
  }
  return EXIT.clean;
}
