import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { confluenceSpace, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy } from './behind-proxy.js';
import type { ProxyRule } from './fault-proxy.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const KILL_AFTER_MS = 40_000;

/** The built CLI as its own process, killed if it has not ended by itself in time. */
function runBounded(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, killed });
    });
  });
}

const lists: [string, ProxyRule][] = [
  ['the people list', { path: '/v1/users', fault: { kind: 'loop' } }],
  [
    "the findings page's search",
    {
      path: '/v1/search',
      when: (_url, body) => body.query === 'Handbook lint findings',
      fault: { kind: 'loop' },
    },
  ],
  ['the comments of a page', { path: '/v1/comments', method: 'GET', fault: { kind: 'loop' } }],
];

// The crawl's own listings stop at a repeated cursor (listing-gate.test.ts); these are the other
// lists a run pages through: people's names, the findings page's search, a page's comments.
for (const [what, rule] of lists) {
  describe(`a Notion list that repeats its cursor forever: ${what}`, () => {
    const env = notionBehindProxy({ fixture: notionWorkspace() });

    it.skipIf(!existsSync(CLI))(
      'the run ends by itself, without writing twice',
      async () => {
        env.proxy.setRules([rule]);
        const config = notionConfigFile(
          { url: env.proxy.url } as NotionEmulator,
          { 'requests-per-second': 100 },
          notionWriteBack(),
        );
        const run = await runBounded(['run', '--config', config, '--now', '2026-06-01'], {
          [TOKEN_ENV]: env.emulator.token,
        });
        expect(run.killed).toBe(false);
        expect(run.stderr).not.toContain('internal error');
        expect([0, 3]).toContain(run.code);
        expect(env.proxy.log.filter((e) => e.fault === 'loop').length).toBeLessThan(10);
        // At most one findings page, and no comment where the comments could not all be read.
        const posted = (path: string) => env.proxy.log.filter((e) => e.method === 'POST' && e.path === path);
        expect(posted('/v1/pages').length).toBeLessThanOrEqual(1);
        if (rule.path === '/v1/comments') {
          expect(posted('/v1/comments')).toEqual([]);
          expect(run.stderr).toContain('repeated a cursor');
        }
      },
      KILL_AFTER_MS + 20_000,
    );
  });
}

describe('a Confluence comments list that repeats its cursor', () => {
  const env = confluenceBehindProxy({ fixture: confluenceSpace() });

  it('posts no comment on that page: one of ours may be among those not read', async () => {
    env.proxy.setRules([
      { path: '/wiki/api/v2/pages/*/footer-comments', method: 'GET', fault: { kind: 'loop' } },
    ]);
    const config = confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      {},
      { 'fail-on': 'never', writeback: { comments: { enabled: true, 'cooldown-hours': 0 } } },
    );
    const run = await runCli(['run', '--config', config, '--now', '2026-06-01']);
    expect(run.code).toBe(0);
    expect(env.proxy.log.filter((e) => e.fault === 'loop').length).toBeLessThan(10);
    expect(env.proxy.log.filter((e) => e.method === 'POST' && e.path.endsWith('footer-comments'))).toEqual(
      [],
    );
    expect(run.stderr).toContain('repeated a cursor');
  }, 60_000);
});
