import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// `init FOLDER` writes one file, the config, where -o says (else beside the caller). A repository can
// have planted that name: a config already there, or a link to a file elsewhere (`handbook-lint.yml ->
// ~/.bashrc`, or to a file that does not exist yet). Held: init writes nothing through either, never
// writes inside FOLDER, and --force is the one way to replace a file.
describe('init over names a repository planted (held)', () => {
  it('refuses a config already there, or a link in its place, and writes nothing into FOLDER', async () => {
    const root = tempTree({ 'repo/docs/index.md': '# Home\n', 'elsewhere/keep.txt': 'keep\n' });
    const repo = join(root, 'repo');
    const before = readdirSync(join(repo, 'docs'));

    // A link to a file that does not exist yet: writing through it would create the file elsewhere.
    symlinkSync(join(root, 'elsewhere', 'created.yml'), join(repo, 'handbook-lint.yml'));
    const dangling = await runCli(['init', join(repo, 'docs'), '-o', join(repo, 'handbook-lint.yml')]);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('already exists');
    expect(existsSync(join(root, 'elsewhere', 'created.yml'))).toBe(false);
    expect(lstatSync(join(repo, 'handbook-lint.yml')).isSymbolicLink()).toBe(true);

    // A link to a file that exists: never overwritten.
    symlinkSync(join(root, 'elsewhere', 'keep.txt'), join(repo, '.handbook-lint.yml'));
    const linked = await runCli(['init', join(repo, 'docs'), '-o', join(repo, '.handbook-lint.yml')]);
    expect(linked.code).toBe(2);
    expect(readFileSync(join(root, 'elsewhere', 'keep.txt'), 'utf8')).toBe('keep\n');
    expect(readlinkSync(join(repo, '.handbook-lint.yml'))).toBe(join(root, 'elsewhere', 'keep.txt'));

    // A config already there is kept as it is.
    mkdirSync(join(repo, 'config'));
    writeFileSync(join(repo, 'config', 'handbook-lint.yml'), 'mine\n');
    const existing = await runCli([
      'init',
      join(repo, 'docs'),
      '-o',
      join(repo, 'config', 'handbook-lint.yml'),
    ]);
    expect(existing.code).toBe(2);
    expect(readFileSync(join(repo, 'config', 'handbook-lint.yml'), 'utf8')).toBe('mine\n');

    // A fresh name: the config is written there, and FOLDER is left as it was.
    const fresh = await runCli(['init', join(repo, 'docs'), '-o', join(repo, 'new', 'handbook-lint.yml')]);
    expect(fresh.code).toBe(0);
    expect(readFileSync(join(repo, 'new', 'handbook-lint.yml'), 'utf8')).toContain('root: ../docs');
    expect(readdirSync(join(repo, 'docs'))).toEqual(before);
  });
});
