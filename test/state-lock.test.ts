import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { acquireLock } from '../src/lock.js';
import { run } from '../src/run.js';
import { emptyState, loadState, pageCachePath, saveState } from '../src/state.js';
import { type NotionEmulator, startNotionEmulator } from './emulators/notion.js';
import { runCli, tempTree } from './helpers/cli.js';
import { notionConfigFile, TOKEN_ENV } from './helpers/notion.js';
import { N, notionWorkspace } from './writeback/fixtures.js';

const LOADER = fileURLToPath(new URL('./helpers/ts-loader.mjs', import.meta.url));
const CHILD = fileURLToPath(new URL('./helpers/save-state-child.ts', import.meta.url));
const NOW = new Date('2026-06-01T00:00:00Z');

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(2);
  }
}

describe('state file lock and atomic save', () => {
  it('a run killed mid-write leaves the previous state intact, and its lock is taken over as stale', async () => {
    const dir = tempTree({});
    const path = join(dir, 'state.json');
    const previous = {
      ...emptyState(),
      sources: { notion: { pages: { kept: { version: '7', markdown: 'Before.' } } } },
    };
    await saveState(path, previous);
    const cache = readFileSync(pageCachePath(path), 'utf8');
    const child = spawn(
      process.execPath,
      [
        '--import',
        `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(`file://${LOADER}`)})`,
        CHILD,
        path,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // The ledger is written first; the page cache, about 50 MB, takes long enough to be caught.
    const temp = join(dir, `.state.cache.json.${child.pid}.tmp`);
    await until(() => existsSync(temp));
    child.kill('SIGKILL');
    await exited;
    expect(out).toBe('saving\n'); // killed between the temp write and the rename
    expect(existsSync(temp)).toBe(true);
    expect(readFileSync(pageCachePath(path), 'utf8')).toBe(cache);
    expect(await loadState(path)).toEqual(previous);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const lock = await acquireLock(path);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining(`(process ${child.pid} no longer runs)`));
      await lock.release();
    } finally {
      stderr.mockRestore();
    }
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60_000);

  it('takes over a lock older than the stale limit, even from another machine', async () => {
    const path = join(tempTree({}), 'state.json');
    writeFileSync(
      `${path}.lock`,
      JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const lock = await acquireLock(path);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('it is older than 24 hours'));
      expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
        pid: process.pid,
        host: hostname(),
      });
      await lock.release();
    } finally {
      stderr.mockRestore();
    }
  });

  it('waits for a live lock when asked to, and refuses at once otherwise', async () => {
    const path = join(tempTree({}), 'state.json');
    const held = await acquireLock(path);
    await expect(acquireLock(path)).rejects.toMatchObject({
      code: 'STATE_LOCKED',
      message: expect.stringContaining(`Another handbook-lint run (pid ${process.pid} on ${hostname()}`),
    });
    setTimeout(() => void held.release(), 300);
    const started = Date.now();
    const next = await acquireLock(path, { waitMs: 5_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await next.release();
  });
});

describe('runs against one ledger', () => {
  let emulator: NotionEmulator;
  let file: string;

  beforeEach(async () => {
    emulator = await startNotionEmulator({ fixture: notionWorkspace() });
    process.env[TOKEN_ENV] = emulator.token;
    file = notionConfigFile(
      emulator,
      {},
      { writeback: { 'findings-page': { notion: { 'parent-page': N.reports } } } },
    );
  });
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it('two runs started together: the second is refused with a clear message and writes nothing', async () => {
    const config = await loadConfig(file);
    const settled = await Promise.allSettled([run(config, { now: NOW }), run(config, { now: NOW })]);
    // Which run creates the lock file first is up to the file system; exactly one may go on.
    const ran = settled.filter((s) => s.status === 'fulfilled');
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(ran).toHaveLength(1);
    expect(refused).toEqual([
      expect.objectContaining({ reason: expect.objectContaining({ code: 'STATE_LOCKED' }) }),
    ]);
    expect(emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /v1/pages',
    ]);
    expect(existsSync(`${config.statePath}.lock`)).toBe(false);
  });

  it('a second run from the command line exits 2 with a clear message while another holds the lock', async () => {
    const config = await loadConfig(file);
    const held = await acquireLock(config.statePath);
    try {
      const { code, stderr } = await runCli(['run', '--config', file, '--now', '2026-06-01']);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /Another handbook-lint run \(pid \d+ .*\) holds the lock .*state\.json\.lock\. Wait for it to finish or pass --wait-lock SECONDS/,
      );
      expect(emulator.log).toEqual([]);
    } finally {
      await held.release();
    }
  });

  it('a corrupt or newer state file stops the run with exit 2 and is never overwritten', async () => {
    const config = await loadConfig(file);
    mkdirSync(dirname(config.statePath), { recursive: true });
    for (const [text, message] of [
      ['{"schemaVersion": 2, "sour', 'is not valid JSON'],
      [
        '{"schemaVersion": 9, "sources": {}}',
        'was written by a newer handbook-lint (schema 9; this one reads 3)',
      ],
    ] as const) {
      writeFileSync(config.statePath, text);
      const { code, stderr } = await runCli(['run', '--config', file, '--now', '2026-06-01']);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
      expect(readFileSync(config.statePath, 'utf8')).toBe(text);
      expect(emulator.log.filter((e) => e.write)).toEqual([]);
    }
  });
});
