import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { UnsafeRequestError } from '../../src/http/plain-path.js';
import type { Page } from '../../src/model/page.js';
import { ConfluenceApi } from '../../src/platforms/confluence/api.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { loadConfluenceFixture } from '../emulators/confluence-fixture.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { tempTree } from '../helpers/cli.js';
import { CONFLUENCE_FIXTURE, confluenceConfigFile, EMAIL, TOKEN } from '../helpers/confluence.js';
import { notionConfigFile } from '../helpers/notion.js';
import { notionWorkspace } from '../writeback/fixtures.js';
import { confluenceBehindProxy, notionBehindProxy, runCollecting } from './behind-proxy.js';

const HANDBOOK_HOME = '98305';
const CHARTER = '98306';
const PLANTED = 'Planted with a hostile id';

/** Ids a listing answer (or a page's author, through a link) could carry to steer a later request. */
const HOSTILE_IDS = ['0x18001', '98305/../../user/current', '1&spaceKey=X', '%2e%2e', '9830500000000000001'];

/** Every request path the API has for what a crawl asks: fixed words and ids of digits only. */
const PLAIN_PATH =
  /^\/wiki\/(?:api\/v2\/(?:spaces|pages|folders|users-bulk)(?:\/\d{1,16})?|rest\/api\/(?:content\/search|search))$/;

async function crawl(
  proxyUrl: string,
  platform: 'confluence' | 'notion' = 'confluence',
): Promise<{ pages: Page[]; stderr: string }> {
  const dir = tempTree({});
  const top = { 'fail-on': 'never', state: { path: `${dir}/state.json` } };
  const config = await loadConfig(
    platform === 'confluence'
      ? confluenceConfigFile({ url: proxyUrl } as ConfluenceEmulator, { spaces: ['HB'] }, top)
      : notionConfigFile({ url: proxyUrl } as NotionEmulator, {}, top),
  );
  return runCollecting(config);
}

describe('ids a page or a listing names never steer a Confluence request', () => {
  const env = confluenceBehindProxy({ fixture: loadConfluenceFixture(CONFLUENCE_FIXTURE) });
  afterEach(() => env.proxy.setRules([]));

  it('a listing answer with ids that are no Confluence ids: those pages are dropped, no request carries them', async () => {
    env.proxy.setRules([
      {
        path: '/wiki/api/v2/pages',
        method: 'GET',
        when: (url) => !url.searchParams.has('id'),
        times: 1,
        fault: {
          kind: 'transform',
          change: (json) => {
            const results = (json.results ?? []) as Record<string, unknown>[];
            const first = results[0] ?? {};
            const planted = HOSTILE_IDS.map((id, i) => ({
              ...first,
              id,
              title: `${PLANTED} ${i}`,
              parentId: HANDBOOK_HOME,
              parentType: 'page',
            }));
            // A listed page whose parent "folder" id would walk the folder look-up elsewhere.
            const steered = results.map((page) =>
              page.id === CHARTER
                ? { ...page, parentId: '1/../../../user/current', parentType: 'folder' }
                : page,
            );
            return { ...json, results: [...steered, ...planted] };
          },
        },
      },
    ]);
    const before = env.proxy.log.length;
    const { pages, stderr } = await crawl(env.proxy.url);
    const paths = env.proxy.log.slice(before).map((r) => r.path);
    expect(pages.some((p) => p.title === 'Communication Charter')).toBe(true);
    expect(pages.filter((p) => p.title.startsWith(PLANTED))).toEqual([]);
    expect(paths.filter((path) => !PLAIN_PATH.test(path))).toEqual([]);
    expect(stderr).toContain('5 pages with an id');
  });

  it('a page naming 10,000 people and links to ids past 2^53 costs a bounded number of look-ups', async () => {
    const people = Array.from({ length: 10_000 }, (_, i) => `<ri:user ri:account-id="evil-${i}" />`);
    const links = [
      '<a href="{{site}}/wiki/spaces/HB/pages/123456789012345678901/x">big</a>',
      '<a href="{{site}}/wiki/pages/viewpage.action?pageId=98305%2F..%2F..%2Fuser%2Fcurrent">dots</a>',
    ];
    env.emulator.editPage(CHARTER, {
      body: `<p>${people.join(' ')}</p><p>${links.join(' ')}</p>`.replaceAll('{{site}}', env.emulator.url),
    });
    const before = env.proxy.log.length;
    const { pages } = await crawl(env.proxy.url);
    const requests = env.proxy.log.slice(before);
    expect(pages.some((p) => p.title === 'Communication Charter')).toBe(true);
    expect(requests.filter((r) => !PLAIN_PATH.test(r.path))).toEqual([]);
    // The page's own people and the wiki's: at most two bulk look-ups, never forty.
    expect(requests.filter((r) => r.path === '/wiki/api/v2/users-bulk').length).toBeLessThanOrEqual(2);
  });

  it('the transport sends no path whose segments URL parsing would resolve elsewhere', async () => {
    const config = await loadConfig(confluenceConfigFile({ url: env.proxy.url } as ConfluenceEmulator));
    const source = config.confluence;
    if (!source) throw new Error('no Confluence source in the config');
    const api = new ConfluenceApi(source, { email: EMAIL, token: TOKEN });
    const before = env.proxy.log.length;
    for (const id of ['98305/../../user/current', '%2e%2e', '.']) {
      const asked = api.read((c) => c.v2.page.getPageById({ id: id as unknown as number }));
      await expect(asked).rejects.toBeInstanceOf(UnsafeRequestError);
    }
    await expect(api.follow('/rest/api/../api/user/current?x=1', undefined)).rejects.toBeInstanceOf(
      UnsafeRequestError,
    );
    expect(env.proxy.log.slice(before)).toEqual([]);
  });
});

/** Notion's paths as the crawl asks them: fixed words and UUIDs only. */
const UUID = '[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}';
const NOTION_PATH = new RegExp(
  `^/v1/(?:search|users|users/me|pages/${UUID}(?:/markdown)?|blocks/${UUID}/children|data_sources/${UUID}(?:/query)?|databases/${UUID})$`,
);
/** Notion ids an answer could carry to steer the request for a page's content or its parts. */
const HOSTILE_NOTION_IDS = ['../../users/me', 'x?filter=1', '%2e%2e', '..'];

describe('ids an answer names never steer a Notion request', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  it('search results and truncated parts with ids that are no Notion ids: nothing is asked for them', async () => {
    env.proxy.setRules([
      {
        path: '/v1/search',
        method: 'POST',
        times: 1,
        fault: {
          kind: 'transform',
          change: (json) => {
            const results = (json.results ?? []) as Record<string, unknown>[];
            const first = results[0] ?? {};
            return { ...json, results: [...results, ...HOSTILE_NOTION_IDS.map((id) => ({ ...first, id }))] };
          },
        },
      },
      {
        path: /^\/v1\/pages\/[^/]+\/markdown$/,
        method: 'GET',
        times: 1,
        fault: {
          kind: 'transform',
          change: (json) => ({ ...json, unknown_block_ids: HOSTILE_NOTION_IDS }),
        },
      },
    ]);
    const before = env.proxy.log.length;
    const { pages, stderr } = await crawl(env.proxy.url, 'notion');
    const paths = env.proxy.log.slice(before).map((r) => r.path);
    expect(pages.some((p) => p.title === 'Deploy guide')).toBe(true);
    expect(paths.filter((path) => !NOTION_PATH.test(path))).toEqual([]);
    expect(stderr).toContain('4 pages with an id that is no Notion id');
  });
});
