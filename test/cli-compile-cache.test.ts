import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers/cli.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SLOW_MS = 60_000;

/** Enough pages for the run to start worker threads (PARALLEL_MIN_PAGES). */
const LARGE = Object.fromEntries(
  Array.from({ length: 250 }, (_, i) => [`handbook/page-${i}.md`, `# Page ${i}\n\nOwner: Ana\n`]),
);

/** Runs the built CLI on a handbook (one page unless given) with `env` over an environment without Node's cache variables. */
async function runBuilt(env: Record<string, string>, files: Record<string, string> = {}) {
  const dir = tempTree({ 'handbook/index.md': '# Home\n\nOwner: Ana\n', ...files });
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('NODE_COMPILE_CACHE') && name !== 'NODE_DISABLE_COMPILE_CACHE',
    ),
  );
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'run', join(dir, 'handbook'), '--format', 'json', '--fail-on', 'never'],
    { env: { ...base, ...env }, cwd: dir },
  );
  return { dir, pages: (JSON.parse(stdout) as { summary: { pages: number } }).summary.pages };
}

describe("the CLI's compile cache", () => {
  it('is kept in the user cache folder (XDG_CACHE_HOME) for the CLI and its worker threads, never in the shared temporary folder', {
    timeout: SLOW_MS,
  }, async () => {
    const home = tempTree({});
    const tmp = tempTree({});
    const { pages } = await runBuilt({ XDG_CACHE_HOME: join(home, 'cache'), TMPDIR: tmp }, LARGE);
    expect(pages).toBe(251);
    // One folder per Node version, holding the main bundle's code and the worker threads' bundle's.
    const [version = ''] = readdirSync(join(home, 'cache/handbook-lint/compile'));
    expect(readdirSync(join(home, 'cache/handbook-lint/compile', version)).length).toBe(2);
    expect(readdirSync(tmp).filter((name) => name.includes('compile'))).toEqual([]);
  });

  it('goes where NODE_COMPILE_CACHE says, and nowhere with NODE_DISABLE_COMPILE_CACHE', {
    timeout: SLOW_MS,
  }, async () => {
    const home = tempTree({});
    await runBuilt({ XDG_CACHE_HOME: join(home, 'cache'), NODE_COMPILE_CACHE: join(home, 'chosen') });
    expect(readdirSync(join(home, 'chosen')).length).toBeGreaterThan(0);
    expect(existsSync(join(home, 'cache/handbook-lint'))).toBe(false);

    await runBuilt({ XDG_CACHE_HOME: join(home, 'off'), NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(existsSync(join(home, 'off'))).toBe(false);
  });

  it('writes no cache into the working folder when the cache folder would be relative', {
    timeout: SLOW_MS,
  }, async () => {
    const { dir, pages } = await runBuilt({ XDG_CACHE_HOME: 'cache', HOME: '' });
    expect(pages).toBe(1);
    expect(readdirSync(dir)).toEqual(['handbook']);
  });

  it('leaves the run as it is when its folder cannot be made', { timeout: SLOW_MS }, async () => {
    const file = tempTree({ 'not-a-folder': 'x' });
    const { pages } = await runBuilt({ XDG_CACHE_HOME: join(file, 'not-a-folder') });
    expect(pages).toBe(1);
  });
});
