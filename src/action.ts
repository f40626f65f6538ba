import { runAction } from './github/action.js';
import { exitCleanlyOnInterrupt } from './interrupt.js';

// The GitHub Action's entry point (action.yml runs its bundle, action/action.js); the logic lives in github/action.ts.
// A cancelled workflow sends SIGINT, then SIGTERM: the run takes its lock and temporary file with it.
exitCleanlyOnInterrupt();
process.exitCode = await runAction();
