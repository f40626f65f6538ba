import * as fs from 'node:fs';
import { relative, sep } from 'node:path';
import { vi } from 'vitest';

/**
 * The folders listed and files opened outside `root` since the last call. The calling test file spies on
 * `readdirSync` and `openSync` with its own `vi.mock('node:fs', …)` (a mock is hoisted per file), which
 * this module then sees as well.
 */
export function touchedOutside(root: string): string[] {
  const realRoot = fs.realpathSync(root);
  const paths = [
    ...vi.mocked(fs.readdirSync).mock.calls.map((call) => String(call[0])),
    ...vi.mocked(fs.openSync).mock.calls.map((call) => String(call[0])),
  ];
  vi.mocked(fs.readdirSync).mockClear();
  vi.mocked(fs.openSync).mockClear();
  return paths.filter((path) => {
    let real: string;
    try {
      real = fs.realpathSync(path);
    } catch {
      return false;
    }
    const from = relative(realRoot, real);
    return from === '..' || from.startsWith(`..${sep}`);
  });
}
