// esbuild bundling shared by `npm run build` (dist/, the package) and `npm run bundle` (action/, the
// GitHub Action): one self-contained ES module per entry point. The files are laid out as src/ is
// and every `import.meta.url` in src/ is rewritten to the place its module would have there, so a
// bundled module finds what its compiled file would: rules/ and package.json in the repository
// root, the workers beside their pool.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
// Dependencies that are CommonJS call require(); an ES module bundle has none of its own.
const REQUIRE = "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);";

/** Rewrites import.meta.url in src/ modules to the URL of the module's own place under outDir. */
function moduleUrls(outDir, entryOut) {
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

/**
 * Bundles each of `entries` (paths under src/, `.ts`) into outDir. `external` lists the imports left
 * to load at run time, as written in the sources (`./main.js`: a file that is an entry of its own).
 * Returns the folders (from the repository root) of the npm packages the bundles hold.
 */
export async function bundle({ entries, outDir, external = [] }) {
  const packages = new Set();
  for (const entry of entries) {
    const outfile = join(outDir, entry.replace(/\.ts$/, '.js'));
    const { metafile } = await build({
      entryPoints: [join(SRC, entry)],
      outfile,
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      banner: { js: REQUIRE },
      external,
      legalComments: 'eof',
      // Not keepNames: it wraps every function created in a naming call, and micromark creates
      // closures per token (the parser used ~1.8x the CPU with it; BENCHMARKS.md).
      minify: true,
      metafile: true,
      logLevel: 'warning',
      plugins: [moduleUrls(outDir, outfile)],
    });
    for (const input of Object.keys(metafile.inputs)) {
      const folder = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+(?=\/)/.exec(input)?.[0];
      if (folder) packages.add(folder);
    }
  }
  return packages;
}

/**
 * Writes THIRD-PARTY-LICENSES.txt into outDir: the name, version, license and license text of each
 * of `packages`, which the bundles there carry inside them instead of installing them.
 */
export function writeNotices(outDir, packages) {
  const notices = [...packages].sort().map((relative) => {
    const folder = join(ROOT, relative);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    // Older packages name their license in a `licenses` list and some ship no license file.
    const license = manifest.license ?? manifest.licenses?.map((entry) => entry.type).join(' OR ');
    const file = readdirSync(folder).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
    const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
    const text = file ? readFileSync(join(folder, file), 'utf8').trim() : `Author: ${author ?? 'unnamed'}`;
    return `${manifest.name}@${manifest.version} (${license})\n\n${text}`;
  });
  const header = 'The bundles in this folder contain these npm packages, under their own licenses.';
  writeFileSync(join(outDir, 'THIRD-PARTY-LICENSES.txt'), `${[header, ...notices].join(`\n\n${'-'.repeat(72)}\n\n`)}\n`);
}

/**
 * Bundles `entries` into a scratch folder at dist/'s depth, so the bundles find package.json and
 * rules/ as dist/'s do, and imports them, for the scripts and benchmarks that call the code in their
 * own process. `besides` are bundled there too but not imported (the worker entry a pool starts).
 * The folder lasts until the process exits.
 */
export async function importBundled(entries, besides = []) {
  const outDir = mkdtempSync(join(ROOT, '.build-'));
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  await bundle({ entries: [...entries, ...besides], outDir });
  return Promise.all(
    entries.map((entry) => import(pathToFileURL(join(outDir, entry.replace(/\.ts$/, '.js'))).href)),
  );
}
