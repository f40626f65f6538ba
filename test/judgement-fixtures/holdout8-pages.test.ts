import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * Patterns the eighth (hold-out) audit of the handbook-page rules met: an Astro Starlight handbook whose
 * sidebar is in `astro.config.mjs`. Each page is written for the test; none is copied.
 */

const page = (title: string) => `# ${title}\n\nWhat the team agreed on ${title.toLowerCase()}.\n`;

describe('judgement fixtures: hold-out handbook pages (eighth round)', () => {
  it("takes the pages Starlight's sidebar generates or names as reached, and leaves the others orphans", async () => {
    const root = tempTree({
      'astro.config.mjs': [
        "import { defineConfig } from 'astro/config';",
        "import starlight from '@astrojs/starlight';",
        'export default defineConfig({',
        "  base: '/handbook/',",
        '  integrations: [',
        '    starlight({',
        "      title: 'Handbook',",
        '      sidebar: [',
        "        { label: 'Guidelines', autogenerate: { directory: 'guidelines' } },",
        "        { label: 'Tools', items: [{ label: 'Tools', slug: 'tools' }, 'how-to/snippets', { label: 'On call', link: '/handbook/on-call/' }] },",
        "        // { label: 'Old', slug: 'old-process' },",
        '      ],',
        '    }),',
        '  ],',
        '});',
        '',
      ].join('\n'),
      'src/content/docs/guidelines/frontend.md': page('Frontend'),
      'src/content/docs/guidelines/backend.md': page('Backend'),
      'src/content/docs/tools.md': page('Tools'),
      'src/content/docs/how-to/snippets.md': page('Snippets'),
      'src/content/docs/on-call/index.md': page('On call'),
      'src/content/docs/old-process.md': page('Old process'),
      'src/content/docs/drafts-idea.md': page('Idea'),
    });
    expect((await findings([root], 'orphan-page')).sort()).toEqual([
      'src/content/docs/drafts-idea.md',
      'src/content/docs/old-process.md',
    ]);
  }, 60_000);

  it('takes every page as reached when the Starlight config has no sidebar: it is generated', async () => {
    const root = tempTree({
      'astro.config.ts':
        "import starlight from '@astrojs/starlight';\nexport default { integrations: [starlight({ title: 'H' })] };\n",
      'src/content/docs/a.md': page('A'),
      'src/content/docs/b/c.md': page('C'),
    });
    expect(await findings([root], 'orphan-page')).toEqual([]);
  }, 60_000);

  it('takes the community files GitHub links from every repository page as reached', async () => {
    const root = tempTree({
      'README.md': page('Handbook'),
      'CONTRIBUTING.md': page('Contributing'),
      'docs/SECURITY.md': page('Security policy'),
      'team/CONTRIBUTING.md': page('Team notes on contributing'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['team/CONTRIBUTING.md']);
  }, 60_000);
});
