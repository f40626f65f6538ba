#!/usr/bin/env node
import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

// Most of a short run is start-up: Node keeps V8's compiled code of the modules loaded below between
// runs. In the user's own cache folder, not the shared temporary one, where another account could
// plant code (NODE_COMPILE_CACHE names another folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
// The variable is set too because worker threads take the folder from their environment.
// A relative folder (no home, a relative XDG_CACHE_HOME) would land in the handbook: no cache then.
const xdg = process.env.XDG_CACHE_HOME;
const cacheHome =
  xdg && isAbsolute(xdg) ? xdg : isAbsolute(homedir()) ? join(homedir(), '.cache') : undefined;
if (cacheHome) process.env.NODE_COMPILE_CACHE ||= join(cacheHome, 'handbook-lint', 'compile');
if (process.env.NODE_COMPILE_CACHE) enableCompileCache(process.env.NODE_COMPILE_CACHE);
const { main } = await import('./main.js');

// `handbook-lint rules | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
