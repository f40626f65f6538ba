import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const tempRoots = new Set<string>();

/** Writes a tree of files into a fresh temporary folder and returns its path; test/helpers/setup.ts removes it after the file's tests. */
export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-lint-'));
  tempRoots.add(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Removes every folder `tempTree` made in this test file (thousands were left in /tmp by each run). */
export function removeTempTrees(): void {
  for (const root of tempRoots) rmSync(root, { recursive: true, force: true });
  tempRoots.clear();
}
