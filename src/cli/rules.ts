import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { closestAnyCase } from '../closest.js';
import { defaultConfig, loadConfig } from '../config.js';
import { HandbookLintError } from '../errors.js';
import type { Config } from '../model/config.js';
import { maxOf } from '../push-all.js';
import { palette } from '../report/colors.js';
import { type ActiveRule, DEFAULT_RULES_DIR, loadRuleFiles } from '../rules/load.js';
import { markdownlintRule } from '../rules/markdownlint-ids.js';
import { loadActiveRules } from '../rules/settings.js';
import { formatFailure, formatTestSummary, testRules } from '../rules/tester.js';
import { forTerminal, linesForTerminal } from '../terminal.js';
import { cliConfigFile } from './config-file.js';
import { EXIT } from './exit.js';
import { invokedAs } from './invoked-as.js';
import type { Values } from './options.js';
import { formatRuleDocs } from './rule-docs.js';

/** `handbook-lint rules`: the active rules with their level; `rules ID`, one rule's documentation; with --test, their examples run. */
export async function commandRules(values: Values, args: readonly string[]): Promise<number> {
  if (args.length > 1) throw new HandbookLintError('USAGE', `Too many arguments: ${args.join(' ')}`);
  const file = cliConfigFile(values);
  const config = file ? await loadConfig(resolve(file)) : defaultConfig('.');
  if (values.test) return testRuleExamples(config, args[0]);
  const rules = await loadActiveRules(config);
  const colors = palette(process.stdout);
  if (args[0] !== undefined) return showRule(rules, args[0], colors.bold);
  const width = maxOf(
    rules.map((r) => forTerminal(r.id).length),
    0,
  );
  // Rule packs from npm are third-party text: shown, never acted on by the terminal.
  for (const rule of rules) {
    const id = forTerminal(rule.id).padEnd(width);
    process.stdout.write(
      `${colors.bold(id)}  ${rule.configuredLevel.padEnd(7)}  ${forTerminal(rule.description)}\n`,
    );
  }
  return EXIT.clean;
}

/** Whether `path` is a folder with YAML files in it: rule files, as `rules --test` reads them. */
function holdsRuleFiles(path: string): boolean {
  try {
    return readdirSync(path).some((name) => /\.ya?ml$/.test(name));
  } catch {
    return false;
  }
}

/** `rules ID`: that rule's documentation; an unknown id names the nearest. */
function showRule(rules: readonly ActiveRule[], id: string, bold: (text: string) => string): number {
  const rule = rules.find((r) => r.id === id);
  if (!rule) {
    const markdownlint = markdownlintRule(id);
    const near =
      !markdownlint &&
      closestAnyCase(
        id,
        rules.map((r) => r.id),
      );
    const shown = forTerminal(id);
    // `rules docs` for `run docs`: a folder of pages is no folder of rules. Only a folder that holds
    // rule files is sent to --test: for any other name (`MD013`, `list`) that would fail again.
    const lists = `${invokedAs()} rules lists them.`;
    const instead = markdownlint
      ? `${markdownlint}. ${lists}`
      : !existsSync(id)
        ? lists
        : holdsRuleFiles(id)
          ? `${lists} A folder of rules is taken only with --test (${invokedAs()} rules --test ${shown}).`
          : `To lint it: ${invokedAs()} run ${shown}`;
    throw new HandbookLintError(
      'USAGE',
      `Unknown rule "${forTerminal(id)}".${near ? ` Did you mean ${near}?` : ''} ${instead}`,
    );
  }
  process.stdout.write(formatRuleDocs(rule, bold));
  return EXIT.clean;
}

/**
 * `rules --test [DIR]`: every example of DIR's rules, or of the default pack and the config's rule
 * folders; `rules --test ID`, when no folder is called ID, that rule's examples.
 */
async function testRuleExamples(config: Config, dir: string | undefined): Promise<number> {
  const own = dir === undefined || !existsSync(dir);
  const folders = own ? [DEFAULT_RULES_DIR, ...config.ruleFolders] : [resolve(dir)];
  const rules = await loadRuleFiles(folders, { documentTypes: Object.keys(config.documentTypes) });
  const one = dir !== undefined && own ? rules.get(dir) : undefined;
  if (dir !== undefined && own && !one) {
    const near = closestAnyCase(dir, rules.keys());
    throw new HandbookLintError(
      'USAGE',
      `No rule folder or rule named ${forTerminal(dir)}.${near ? ` Did you mean ${near}?` : ''}`,
    );
  }
  if (!own && !rules.size)
    throw new HandbookLintError(
      'USAGE',
      `${forTerminal(dir)} holds no rule files (*.yml); to lint its pages: ${invokedAs()} run ${forTerminal(dir)}`,
    );
  const result = testRules(one ? [one] : [...rules.values()]);
  const colors = palette(process.stdout);
  for (const failure of result.failures)
    process.stdout.write(`${linesForTerminal(formatFailure(failure))}\n`);
  const summary = formatTestSummary(result);
  process.stdout.write(`${result.failures.length ? colors.red(summary) : summary}\n`);
  return result.failures.length ? EXIT.findings : EXIT.clean;
}
