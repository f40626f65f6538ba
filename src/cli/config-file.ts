import { existsSync } from 'node:fs';
import { configLookalikes, discoverConfig, ignoreFileLookalikes } from '../config-discovery.js';
import { HandbookLintError } from '../errors.js';
import { forTerminal } from '../terminal.js';
import { TOOL_NAME } from '../version.js';
import { nearestPath } from './input-hints.js';
import type { Values } from './options.js';

/** `--config`, else the config discovered from the working folder; `--verbose` names a discovered one. */
export function cliConfigFile(values: Pick<Values, 'config' | 'verbose'>): string | undefined {
  // Made by the habit of .markdownlintignore and .eslintignore, it would otherwise be silently ignored.
  for (const file of ignoreFileLookalikes(process.cwd()))
    process.stderr.write(
      `${TOOL_NAME}: warning: ${forTerminal(file)} is not read; list the files to leave out under sources.markdown.exclude in the config\n`,
    );
  if (values.config) {
    // A typo, or `.\handbook-lint.yml` typed with Windows habits, where `\` is part of a name.
    const near = existsSync(values.config) ? undefined : nearestPath(values.config);
    if (near)
      throw new HandbookLintError(
        'CONFIG_NOT_FOUND',
        `Config file not found: ${forTerminal(values.config)}. Did you mean ${forTerminal(near)}?`,
      );
    return values.config;
  }
  const found = discoverConfig(process.cwd());
  if (found && values.verbose) process.stderr.write(`${TOOL_NAME}: config ${found}\n`);
  if (!found)
    for (const file of configLookalikes(process.cwd()))
      process.stderr.write(
        `${TOOL_NAME}: warning: ${forTerminal(file)} is not read; the config is handbook-lint.yml (or .yaml, with or without a leading dot), or pass --config\n`,
      );
  return found;
}

/** The values with `config` set to the given or discovered config file. */
export function withConfigFile(values: Values): Values {
  const file = cliConfigFile(values);
  return file ? { ...values, config: file } : values;
}
