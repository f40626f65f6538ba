import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { HandbookLintError } from '../errors.js';
import { progressLine } from '../progress.js';
import { palette } from '../report/colors.js';
import { formatSyncDetails, formatSyncSummary } from '../sync/report.js';
import { sync } from '../sync/sync.js';
import { cliConfigFile } from './config-file.js';
import { EXIT } from './exit.js';
import type { Values } from './options.js';
import { parseWaitLock } from './values.js';

/** `handbook-lint sync`: mirror a wiki into Markdown files. */
export async function commandSync(values: Values): Promise<number> {
  const file = cliConfigFile(values);
  if (!file || !values.out) {
    throw new HandbookLintError(
      'USAGE',
      // Vale users type sync first, to fetch the styles their .vale.ini names.
      "sync mirrors the config's Notion or Confluence wiki into Markdown files: pass --out DIR. Vale's sync, which fetches styles, has none here: name folders or npm packages of rules under rule-folders in the config.",
    );
  }
  const result = await sync(await loadConfig(resolve(file)), {
    out: values.out,
    ...(values.full ? { full: true } : {}),
    ...(values['dry-run'] ? { dryRun: true } : {}),
    waitLockMs: parseWaitLock(values['wait-lock']),
    onProgress: progressLine(process.stderr),
    ...(values['accept-shrink'] ? { acceptShrink: true } : {}),
  });
  process.stderr.write(formatSyncDetails(result, palette(process.stderr)));
  process.stdout.write(formatSyncSummary(result));
  return result.unreadable.length || result.implausible?.length ? EXIT.partial : EXIT.clean;
}
