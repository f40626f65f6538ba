import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * What round 20's page labels left: a Docusaurus site one folder below the linted root. Each page is
 * written for the test.
 */
describe('left20: a site generator one folder below the linted root', () => {
  const docusaurus = (folder: string) => ({
    'README.md': '# Repository\n\nThe documentation site lives in its own folder.\n',
    [`${folder}/sidebars.js`]:
      "module.exports = {\n  main: ['intro', 'flows/leaving', 'forms/leaving-form'],\n};\n",
    [`${folder}/docs/intro.md`]: '# Intro\n\nWelcome to the team.\n',
    [`${folder}/docs/flows/leaving.md`]: '# Leaving\n\nWhat happens on the last day.\n',
    [`${folder}/docs/forms/leaving-form.md`]:
      '# Leaving form\n\nThe steps are in [the flow](/docs/flows/leaving) and [the old flow](/docs/flows/gone).\n',
    [`${folder}/docs/old-structure.md`]: '# Old structure\n\nNot in the sidebar, linked by no page.\n',
  });

  it('the sidebar of a Docusaurus project in `documentation/` lists its docs: only the unlisted doc is an orphan', async () => {
    const root = tempTree(docusaurus('documentation'));
    expect(await findings([root], 'orphan-page')).toEqual(['documentation/docs/old-structure.md']);
  });

  it('a `/docs/<id>` route resolves against that folder; one to a doc that does not exist is still broken', async () => {
    const root = tempTree(docusaurus('documentation'));
    const broken = await findings([root], 'broken-link', true);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^documentation\/docs\/forms\/leaving-form\.md .*flows\/gone/);
  });

  it('an MkDocs project in a folder of the root is read the same way', async () => {
    const root = tempTree({
      'handbook/mkdocs.yml': 'site_name: Handbook\nnav:\n  - Home: index.md\n  - Leave: leave.md\n',
      'handbook/docs/index.md': '# Handbook\n\nThe company handbook.\n',
      'handbook/docs/leave.md': '# Leave\n\nHow to ask for time off.\n',
      'handbook/docs/draft.md': '# Draft\n\nListed nowhere.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['handbook/docs/draft.md']);
  });

  it('two sites in folders of the root: neither is taken for the handbook (every unlinked doc stays an orphan)', async () => {
    const root = tempTree({
      ...docusaurus('documentation'),
      'website/mkdocs.yml': 'site_name: Other\nnav:\n  - Other: other.md\n',
      'website/docs/other.md': '# Other site\n\nSomething else.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual([
      'documentation/docs/flows/leaving.md',
      'documentation/docs/forms/leaving-form.md',
      'documentation/docs/intro.md',
      'documentation/docs/old-structure.md',
      'website/docs/other.md',
    ]);
  });

  it('a root with a generator of its own does not read a site in one of its folders', async () => {
    const root = tempTree({
      ...docusaurus('documentation'),
      'mkdocs.yml': 'site_name: Root\nnav:\n  - Home: index.md\n',
      'index.md': '# Root\n\nThe root site.\n',
    });
    expect(await findings([root], 'orphan-page')).toContain('documentation/docs/intro.md');
  });
});
