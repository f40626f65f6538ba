#!/usr/bin/env node
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// package.json's engines. Checked before anything else loads: on an older Node the first import of a
// newer API fails with a stack trace that does not say which Node to install. Hence also the
// namespace import above: a named import of enableCompileCache fails before this line runs.
const MINIMUM_NODE = [22, 12] as const;

function nodeIsTooOld(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor < MINIMUM_NODE[1]);
}

async function start(): Promise<number> {
  // Most of a short run is start-up: Node keeps V8's compiled code of the modules loaded below between
  // runs. In the user's own cache folder, not the shared temporary one, where another account could
  // plant code (NODE_COMPILE_CACHE names another folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
  // The variable is set too because worker threads take the folder from their environment.
  // A relative folder (no home, a relative XDG_CACHE_HOME) would land in the handbook: no cache then.
  const xdg = process.env.XDG_CACHE_HOME;
  const cacheHome =
    xdg && isAbsolute(xdg) ? xdg : isAbsolute(homedir()) ? join(homedir(), '.cache') : undefined;
  if (cacheHome) process.env.NODE_COMPILE_CACHE ||= join(cacheHome, 'handbook-lint', 'compile');
  if (process.env.NODE_COMPILE_CACHE) nodeModule.enableCompileCache(process.env.NODE_COMPILE_CACHE);
  // From main.js's bundle: the one copy of the cleanups the run registers with.
  const { main, exitCleanlyOnInterrupt } = await import('./main.js');
  exitCleanlyOnInterrupt();

  // `handbook-lint rules | head` closes the pipe early: that is the reader's choice, not an error.
  // The rest of the output is dropped and the command ends as it would have, with its own exit code
  // (an exit here could come before the command has set it, and findings would exit 0).
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return main(process.argv.slice(2));
}

/** In a clone (dist/ beside scripts/), the script the README gives for an older Node, else nothing. */
function cloneHint(): string {
  const script = fileURLToPath(new URL('../scripts/node22.sh', import.meta.url));
  return existsSync(script)
    ? 'From this clone, put sh scripts/node22.sh before the command: it runs it with Node 22, fetched once.\n'
    : '';
}

if (nodeIsTooOld(process.versions.node)) {
  process.stderr.write(
    `handbook-lint needs Node.js ${MINIMUM_NODE.join('.')} or newer; this is Node.js ${process.versions.node}. Install a newer Node.js: https://nodejs.org\n${cloneHint()}`,
  );
  // 2, as for a usage error: the exit code main.js's EXIT.usage names, without loading main.js.
  process.exitCode = 2;
} else {
  process.exitCode = await start();
}
