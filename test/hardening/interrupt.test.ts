import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotionEmulator } from '../emulators/notion.js';
import { generateNotionWorkspace } from '../emulators/notion.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { notionBehindProxy } from './behind-proxy.js';

// The built command line, as cron runs it (`npm test` builds it first).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Every file under `folder`, recursively, by name. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' });
}

describe('a run stopped by Ctrl-C or a cancelled CI job', () => {
  const env = notionBehindProxy({ fixture: generateNotionWorkspace(20, 4) });
  afterEach(() => {
    env.proxy.setRules([]);
    env.proxy.log.splice(0);
  });

  for (const [signal, exitCode] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it.skipIf(!existsSync(CLI))(
      `${signal} mid-crawl: exits ${exitCode}, says so, takes its lock with it and leaves no temporary file`,
      async () => {
        // Every page's content hangs, so the run is surely mid-crawl, holding its lock, when stopped.
        env.proxy.setRules([{ path: /\/markdown$/, fault: { kind: 'hang' } }]);
        const file = notionConfigFile({ url: env.proxy.url } as NotionEmulator, { 'timeout-ms': 55_000 });
        const folder = dirname(file);
        const report = join(folder, 'report.json');
        const child = spawn(
          process.execPath,
          [CLI, 'run', '--config', file, '-o', report, '--now', '2026-06-01'],
          {
            stdio: ['ignore', 'ignore', 'pipe'],
            env: { ...process.env, [TOKEN_ENV]: env.emulator.token },
          },
        );
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        while (!env.proxy.log.some((entry) => entry.fault === 'hang')) await sleep(50);
        expect(filesUnder(folder).some((name) => name.endsWith('.lock'))).toBe(true);

        child.kill(signal);
        expect(await exited).toBe(exitCode);
        expect(stderr).toContain(`stopped by ${signal}; its lock and any file half-written are removed.`);
        expect(stderr).not.toMatch(/internal error|\n\s+at /);
        const left = filesUnder(folder);
        expect(left.filter((name) => name.endsWith('.lock') || name.endsWith('.tmp'))).toEqual([]);
        expect(existsSync(report)).toBe(false);
      },
    );
  }
});
