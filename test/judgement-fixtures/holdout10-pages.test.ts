import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * What the tenth (hold-out) audit of the handbook-page rules met: a VuePress handbook whose sidebar
 * lists its pages, a VitePress site kept in the repository's `docs/` folder, and a Jekyll handbook
 * whose home page links its chapters by their `permalink:`. Each page is written for the test; none
 * is copied.
 */
describe('judgement fixtures: hold-out handbook pages (tenth round)', () => {
  it("reads a VuePress 1 sidebar (`'/Page.html'` pairs in groups) in docs/.vuepress/config.js", async () => {
    const root = tempTree({
      'README.md': '# Team handbook\n\nThe site is in docs/.\n',
      'docs/README.md': '# Handbook\n\nStart in the sidebar.\n',
      'docs/Laptop.md': '# Laptop\n\nSet it up.\n',
      'docs/code-review.md': '# Code review\n\nTwo approvals.\n',
      'docs/Chat.md': '# Chat\n\nWe use one channel per team.\n',
      'docs/forgotten.md': '# Forgotten\n\nNo sidebar entry, no link.\n',
      'docs/.vuepress/config.js': `module.exports = {
  base: "/team-handbook/",
  themeConfig: {
    // sidebar: ["/forgotten.html"],
    sidebar: [
      "/",
      { title: "Setup", collapsable: false, children: [["/Laptop.html", "Your laptop"]] },
      { title: "Work", children: [["/team-handbook/code-review.html", "Reviews"], "/Chat"] },
    ],
  },
};
`,
    });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/forgotten.md']);
  });

  it("reads a VuePress 2 sidebar keyed by folder (`''` its README, relative names) and its navbar", async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\nWelcome.\n',
      'guide/README.md': '# Guide\n\nThe guide.\n',
      'guide/setup.md': '# Setup\n\nInstall.\n',
      'guide/deploy.md': '# Deploy\n\nShip it.\n',
      'about.md': '# About\n\nWho we are.\n',
      'stray.md': '# Stray\n\nListed nowhere.\n',
      '.vuepress/config.ts': `import { defineUserConfig } from 'vuepress'
import { defaultTheme } from '@vuepress/theme-default'
export default defineUserConfig({
  theme: defaultTheme({
    navbar: [{ text: 'About', link: '/about.md' }],
    sidebar: {
      '/guide/': [{ text: 'Guide', children: ['', 'setup.md', 'deploy'] }],
    },
  }),
})
`,
    });
    expect(await findings([root], 'orphan-page')).toEqual(['stray.md']);
  });

  it('reads a VitePress config kept in the docs/ folder when the repository is linted', async () => {
    const root = tempTree({
      'README.md': '# Handbook repository\n\nThe site is built from docs/.\n',
      'docs/index.md': '# Handbook\n\nSee the sidebar.\n',
      'docs/leave.md': '# Leave\n\nAsk two weeks ahead.\n',
      'docs/payment.md': '# Payment\n\nPaid monthly.\n',
      'docs/old-draft.md': '# Old draft\n\nNot in the sidebar.\n',
      'docs/.vitepress/config.mts': `import { defineConfig } from 'vitepress'
export default defineConfig({
  themeConfig: {
    sidebar: [{ text: 'Policies', items: [{ text: 'Leave', link: '/leave' }, { text: 'Payment', link: '/payment' }] }],
  },
})
`,
    });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/old-draft.md']);
  });

  it("resolves a link to a Jekyll page's `permalink:` in a collection the config publishes", async () => {
    const chapter = (title: string, permalink: string) =>
      `---\nlayout: page\ntitle: ${title}\npermalink: ${permalink}\n---\n\n# ${title}\n\nText.\n`;
    const root = tempTree({
      '_config.yml': 'title: Handbook\ncollections:\n  chapters:\n    output: true\n',
      'index.md':
        '---\nlayout: page\ntitle: Handbook\n---\n\n- [Welcome](/welcome.html)\n- [Benefits](/benefits/)\n- [Gone](/gone.html)\n- [Draft](/draft.html)\n',
      '_chapters/01_welcome.md': chapter('Welcome', '/welcome.html'),
      '_chapters/02_benefits.md': chapter('Benefits', '/benefits/'),
      // A folder the config neither publishes as a collection nor includes: Jekyll builds nothing of it.
      '_drafts-old/draft.md': chapter('Draft', '/draft.html'),
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'index.md Broken link /draft.html: no such page.',
      'index.md Broken link /gone.html: no such page.',
    ]);
  });

  it("resolves a Jekyll `permalink:` of a folder the config's `include:` publishes, and of an ordinary page", async () => {
    const root = tempTree({
      '_config.yml': 'title: Handbook\ninclude:\n  - _pages\n',
      'index.md': '# Handbook\n\n[Travel](/travel/) and [contact](/contact.html).\n',
      '_pages/travel.md': '---\ntitle: Travel\npermalink: /travel/\n---\n\n# Travel\n',
      'misc/contact-us.md': '---\ntitle: Contact\npermalink: /contact.html\n---\n\n# Contact\n',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([]);
  });

  it('finds a lower-case `tbd` that stands as a whole section, not one in a sentence or a list', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Style](style.md)\n',
      'style.md':
        '# Style guide\n\nHow we write.\n\n## Tone of voice\n\ntbd\n\n## Spelling\n\nThe date format is tbd with legal.\n\n## Glossary\n\n- API\n- tbd\n\n## Headings\n\nSentence case.\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual(['style.md Unfilled template text "tbd".']);
  });
});
