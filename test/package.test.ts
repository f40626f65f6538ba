import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
  bin: Record<string, string>;
};
// Packing bundles the sources and installing resolves every dependency: minutes on a busy machine.
const SLOW_MS = 600_000;

interface Packed {
  filename: string;
  files: { path: string }[];
}

/** npm as a person runs it: this Node first on PATH, none of an outer npm run's settings. */
async function npm(args: string[], cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  env.PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
  const { stdout } = await promisify(execFile)('npm', args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * A copy of what packing reads (package.json's `files`, the sources, the build config), so that
 * prepack's clean build runs there and never under the tests that run this checkout's dist/.
 */
function stagingCopy(): string {
  const stage = mkdtempSync(join(tmpdir(), 'handbook-lint-pack-'));
  const inputs = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts', 'src'];
  const shipped = pkg.files.filter((entry) => !entry.startsWith('!') && entry !== 'dist');
  for (const entry of [...inputs, ...shipped]) {
    if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(stage, entry), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'), 'dir');
  return stage;
}

describe('the npm package', () => {
  let stage: string;
  let packed: Packed;
  // The staging copy and the install hold a build and a dependency tree: too big to leave in /tmp.
  const temporary: string[] = [];
  afterAll(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    stage = stagingCopy();
    temporary.push(stage);
    const out = await npm(['pack', '--json', '--pack-destination', stage], stage);
    [packed] = JSON.parse(out) as [Packed];
  }, SLOW_MS);

  it("is built by prepack and ships dist/ with its bundled libraries' licenses, the rules, the schema, the docs and the license, nothing else", () => {
    const paths = packed.files.map((f) => f.path);
    for (const path of [
      'package.json',
      'README.md',
      'LICENSE',
      'config.example.yml',
      pkg.bin['handbook-lint'] ?? '',
      'dist/parallel/worker.js',
      'dist/THIRD-PARTY-LICENSES.txt',
      'rules/broken-link.yml',
      // The README links it for the JSON report's fields: in the package, that link leads somewhere.
      'docs/json-report.md',
    ]) {
      expect(paths).toContain(path);
    }
    const allowed =
      /^(dist\/.+\.js(\.map)?|dist\/THIRD-PARTY-LICENSES\.txt|rules\/[\w-]+\.yml|schema\/[\w.-]+\.json|package\.json|README\.md|docs\/json-report\.md|LICENSE|config\.example\.yml)$/;
    expect(paths.filter((path) => !allowed.test(path))).toEqual([]);
    // The Action runs its committed bundle (action/action.js): a second copy would only weigh down the package.
    expect(paths).not.toContain('dist/action.js');
    expect(paths.filter((path) => path.startsWith('dist/emulators/'))).toEqual([]);
    if (existsSync(join(REPO, 'schema'))) expect(paths.some((path) => path.startsWith('schema/'))).toBe(true);
  });

  it(
    'leaves out the emulators that `npm run emulator` compiles into dist/',
    async () => {
      mkdirSync(join(stage, 'dist/emulators'), { recursive: true });
      writeFileSync(join(stage, 'dist/emulators/main.js'), 'export {};\n');
      const out = await npm(['pack', '--dry-run', '--json', '--ignore-scripts'], stage);
      const [dry] = JSON.parse(out) as [Packed];
      expect(dry.files.map((f) => f.path).filter((path) => path.startsWith('dist/emulators'))).toEqual([]);
    },
    SLOW_MS,
  );

  it(
    'installs from the tarball into an empty folder and lints a handbook with `npx handbook-lint`',
    async () => {
      const user = mkdtempSync(join(tmpdir(), 'handbook-lint-user-'));
      temporary.push(user);
      writeFileSync(join(user, 'package.json'), '{ "private": true }\n');
      await npm(
        [
          'install',
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          join(stage, packed.filename),
        ],
        user,
      );
      cpSync(join(REPO, 'examples/handbook'), join(user, 'handbook'), { recursive: true });

      const version = await npm(['exec', '--no', '--', 'handbook-lint', '--version'], user);
      expect(version).toContain(pkg.version);
      const run = await npm(
        [
          'exec',
          '--no',
          '--',
          'handbook-lint',
          'run',
          'handbook',
          '--now',
          '2026-11-22',
          '--fail-on',
          'never',
        ],
        user,
      );
      expect(run).toContain('broken-link');
      expect(run).toContain('company/values.md');
      const failing = npm(
        ['exec', '--no', '--', 'handbook-lint', 'run', 'handbook', '--now', '2026-11-22'],
        user,
      );
      await expect(failing).rejects.toMatchObject({ code: 1 });
    },
    SLOW_MS,
  );
});

describe('the Dockerfile (no Docker engine here: its references are checked, not built)', () => {
  const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => /^[A-Z]+ /.test(line));
  const ignored = readFileSync(join(REPO, '.dockerignore'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const isIgnored = picomatch(ignored.flatMap((pattern) => [pattern, `${pattern}/**`]));

  it('builds on the Node the package requires, packs in one stage and installs only the tarball in the next', () => {
    const major = /(\d+)/.exec((pkg as { engines?: { node?: string } }).engines?.node ?? '')?.[1];
    const from = instructions.filter((line) => line.startsWith('FROM '));
    expect(from).toEqual([`FROM node:${major}-slim AS pack`, `FROM node:${major}-slim`]);
    const packStage = instructions.slice(0, instructions.indexOf(from[1] ?? ''));
    expect(packStage.some((line) => /^RUN .*npm pack .*handbook-lint\.tgz/.test(line))).toBe(true);
    expect(instructions).toContain('COPY --from=pack /tmp/handbook-lint.tgz /tmp/handbook-lint.tgz');
    expect(
      instructions.some((line) => /^RUN npm install --global .*\/tmp\/handbook-lint\.tgz/.test(line)),
    ).toBe(true);
    expect(instructions).toContain(`ENTRYPOINT ${JSON.stringify(Object.keys(pkg.bin))}`);
  });

  it('copies files that exist, and its .dockerignore keeps everything packing needs', () => {
    for (const line of instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from='))) {
      const sources = line.split(/\s+/).slice(1, -1);
      for (const source of sources.filter((s) => s !== '.'))
        expect(existsSync(join(REPO, source)), line).toBe(true);
    }
    const needed = [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'scripts/build.mjs',
      'src/cli.ts',
      ...pkg.files.filter((entry) => !entry.startsWith('!') && entry !== 'dist'),
    ];
    expect(needed.filter((path) => isIgnored(path))).toEqual([]);
    expect(['node_modules', 'dist', '.git'].every((path) => isIgnored(path))).toBe(true);
  });
});
