import { describe, expect, it } from 'vitest';
import type { Page } from '../src/model/page.js';
import { typeClassifier } from '../src/normalize/doc-type.js';
import { buildPage } from '../src/normalize/page.js';
import { dashedNotionId } from '../src/platforms/notion/urls.js';
import { wikiKey } from '../src/platforms/urls.js';
import { Site } from '../src/site.js';

const classify = typeClassifier({});

function md(file: string, markdown: string, extra: Partial<Page> = {}): Page {
  return {
    ...buildPage(
      { source: 'markdown', id: file, url: file, path: file, file, markdown, fallbackTitle: file },
      classify,
    ),
    ...extra,
  };
}

function siteOf(pages: Page[], options = {}, assets: string[] = []): Site {
  const site = new Site(options);
  for (const page of pages) site.add(page);
  for (const asset of assets) site.addAsset(asset);
  return site.build();
}

function resolved(site: Site, page: Page) {
  return page.links.map((link) => {
    const r = site.resolution(link);
    return [link.href, r?.kind, r?.target, r?.anchor];
  });
}

describe('link resolution', () => {
  const target = md('team/on call.md', '# On call\n\n## Escalation\n\n<a name="pager"></a>\n');
  const index = md('team/index.md', '# Team\n');
  const readme = md('guides/README.md', '# Guides\n');
  const hugo = md('docs/_index.md', '# Docs\n');
  const home = md(
    'index.md',
    [
      '[a](team/on%20call.md) [b](<team/on call.md>) [c](./team/on%20call) [d](team/) [e](guides)',
      '[f](/handbook/team/index.md) [g](team/on%20call.md#escalation) [h](team/on%20call.md#pager)',
      '[i](team/on%20call.md#nope) [j](docs/) [k](missing.md) [l](img/logo.png) [m](#top)',
      '[n](https://handbook.example.com/team/index.md) [o](https://example.org/x)',
    ].join('\n'),
  );
  const nested = md(
    'team/deep/page.md',
    '[up](../index.md) [upup](../../guides/README.md) [out](../../../x.md)',
  );
  const site = siteOf(
    [target, index, readme, hugo, home, nested],
    { basePath: '/handbook', siteUrl: 'https://handbook.example.com' },
    ['img/logo.png'],
  );

  it('resolves relative, encoded, extension-less, folder and root-absolute links', () => {
    expect(resolved(site, home)).toEqual([
      ['team/on%20call.md', 'page', 'markdown:team/on call.md', undefined],
      ['team/on call.md', 'page', 'markdown:team/on call.md', undefined],
      ['./team/on%20call', 'page', 'markdown:team/on call.md', undefined],
      ['team/', 'page', 'markdown:team/index.md', undefined],
      ['guides', 'page', 'markdown:guides/README.md', undefined],
      ['/handbook/team/index.md', 'page', 'markdown:team/index.md', undefined],
      ['team/on%20call.md#escalation', 'page', 'markdown:team/on call.md', 'escalation'],
      ['team/on%20call.md#pager', 'page', 'markdown:team/on call.md', 'pager'],
      ['team/on%20call.md#nope', 'page', 'markdown:team/on call.md', 'nope'],
      ['docs/', 'page', 'markdown:docs/_index.md', undefined],
      ['missing.md', 'missing', undefined, undefined],
      ['img/logo.png', 'asset', 'img/logo.png', undefined],
      ['#top', 'page', 'markdown:index.md', 'top'],
      ['https://handbook.example.com/team/index.md', 'page', 'markdown:team/index.md', undefined],
      ['https://example.org/x', 'external', undefined, undefined],
    ]);
  });

  it('resolves ../ paths and treats links above the root as missing', () => {
    expect(resolved(site, nested).map((r) => r[2] ?? r[1])).toEqual([
      'markdown:team/index.md',
      'markdown:guides/README.md',
      'missing',
    ]);
  });

  it('knows heading slugs and explicit anchors, case-insensitively', () => {
    const page = site.page(target.key);
    expect(page && site.hasAnchor(page, 'escalation')).toBe(true);
    expect(page && site.hasAnchor(page, 'Pager')).toBe(true);
    expect(page && site.hasAnchor(page, 'nope')).toBe(false);
  });

  it('indexes inbound links from other pages only', () => {
    expect(site.inbound(index.key)).toContain(home.key);
    expect(site.inbound(index.key)).toContain(nested.key);
    expect(site.inbound(home.key)).toEqual([]);
  });
});

describe('wiki URLs', () => {
  it('turns Notion and Confluence page URLs into page keys', () => {
    expect(
      wikiKey(new URL('https://www.notion.so/acme/Response-times-0f3c2a1b4d5e6f708192a3b4c5d6e7f8')),
    ).toBe('notion:0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8');
    expect(wikiKey(new URL('https://acme.atlassian.net/wiki/spaces/HB/pages/123456/Response+times'))).toBe(
      'confluence:123456',
    );
    expect(wikiKey(new URL('https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=42'))).toBe(
      'confluence:42',
    );
    expect(wikiKey(new URL('https://example.org/page'))).toBeUndefined();
    expect(dashedNotionId('0F3C2A1B4D5E6F708192A3B4C5D6E7F8')).toBe('0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8');
  });
});

describe('navigation', () => {
  const home = md('index.md', '# Home\n\n[Team](team/index.md)\n');
  const team = md('team/index.md', '# Team\n\n[Onboarding](onboarding.md)\n');
  const onboarding = md('team/onboarding.md', '# Onboarding\n\n[Buddy](buddy.md)\n');
  const buddy = md('team/buddy.md', '# Buddy\n');
  const lonely = md('team/lonely.md', '# Lonely\n', { parent: 'markdown:team/index.md' });
  const summary = md('SUMMARY.md', '- [Book](book/chapter.md)\n');
  const chapter = md('book/chapter.md', '# Chapter\n');
  const hugoIndex = md('docs/_index.md', '# Docs\n');
  const hugoChild = md('docs/page.md', '# Page\n', { parent: 'markdown:docs/_index.md' });
  const site = siteOf([home, team, onboarding, buddy, lonely, summary, chapter, hugoIndex, hugoChild]);

  it('follows index pages and SUMMARY.md, not ordinary pages, from the roots', () => {
    const reach = site.reachableFrom(['markdown:index.md', 'markdown:SUMMARY.md'], false);
    expect(reach.has('markdown:team/onboarding.md')).toBe(true);
    expect(reach.has('markdown:book/chapter.md')).toBe(true);
    expect(reach.has('markdown:team/buddy.md')).toBe(false);
    expect(reach.has('markdown:team/lonely.md')).toBe(false);
  });

  it('counts parent -> child as navigation when asked, and always below a Hugo _index.md', () => {
    expect(site.reachableFrom(['markdown:index.md'], true).has('markdown:team/lonely.md')).toBe(true);
    expect(site.reachableFrom(['markdown:docs/_index.md'], false).has('markdown:docs/page.md')).toBe(true);
  });

  it('never navigates through an unreadable page', () => {
    const blocked = md('team/index.md', '', { unreadable: { reason: '403' }, links: team.links });
    const s = siteOf([home, blocked, onboarding]);
    expect(s.reachableFrom(['markdown:index.md'], false).has('markdown:team/onboarding.md')).toBe(false);
  });
});

describe('suggestions', () => {
  it('suggests near names and stays quiet for very short or distant ones', async () => {
    const { closest } = await import('../src/closest.js');
    expect(closest('hom', ['home', 'about'])).toBe('home');
    expect(closest('stale-pgae', ['stale-page', 'page-owner'])).toBe('stale-page');
    expect(closest('_', ['no', 'yes'])).toBeUndefined();
    expect(closest('onboarding', ['pricing'])).toBeUndefined();
  });
});
