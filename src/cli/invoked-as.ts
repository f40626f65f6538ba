import { accessSync, constants } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import { TOOL_NAME } from '../version.js';

/** Whether a shell finds an executable `name` in `dir`. */
function isExecutable(dir: string, name: string): boolean {
  try {
    accessSync(join(dir, name), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A project's `node_modules/.bin`: on PATH only inside npx, npm scripts and the like, not in the user's shell. */
const isPackageBin = (dir: string) => basename(dir) === '.bin' && basename(dirname(dir)) === 'node_modules';

/** This CLI as a project's dependency starts it: through node_modules/.bin, or its file in the package. */
const INSTALLED = /[\\/]node_modules[\\/](?:\.bin[\\/]handbook-lint|handbook-lint[\\/]dist[\\/]cli\.js)$/;

/**
 * How the user types this tool's name in their shell, for the commands our messages print:
 * `handbook-lint` when the shell finds it on PATH (a global install, `npm link`, a clone's README
 * steps), else, when it runs from a project's `node_modules` (a devDependency), the package
 * manager's runner that started it (`npx`, `pnpm exec`, `yarn`, `bunx`).
 */
export function invokedAs(
  env: NodeJS.ProcessEnv = process.env,
  script: string = process.argv[1] ?? '',
): string {
  if (!INSTALLED.test(script)) return TOOL_NAME;
  const names = process.platform === 'win32' ? [`${TOOL_NAME}.cmd`, `${TOOL_NAME}.exe`] : [TOOL_NAME];
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && !isPackageBin(dir) && names.some((name) => isExecutable(dir, name)));
  if (onPath) return TOOL_NAME;
  const agent = env.npm_config_user_agent ?? '';
  if (agent.startsWith('pnpm/')) return `pnpm exec ${TOOL_NAME}`;
  if (agent.startsWith('yarn/')) return `yarn ${TOOL_NAME}`;
  if (agent.startsWith('bun/')) return `bunx ${TOOL_NAME}`;
  return `npx ${TOOL_NAME}`;
}
