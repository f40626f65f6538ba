// Builds the GitHub Action's committed bundle (`npm run bundle`): action/action.js and the worker
// threads' entry, each one self-contained file, so a workflow run needs neither `npm ci` nor a build.
//   node scripts/bundle-action.mjs [OUT_DIR]     default: action/
import { join, resolve } from 'node:path';
import { bundle, ROOT, writeNotices } from './bundle.mjs';

const outDir = resolve(process.argv[2] ?? join(ROOT, 'action'));
writeNotices(outDir, await bundle({ entries: ['action.ts', 'parallel/worker.ts'], outDir }));
