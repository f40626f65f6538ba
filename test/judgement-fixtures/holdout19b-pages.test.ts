import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { useRecheck } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the nineteenth audit's pages left for a second fixer: index pages named language first (a Gatsby i18n
 * site's `en.index.md`) and a handbook's table of contents by another name than SUMMARY.md. Each page is
 * written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (nineteenth round, second fixer)', () => {
  const page = (title: string, body: string) => `---\ntitle: ${title}\nowner: ana\n---\n\n${body}\n`;
  const unowned = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

  it('a locale-first index (en.index.md, fr.README.md) is its folder index; fr.notes.md and an unlinked page are not', async () => {
    const root = tempTree({
      'index.md': page('Docs', '# Docs\n\nWelcome.'),
      'en.index.md': unowned('Home', '# Home\n\nRead [the guide](guide.md).'),
      'fr.index.md': unowned('Accueil', '# Accueil\n\nLisez [le guide](guide.md).'),
      'team/fr.README.md': unowned('Équipe', '# Équipe\n\nLes gens.'),
      'guide.md': page('Guide', '# Guide\n\nSteps.'),
      'fr.notes.md': page('Notes', '# Notes\n\nLoose notes.'),
      'lost.md': page('Lost', '# Lost\n\nNobody links here.'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['fr.notes.md', 'lost.md']);
    expect(await findings([root], 'page-owner')).toEqual([]);
  });

  it('a table of contents by name that lists the pages is a navigation root; a page it leaves out is still an orphan', async () => {
    const root = tempTree({
      'docs/table-of-contents.md': unowned(
        '目次',
        '# 目次\n\n- [Rules](rules/holidays.md)\n- [Tools](tools.md)\n- [Reading](reading.md)',
      ),
      'docs/rules/holidays.md': page('Holidays', '# Holidays\n\nTen days.'),
      'docs/tools.md': page('Tools', '# Tools\n\nEditors.'),
      'docs/reading.md': page('Reading', '# Reading\n\nBooks.'),
      'docs/unlisted.md': page('Unlisted', '# Unlisted\n\nNot in the contents.'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/unlisted.md']);
    expect(await findings([root], 'page-owner')).toEqual([]);
  });

  const engineering = {
    'README.md': page('Company', '# Company\n\nSee [engineering](engineering/README.md).'),
    'engineering/README.md': page('Engineering', '# Engineering\n\nSee [the handbook](handbook/README.md).'),
    'engineering/handbook/README.md': page(
      'Handbook',
      '# Handbook\n\n- [Flow](/engineering/handbook/flow.md)\n- [Gone](/engineering/handbook/gone.md)\n- [Elsewhere](/elsewhere/flow.md)',
    ),
    'engineering/handbook/flow.md': page('Flow', '# Flow\n\nFrom idea to production.'),
    'engineering/handbook/lost.md': page('Lost', '# Lost\n\nNobody links here.'),
  };

  it('a sub-folder run resolves /engineering/... from the folder above when it names the lint root; a missing one is still broken', async () => {
    const root = tempTree(engineering);
    const run = join(root, 'engineering');
    expect(await findings([run], 'broken-link', true)).toEqual([
      expect.stringMatching(/^handbook\/README\.md .*elsewhere\/flow\.md/),
      expect.stringMatching(/^handbook\/README\.md .*gone\.md/),
    ]);
    expect(await findings([run], 'orphan-page')).toEqual(['handbook/lost.md']);
  });

  it('in a checkout with no remote, a root-relative link resolves from the checkout top', async () => {
    const root = tempTree(engineering);
    execFileSync('git', ['init', '-q', root]);
    const run = join(root, 'engineering/handbook');
    expect(await findings([run], 'broken-link', true)).toEqual([
      expect.stringMatching(/^README\.md .*elsewhere\/flow\.md/),
      expect.stringMatching(/^README\.md .*gone\.md/),
    ]);
    expect(await findings([run], 'orphan-page')).toEqual(['lost.md']);
  });

  it('TODO then a lower-case word at an item or line start is a note, as are 【Pending】 and 【削除予定】; TODO lists in prose are not', async () => {
    const root = tempTree({
      'guide.md': page(
        'Guide',
        [
          '# Guide',
          '',
          '## Outils',
          '',
          '- TODO expliquer le gestionnaire de mots de passe',
          '- Le reste est prêt.',
          '',
          'TODO relire la section',
          '',
          '## Règles',
          '',
          '休日の扱い【Pending: 有給と代休の区別】について。',
          '',
          '【削除予定】旧制度の説明です。',
        ].join('\n'),
      ),
      'apps.md': page(
        'Apps',
        '# Apps\n\nWe built a TODO list app for the team.\n\nTODO lists help us plan.\n\n- TODO items sync to the phone.\n\n- TODO app: see the store page.',
      ),
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      expect.stringMatching(/^guide\.md .*TODO expliquer le gestionnaire/),
      expect.stringMatching(/^guide\.md .*TODO relire la section/),
      expect.stringMatching(/^guide\.md .*【Pending: 有給と代休の区別】/),
      expect.stringMatching(/^guide\.md .*【削除予定】/),
    ]);
  });

  it('a "last updated" line in Spanish or French is the page edit date: an old one is stale, a recent one is not', async () => {
    const root = tempTree({
      'preguntas.md': page(
        'Preguntas',
        '# Preguntas\n\nÚltima actualización: 27 de Marzo de 2024\n\nRespuestas.',
      ),
      'questions.md': page('Questions', '# Questions\n\nDernière mise à jour : 3 mars 2026\n\nRéponses.'),
    });
    expect(await findings([root], 'stale-page')).toEqual(['preguntas.md']);
  });
});
