import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig } from '../src/config.js';
import { PARALLEL_MIN_PAGES, workerCount } from '../src/parallel/pool.js';
import { formatJson } from '../src/report/json.js';
import { run } from '../src/run.js';
import { generateNotionWorkspace } from './emulators/notion-fixture.js';
import { notionConfigFile, notionEmulatorForSuite } from './helpers/notion.js';
import { sharedCorpus } from './helpers/shared.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const CORPUS = sharedCorpus('sourcegraph-handbook').path;
const NOW = '2026-11-22';

/** The built CLI's JSON report for these arguments. */
async function cliJson(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'run', ...args, '--format', 'json', '--now', NOW, '--fail-on', 'never'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

describe('linting on worker threads', () => {
  it('runs inline under the test runner (no compiled worker beside the sources)', () => {
    expect(workerCount(10_000)).toBe(0);
  });

  it.skipIf(!existsSync(CLI) || !existsSync(CORPUS))(
    'gives byte-identical JSON to the in-thread run on a large corpus',
    async () => {
      const inline = formatJson(await run(defaultConfig(CORPUS), { now: new Date(NOW) }));
      expect(await cliJson([CORPUS])).toBe(inline);
    },
    600_000, // a whole real handbook, twice: minutes on a busy machine
  );
});

describe('a Notion workspace past the worker threshold', () => {
  const emulator = notionEmulatorForSuite(() => generateNotionWorkspace(PARALLEL_MIN_PAGES + 50, 7));

  // The same pool converts every source's raw pages: a wiki's pages go to workers once enough have arrived.
  it.skipIf(!existsSync(CLI))(
    'gives byte-identical JSON on worker threads (the built CLI) and in this thread',
    async () => {
      const config = notionConfigFile(emulator());
      // Dry runs: neither leaves a ledger, so both compare against none.
      const inline = formatJson(await run(await loadConfig(config), { now: new Date(NOW), dryRun: true }));
      const stdout = await cliJson(['--config', config, '--dry-run']);
      expect(stdout).toBe(inline);
      expect(JSON.parse(stdout).summary.pages).toBe(PARALLEL_MIN_PAGES + 51); // and the decision log
    },
    120_000,
  );
});
