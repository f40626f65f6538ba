import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { generateNotionWorkspace, type NotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import {
  TOKEN as CONFLUENCE_TOKEN,
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
  confluenceConfigFile,
  EMAIL,
  EMAIL_ENV,
} from '../helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { Fault } from './fault-proxy.js';

// The built command line, as cron runs it (`npm test` builds it first).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const NOW = ['--now', '2026-06-01'];
const SLOW_MS = 90_000;

interface JsonReport {
  summary: { pages: number; unreadablePages: number };
  unreadable: { key: string; reason: string }[];
}

/** Runs the built command line as its own process; resolves with its exit code and how long it outlived its report. */
async function runProcess(args: string[], report: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  let exitedAt: number | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitedAt = Date.now();
      resolve(code);
    }),
  );
  let reportAt: number | undefined;
  // Polls for the report: the moment the run has finished its work.
  const deadline = Date.now() + 60_000;
  const lingering = () => reportAt !== undefined && Date.now() - reportAt > 12_000;
  while (exitedAt === undefined && Date.now() < deadline && !lingering()) {
    if (reportAt === undefined && existsSync(report)) reportAt = Date.now();
    await sleep(20);
  }
  if (reportAt === undefined && existsSync(report)) reportAt = exitedAt;
  // Bounded: a process still alive long after its report is the failure this test is about.
  const code = await Promise.race([exited, sleep(1_000).then(() => 'still running' as const)]);
  if (code === 'still running') child.kill('SIGKILL');
  return {
    code,
    stderr,
    lingeredMs: reportAt !== undefined && exitedAt !== undefined ? exitedAt - reportAt : undefined,
  };
}

describe('Notion requests that misbehave', () => {
  const workspace = generateNotionWorkspace(30, 5);
  const page = workspace.pages.filter((p) => p.parent.type === 'page')[3];
  if (!page) throw new Error('the generated workspace has standalone pages');
  const markdown = `/v1/pages/${page.id}/markdown`;
  // Short timeouts keep hangs short; a huge body needs the time to be read up to the cap.
  const config = (timeoutMs = 2_000) =>
    notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      { 'max-attempts': 2, 'timeout-ms': timeoutMs },
      {
        'fail-on': 'never',
      },
    );

  const env = notionBehindProxy({ fixture: workspace });
  afterEach(() => {
    env.proxy.setRules([]);
    env.proxy.log.splice(0);
  });

  it.skipIf(!existsSync(CLI))(
    'exits by itself within 10 s of writing its report while a request hangs, with the page unreadable',
    async () => {
      env.proxy.setRules([{ path: markdown, fault: { kind: 'hang' } }]);
      const file = config();
      const report = join(dirname(file), 'report.json');
      const run = await runProcess(
        ['run', '--config', file, '--format', 'json', '-o', report, ...NOW],
        report,
        { [TOKEN_ENV]: env.emulator.token },
      );
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(3);
      expect(run.lingeredMs).toBeDefined();
      expect(run.lingeredMs).toBeLessThan(10_000);
      const json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
      expect(json.unreadable).toEqual([
        { key: `notion:${page.id}`, path: expect.any(String), reason: 'timeout: no answer within 2000 ms' },
      ]);
    },
    SLOW_MS,
  );

  const pageFaults: [Fault['kind'], RegExp][] = [
    ['reset', /fetch failed|terminated|socket|ECONNRESET/i],
    ['malformed', /JSON/],
    ['huge', /larger than \d+ bytes/],
  ];
  for (const [kind, reason] of pageFaults) {
    it(
      `a ${kind} answer is retried, then that page is unreadable with the reason; the run goes on`,
      async () => {
        env.proxy.setRules([{ path: markdown, fault: { kind } as Fault }]);
        const run = await runCli(['run', '--config', config(30_000), '--format', 'json', ...NOW]);
        expect(run.stderr).not.toContain('internal error');
        expect(run.code).toBe(3);
        const json = JSON.parse(run.stdout) as JsonReport;
        expect(json.unreadable.map((u) => u.key)).toEqual([`notion:${page.id}`]);
        expect(json.unreadable[0]?.reason).toMatch(reason);
        expect(env.proxy.log.filter((e) => e.path === markdown)).toHaveLength(2); // max-attempts
        expect(json.summary.pages).toBe(workspace.pages.length + 1); // every other page, and the database
      },
      SLOW_MS,
    );
  }

  it(
    'a listing that keeps failing ends with a clear error (exit 2), never a crash',
    async () => {
      for (const kind of ['reset', 'malformed', 'huge'] as const) {
        env.proxy.setRules([{ path: '/v1/search', fault: { kind } }]);
        const run = await runCli(['run', '--config', config(30_000), ...NOW]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('Notion search for pages failed');
      }
    },
    SLOW_MS,
  );
});

describe('Confluence requests that misbehave', () => {
  // Short timeouts keep hangs short; a huge body needs the time to be read up to the cap.
  const config = (timeoutMs = 2_000) =>
    confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      { 'max-attempts': 2, 'timeout-ms': timeoutMs },
      {
        'fail-on': 'never',
      },
    );

  const env = confluenceBehindProxy({ fixture: generateConfluenceSpace(60) });
  afterEach(() => {
    env.proxy.setRules([]);
    env.proxy.log.splice(0);
  });

  it.skipIf(!existsSync(CLI))(
    'exits by itself soon after failing when the listing hangs',
    async () => {
      env.proxy.setRules([{ path: '/wiki/api/v2/pages', fault: { kind: 'hang' } }]);
      const file = config();
      const report = join(dirname(file), 'never-written.json');
      const started = Date.now();
      const run = await runProcess(['run', '--config', file, '-o', report, ...NOW], report, {
        [EMAIL_ENV]: EMAIL,
        [CONFLUENCE_TOKEN_ENV]: CONFLUENCE_TOKEN,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Confluence page listing failed: timeout: no answer within 2000 ms');
      // Two attempts of 2 s and a backoff, then the process ends: nothing keeps it alive.
      expect(Date.now() - started).toBeLessThan(45_000);
    },
    SLOW_MS,
  );

  it(
    'a reset, malformed or huge listing answer is retried, then ends with a clear error (exit 2)',
    async () => {
      for (const kind of ['reset', 'malformed', 'huge'] as const) {
        env.proxy.setRules([{ path: '/wiki/api/v2/pages', fault: { kind } }]);
        env.proxy.log.splice(0);
        const run = await runCli(['run', '--config', config(30_000), ...NOW]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('Confluence page listing failed');
        expect(env.proxy.log.filter((e) => e.path === '/wiki/api/v2/pages')).toHaveLength(2);
      }
    },
    SLOW_MS,
  );
});
