import { resolve } from 'node:path';
import { defaultConfig, loadConfig } from '../config.js';
import { HandbookLintError } from '../errors.js';
import type { Config } from '../model/config.js';
import { palette } from '../report/colors.js';
import { DEFAULT_RULES_DIR, loadRuleFiles } from '../rules/load.js';
import { loadActiveRules } from '../rules/settings.js';
import { formatFailure, formatTestSummary, testRules } from '../rules/tester.js';
import { forTerminal, linesForTerminal } from '../terminal.js';
import { cliConfigFile } from './config-file.js';
import { EXIT } from './exit.js';
import type { Values } from './options.js';

/** `handbook-lint rules`: the active rules with their level; with --test, their examples run. */
export async function commandRules(values: Values, args: readonly string[]): Promise<number> {
  if (args.length > 1) throw new HandbookLintError('USAGE', `Too many arguments: ${args.join(' ')}`);
  const dir = args[0];
  if (dir && !values.test)
    throw new HandbookLintError('USAGE', `rules takes a folder only with --test: ${dir}`);
  const file = cliConfigFile(values);
  const config = file ? await loadConfig(resolve(file)) : defaultConfig('.');
  if (values.test) return testRuleExamples(config, dir);
  const rules = await loadActiveRules(config);
  const colors = palette(process.stdout);
  const width = Math.max(...rules.map((r) => forTerminal(r.id).length));
  // Rule packs from npm are third-party text: shown, never acted on by the terminal.
  for (const rule of rules) {
    const id = forTerminal(rule.id).padEnd(width);
    process.stdout.write(
      `${colors.bold(id)}  ${rule.configuredLevel.padEnd(7)}  ${forTerminal(rule.description)}\n`,
    );
  }
  return EXIT.clean;
}

/** `rules --test [DIR]`: every example of DIR's rules, or of the default pack and the config's rule folders. */
async function testRuleExamples(config: Config, dir: string | undefined): Promise<number> {
  const folders = dir ? [resolve(dir)] : [DEFAULT_RULES_DIR, ...config.ruleFolders];
  const rules = await loadRuleFiles(folders, { documentTypes: Object.keys(config.documentTypes) });
  const result = testRules([...rules.values()]);
  const colors = palette(process.stdout);
  for (const failure of result.failures)
    process.stdout.write(`${linesForTerminal(formatFailure(failure))}\n`);
  const summary = formatTestSummary(result);
  process.stdout.write(`${result.failures.length ? colors.red(summary) : summary}\n`);
  return result.failures.length ? EXIT.findings : EXIT.clean;
}
