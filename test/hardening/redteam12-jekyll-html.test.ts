import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jekyllNavigation } from '../../src/site-jekyll-html.js';
import type { SiteNavigation } from '../../src/site-nav.js';

// Twelfth round: the Jekyll HTML navigation reader (site-jekyll-html.ts), which reads a site's HTML
// pages, layouts and includes before the crawl. Each Liquid loop over `site.pages` or `site.posts` was
// judged by looking for its `endfor` and then reading its body for an `{% if %}`: from each loop on to
// the end of the file when no `endfor` came, so a layout of 10,000 loops took 3.4 s and one of 40,000
// (1 MB, the most a site file is read) 40 s; the walk reads 16 MiB of HTML, sixteen such layouts, some
// ten minutes before the first page was linted. The loops and the `if` tags are now found in one pass
// each. The test's timeout is the only clock.
//
// Held when first tried: a layout over 1 MiB is read as none (the site file cap), an HTML file that is a
// link (out of the site or not) is not read, 10,000 nested elements are walked without recursion, and
// Liquid includes are not followed at all, so include cycles and `../` includes cost nothing.

const sites: string[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
});

/** A Jekyll site with a titled page and these layouts (name to HTML). */
function site(layouts: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hl-rt12-jekyll-'));
  sites.push(dir);
  writeFileSync(join(dir, '_config.yml'), 'title: Handbook\n');
  writeFileSync(join(dir, 'about.md'), '---\ntitle: About\n---\n# About\n');
  mkdirSync(join(dir, '_layouts'));
  for (const [name, html] of Object.entries(layouts)) writeFileSync(join(dir, '_layouts', name), html);
  return dir;
}

const LOOP = '{% for p in site.pages %}<a href="{{ p.url }}">{{ p.title }}</a>';

describe('Liquid loops in Jekyll layouts', () => {
  it('eight layouts of 40,000 loops that never end list the titled pages', { timeout: 60_000 }, () => {
    const layouts = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`l${i}.html`, '{% for p in site.pages %}'.repeat(40_000)]),
    );
    expect(files(jekyllNavigation(...twice(site(layouts))))).toEqual(['about.md']);
  });

  it('40,000 loops that end together, each with a filter far after its start, list nothing', {
    timeout: 60_000,
  }, () => {
    const html = `${'{% for p in site.pages %}'.repeat(40_000)}{% if p.category == "x" %}{% endfor %}`;
    expect(jekyllNavigation(...twice(site({ 'default.html': html })))).toBeUndefined();
  });

  it.each([
    ['a loop that lists every titled page', `${LOOP}{% endfor %}`, ['about.md']],
    ['a loop filtered by an if', `${LOOP}{% if p.category == "x" %}{% endif %}{% endfor %}`, undefined],
    ['a loop filtered by an unless', `${LOOP}{%- unless p.hidden -%}{% endunless %}{% endfor %}`, undefined],
    ['a loop with a limit', '{% for p in site.pages limit: 3 %}{% endfor %}', undefined],
    ['a loop whose if is on titled pages', `${LOOP}{% if p.title %}{% endif %}{% endfor %}`, ['about.md']],
    ['an if after the loop ends', `${LOOP}{% endfor %}{% if page.x %}{% endif %}`, ['about.md']],
    [
      'the second of two loops is filtered',
      `${LOOP}{% endfor %}${LOOP}{% if p.x %}{% endif %}{% endfor %}`,
      ['about.md'],
    ],
  ])('%s: judged as before', (_what, html, listed) => {
    expect(files(jekyllNavigation(...twice(site({ 'default.html': html }))))).toEqual(listed);
  });
});

describe('held: large, deep and linked HTML', () => {
  it('a 20 MB layout is read as none; 10,000 nested elements are walked', { timeout: 60_000 }, () => {
    const big = site({ 'big.html': `${'<div>'.repeat(4_000_000)}${LOOP}{% endfor %}` });
    expect(jekyllNavigation(big, big)).toBeUndefined();
    const deep = site({ 'deep.html': `${'<div><span>'.repeat(5_000)}<a href="/about.html">About</a>` });
    expect(jekyllNavigation(deep, deep)?.urls).toEqual(['about.html']);
  });

  it('a layout that is a link, into the site or out of it, is not read', () => {
    const outside = mkdtempSync(join(tmpdir(), 'hl-rt12-outside-'));
    sites.push(outside);
    writeFileSync(join(outside, 'secret.html'), `${LOOP}{% endfor %}<a href="/secret.html">x</a>`);
    const dir = site({});
    symlinkSync(join(outside, 'secret.html'), join(dir, '_layouts', 'out.html'));
    symlinkSync(join(outside), join(dir, '_includes'));
    expect(jekyllNavigation(dir, dir)).toBeUndefined();
  });
});

/** The files a navigation lists, if it lists any. */
const files = (nav: SiteNavigation | undefined) => (nav && 'files' in nav ? nav.files : undefined);

/** The site as both the lint root and the site folder. */
function twice(dir: string): [string, string] {
  return [dir, dir];
}
