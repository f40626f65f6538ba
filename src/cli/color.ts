import { HandbookLintError } from '../errors.js';
import type { Values } from './options.js';

/**
 * `--color` and `--no-color` as ESLint users type them. They set the variables every palette
 * already reads (`report/colors.ts`), so the report, errors and notices all follow the flag.
 */
export function applyColorFlags(values: Values, env: NodeJS.ProcessEnv = process.env): void {
  if (values.color && values['no-color'])
    throw new HandbookLintError('USAGE', '--color and --no-color contradict each other; pass one.');
  if (values.color) {
    env.FORCE_COLOR = '1';
    delete env.NO_COLOR;
  } else if (values['no-color']) {
    env.NO_COLOR = '1';
    delete env.FORCE_COLOR;
  }
}
