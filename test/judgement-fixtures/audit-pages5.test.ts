import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * Patterns the fifth out-of-sample audit of the handbook-page rules met: MDX handbooks (a Gatsby site
 * and a Nextra site) whose pages link each other extension-less (`/guides/deploy` for `deploy.mdx`) and
 * whose folders have an `index.mdx`, Nextra's sidebar, which lists every page of the page tree (`_meta`
 * files only order, rename or hide them), and a VitePress sidebar, which lists the pages its config
 * links. Each page is written for the test; none is copied.
 */

const MDX_CONFIG = 'sources:\n  markdown:\n    root: content\n    include: ["**/*.md", "**/*.mdx"]\n';

describe('judgement fixtures: audited handbook pages (fifth round)', () => {
  it('follows an extension-less link to an .mdx page and its heading, reads index.mdx as its folder index, and still reports a link to no page', async () => {
    const root = tempTree({
      'handbook-lint.yml': MDX_CONFIG,
      'content/index.mdx': '# Handbook\n\n- [Guides](/guides)\n',
      // A section index written for the generator: title in front matter, its pages listed by the site.
      'content/guides/index.mdx': '---\ntitle: Guides\n---\n\nHow we ship.\n',
      'content/guides/deploy.mdx':
        '---\ntitle: Deploy\n---\n\n## Rollback\n\nRoll back first. See [backups](/guides/backups#daily) and [the runbook](/guides/runbook).\n',
      'content/guides/backups.mdx':
        '---\ntitle: Backups\n---\n\n## Daily\n\nBack up daily. [Deploys](/guides/deploy#rollback).\n',
    });
    const args = ['-c', join(root, 'handbook-lint.yml')];
    expect(await findings(args, 'broken-link', true)).toEqual([
      'guides/deploy.mdx Broken link /guides/runbook: no such page.',
    ]);
    expect(await findings(args, 'orphan-page')).toEqual([]);
  }, 60_000);

  it('keeps an .mdx page no index, link or navigation reaches an orphan', async () => {
    const root = tempTree({
      'handbook-lint.yml': MDX_CONFIG,
      'content/index.mdx': '# Handbook\n\n- [Deploy](/deploy)\n',
      'content/deploy.mdx': '# Deploy\n\nShip on Tuesdays.\n',
      'content/backups.mdx': '# Backups\n\nBack up daily.\n',
    });
    expect(await findings(['-c', join(root, 'handbook-lint.yml')], 'orphan-page')).toEqual(['backups.mdx']);
  }, 60_000);

  it("takes Nextra's sidebar as listing every page of the tree but the ones a _meta file hides", async () => {
    const root = tempTree({
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: pages\n    include: ["**/*.md", "**/*.mdx"]\n',
      'pages/handbook/_meta.tsx': 'export default {\n  index: "Overview",\n  chapters: "Chapters",\n};\n',
      'pages/handbook/index.mdx':
        'import { ChapterIndex } from "@/components/ChapterIndex";\n\n# Handbook\n\n<ChapterIndex />\n',
      'pages/handbook/chapters/_meta.ts':
        'export default {\n  mission: {},\n  story: {},\n  draft: { display: "hidden" },\n};\n',
      'pages/handbook/chapters/mission.mdx': '# Mission\n\nWhy we exist.\n',
      'pages/handbook/chapters/story.mdx': '# Story\n\nHow we got here.\n',
      // Not named in _meta: Nextra still lists it, after the named ones.
      'pages/handbook/chapters/team.mdx': '# Team\n\nWho we are.\n',
      'pages/handbook/chapters/draft.mdx': '# Draft\n\nNot ready.\n',
    });
    expect(await findings(['-c', join(root, 'handbook-lint.yml')], 'orphan-page')).toEqual([
      'handbook/chapters/draft.mdx',
    ]);
  }, 60_000);

  it("does not take Rspress' _meta.json (an array: the sidebar it lists), or a _meta file among code, for Nextra's", async () => {
    const root = tempTree({
      'index.md': '# Handbook\n\nWelcome.\n',
      'guides/_meta.json': '["deploy"]\n',
      'guides/deploy.md': '# Deploy\n\nShip on Tuesdays.\n',
      'tools/_meta.ts': 'export const meta = { name: "tools" };\n',
      'tools/build.ts': 'export const build = () => 1;\n',
      'tools/notes/release.md': '# Release\n\nTag and push.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['guides/deploy.md', 'tools/notes/release.md']);
  }, 60_000);

  it('takes the pages a VitePress config links (in a sidebar file it imports) as listed, and no others', async () => {
    const root = tempTree({
      '.vitepress/config.mts':
        'import { defineConfig } from "vitepress";\nimport sidebar from "./sidebar";\n\nexport default defineConfig({\n  themeConfig: {\n    nav: [{ text: "Guides", link: "/guide/" }],\n    sidebar,\n    socialLinks: [{ icon: "github", link: "https://github.com/acme/handbook" }],\n  },\n});\n',
      '.vitepress/sidebar.ts':
        'export default {\n  "/guide/": [{ text: "Ops", items: [{ text: "Deploy", link: "/guide/deploy" }] }],\n};\n',
      'index.md': '---\nlayout: home\n---\n',
      'guide/index.md': 'Guides for the team.\n',
      'guide/deploy.md': '# Deploy\n\nShip on Tuesdays.\n',
      'guide/backups.md': '# Backups\n\nBack up daily.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['guide/backups.md']);
  }, 60_000);

  it('takes a VitePress sidebar generated from the folders as listing every page', async () => {
    const root = tempTree({
      '.vitepress/config.ts':
        'import { withSidebar } from "vitepress-sidebar";\n\nexport default withSidebar({ title: "Handbook" }, { documentRootPath: "/" });\n',
      'index.md': '# Handbook\n\nWelcome.\n',
      'guide/deploy.md': '# Deploy\n\nShip on Tuesdays.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual([]);
  }, 60_000);
});
