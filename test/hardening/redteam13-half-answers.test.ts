import { afterEach, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { loadConfluenceFixture } from '../emulators/confluence-fixture.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { CONFLUENCE_FIXTURE, confluenceConfigFile } from '../helpers/confluence.js';
import { confluenceBehindProxy } from './behind-proxy.js';

// Thirteenth round. A wiki that answers half: a 200 whose listing has no `results`. The SDK's schema refuses
// results that are no array (an object, a string, null: the listing failed, exit 2, *held*), but lets a
// missing one through, and the listings read it as empty: on the first night a Confluence space whose page
// listing answered `{"_links":{}}` linted no page and the run was clean (exit 0, nothing said), and a comment
// listing so hid our comment, so a run that lost its ledger posted another. Each is now a failed listing (the
// page listing: exit 2, nothing written) or, for comments, nothing written on that page. The v1 label search
// without results was refused by the SDK's schema already (exit 2, *held*); it is checked the same way now.

/** Only the page listing (not the look-ups of pages by id, which also GET /pages). */
const isListing = (url: URL) => !url.searchParams.has('id');

describe('a Confluence page listing whose results are missing or no array', () => {
  const env = confluenceBehindProxy({ fixture: loadConfluenceFixture(CONFLUENCE_FIXTURE) });
  afterEach(() => env.proxy.setRules([]));

  const run = (dir: string, comments = false) =>
    runCli([
      'run',
      '--config',
      confluenceConfigFile(
        { url: env.proxy.url } as ConfluenceEmulator,
        { spaces: ['HB'] },
        {
          'fail-on': 'never',
          state: { path: `${dir}/state.json` },
          ...(comments ? { writeback: { comments: { enabled: true, 'cooldown-hours': 0 } } } : {}),
        },
      ),
      '--format',
      'json',
      '--now',
      '2026-06-01',
    ]);
  const withoutResults = (path: string, when?: (url: URL) => boolean) =>
    env.proxy.setRules([
      {
        path,
        method: 'GET',
        ...(when ? { when } : {}),
        fault: {
          kind: 'transform',
          change: (json) => {
            const { results: _, ...rest } = json;
            return rest as typeof json;
          },
        },
      },
    ]);

  it('a label search without results fails the listing (labels type the pages; held)', async () => {
    withoutResults('/wiki/rest/api/content/search');
    const first = await run(tempTree({}));
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/label search failed/);
  }, 60_000);

  it('a comment listing without results writes nothing on that page: ours may be among those not read', async () => {
    const posts = () =>
      env.proxy.log.filter((e) => e.method === 'POST' && e.path.endsWith('footer-comments')).length;
    const first = await run(tempTree({}), true);
    expect(first.code).toBe(0);
    const posted = posts();
    expect(posted).toBeGreaterThan(0);
    // A run that lost its ledger looks for ours in each page's comments.
    withoutResults('/wiki/api/v2/pages/*/footer-comments');
    const second = await run(tempTree({}), true);
    expect(second.stderr).not.toMatch(/internal error/);
    expect(posts()).toBe(posted);
  }, 90_000);

  it.each([
    ['missing', undefined],
    ['an object', { 0: { id: '1' } }],
    ['a string', 'pages'],
    ['null', null],
  ])(
    'results %s: the run says the listing failed, never an internal error',
    async (_what, results) => {
      const dir = tempTree({});
      env.proxy.setRules([
        {
          path: '/wiki/api/v2/pages',
          method: 'GET',
          when: isListing,
          fault: {
            kind: 'transform',
            change: (json) => {
              const { results: _, ...rest } = json;
              return (results === undefined ? rest : { ...rest, results }) as typeof json;
            },
          },
        },
      ]);
      const first = await run(dir);
      expect(first.stderr).not.toMatch(/internal error/);
      expect(first.code).toBe(2);
      expect(first.stderr).toMatch(/Confluence page listing failed/);
    },
    60_000,
  );
});
