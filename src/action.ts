import { runAction } from './github/action.js';

// The GitHub Action's entry point (action.yml runs dist/action.js); the logic lives in github/action.ts.
process.exitCode = await runAction();
