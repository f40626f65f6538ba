import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEHOLDERS, DEFAULT_VALUE_PLACEHOLDERS } from '../../src/rules/checks/placeholder.js';
import { SCRIPT_TOKEN } from '../../src/site-docusaurus.js';
import { JEKYLL_LOOP } from '../../src/site-jekyll-html.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the twelfth (hold-out) audit of the handbook-page rules met: a Jekyll handbook whose home page is
 * an `index.html` linking its guide pages by their `.html` URLs and listing its posts with a
 * `site.posts` loop, a VitePress config with sidebar entries commented out, a team's real workflow under
 * an "Example" heading left "TBD", link placeholders, and a link to the author's local dev server. Each
 * page is written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (twelfth round)', () => {
  const jekyllConfig = 'title: Volunteer guide\nmarkdown: kramdown\n';
  const guide = (title: string) => `# ${title}\n\nHow we do it.\n`;

  it("reads a Jekyll site's HTML home page: its `.html` links reach the Markdown pages, a `site.posts` loop the posts", async () => {
    const root = tempTree({
      '_config.yml': jekyllConfig,
      'README.md': '# Guide repository\n\nThe site is built by GitHub Pages.\n',
      'index.html': `---
layout: default
---
<div class="home">
  <h1>Contributing</h1>
  <p>Read these in order.
  <h2><a href="/picking-work.html">Picking work</a></h2>
  <h2><a href="reviews.html#top">Reviews</a></h2>
  <h2><a href="/about/">About</a></h2>
  <h2><a href="https://example.com/picking-work.html">Elsewhere</a></h2>
  <ul>
    {% for post in site.posts %}
      <li><a class="post-link" href="{{ post.url | prepend: site.baseurl }}">{{ post.title }}</a></li>
    {% endfor %}
  </ul>
  <p><a href="{{ "/feed.xml" | prepend: site.baseurl }}">RSS</a></p>
</div>
`,
      'picking-work.md': guide('Picking work'),
      'reviews.md': guide('Reviews'),
      'about.md': '---\nlayout: page\ntitle: About\npermalink: /about/\n---\n\nWho we are.\n',
      '_posts/2024-01-02-faq-one.md': '---\nlayout: post\ntitle: First question\n---\n\nThe answer.\n',
      'unlisted.md': guide('Unlisted'),
      '_site/unlisted.html': '<a href="/unlisted.html">the build output links everything</a>\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['unlisted.md']);
  });

  it('without a `site.posts` loop or a link, a post is still an orphan; an HTML file without front matter is no page', async () => {
    const root = tempTree({
      '_config.yml': jekyllConfig,
      'index.html': '---\nlayout: default\n---\n<p><a href="/picking-work.html">Picking work</a></p>\n',
      'picking-work.md': guide('Picking work'),
      'notes.html': '<p><a href="/reviews.html">a static file, not a Jekyll page</a></p>\n',
      'reviews.md': guide('Reviews'),
      '_posts/2024-01-02-faq-one.md': '---\nlayout: post\ntitle: First question\n---\n\nThe answer.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['_posts/2024-01-02-faq-one.md', 'reviews.md']);
  });

  it("a layout's header that loops over `site.pages` lists every page with a title", async () => {
    const root = tempTree({
      '_config.yml': jekyllConfig,
      'index.md': '---\nlayout: default\n---\n\n# Guide\n\nWelcome.\n',
      '_includes/header.html': `<nav>
  {% for my_page in site.pages %}{% if my_page.title %}
    <a class="page-link" href="{{ my_page.url | prepend: site.baseurl }}">{{ my_page.title }}</a>
  {% endif %}{% endfor %}
</nav>
`,
      'about.md': '---\nlayout: page\ntitle: About\n---\n\nWho we are.\n',
      'guidelines.md': '# Guidelines\n\nNo title in front matter: not in the header.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['guidelines.md']);
  });

  it("minima's header lists the pages with a title, or only `header_pages` when the config sets it", async () => {
    const pages = {
      'index.md': '---\nlayout: home\n---\n\nWelcome.\n',
      'about.md': '---\nlayout: page\ntitle: About\n---\n\nWho we are.\n',
      'team.md': '---\nlayout: page\ntitle: Team\n---\n\nWho does what.\n',
      'guidelines.md': '# Guidelines\n\nNo title in front matter.\n',
      '_posts/2024-01-02-news.md':
        '---\nlayout: post\ntitle: News\n---\n\nminima’s home layout lists posts.\n',
    };
    const all = tempTree({ ...pages, '_config.yml': `${jekyllConfig}theme: minima\n` });
    expect(await findings([all], 'orphan-page')).toEqual(['guidelines.md']);
    const listed = tempTree({
      ...pages,
      '_config.yml': `${jekyllConfig}theme: minima\nheader_pages:\n  - about.md\n`,
    });
    expect(await findings([listed], 'orphan-page')).toEqual(['guidelines.md', 'team.md']);
  });

  it('a sidebar entry commented out of a VitePress config lists nothing', async () => {
    const root = tempTree({
      'docs/index.md': '# Handbook\n\nSee the sidebar.\n',
      'docs/guide/setup.md': '# Setup\n\nInstall the tools.\n',
      'docs/guide/wip.md': '# Git\n\nConfigure the repository.\n',
      'docs/guide/old.md': '# Old\n\nRetired.\n',
      'docs/.vitepress/config.ts': `import { defineConfig } from 'vitepress'
export default defineConfig({
  themeConfig: {
    nav: [{ text: 'Guide', link: 'https://example.com/guide/' }],
    sidebar: {
      '/guide/': [
        { text: 'Setup', link: '/guide/setup' },
        //     { text: 'Configure git', link: '/guide/wip' },
        /* { text: 'Old', link: '/guide/old' }, */
      ],
    },
  },
})
`,
    });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/guide/old.md', 'docs/guide/wip.md']);
  });

  const placeholders = async (pages: Record<string, string>) =>
    findings([tempTree({ 'README.md': '# Handbook\n\n- [Page](page.md)\n', ...pages })], 'placeholder', true);

  it('a section left TBD under a heading that names the team\'s real content ("## Example Workflow") is reported', async () => {
    const page = `# Onboarding

## Example Workflow

### Development process

Here is an example of how we work: plan, build, review.

### Daily workflow

TBD
`;
    expect(await placeholders({ 'page.md': page })).toEqual(['page.md Unfilled template text "TBD".']);
    // An example's own text is still an example: a slot or a TBD inside a sentence is not reported.
    const example = `# Template

## Example

Owner: [Name]

### Risks

The date is TBD until the vendor answers.
`;
    expect(await placeholders({ 'page.md': example })).toEqual([]);
  });

  it('`(link)` and `<link>` left where a link was to go are reported; a link whose text is "(link)" is not', async () => {
    const page = `# Doing the work

We follow the GitHub flow on every project (link). Branch from main.

Rebase on the main branch <link>. Then push.

- When to run research (link)

Discussed in the chat [(link)](https://chat.example.com/m/1). In this sheet (link), write yes or no.
`;
    expect(await placeholders({ 'page.md': page })).toEqual([
      'page.md Unfilled template text "(link)".',
      'page.md Unfilled template text "(link)".',
      'page.md Unfilled template text "<link>".',
    ]);
  });

  it('a lower-case "tbd" as the value after a label is reported; in a sentence it is prose', async () => {
    const page = `# Definition of done

Our definition of done is a living document, located here: tbd

Reviews are tbd for now, we decide on Friday.
`;
    expect(await placeholders({ 'page.md': page })).toEqual(['page.md Unfilled template text "tbd".']);
  });

  it("a link to the author's local dev server at a page of the handbook is broken for every reader", async () => {
    const root = tempTree({
      'docs/index.md': '# Handbook\n\n- [Setup](setup.md)\n- [Editors](tooling/editors.md)\n',
      'docs/setup.md': `# Setup

Then head over to [Engineering guide: editors](http://localhost:3000/tooling/editors.html) to set up your editor.

Run the site and open [http://localhost:3000](http://localhost:3000) in your browser.
`,
      'docs/tooling/editors.md': '# Editors\n\nUse any.\n',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'docs/setup.md Broken link http://localhost:3000/tooling/editors.html: the address of a local development server, which readers cannot open. Did you mean tooling/editors.md?',
    ]);
  });

  it('the patterns added are safe from catastrophic backtracking', () => {
    const added = [...DEFAULT_PLACEHOLDERS, ...DEFAULT_VALUE_PLACEHOLDERS].filter((p) =>
      /\(\?:link\|Link\|LINK\)|\btbd\b/.test(p),
    );
    // Round 12's three, and the "(tbc)"/"(tbd)" at a line's end of the twenty-second round.
    expect(added).toHaveLength(4);
    for (const source of added) expect(verdict(new RegExp(source, 'u'))).toBe('safe');
    expect(verdict(JEKYLL_LOOP)).toBe('safe');
    expect(verdict(SCRIPT_TOKEN)).toBe('safe');
  }, 60_000);
});
