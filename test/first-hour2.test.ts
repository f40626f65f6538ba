import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers/cli.js';

// A second newcomer's first hour: one who comes from the GitHub Action, Vale and markdownlint,
// against the built CLI and Action entry as they ship.
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SLOW_MS = 60_000;

const PAGE = { 'handbook/index.md': '---\nowner: "@ana"\n---\n# Home\n\nSee [x](gone.md).\n' };

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node script args` in `cwd` with `env` over an environment without color variables. */
function spawnNode(
  script: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Spawned> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NO_COLOR' && name !== 'FORCE_COLOR' && !name.startsWith('INPUT_'),
    ),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: options.cwd, env: { ...env, ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 70) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const spawnCli = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  spawnNode(CLI, args, options);

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('config look-alikes', () => {
  it('are files: the ledger folder .handbook-lint/ and a clone named handbook-lint get no warning', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ ...PAGE, '.git/HEAD': 'ref: refs/heads/main\n' });
    mkdirSync(join(dir, '.handbook-lint'));
    mkdirSync(join(dir, 'handbook-lint'));
    const { code, stderr } = await spawnCli(['run', 'handbook', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe('');

    const withFile = tempTree({ ...PAGE, '.git/HEAD': 'ref: refs/heads/main\n', '.handbook-lintrc': '{}' });
    const warned = await spawnCli(['run', 'handbook', '-f', 'json'], { cwd: withFile });
    expect(warned.stderr).toContain('.handbook-lintrc is not read');
    noStack(warned.stderr);
  });
});
