#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Most of a short run is start-up: Node keeps V8's compiled code of the modules loaded below between
// runs, in its cache folder (NODE_COMPILE_CACHE names another; NODE_DISABLE_COMPILE_CACHE=1 turns it off).
enableCompileCache();
const { main } = await import('./main.js');

// `handbook-lint rules | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
