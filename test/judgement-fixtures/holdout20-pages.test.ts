import { describe, expect, it } from 'vitest';
import { ATTR_LIST_ID } from '../../src/normalize/links.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * Round 20 page labels: a Docusaurus sidebar naming docs in a folder with an accented name, and MkDocs
 * attr_list ids (`{ #id }`) as anchors. Each page is written for the test.
 */
describe('holdout20: pages (accented sidebar ids, attr_list anchors)', () => {
  const docusaurus = (folder: string, sidebarId: string) => ({
    'sidebars.js': `module.exports = {\n  main: [\n    'intro',\n    '${sidebarId}/bienvenue',\n    '${sidebarId}/outils/courriel',\n  ],\n};\n`,
    'docs/intro.md': '# Intro\n\nWelcome.\n',
    [`docs/${folder}/bienvenue.md`]: '# Bienvenue\n\nYour first day.\n',
    [`docs/${folder}/outils/courriel.md`]: '# Courriel\n\nHow to read mail.\n',
    [`docs/${folder}/outils/agenda.md`]: '# Agenda\n\nNot in the sidebar.\n',
  });

  it('a sidebar id with an accented folder (`équipe/bienvenue`) lists its doc: only the unlisted page is an orphan', async () => {
    const root = tempTree(docusaurus('équipe', 'équipe'));
    expect(await findings([root], 'orphan-page')).toEqual(['docs/équipe/outils/agenda.md']);
  });

  it('the file name and the sidebar text in different Unicode forms (NFD on disk, NFC in the sidebar) still match', async () => {
    const root = tempTree(docusaurus('équipe'.normalize('NFD'), 'équipe'.normalize('NFC')));
    const orphans = (await findings([root], 'orphan-page')).map((file) => file.normalize('NFC'));
    expect(orphans).toEqual(['docs/équipe/outils/agenda.md']);
  });

  it('a sidebar id that names no doc (`equipe/…` without the accent) leaves the accented pages orphans', async () => {
    const root = tempTree(docusaurus('équipe', 'equipe'));
    expect(await findings([root], 'orphan-page')).toEqual([
      'docs/équipe/bienvenue.md',
      'docs/équipe/outils/agenda.md',
      'docs/équipe/outils/courriel.md',
    ]);
  });

  const mkdocs = (page: string) => ({
    'mkdocs.yml': 'site_name: Handbook\nnav:\n  - index.md\n  - types.md\n',
    'docs/index.md': '# Handbook\n\nSee [types](types.md).\n',
    'docs/types.md': page,
  });

  it('an attr_list id after a link (`[x](#type:note){ #type:note }`) is an anchor of its page', async () => {
    const root = tempTree(
      mkdocs(
        '# Types\n\n[`note`](#type:note){ #type:note }\n\n:   A plain note.\n\n[`tip`](#type:tip){: #type:tip .lead }\n\n:   A hint.\n',
      ),
    );
    expect(await findings([root], 'broken-link', true)).toEqual([]);
  });

  it('an attr_list id on a heading (`## Leave { #time-off }` or `{: #… }`) is an anchor of its page', async () => {
    const root = tempTree(
      mkdocs(
        '# Types\n\n## Leave { #time-off }\n\n## Pay {: #salary .wide }\n\nSee [time off](#time-off) and [salary](#salary).\n',
      ),
    );
    expect(await findings([root], 'broken-link', true)).toEqual([]);
  });

  it('a link to an id that no attr_list, heading or tag gives is still broken', async () => {
    const root = tempTree(
      mkdocs('# Types\n\n[`note`](#type:note){ #type:note }\n\nSee [warning](#type:warning).\n'),
    );
    const found = await findings([root], 'broken-link', true);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^docs\/types\.md .*#type:warning/);
  });

  it('the attr_list pattern is linear', () => {
    expect(verdict(ATTR_LIST_ID)).toBe('safe');
  });
});
