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
});
