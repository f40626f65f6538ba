import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_PLACEHOLDERS } from '../../src/rules/checks/placeholder.js';
import { PLACEHOLDER_BODY } from '../../src/rules/checks/placeholder-values.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

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

  it('a link from the root to a folder outside the site still opens its listing, as on the repository host', async () => {
    const root = tempTree({
      ...docusaurus('documentation'),
      'README.md': '# Repository\n\nThe scripts are in [tools](tools/).\n',
      'tools/setup.md': '# Setup\n\nRun the script.\n',
    });
    expect(await findings([root], 'broken-link', true)).not.toContainEqual(
      expect.stringMatching(/^README\.md /),
    );
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

describe('left20: placeholder pages and "(fill in)" cells', () => {
  it('a page whose whole body is "Placeholder." or a quoted "> Platzhalter" is unfilled', async () => {
    const root = tempTree({
      'README.md':
        '# Handbook\n\n- [Goals](goals.md)\n- [Milestones](milestones.md)\n- [Espace](espace.md)\n',
      'goals.md': '# Goals\n\nPlaceholder.\n',
      'milestones.md': '# Milestones\n\n> Platzhalter\n',
      'espace.md': '# Espace\n\n## Contexte\n\nEspace réservé\n\n## Suite\n\nLe texte de la suite.\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'espace.md Unfilled template text "Espace réservé".',
      'goals.md Unfilled template text "Placeholder.".',
      'milestones.md Unfilled template text "Platzhalter".',
    ]);
  });

  it('the word in prose, or beside other text in its section, is no placeholder', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Forms](forms.md)\n',
      'forms.md':
        '# Forms\n\nWhile the field is empty, a placeholder text is shown.\n\n## Fields\n\n> Placeholder\n\nThe grey hint inside an empty field.\n\n| Property | Meaning |\n| --- | --- |\n| Placeholder | The hint shown |\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([]);
  });

  it('"(fill in)", "(à compléter)" and "(ausfüllen)" as a value are unfilled; "(fill in the form first)" is an instruction', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Contacts](contacts.md)\n',
      'contacts.md':
        '# Contacts\n\n| Topic | Who |\n| --- | --- |\n| HR questions | (fill in) |\n| Paie | (à compléter) |\n| Urlaub | (ausfüllen) |\n\nAsk HR for leave (fill in the form first).\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'contacts.md Unfilled template text "(ausfüllen)".',
      'contacts.md Unfilled template text "(fill in)".',
      'contacts.md Unfilled template text "(à compléter)".',
    ]);
  });

  it('the two patterns are linear', () => {
    const fillIn = DEFAULT_PLACEHOLDERS.find((source) => source.includes('usf'));
    expect(fillIn).toBeDefined();
    expect(verdict(new RegExp(fillIn ?? ''))).toBe('safe');
    expect(verdict(new RegExp(PLACEHOLDER_BODY, 'i'))).toBe('safe');
  });
});

describe("left20: notes of unfinished work as a title, a heading or a section's whole text", () => {
  const handbook = (pages: Record<string, string>) =>
    tempTree({
      'README.md': `# Handbook\n\n${Object.keys(pages)
        .map((file) => `- [${file}](${file})`)
        .join('\n')}\n`,
      ...pages,
    });

  it('an admonition titled "TODO for …" is a note; one titled otherwise is not', async () => {
    const root = handbook({
      'setup.md':
        '# Setup\n\n!!! info "TODO for the maintainer"\n    Write the real steps here.\n\n!!! tip "Ask a teammate"\n    They know the VPN.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'setup.md Unfinished note left in the page: ""TODO for the maintainer"".',
    ]);
  });

  it('"coming soon", "bientôt disponible", "à venir", "demnächst", "em breve" as a whole page or section are notes', async () => {
    const root = handbook({
      'tools.md': '# Outils\n\nBientôt disponible !\n',
      'steps.md': '# Étapes\n\n## Démarches\n\n- À venir...\n\n## Ressources\n\nLe guide des outils.\n',
      'soon.md':
        '# Soon\n\n## Laptops\n\nComing soon.\n\n## Phones\n\n> Demnächst\n\n## Cartões\n\nEm breve\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'soon.md Unfinished note left in the page: "Coming soon.".',
      'soon.md Unfinished note left in the page: "Demnächst".',
      'soon.md Unfinished note left in the page: "Em breve".',
      'steps.md Unfinished note left in the page: "À venir...".',
      'tools.md Unfinished note left in the page: "Bientôt disponible !".',
    ]);
  });

  it('"coming soon" in running prose, or beside other items, is no note', async () => {
    const root = handbook({
      'cinema.md':
        '# Cinema night\n\nComing soon to a theatre near you: our team film.\n\n## Plans\n\n- À venir : la sortie d’été.\n- Le repas de fin d’année.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([]);
  });

  it('a "## TODO" heading over a list of work is a note', async () => {
    const root = handbook({
      'site.md':
        '# Site\n\nHow the site is built.\n\n## TODO\n\n- Replace the mock screenshot with a real one.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'site.md Unfinished note left in the page: "TODO".',
    ]);
  });

  it('a "## TODO" heading in a to-do app\'s docs (over prose) or on a board (with "## Done") is no note', async () => {
    const root = handbook({
      'app.md':
        '# The task app\n\n## TODO\n\nThe TODO view lists every task not yet done, newest first.\n\n## Reminders\n\nSent by email.\n',
      'board.md': '# Board\n\n## TODO\n\n- Move the DNS.\n\n## Done\n\n- Rotate the keys.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([]);
  });

  it('the admonition and whole-section patterns are linear', () => {
    const rule = parse(readFileSync(new URL('../../rules/todo-note.yml', import.meta.url), 'utf8')) as {
      patterns: string[];
      'section-patterns': string[];
    };
    const admonition = rule.patterns.find((source) => source.includes('!!!'));
    expect(admonition).toBeDefined();
    expect(verdict(new RegExp(admonition ?? ''))).toBe('safe');
    for (const source of rule['section-patterns']) expect(verdict(new RegExp(source, 'i'))).toBe('safe');
  });
});
