import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { useRecheck } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * Round 23 page labels: root-absolute links of a VitePress site whose config moves the pages into a
 * `srcDir`. Each page is written for the test.
 */

describe('holdout23: VitePress serves `srcDir` at the site root', () => {
  const site = (config: string) => ({
    '.vitepress/config.mjs': config,
    'index.md': '# Home\n\nSee [the guide](/guide/intro).\n',
    'handbook/guide/intro.md':
      '# Intro\n\nRead [the tools](/tools/editors), [the rules](/rules/access.html#passwords) and [the plan](/guide/roadmap).\n',
    'handbook/tools/editors.md': '# Editors\n\nBack to [the intro](/guide/intro).\n',
    'handbook/rules/access.md': '# Access\n\n## Passwords\n\nLong ones.\n',
  });

  for (const name of ['config.mjs', 'config.ts']) {
    it(`from the repository root, a root-absolute link is read from the \`srcDir\` of .vitepress/${name}`, async () => {
      const tree = site("export default { srcDir: './handbook', title: 'Handbook' };\n");
      if (name !== 'config.mjs') {
        tree[`.vitepress/${name}` as '.vitepress/config.mjs'] = tree['.vitepress/config.mjs'];
        delete (tree as Record<string, string>)['.vitepress/config.mjs'];
      }
      const broken = await findings([tempTree(tree)], 'broken-link', true);
      // The page that is not in srcDir stays reported; those in it are found, by `.html` and anchor too.
      expect(broken).toHaveLength(1);
      expect(broken[0]).toMatch(/^handbook\/guide\/intro\.md .*guide\/roadmap/);
    });
  }

  it('without `srcDir` the same links are read from the project folder and reported', async () => {
    const broken = await findings([tempTree(site("export default { title: 'Handbook' };\n"))], 'broken-link');
    expect(broken.length).toBeGreaterThanOrEqual(4);
  });
});

describe('holdout23: German and Japanese owner labels', () => {
  const handbook = (label: string) =>
    tempTree({
      'README.md': '# Handbuch\n\n- [Regeln](regeln.md)\n- [Reisen](reisen.md)\n- [Urlaub](urlaub.md)\n',
      'regeln.md': `# Verhaltensregeln\n\n- **${label}:** Jana Beispiel\n- **Gültig ab:** 1. März 2024\n\nWir gehen freundlich miteinander um.\n`,
      'reisen.md': '# Reisen\n\n**Owner:** Team Büro\n\nReisen werden vorher beantragt.\n',
      'urlaub.md': '# Urlaub\n\n**Owner:** Team Personal\n\nUrlaub wird im Kalender eingetragen.\n',
    });

  for (const label of [
    'Verantwortlich',
    'Verantwortlicher',
    'Richtlinienverantwortlicher',
    'Seitenverantwortliche',
    'Dokumentverantwortlicher',
  ])
    it(`"${label}:" names the page's owner`, async () => {
      expect(await findings([handbook(label)], 'page-owner')).toEqual([]);
    });

  it('a contact ("Ansprechpartner:") is no owner: the page is still reported', async () => {
    expect(await findings([handbook('Ansprechpartner')], 'page-owner')).toEqual(['regeln.md']);
  });

  for (const label of ['メンテナー', '責任者'])
    it(`"**${label}**:" names a Japanese page's owner`, async () => {
      const root = tempTree({
        'README.md': '# ガイド\n\n- [手順](steps.md)\n- [規約](rules.md)\n',
        'steps.md': `# 手順\n\n**${label}**: 開発推進チーム\n\n作業の前に手順を読んでください。\n`,
        'rules.md': '# 規約\n\n作業の前に規約を読んでください。\n',
      });
      expect(await findings([root], 'page-owner')).toEqual(['rules.md']);
    });
});

describe('holdout23: German "to be written" notes and "(tbd.)"', () => {
  const page = (body: string) =>
    tempTree({
      'werkzeuge.md': `# Werkzeuge\n\n## Chat\n\nWir schreiben im Chat.\n\n## Versionen\n\n${body}\n`,
    });

  for (const body of [
    'folgt demnächst',
    'Kommt bald!',
    'folgt später.',
    'Muss noch ergänzt werden.',
    'wird noch geschrieben werden',
    'Noch zu ergänzen.',
    '- noch zu ergänzen',
  ])
    it(`"${body}" as a section's whole text is an unfinished note`, async () => {
      expect(await findings([page(body)], 'todo-note')).toEqual(['werkzeuge.md']);
    });

  it('"(tbd.)" in a sentence is its author\'s note', async () => {
    const root = page('Nach drei bis sechs Monaten (tbd.) fragen wir nach.');
    expect(await findings([root], 'todo-note')).toEqual(['werkzeuge.md']);
  });

  for (const body of [
    'Wir treffen uns demnächst und besprechen die Versionen.',
    'Das Update folgt demnächst in einer eigenen Mail, die Liste muss noch ergänzt werden.',
    'Was noch zu ergänzen ist, steht im Ticket.',
  ])
    it(`"${body}" in a sentence is prose`, async () => {
      expect(await findings([page(body)], 'todo-note')).toEqual([]);
    });

  it('"TBD" as a decision table\'s value is no author\'s note', async () => {
    const root = page('| Option | Kosten |\n| --- | --- |\n| Server | TBD |\n| Cloud | 20 € |');
    expect(await findings([root], 'todo-note')).toEqual([]);
  });
});
