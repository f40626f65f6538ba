import { afterEach, describe, expect, it } from 'vitest';
import { generateNotionWorkspace, type NotionEmulator } from '../emulators/notion.js';
import { runCli } from '../helpers/cli.js';
import { notionConfigFile } from '../helpers/notion.js';
import { notionBehindProxy } from './behind-proxy.js';

const NOW = ['--now', '2026-06-01'];

describe('truncated parts of a Notion page that name each other', () => {
  const workspace = generateNotionWorkspace(20, 4);
  const page = workspace.pages.filter((p) => p.parent.type === 'page')[2];
  if (!page) throw new Error('the generated workspace has child pages');
  const markdown = `/v1/pages/${page.id}/markdown`;
  const env = notionBehindProxy({ fixture: workspace });
  afterEach(() => env.proxy.setRules([]));

  it('fetches each part once: a part naming itself three times is no fan-out', async () => {
    // Every answer for the page says three parts were left out, each of them the page itself: without
    // a memory of what was fetched, each round asked three times as often as the last.
    env.proxy.setRules([
      {
        path: markdown,
        fault: {
          kind: 'transform',
          change: (json) => ({ ...json, unknown_block_ids: [page.id, page.id, page.id] }),
        },
      },
    ]);
    const config = notionConfigFile({ url: env.proxy.url } as NotionEmulator, {}, { 'fail-on': 'never' });
    const run = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
    expect(run.stderr).not.toContain('internal error');
    expect([0, 3]).toContain(run.code);
    expect(env.proxy.log.filter((e) => e.path === markdown).length).toBeLessThanOrEqual(2);
  }, 60_000);
});
