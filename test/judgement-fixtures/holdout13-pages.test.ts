import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOADER_BASE, MENU_LINK } from '../../src/site-astro.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the thirteenth (hold-out) audit of the handbook-page rules met: an Astro site whose menu is a
 * `src/navigation.ts` module (AstroWind's place for it), a page that is a symbolic link to the
 * repository's CONTRIBUTING.md, and a translated README (`README.fr.md`) beside the folder's README.
 * Each page is written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (thirteenth round)', () => {
  const guide = (title: string) => `# ${title}\n\nHow we do it.\n`;
  const astroConfig =
    "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ site: 'https://example.org' });\n";

  it("an Astro site's `src/navigation.ts` menu reaches the pages it names by id or by `getPermalink` path", async () => {
    const root = tempTree({
      'astro.config.mjs': astroConfig,
      'src/navigation.ts': `import { getPermalink } from './utils/permalinks';

export const navigation = [
  { title: 'Ways of working', pages: [{ title: 'Code review', id: 'process/code-review' }] },
  // { title: 'Drafts', id: 'process/drafts' },
];

export const footerData = {
  links: [{ text: 'Privacy', href: getPermalink('/about/privacy/') }],
  secondaryLinks: [{ text: 'Terms', href: getPermalink('/terms#top') }],
};
`,
      'docs/index.md': '# Team handbook\n\nWelcome.\n',
      'docs/process/code-review.md': guide('Code review'),
      'docs/process/drafts.md': guide('Drafts'),
      'docs/about/privacy.md': guide('Privacy'),
      'src/pages/terms.md': guide('Terms'),
      'docs/unlisted.md': guide('Unlisted'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/process/drafts.md', 'docs/unlisted.md']);
  });

  it("without an Astro config, a `src/navigation.ts` (a Next.js app's menu) reaches nothing", async () => {
    const root = tempTree({
      'src/navigation.ts': "export const links = [{ href: 'process/code-review' }];\n",
      'docs/index.md': '# Team handbook\n\nWelcome.\n',
      'docs/process/code-review.md': guide('Code review'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/process/code-review.md']);
  });

  it('a page that is a symbolic link to a file inside the root is a link target; one to a file outside is not', async () => {
    const outside = tempTree({ 'secret.md': '# Secret\n' });
    const root = tempTree({
      'CONTRIBUTING.md': '# Contributing\n\nOpen a pull request.\n',
      'docs/index.md': '# Handbook\n\n- [Contributing](contributing.md)\n- [Secret](secret.md)\n',
    });
    symlinkSync('../CONTRIBUTING.md', join(root, 'docs', 'contributing.md'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'docs', 'secret.md'));
    expect(await findings([root], 'broken-link', true)).toEqual([
      'docs/index.md Broken link secret.md: no such page.',
    ]);
  });

  it('a link to a file that is no page (in a dot folder) is a page by its own name; a link to a folder is not walked', async () => {
    const root = tempTree({
      '.github/GUIDE.md': '# Guide\n\nHow to contribute.\n',
      'elsewhere/notes.md': '---\nowner: ana\n---\n# Notes\n',
      'docs/index.md': '# Handbook\n\n- [Guide](guide.md)\n- [Notes](more/notes.md)\n',
    });
    symlinkSync('../.github/GUIDE.md', join(root, 'docs', 'guide.md'));
    symlinkSync('../elsewhere', join(root, 'docs', 'more'));
    // docs/guide.md is read (no owner); docs/more/notes.md is not walked, so the link to it is broken.
    expect(await findings([root], 'page-owner')).toEqual(['docs/guide.md']);
    expect(await findings([root], 'broken-link', true)).toEqual([
      'docs/index.md Broken link more/notes.md: no such page.',
    ]);
  });

  it('a translated README or index (`README.fr.md`, `index.pt-BR.md`) is an index, exempt from page-owner as README.md is', async () => {
    const root = tempTree({
      'handbook/README.md': '# Handbook\n\n- [Leave](leave.md)\n- [Français](README.fr.md)\n',
      'handbook/README.fr.md': '# Manuel\n\n- [Congés](leave.md)\n',
      'handbook/index.pt-BR.md': '# Manual\n\n- [Férias](leave.md)\n',
      'handbook/README.draft.md': '# Draft\n\nNot an index.\n',
      'handbook/leave.md': '---\nowner: ana\n---\n# Leave\n\nAsk your lead.\n',
    });
    expect(await findings([root], 'page-owner')).toEqual(['handbook/README.draft.md']);
  });

  it("the Astro reader's pattern for a content loader's folder: safe", () => {
    expect(verdict(LOADER_BASE)).toBe('safe');
  }, 60_000);

  it("the Astro reader's pattern for a menu item's link (review 16): safe", () => {
    expect(verdict(MENU_LINK)).toBe('safe');
  }, 60_000);

  it('a TODO in an HTML comment is a note left only on a page with nothing but headings and comments', async () => {
    const root = tempTree({
      'README.md':
        '# Handbook\n\n- [Assemblies](assemblies.md)\n- [Onboarding](onboarding.md)\n- [Record](record.md)\n',
      'assemblies.md': '# General assemblies\n\n<!-- TODO: one page per assembly -->\n',
      'onboarding.md':
        '# Onboarding\n\n<!-- TODO: add the laptop form -->\n\nAsk IT for a laptop on your first day.\n',
      'record.md': '# Record\n\n## Context\n\n<!-- Describe the forces at play. -->\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'assemblies.md Unfinished note left in the page: "TODO: one page per assembly".',
    ]);
  });
});
