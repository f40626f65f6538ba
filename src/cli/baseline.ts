import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HandbookLintError } from '../errors.js';
import type { Config } from '../model/config.js';
import { scanMarkdownFolder } from '../platforms/markdown/folder.js';
import { configuredWikis } from '../platforms/registry.js';
import { progressLine } from '../progress.js';
import { palette } from '../report/colors.js';
import { run } from '../run.js';
import { type BaselineEntry, loadBaselineEntries, writeBaseline } from '../suppressions.js';
import { forTerminal } from '../terminal.js';
import { plural } from '../words.js';
import { withConfigFile } from './config-file.js';
import { EXIT } from './exit.js';
import { noPagesMessage } from './input-hints.js';
import { resolveInputs } from './inputs.js';
import type { Values } from './options.js';
import { refuseFolder } from './output-file.js';
import { parseNow } from './values.js';

/**
 * The entries of an existing baseline this run cannot judge: those of pages outside its selection,
 * and those of rules it turned off (orphan-page). `baseline FILE.md` refreshes that page's findings
 * and keeps the rest, as it would after a whole run.
 */
async function entriesNotLinted(
  file: string,
  config: Config,
  skippedRules: readonly string[],
): Promise<BaselineEntry[]> {
  if (!config.markdown || !existsSync(file)) return [];
  const linted = new Set((await scanMarkdownFolder(config.markdown)).pages.map((page) => `markdown:${page}`));
  return (await loadBaselineEntries(file)).filter(
    (entry) => !linted.has(entry.page) || skippedRules.includes(entry.ruleId),
  );
}

/** `handbook-lint baseline`: accept today's findings in the baseline file. */
export async function commandBaseline(values: Values, paths: readonly string[]): Promise<number> {
  const now = parseNow(values.now);
  refuseFolder(values.output, 'handbook-lint-baseline.json');
  const { config, partial, skippedRules } = await resolveInputs(withConfigFile(values), paths, now);
  const file = values.output ? resolve(values.output) : config.baselinePath;
  if (!file) {
    throw new HandbookLintError(
      'USAGE',
      'Where should the baseline go? Set `baseline: FILE` in the config, or pass -o FILE.',
    );
  }
  const kept = partial ? await entriesNotLinted(file, config, skippedRules) : [];
  // It reads the wikis but writes nothing back and records no run.
  const result = await run(config, { now, forBaseline: true, onProgress: progressLine(process.stderr) });
  if (result.summary.pages === 0 && !configuredWikis(config).length)
    throw new HandbookLintError('SOURCE_NOT_FOUND', noPagesMessage(config, paths));
  const count = await writeBaseline(file, result.findings, kept);
  const others = kept.length ? ` (${kept.length} of them on pages or rules not linted now, kept)` : '';
  process.stdout.write(
    `Baseline ${file}: ${plural(count, 'finding')} accepted${others}. Later runs report only new findings.\n`,
  );
  if (!result.unreadable.length) return EXIT.clean;
  // A page not read has no findings in the baseline: once it reads, every one of them is new, and a
  // check that fails on new findings fails. Said, and exit 3 as for run, so CI does not take it as done.
  const pages = result.unreadable.length === 1 ? '1 page' : `${result.unreadable.length} pages`;
  const its = result.unreadable.length === 1 ? 'its' : 'their';
  const lines = result.unreadable.map((page) => `  ${forTerminal(page.path)}: ${forTerminal(page.reason)}\n`);
  process.stderr.write(
    `${palette(process.stderr).yellow('warning')} ${pages} could not be read, so ${its} findings are not in the baseline; a later run that reads ${result.unreadable.length === 1 ? 'it' : 'them'} reports them as new:\n${lines.join('')}`,
  );
  return EXIT.partial;
}
