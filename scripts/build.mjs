// Builds dist/ (`npm run build`, and prepack for the package): one esbuild bundle per entry point.
// A bundle starts much faster than hundreds of compiled modules (BENCHMARKS.md, "Start-up"). The
// CLI entry stays a small file of its own that turns on Node's compile cache before it loads the
// bundled main.js; tsc only type-checks (`npm test`). The GitHub Action's bundle is built apart,
// into the committed action/ folder (scripts/bundle-action.mjs): the package does not ship it.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, ROOT, writeNotices } from './bundle.mjs';

const outDir = join(ROOT, 'dist');
// A stale module from an earlier build must not be found; the emulators are built apart (tsconfig.emulators.json).
const stale = existsSync(outDir) ? readdirSync(outDir).filter((name) => name !== 'emulators') : [];
for (const name of stale) rmSync(join(outDir, name), { recursive: true, force: true });

writeNotices(outDir, await bundle({ entries: ['main.ts', 'parallel/worker.ts'], outDir }));
await bundle({ entries: ['cli.ts'], outDir, external: ['./main.js'] });
