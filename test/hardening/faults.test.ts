import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** Processes started by runProcess and not yet ended: a test that fails by timing out kills its own. */
const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

/**
 * Runs the built command line as its own process and resolves when it exits by itself, with its exit
 * code. No stopwatch: a process that something keeps alive (a hung socket, a timer) never resolves, and
 * the test's own timeout is what fails it.
 */
async function runProcess(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  children.delete(child);
  return { code, stderr };
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
    'exits by itself after writing its report while a request hangs, with the page unreadable',
    async () => {
      env.proxy.setRules([{ path: markdown, fault: { kind: 'hang' } }]);
      const file = config();
      const report = join(dirname(file), 'report.json');
      // The request never gets an answer: the process must give up on it (2 s, twice), report and end.
      const run = await runProcess(['run', '--config', file, '--format', 'json', '-o', report, ...NOW], {
        [TOKEN_ENV]: env.emulator.token,
      });
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(3);
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
      // Two attempts of 2 s and a backoff, then the process ends: nothing keeps it alive.
      const run = await runProcess(['run', '--config', file, '-o', report, ...NOW], {
        [EMAIL_ENV]: EMAIL,
        [CONFLUENCE_TOKEN_ENV]: CONFLUENCE_TOKEN,
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Confluence page listing failed: timeout: no answer within 2000 ms');
      expect(existsSync(report)).toBe(false);
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
