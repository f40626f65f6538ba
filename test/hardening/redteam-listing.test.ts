import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateNotionWorkspace, type NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { notionConfigFile } from '../helpers/notion.js';
import { notionBehindProxy } from './behind-proxy.js';

const NOW = ['--now', '2026-06-01'];

describe('a Notion search that says there is more but gives no cursor', () => {
  const workspace = generateNotionWorkspace(60, 11);
  const env = notionBehindProxy({ fixture: workspace });
  afterEach(() => env.proxy.setRules([]));

  it('is not taken for the whole listing: nothing fixed, the ledger unchanged, exit 3', async () => {
    const dir = tempTree({});
    const state = join(dir, 'state.json');
    const config = notionConfigFile(
      { url: env.proxy.url } as NotionEmulator,
      { 'max-attempts': 2 },
      {
        'fail-on': 'never',
        // Generous: the pages lost stay under it, so only the missing cursor can stop the run.
        state: { path: state, 'max-shrink': 0.9 },
        writeback: { 'findings-page': { markdown: { path: join(dir, 'findings.md') } } },
      },
    );
    expect((await runCli(['run', '--config', config, ...NOW])).code).toBe(0);
    const ledger = readFileSync(state, 'utf8');
    // The first answer of the page search is cut after 10 results, still saying has_more.
    env.proxy.setRules([
      {
        path: '/v1/search',
        when: (_url, body) => (body.filter as { value?: string } | undefined)?.value === 'page',
        times: 1,
        fault: {
          kind: 'transform',
          change: (json) => ({
            ...json,
            results: (json.results ?? []).slice(0, 10),
            has_more: true,
            next_cursor: null,
          }),
        },
      },
    ]);
    const run = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('has_more');
    expect(readFileSync(state, 'utf8')).toBe(ledger);
    expect((JSON.parse(run.stdout) as { fixed: unknown[] }).fixed).toEqual([]);
  });
});
