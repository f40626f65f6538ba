import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  homepage: string;
};

/** The tool's name as reports and SARIF name it. */
export const TOOL_NAME = pkg.name;
/** The tool's version, read from package.json so it is never out of step. */
export const TOOL_VERSION = pkg.version;
/** Where people learn about the tool; SARIF's `informationUri`. */
export const TOOL_HOMEPAGE = pkg.homepage;
