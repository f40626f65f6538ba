import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/model/page.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';
import { headingSlugs } from '../../src/normalize/slug-style.js';
import { parseRepository } from '../../src/repository.js';
import { Site, type SiteOptions } from '../../src/site.js';

const classify = typeClassifier({});

function md(file: string, markdown: string): Page {
  return buildPage(
    { source: 'markdown', id: file, url: file, path: file, file, markdown, fallbackTitle: file },
    classify,
  );
}

/** Every link of `from` as `href -> kind[#anchor ok?]`, the way the broken-link check reads them. */
function judge(pages: Page[], options: SiteOptions = {}): Record<string, string> {
  const site = new Site(options);
  for (const page of pages) site.add(page);
  site.build();
  const out: Record<string, string> = {};
  for (const page of pages) {
    for (const link of page.links) {
      const r = site.resolution(link);
      const target = r?.target ? site.page(r.target) : undefined;
      const anchor = r?.anchor && target ? (site.hasAnchor(target, r.anchor) ? ' #ok' : ' #missing') : '';
      out[`${page.file} ${link.href}`] = `${r?.kind}${anchor}`;
    }
  }
  return out;
}

describe('anchors a handbook defines beyond its headings', () => {
  const levels = md(
    'eng/levels.md',
    [
      '# Levels',
      '',
      '<table><tr><th id="ic1">IC1</th><th id="IC2">IC2</th></tr></table>',
      '',
      '<div name="legacy"></div>',
      '',
      '- <a id=note1></a>**Note 1**: unquoted.',
      '',
      '## Promotions {#promo}',
    ].join('\n'),
  );
  const guide = md(
    'eng/guide.md',
    '# Guide\n\n[one](levels.md#ic1) [two](levels.md#ic2) [promo](levels.md#promo) [old](levels.md#legacy) [note](levels.md#note1) [gone](levels.md#ic9)\n',
  );

  it('takes id and name attributes on any HTML element and {#id} headings as anchors', () => {
    expect(judge([levels, guide])).toEqual({
      'eng/guide.md levels.md#ic1': 'page #ok',
      'eng/guide.md levels.md#ic2': 'page #ok',
      'eng/guide.md levels.md#promo': 'page #ok',
      'eng/guide.md levels.md#legacy': 'page #ok',
      'eng/guide.md levels.md#note1': 'page #ok',
      'eng/guide.md levels.md#ic9': 'page #missing',
    });
  });

  it('does not judge anchors into a page whose body is filled in at build time', () => {
    const team = md('team.md', '# Team\n\nOur people:\n\n{{generator:team_members_list}}\n');
    const plain = md('plain.md', '# Plain\n');
    const home = md('index.md', '[ann](team.md#ann-lee) [bob](plain.md#bob)\n');
    expect(judge([team, plain, home])).toEqual({
      'index.md team.md#ann-lee': 'page #ok',
      'index.md plain.md#bob': 'page #missing',
    });
  });

  it('ignores a link its author disabled', () => {
    const page = md(
      'style.md',
      '# Style\n\nWrite <a href="#_" aria-disabled="true">how to add repositories</a>, not <a href="#top">here</a>.\n',
    );
    expect(page.links.map((l) => l.href)).toEqual(['#top']);
  });
});

describe('slug styles', () => {
  const texts = ['Step 1: Notify your manager & the team', 'main.go', 'Setup', 'Setup'];

  it('slugs headings the way each publishing site does', () => {
    expect(headingSlugs(texts, 'github')).toEqual([
      'step-1-notify-your-manager--the-team',
      'maingo',
      'setup',
      'setup-1',
    ]);
    expect(headingSlugs(texts, 'hugo')).toEqual([
      'step-1-notify-your-manager--the-team',
      'maingo',
      'setup',
      'setup-1',
    ]);
    expect(headingSlugs(texts, 'gitbook')).toEqual([
      'step-1-notify-your-manager-the-team',
      'main-go',
      'setup',
      'setup-1',
    ]);
  });

  it('judges anchors by the configured style, custom ids in every style', () => {
    const target = md('a.md', '# A\n\n## Step 1: Notify & wait\n\n## Q&A {#faq}\n');
    const from = md('b.md', '[s](a.md#step-1-notify-wait) [f](a.md#faq)\n');
    expect(judge([target, from])['b.md a.md#step-1-notify-wait']).toBe('page #missing');
    expect(judge([target, from], { slugStyle: 'gitbook' })).toEqual({
      'b.md a.md#step-1-notify-wait': 'page #ok',
      'b.md a.md#faq': 'page #ok',
    });
  });
});

describe('links to the handbook by URL', () => {
  const pages = [
    md('README.md', '# Repo\n'),
    md('content/index.md', '# Handbook\n'),
    md('content/team/onboarding.md', '# Onboarding\n'),
    md(
      'content/team/index.md',
      [
        '[site](https://handbook.example.com/team/onboarding#top)',
        '[rooted](/team/onboarding)',
        '[blob](https://github.com/Acme/Handbook/blob/main/content/team/onboarding.md)',
        '[tree](https://github.com/acme/handbook/tree/main/content/team)',
        '[gone](https://github.com/acme/handbook/blob/main/content/team/gone.md)',
        '[issues](https://github.com/acme/handbook/issues/3)',
        '[then](https://github.com/acme/handbook/tree/381c0b0d29fdef62028d7a2fa495a3870ac3efce/content/old)',
        '[other](https://github.com/acme/other/blob/main/content/x.md)',
        '[notion](https://www.notion.so/Video-resources-64f81208b5dd4aaf89d3586a34223ec0)',
      ].join('\n'),
    ),
  ];

  it('resolves site URLs and root-absolute links from content/, and the repository URLs, as internal', () => {
    const repository = parseRepository('https://github.com/acme/handbook');
    expect(repository).toEqual({ name: 'github.com/acme/handbook', folder: '' });
    const result = judge(pages, {
      siteUrl: 'https://handbook.example.com',
      ...(repository ? { repository } : {}),
    });
    const from = 'content/team/index.md';
    expect(result[`${from} https://handbook.example.com/team/onboarding#top`]).toBe('page #missing');
    expect(result[`${from} /team/onboarding`]).toBe('page');
    expect(result[`${from} https://github.com/Acme/Handbook/blob/main/content/team/onboarding.md`]).toBe(
      'page',
    );
    expect(result[`${from} https://github.com/acme/handbook/tree/main/content/team`]).toBe('page');
    expect(result[`${from} https://github.com/acme/handbook/blob/main/content/team/gone.md`]).toBe('missing');
    expect(result[`${from} https://github.com/acme/handbook/issues/3`]).toBe('external');
    // a permalink to a commit shows the repository as it was
    expect(
      result[
        `${from} https://github.com/acme/handbook/tree/381c0b0d29fdef62028d7a2fa495a3870ac3efce/content/old`
      ],
    ).toBe('external');
    expect(result[`${from} https://github.com/acme/other/blob/main/content/x.md`]).toBe('external');
  });

  it('takes a Notion link in a handbook with no Notion pages as external', () => {
    const result = judge(pages);
    expect(
      result['content/team/index.md https://www.notion.so/Video-resources-64f81208b5dd4aaf89d3586a34223ec0'],
    ).toBe('external');
  });

  it('reads a configured repository folder and `/x` as the repository root when the lint root is in it', () => {
    const repository = parseRepository('https://gitlab.com/acme/handbook/-/tree/main/docs');
    expect(repository).toEqual({ name: 'gitlab.com/acme/handbook', folder: 'docs' });
    const docs = [md('guide.md', '# Guide\n'), md('index.md', '[g](/docs/guide.md) [x](/docs/nope.md)\n')];
    expect(judge(docs, repository ? { repository } : {})).toEqual({
      'index.md /docs/guide.md': 'page',
      'index.md /docs/nope.md': 'missing',
    });
  });

  it('resolves a link to a URL from the page as a folder, as pretty-URL sites serve it', () => {
    const hugo = [
      md('about/chat.md', '# Chat\n'),
      md('about/meeting.md', '[chat](../chat/) [file](../chat.md) [none](../nowhere/)\n'),
    ];
    expect(judge(hugo)).toEqual({
      'about/meeting.md ../chat/': 'page',
      'about/meeting.md ../chat.md': 'missing',
      'about/meeting.md ../nowhere/': 'missing',
    });
  });
});

describe('a multilingual Hugo site', () => {
  it("resolves root-absolute links from the language's folder (content/en/), which holds its home page", () => {
    const pages = [
      md('content/en/_index.md', '# Handbook\n'),
      md('content/en/docs/handbook/styleguide.md', '# Style guide\n'),
      md(
        'content/en/docs/handbook/_index.md',
        '[style](/docs/handbook/styleguide/)\n[gone](/docs/handbook/gone/)\n',
      ),
      md('content/es/_index.md', '# Manual\n'),
    ];
    const result = judge(pages);
    expect(result['content/en/docs/handbook/_index.md /docs/handbook/styleguide/']).toBe('page');
    expect(result['content/en/docs/handbook/_index.md /docs/handbook/gone/']).toBe('missing');
  });
});
