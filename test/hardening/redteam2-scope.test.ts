import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Page } from '../../src/model/page.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { loadConfluenceFixture } from '../emulators/confluence-fixture.js';
import { tempTree } from '../helpers/cli.js';
import { CONFLUENCE_FIXTURE, confluenceConfigFile } from '../helpers/confluence.js';
import { confluenceBehindProxy, runCollecting } from './behind-proxy.js';

const ENGINEERING_SPACE = '131073';
const HANDBOOK_HOME = '98305';
const PLANTED = 'Planted from elsewhere';

/** A page a listing answer carries that nobody asked for: a copy of `like` with another id, space and title. */
function planted(like: Record<string, unknown>, id: string, spaceId: string, parentId: string) {
  return { ...like, id, spaceId, parentId, parentType: 'page', title: `${PLANTED} ${id}` };
}

/** Only the page listing (not the look-ups of pages by id, which also GET /pages). */
const isListing = (url: URL) => !url.searchParams.has('id');

async function crawl(
  proxyUrl: string,
  confluence: Record<string, unknown>,
): Promise<{ pages: Page[]; stderr: string }> {
  const dir = tempTree({});
  const config = await loadConfig(
    confluenceConfigFile({ url: proxyUrl } as ConfluenceEmulator, confluence, {
      'fail-on': 'never',
      state: { path: `${dir}/state.json` },
    }),
  );
  return runCollecting(config);
}

describe('a Confluence answer that carries pages nobody asked for', () => {
  const env = confluenceBehindProxy({ fixture: loadConfluenceFixture(CONFLUENCE_FIXTURE) });
  afterEach(() => env.proxy.setRules([]));

  const plantInListing = (make: (first: Record<string, unknown>) => Record<string, unknown>[]) =>
    env.proxy.setRules([
      {
        path: '/wiki/api/v2/pages',
        method: 'GET',
        when: isListing,
        times: 1,
        fault: {
          kind: 'transform',
          change: (json) => {
            const results = (json.results ?? []) as Record<string, unknown>[];
            return { ...json, results: [...results, ...make(results[0] ?? {})] };
          },
        },
      },
    ]);

  it('ignores listed pages of a space it did not ask for, and says so once', async () => {
    plantInListing((first) => [
      planted(first, '900001', ENGINEERING_SPACE, HANDBOOK_HOME),
      planted(first, '900002', '777777', HANDBOOK_HOME),
      planted(first, '900003', ENGINEERING_SPACE, '131074'),
    ]);
    const { pages, stderr } = await crawl(env.proxy.url, { spaces: ['HB'] });
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((p) => p.title.startsWith(PLANTED))).toEqual([]);
    expect(pages.every((p) => p.path.startsWith('Handbook/'))).toBe(true);
    const warnings = stderr.split('\n').filter((line) => line.includes('outside'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('3 pages');
  });

  it('under roots, a page of another space that names a root as parent is not crawled', async () => {
    plantInListing((first) => [planted(first, '900004', ENGINEERING_SPACE, HANDBOOK_HOME)]);
    const { pages, stderr } = await crawl(env.proxy.url, { spaces: ['HB', 'ENG'], roots: [HANDBOOK_HOME] });
    expect(pages.some((p) => p.title === 'Communication Charter')).toBe(true);
    expect(pages.filter((p) => p.title.startsWith(PLANTED))).toEqual([]);
    expect(stderr).toContain('outside');
  });

  it('with every space, ignores pages of a space the space listing did not name', async () => {
    plantInListing((first) => [planted(first, '900005', '777777', HANDBOOK_HOME)]);
    const { pages, stderr } = await crawl(env.proxy.url, {});
    expect(pages.some((p) => p.title === 'Deploy Runbook')).toBe(true);
    expect(pages.filter((p) => p.title.startsWith(PLANTED))).toEqual([]);
    expect(stderr).toContain('1 page ');
  });
});
