import { runAction } from './github/action.js';

// The GitHub Action's entry point (action.yml runs its bundle, action/action.js); the logic lives in github/action.ts.
process.exitCode = await runAction();
