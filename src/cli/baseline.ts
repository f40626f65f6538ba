import { resolve } from 'node:path';
import { HandbookLintError } from '../errors.js';
import { progressLine } from '../progress.js';
import { run } from '../run.js';
import { writeBaseline } from '../suppressions.js';
import { EXIT } from './exit.js';
import { noPagesMessage, resolveInputs } from './inputs.js';
import type { Values } from './options.js';
import { parseNow } from './values.js';

/** `handbook-lint baseline`: accept today's findings in the baseline file. */
export async function commandBaseline(values: Values, paths: readonly string[]): Promise<number> {
  const { config } = await resolveInputs(values, paths);
  const file = values.output ? resolve(values.output) : config.baselinePath;
  if (!file) {
    throw new HandbookLintError(
      'USAGE',
      'Where should the baseline go? Set `baseline: FILE` in the config, or pass -o FILE.',
    );
  }
  const now = parseNow(values.now);
  // It reads the wikis but writes nothing back and records no run.
  const result = await run(config, { now, forBaseline: true, onProgress: progressLine(process.stderr) });
  if (result.summary.pages === 0)
    throw new HandbookLintError('SOURCE_NOT_FOUND', noPagesMessage(config, paths));
  const count = await writeBaseline(file, result.findings);
  process.stdout.write(
    `Baseline ${file}: ${count} finding${count === 1 ? '' : 's'} accepted. Later runs report only new findings.\n`,
  );
  return EXIT.clean;
}
