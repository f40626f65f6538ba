import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { buildPage } from '../../src/normalize/page.js';
import { OCCASION_WORD, PLANNED_WORD } from '../../src/rules/checks/placeholder-values.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const built = (markdown: string) =>
  buildPage(
    { source: 'markdown', id: 'a.md', url: 'a.md', path: 'a.md', file: 'a.md', markdown, fallbackTitle: 'a' },
    classify,
  );

/**
 * What the eighteenth audit's pages and meetings left for the nineteenth round: headings centred with
 * inline HTML, a sub-folder of a VitePress or Docusaurus site linted alone, dates written day-first in
 * European pages, a misspelt owner key used site-wide, and a template's unfilled day. Each page is
 * written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (nineteenth round)', () => {
  const page = (title: string, body: string) => `---\ntitle: ${title}\nowner: ana\n---\n\n${body}\n`;

  it('an ATX heading wrapped in inline HTML has the anchor of its rendered text; a wrong anchor is still broken', async () => {
    const root = tempTree({
      'README.md': page(
        'Handbook',
        [
          '[Topics](#topics-of-this-area) and [Tools](#tools) and [Old](#p-aligncentertopics-of-this-areap).',
          '',
          '### <p align="center">Topics of this area:</p>',
          '',
          'Some topics.',
          '',
          '## <a name="kit"></a>Tools',
          '',
          'See [the kit](#kit).',
        ].join('\n'),
      ),
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      expect.stringMatching(/^README\.md .*p-aligncentertopics-of-this-areap/),
    ]);
  });

  it('a sub-folder of a VitePress site keeps the sidebar above it; a page the sidebar leaves out is still an orphan', async () => {
    const tree = tempTree({
      'docs/.vitepress/config.mts': [
        'export default {',
        '  themeConfig: { sidebar: [',
        "    { text: 'Reviews', link: '/team/process/reviews' },",
        "    { text: 'Releases', link: '/team/process/releases' },",
        "    { text: 'Other', link: '/team/other' },",
        '  ] },',
        '}',
      ].join('\n'),
      'docs/index.md': page('Home', '# Home\n\nWelcome.'),
      'docs/team/other.md': page('Other', '# Other\n\nElse.'),
      'docs/team/process/index.md': page('Process', '# Process\n\nHow we ship.'),
      'docs/team/process/reviews.md': page('Reviews', '# Reviews\n\nTwo approvals.'),
      'docs/team/process/releases.md': page('Releases', '# Releases\n\nOn Tuesdays.'),
      'docs/team/process/drafts.md': page('Drafts', '# Drafts\n\nUnlisted notes.'),
    });
    expect(await findings([join(tree, 'docs/team/process')], 'orphan-page')).toEqual(['drafts.md']);
  });

  it('a sub-folder of a Docusaurus site keeps its sidebars above it; an unlisted page is still an orphan', async () => {
    const tree = tempTree({
      'sidebars.js': "module.exports = { docs: ['intro', 'team/process/reviews'] };\n",
      'docs/intro.md': page('Intro', '# Intro\n\nHello.'),
      'docs/team/process/index.md': page('Process', '# Process\n\nHow we ship.'),
      'docs/team/process/reviews.md': page('Reviews', '# Reviews\n\nTwo approvals.'),
      'docs/team/process/drafts.md': page('Drafts', '# Drafts\n\nUnlisted notes.'),
    });
    expect(await findings([join(tree, 'docs/team/process')], 'orphan-page')).toEqual(['drafts.md']);
  });

  const prose = {
    fr: "Nous avons fait le point sur les tâches de la semaine et sur les risques du projet. Les membres de l'équipe sont d'accord pour une réunion courte; nous avons noté les questions qui sont encore ouvertes et les actions pour la suite, avec leur responsable et une date.",
    es: 'Revisamos las tareas de la semana y también los riesgos del proyecto. Hay acuerdo en el equipo para hacer reuniones cortas cuando sea posible; anotamos las preguntas que siguen abiertas y las acciones que vamos a hacer, con sus responsables y fechas hasta la próxima.',
    de: 'Wir haben die Aufgaben der Woche und die Risiken des Projekts besprochen. Das Team ist sich einig, dass die Treffen kurz sein sollen; wir haben die offenen Fragen und die nächsten Schritte mit den Verantwortlichen notiert, und sie werden auch bei der nächsten Runde geprüft.',
    en: 'We went through the tasks of the week and the risks of the project. The members of the team agreed that the meetings should be short; we wrote down the questions that are still open and the actions that will follow, with their owners and a date for each of them.',
  };

  it.each([
    ['fr', '**Date** : 11/03/2026', '2026-03-11'],
    ['es', '**Fecha:** 05/02/2026', '2026-02-05'],
    ['de', '**Datum:** 04/06/2026', '2026-06-04'],
  ] as const)('a %s page’s numeric date is day first (%s)', (language, line, day) => {
    const p = built(`# Notes\n\n${line}\n\n${prose[language]}\n`);
    expect(p.updatedAt?.toISOString().slice(0, 10)).toBe(day);
  });

  it('an English page’s 03/11/2026 stays month first (11 March)', () => {
    const p = built(`# Notes\n\n**Date:** 03/11/2026\n\n${prose.en}\n`);
    expect(p.updatedAt?.toISOString().slice(0, 10)).toBe('2026-03-11');
  });

  it('a short page of no known language reads 11/03/2026 month first, unless that day is after the file was written', () => {
    const short = (modifiedAt?: Date) =>
      buildPage(
        {
          source: 'markdown',
          id: 'a.md',
          url: 'a.md',
          path: 'a.md',
          file: 'a.md',
          markdown: '# Sync\n\n**Date:** 11/03/2026\n',
          fallbackTitle: 'a',
          ...(modifiedAt ? { modifiedAt } : {}),
        },
        classify,
      )
        .updatedAt?.toISOString()
        .slice(0, 10);
    expect(short()).toBe('2026-11-03');
    expect(short(new Date('2026-12-01'))).toBe('2026-11-03');
    expect(short(new Date('2026-06-01'))).toBe('2026-03-11');
  });

  it('`mantained_by:` and `maintaned_by:` name the owner; a page with no owner key is still reported', async () => {
    const withKey = (key: string, title: string) =>
      `---\ntitle: ${title}\n${key}:\n  - ana\n---\n\n# ${title}\n\nWe review code before merging it.\n`;
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Review](review.md)\n- [Deploy](deploy.md)\n- [Support](support.md)\n',
      'review.md': withKey('mantained_by', 'Review'),
      'deploy.md': withKey('maintaned_by', 'Deploy'),
      'support.md': withKey('reviewed_by', 'Support'),
    });
    expect(await findings([root], 'page-owner')).toEqual(['support.md']);
  });

  it('a day or meeting still to be set ("Date prévue : À définir", "Next meeting: TBD") is a state in every language; an owner or a page review left TBD is not', async () => {
    const notes = (lines: string[]) =>
      `---\nowner: ana\n---\n# Notes 2026-06-10\n\n- We ship on Friday.\n\n${lines.join('\n\n')}\n`;
    const root = tempTree({
      'fr.md': notes(['**Date prévue** : À définir', 'Responsable : à définir']),
      'es.md': notes(['- Próxima reunión: por definir', '- Fecha prevista: A definir']),
      'de.md': notes(['Nächster Termin: TBD']),
      'en.md': notes([
        '- Next meeting: TBD',
        '- Planned date: TBD',
        '- Next steps: TBD',
        '- Owner: TBD',
        '- Next review: TBD',
      ]),
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'en.md Unfilled template text "TBD".',
      'en.md Unfilled template text "TBD".',
      'en.md Unfilled template text "TBD".',
      'fr.md Unfilled template text "à définir".',
    ]);
    expect(verdict(PLANNED_WORD)).toBe('safe');
    expect(verdict(OCCASION_WORD)).toBe('safe');
  });

  it('a template’s unfilled day (`date: 2026-05-XX`) gives no date; an empty link `[link]()` is no broken link', async () => {
    expect(built('---\ndate: 2026-05-XX\n---\n# Notes\n\nText.\n').updatedAt).toBeUndefined();
    const root = tempTree({
      'README.md':
        '---\ndate: 2026-05-XX\nowner: ana\n---\n# Notes\n\nSee [link]() and [the guide](guide.md).\n\nNext on 2026-05-XX.\n',
    });
    expect(await findings([root], 'broken-link')).toEqual(['README.md']);
    expect(await findings([root], 'placeholder')).toEqual(['README.md']);
  });
});
