/** Every option of the command line, as node:util parseArgs reads them. */
export const OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  now: { type: 'string' },
  full: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'accept-shrink': { type: 'boolean' },
  'wait-lock': { type: 'string' },
  verbose: { type: 'boolean' },
  source: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The parsed options. */
export type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'string'
      ? string
      : boolean;
};
