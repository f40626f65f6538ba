import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config.js';
import { workerCount } from '../src/parallel/pool.js';
import { formatJson } from '../src/report/json.js';
import { run } from '../src/run.js';
import { sharedCorpus } from './helpers/shared.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const CORPUS = sharedCorpus('sourcegraph-handbook').path;

describe('linting on worker threads', () => {
  it('runs inline under the test runner (no compiled worker beside the sources)', () => {
    expect(workerCount(10_000)).toBe(0);
  });

  it.skipIf(!existsSync(CLI) || !existsSync(CORPUS))(
    'gives byte-identical JSON to the in-thread run on a large corpus',
    async () => {
      const inline = formatJson(await run(defaultConfig(CORPUS), { now: new Date('2026-11-22') }));
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [CLI, 'run', CORPUS, '--format', 'json', '--now', '2026-11-22', '--fail-on', 'never'],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      expect(stdout).toBe(inline);
    },
    600_000, // a whole real handbook, twice: minutes on a busy machine
  );
});
