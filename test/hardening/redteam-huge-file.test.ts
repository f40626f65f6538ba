import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const GIB = 1024 ** 3;

describe('a page far over the budget', () => {
  // The limit on the process's memory makes reading the whole file fail, where knowing its size
  // first costs nothing; the file is sparse, so it takes no disk.
  it.skipIf(process.platform !== 'linux' || !existsSync(CLI))(
    'is unreadable for its size without being read: a 1 GiB file in a process allowed 1.5 GB',
    () => {
      const root = tempTree({ 'index.md': '# Home\n\n[Big](big.md)\n' });
      writeFileSync(join(root, 'big.md'), '');
      truncateSync(join(root, 'big.md'), GIB);
      try {
        const run = spawnSync(
          'sh',
          [
            '-c',
            'ulimit -v 1500000 && exec "$0" "$@"',
            process.execPath,
            CLI,
            'run',
            root,
            '--format',
            'json',
          ],
          { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
        );
        expect(run.stderr).not.toContain('internal error');
        expect(run.status).toBe(3);
        const report = JSON.parse(run.stdout) as { unreadable: { path: string; reason: string }[] };
        expect(report.unreadable).toEqual([
          expect.objectContaining({
            path: 'big.md',
            reason: `the page is ${GIB} bytes, over the limit of 5242880`,
          }),
        ]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
