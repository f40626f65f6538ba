// Builds the GitHub Action's committed bundle (`npm run bundle`): action/action.js and the worker
// threads' entries, each one self-contained file, so a workflow run needs neither `npm ci` nor tsc.
// The files are laid out as src/ is and every `import.meta.url` in src/ is rewritten to the place
// its module would have there, so a bundled module finds what its compiled file finds in dist/:
// rules/ and package.json in the repository root, the workers beside their pool.
//   node scripts/bundle-action.mjs [OUT_DIR]     default: action/
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const ENTRIES = ['action.ts', 'parallel/worker.ts'];
// Dependencies that are CommonJS call require(); an ES module bundle has none of its own.
const BANNER = "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);";

const outDir = resolve(process.argv[2] ?? join(ROOT, 'action'));

/** Rewrites import.meta.url in src/ modules to the URL of the module's own place under outDir. */
function moduleUrls(entryOut) {
  return {
    name: 'module-urls',
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, async (args) => {
        const contents = await readFile(args.path, 'utf8');
        if (!args.path.startsWith(SRC + sep) || !contents.includes('import.meta.url')) return undefined;
        const placed = join(outDir, relative(SRC, args.path)).replace(/\.ts$/, '.js');
        const path = relative(dirname(entryOut), placed).split(sep).join('/');
        const url = `new URL(${JSON.stringify(path.startsWith('.') ? path : `./${path}`)}, import.meta.url).href`;
        return { contents: contents.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

for (const entry of ENTRIES) {
  const outfile = join(outDir, entry.replace(/\.ts$/, '.js'));
  await build({
    entryPoints: [join(SRC, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    banner: { js: BANNER },
    legalComments: 'eof',
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    plugins: [moduleUrls(outfile)],
  });
}
