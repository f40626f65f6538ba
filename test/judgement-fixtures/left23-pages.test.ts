import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * Round 23 page labels left after the first fixes: a GOV.UK Tech Docs Template site linted from its
 * repository root. Each page is written for the test.
 */

describe('left23: a Tech Docs Template site (config/tech-docs.yml) serves source/ at the site root', () => {
  const site = (extra: Record<string, string> = {}) =>
    tempTree({
      'config/tech-docs.yml':
        'service_name: Team docs\nheader_links:\n  Start here: /guide/start.html\n  Guide: /guide.html\nfooter_links:\n  Privacy: /privacy.html\n',
      'README.md': '# Team docs\n\nThe site is built from source/.\n',
      'source/guide/start.html.md':
        '---\ntitle: Start here\nowner_slack: "#team"\n---\n\nRead [the deploys](/guide/deploys.html), [the tools](/tools.html), [the board](/board.html) and [the old page](/guide/retired.html).\n',
      'source/guide/deploys.html.md':
        '---\ntitle: Deploys\nowner_slack: "#team"\nparent: "/guide.html"\n---\n\nWe deploy on weekdays.\n',
      'source/guide/alerts.html.md':
        '---\ntitle: Alerts\nowner_slack: "#team"\nsection: Operations\n---\n\nAlerts go to the channel.\n',
      'source/guide/forgotten.html.md':
        '---\ntitle: Forgotten\nowner_slack: "#team"\n---\n\nNobody lists this.\n',
      'source/tools.html.md.erb': '---\ntitle: Tools\n---\n\n<%= tools_table %>\n',
      'source/board.html.erb': '<h1>Board</h1>\n',
      ...extra,
    });

  it('a `.html` URL finds `<path>.html.md`, `.html.md.erb` and `.html.erb` under source/; a URL with no source file stays broken', async () => {
    const broken = await findings([site()], 'broken-link', true);
    expect(broken).toEqual(['source/guide/start.html.md Broken link /guide/retired.html: no such page.']);
  });

  it('header links and pages with a `parent:` or `section:` are navigation; a page with neither stays an orphan', async () => {
    expect(await findings([site()], 'orphan-page')).toEqual(['source/guide/forgotten.html.md']);
  });

  it('without config/tech-docs.yml the same pages are orphans and the links broken', async () => {
    const root = site();
    const { rmSync } = await import('node:fs');
    rmSync(`${root}/config`, { recursive: true });
    expect((await findings([root], 'orphan-page')).length).toBeGreaterThanOrEqual(3);
    expect((await findings([root], 'broken-link')).length).toBeGreaterThanOrEqual(4);
  });

  it('linted from source/guide/, the pages the generated navigation shows are still reached', async () => {
    const { join } = await import('node:path');
    expect(await findings([join(site(), 'source/guide')], 'orphan-page')).toEqual(['forgotten.html.md']);
  });
});

describe('left23: a sub-folder linted alone reads the index above it that links into it', () => {
  const handbook = () =>
    tempTree({
      'README.md': '# Onboarding\n\n- [Start](files/start.md)\n- [Company](files/company.md)\n',
      'files/start.md': '# Start\n\nThe [minutes](minutes/) of the kick-off.\n',
      'files/company.md': '# Company\n\nWho we are.\n',
      'files/lost.md': '# Lost\n\nNo index links this page.\n',
      'files/minutes/kick-off.md': '# Kick-off\n\nWe met.\n',
    });

  it('the pages README.md one folder up links are reached; one no index links stays an orphan', async () => {
    const { join } = await import('node:path');
    const orphans = await findings([join(handbook(), 'files')], 'orphan-page');
    expect(orphans).toEqual(['lost.md']);
  });

  it('the folder is still read on its repository host: a link to a sub-folder opens its listing', async () => {
    const { join } = await import('node:path');
    expect(await findings([join(handbook(), 'files')], 'broken-link')).toEqual([]);
  });

  it('an index above that links nothing into the folder leaves its pages orphans', async () => {
    const root = handbook();
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    writeFileSync(join(root, 'README.md'), '# Onboarding\n\nSee [the website](https://example.com).\n');
    expect(await findings([join(root, 'files')], 'orphan-page')).toEqual([
      'company.md',
      'lost.md',
      'start.md',
    ]);
  });
});

describe('left23: the hero and feature cards of a VitePress home page', () => {
  const home = (tagline: string, details: string, layout = 'home') =>
    tempTree({
      'index.md': `---\nlayout: ${layout}\n\nhero:\n  name: "Team handbook"\n  tagline: ${tagline}\n  actions:\n    - theme: brand\n      text: Start\n      link: /start\n\nfeatures:\n  - title: Values\n    details: ${details}\n---\n`,
      'start.md': '# Start\n\nWelcome.\n',
    });

  it('reports the scaffold\'s "Lorem ipsum" cards left in the front matter', async () => {
    const found = await findings(
      [home('My great project tagline', 'Lorem ipsum dolor sit amet')],
      'placeholder',
      true,
    );
    expect(found).toEqual(['index.md Unfilled template text "Lorem ipsum".']);
  });

  it('a written home page, or the same text on a page with another layout, is not reported', async () => {
    expect(await findings([home('How we work, in one place', 'What we care about')], 'placeholder')).toEqual(
      [],
    );
    expect(
      await findings([home('My great project tagline', 'Lorem ipsum dolor sit amet', 'doc')], 'placeholder'),
    ).toEqual([]);
  });
});
