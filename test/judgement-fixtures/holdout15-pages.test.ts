import { describe, expect, it } from 'vitest';
import { LAYOUT_TAG } from '../../src/normalize/links.js';
import { DEFAULT_VALUE_PLACEHOLDERS } from '../../src/rules/checks/placeholder.js';
import { DOCUSAURUS_BASE_URL } from '../../src/site-base-path.js';
import { HEADER_INCLUDE } from '../../src/site-jekyll-html.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the fifteenth (hold-out) audit of the handbook-page rules met: a Jekyll site served under a `baseurl`
 * whose pages link `/handbook/things/`, cards of HTML laid out with blank lines inside their `<div>`s, "tbc"
 * and "por definir" where a value was to go, a `* tbd` list as a section's whole body, and a plain repository
 * linking a folder of minutes that has no index. Each page is written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (fifteenth round)', () => {
  const crumbs = (...links: string[]) =>
    `{% raw %}\n<nav class="crumbs">\n  <ul>\n${links.map((l) => `    <li><a href="${l}">Up</a></li>\n`).join('')}  </ul>\n</nav>\n{% endraw %}\n`;

  it('a Jekyll site’s `baseurl` is cut from root-absolute links before they are resolved', async () => {
    const root = tempTree({
      '_config.yml': 'title: Team handbook\nbaseurl: "/handbook" # the subpath of the site\n',
      'index.md': '---\ntitle: Team handbook\n---\n\nRead [the things](things/).\n',
      'things/index.md': `---\ntitle: Things\n---\n\n${crumbs('/handbook')}\n- [Facts](facts.md)\n`,
      'things/facts.md': `---\ntitle: Facts\n---\n\n${crumbs('/handbook/', '/handbook/things/', '/handbook/gone/')}\nFacts.\n`,
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'things/facts.md Broken link /handbook/gone/: no such page.',
    ]);
  });

  it('Docusaurus’ `baseUrl`, MkDocs’ `site_url` and Hugo’s `baseURL` are cut the same way', async () => {
    const page = '# Setup\n\nSee [the guide](/team/guide/) and [the missing page](/team/missing/).\n';
    const sites: Record<string, string>[] = [
      {
        'docusaurus.config.js': "module.exports = {\n  // baseUrl: '/old/',\n  baseUrl: '/team/',\n};\n",
        'docs/setup.md': page,
        'docs/guide.md': '# Guide\n',
      },
      {
        'mkdocs.yml': 'site_name: Team\nsite_url: https://example.org/team/\n',
        'docs/index.md': '# Team\n\n- [Setup](setup.md)\n- [Guide](guide.md)\n',
        'docs/setup.md': page,
        'docs/guide.md': '# Guide\n',
      },
      {
        'hugo.toml': 'baseURL = "https://example.org/team/"\ntitle = "Team"\n',
        'content/_index.md': '# Team\n',
        'content/setup.md': page,
        'content/guide.md': '# Guide\n',
      },
    ];
    for (const files of sites) {
      const found = await findings([tempTree(files)], 'broken-link', true);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/setup\.md Broken link \/team\/missing\/: no such page/);
    }
  });

  it('a folder named like the base path is still found as written', async () => {
    const root = tempTree({
      '_config.yml': 'baseurl: /docs\n',
      'index.md': '# Home\n\n[Guide](/docs/guide/) and [Setup](/setup/).\n',
      'docs/guide.md': '# Guide\n',
      'setup.md': '# Setup\n',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([]);
  });

  it('links in HTML laid out with blank lines inside its `<div>`s are checked, `.html` names a `.md` page', async () => {
    const cards = (href: string) =>
      `{% raw %}\n<div class="row">\n  <section>\n    <p>Welcome.</p>\n\n    <div class="col">\n      <a href="${href}" class="card">\n        <span>Welcome aboard</span>\n      </a>\n    </div>\n\n    <div class="col">\n      <a href="first_day.html" class="card">First day</a>\n    </div>\n  </section>\n</div>\n{% endraw %}\n`;
    const site = (href: string) =>
      tempTree({
        '_config.yml': 'title: Handbook\nbaseurl: /handbook\n',
        'index.md': `---\ntitle: Handbook\n---\n\n${cards(href)}`,
        'welcome.md': '---\ntitle: Welcome\n---\n\nWelcome.\n',
        'first_day.md': '---\ntitle: First day\n---\n\nDay one.\n',
      });
    expect(await findings([site('welcome.html')], 'broken-link', true)).toEqual([]);
    expect(await findings([site('welcom.html')], 'broken-link', true)).toEqual([
      'index.md Broken link welcom.html: no such page.',
    ]);
    // A fenced block of HTML after such a `<div>` is code shown on the page, not links.
    const shown = tempTree({
      'index.md': '# Home\n\n<div class="box">\n\n```html\n<a href="nowhere.html">x</a>\n```\n\n</div>\n',
    });
    expect(await findings([shown], 'broken-link', true)).toEqual([]);
  });

  it('minima’s header lists no page on a site whose pages all use a layout of its own without that header', async () => {
    const pages = {
      'index.md': '---\nlayout: base\ntitle: Handbook\n---\n\n- [Things](things/)\n',
      'things/index.md':
        '---\nlayout: base\ntitle: Things\n---\n\n- [Facts](facts.md)\n\nWho we are: coming soon.\n',
      'things/facts.md': '---\nlayout: base\ntitle: Facts\n---\n\nFacts.\n',
      'things/who.md': '---\nlayout: base\ntitle: Who we are\n---\n\nUs.\n',
    };
    const config = 'title: Handbook\ntheme: minima\n';
    const own = '<html><body><header><a href="/">Handbook</a></header>{{ content }}</body></html>\n';
    const custom = tempTree({ ...pages, '_config.yml': config, '_layouts/base.html': own });
    expect(await findings([custom], 'orphan-page')).toEqual(['things/who.md']);
    // Its own layout that includes minima's header, or wraps one of minima's layouts, shows the header.
    const including = tempTree({
      ...pages,
      '_config.yml': config,
      '_layouts/base.html': '<html><body>{%- include header.html -%}{{ content }}</body></html>\n',
    });
    expect(await findings([including], 'orphan-page')).toEqual([]);
    const wrapping = tempTree({
      ...pages,
      '_config.yml': config,
      '_layouts/base.html': '---\nlayout: default\n---\n<article>{{ content }}</article>\n',
    });
    expect(await findings([wrapping], 'orphan-page')).toEqual([]);
    // minima 3's own `base` layout (no file of the site's) has the header.
    expect(await findings([tempTree({ ...pages, '_config.yml': config })], 'orphan-page')).toEqual([]);
  });

  it('a link to a folder without an index opens its listing in a repository no generator publishes', async () => {
    const handbook = {
      'docs/README.md': '# Team docs\n\n- [Meeting minutes](./meeting_minutes/)\n- [Designs](designs/)\n',
      'docs/meeting_minutes/2026-01-05.md': '# Minutes 2026-01-05\n\nWe met.\n',
    };
    expect(await findings([tempTree(handbook)], 'broken-link', true)).toEqual([
      'docs/README.md Broken link designs/: no such page.',
    ]);
    // On a generator's site the folder is no page.
    const site = tempTree({ ...handbook, 'mkdocs.yml': 'site_name: Team\ndocs_dir: docs\n' });
    expect(await findings([site], 'broken-link', true)).toEqual([
      'docs/README.md Broken link ./meeting_minutes/: no such page.',
      'docs/README.md Broken link designs/: no such page.',
    ]);
  });

  it('"tbc" is "to be confirmed": a section’s or a page’s whole body, or a label’s value', async () => {
    const root = tempTree({
      'README.md':
        '# Micro frontends\n\n- [Guides](guides.md)\n- [How-to](how-to.md)\n\n## Purpose\n\ntbc\n\n## Why\n\nTBC\n',
      'how-to.md': '---\ntitle: How-to guides\n---\n\ntbc \n',
      'guides.md':
        '# Guides\n\nVenue: tbc\n\nThe date is tbc, we vote on Friday.\n\nPart one of three, tbc next week.\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'README.md Unfilled template text "TBC".',
      'README.md Unfilled template text "tbc".',
      'guides.md Unfilled template text "tbc".',
      'how-to.md Unfilled template text "tbc".',
    ]);
  });

  it('a list of only `tbd` items is a section never written, as a bare `tbd` line is', async () => {
    const root = tempTree({
      'README.md': '# Telcons\n\n- [June](june.md)\n',
      'june.md':
        '# June telcon\n\n## Agenda\n\n* Status updates\n* tbd\n\n## Minutes\n\n* tbd\n\n## Links\n\n- tbd\n- more to come\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual(['june.md Unfilled template text "tbd".']);
  });

  it('"TO BE UPDATED", "to be confirmed" and "por definir" as a value are template text; in a sentence, prose', async () => {
    const root = tempTree({
      'README.md': '# Team\n\n- [Notes](notes.md)\n- [Equipo](equipo.md)\n',
      'notes.md':
        '# Sprint meeting\n\nMeeting notes: TO BE UPDATED DURING MEETING.\n\nRoom: to be confirmed\n\nThe page is to be updated after the review.\n',
      'equipo.md':
        '# Equipo remoto\n\nResponsable: por definir\n\nFecha: a definir\n\nLa fecha está por definir, lo votamos el viernes.\n\nStatus: noch offen\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'equipo.md Unfilled template text "a definir".',
      'equipo.md Unfilled template text "por definir".',
      'notes.md Unfilled template text "TO BE UPDATED DURING MEETING".',
      'notes.md Unfilled template text "to be confirmed".',
    ]);
  });

  it('the value patterns added are safe from catastrophic backtracking', () => {
    const added = DEFAULT_VALUE_PLACEHOLDERS.filter((p) => /tbc|TBC|TO BE|to be|d\[eé\]finir/.test(p));
    expect(added).toHaveLength(6);
    for (const source of added) expect(verdict(new RegExp(source, 'u'))).toBe('safe');
    expect(verdict(LAYOUT_TAG)).toBe('safe');
    expect(verdict(DOCUSAURUS_BASE_URL)).toBe('safe');
    expect(verdict(HEADER_INCLUDE)).toBe('safe');
  }, 60_000);
});
