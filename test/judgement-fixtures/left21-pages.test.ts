import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { useRecheck } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

const unfilled = (file: string, text: string) => `${file} Unfilled template text "${text}".`;

/** What round 21's page labels left. Each page is written for the test. */
describe('left21: X-style blanks', () => {
  it('X values of fields, cells, times, amounts and handles are unfilled', async () => {
    const root = tempTree({
      'README.md': [
        '# Engineering',
        '',
        '## Guilds',
        '',
        '### Security Guild',
        '',
        '**Status**: Active',
        '**Lead**: XX',
        '**Meetings**: Every Tuesday at X:XXPM CET',
        '',
        '### Docs Guild',
        '',
        '**Meetings**: Every other Friday at XPM CET',
        '',
        '## Managers',
        '',
        '| Name | Role | GitHub |',
        '| --- | --- | --- |',
        '| XXX | Director | [@xxx](https://github.com/xxx) |',
        '',
        '## Learning',
        '',
        'Each engineer has a learning budget of XXX$ USD a year, and XX% of it may go to conferences.',
        '',
      ].join('\n'),
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      unfilled('README.md', '@xxx'),
      unfilled('README.md', 'X:XXPM'),
      unfilled('README.md', 'XPM'),
      unfilled('README.md', 'XX'),
      unfilled('README.md', 'XX%'),
      unfilled('README.md', 'XXX'),
      unfilled('README.md', 'XXX$'),
    ]);
  });

  it('words with X, Roman numerals and X as a variable stay silent', async () => {
    const root = tempTree({
      'README.md': [
        '# Shop',
        '',
        'Shirts come in sizes M, XL and XXL. Certificates use X.509; the Xbox team sits on floor 3.',
        '',
        'The rule dates from the XX century. Read Part XX of the guide, then pick a value X between 1 and 10.',
        '',
        '## XX',
        '',
        'The twentieth chapter.',
        '',
        '| Part | Title |',
        '| --- | --- |',
        '| XIX | Leaving |',
        '| XX | Returning |',
        '',
        'Run `report --owner XXX` to list them.',
        '',
        'Meetings start at 3:30PM, and the budget grew 12%.',
        '',
        '- Public channels for the guild: guild-XXX',
        '',
      ].join('\n'),
    });
    expect(await findings([root], 'placeholder', true)).toEqual([]);
  });
});

describe('left21: braces, French "to be written" sections and "(needs link)"', () => {
  it('a braced slot in prose and a French "À compléter" section are unfilled', async () => {
    const root = tempTree({
      'README.md':
        '# Decisions\n\nThis folder holds the decision records for {project name}, kept by {Team}.\n\n- [Contexte](contexte.md)\n',
      'contexte.md':
        '# Contexte\n\n## Historique\n\nÀ compléter\n\n## Suite\n\nA créer.\n\n## Fin\n\nLe texte.\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      unfilled('README.md', '{Team}'),
      unfilled('README.md', '{project name}'),
      unfilled('contexte.md', 'A créer.'),
      unfilled('contexte.md', 'À compléter'),
    ]);
  });

  it('braces in code, routes, names, Liquid, MDX and LaTeX, and "à compléter" in a sentence, stay silent', async () => {
    const root = tempTree({
      'README.md': [
        '# API',
        '',
        'Call `GET /users/{id}` or open /teams/{team} in the browser; channels are named gcp-{team-name}.',
        '',
        'The title is {{ page.title }} and {% if page.owner %}set{% endif %}. In MDX, {props.title} and {title} render.',
        '',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, written as on the page
        'The formula is $\\text{Team} = \\frac{a}{b}$, written ${NAME} in the shell.',
        '',
        'Add {Add,Sub,Mul}{,Assign} to the saturating types.',
        '',
        '```',
        'route: /projects/{project name}',
        '```',
        '',
        '## Suite',
        '',
        'Le formulaire est à compléter avant lundi.',
        '',
      ].join('\n'),
    });
    expect(await findings([root], 'placeholder', true)).toEqual([]);
  });

  it('a link noted as missing in parentheses is a to-do; one said not to be needed is not', async () => {
    const root = tempTree({
      'README.md': [
        '# Incidents',
        '',
        'The postmortem is closed at the **Weekly Triage** (needs link) meeting.',
        '',
        'Le calendrier est publié (lien à ajouter) chaque mois.',
        '',
        'The VPN is internal (no link needed) and always on.',
        '',
      ].join('\n'),
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'README.md Unfinished note left in the page: "(lien à ajouter)".',
      'README.md Unfinished note left in the page: "(needs link)".',
    ]);
  });
});
