import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';

// The twenty-second round's minutes folders (synthetic pages of their shapes): a student team's Portuguese form
// whose date sits in a heading with spaced slashes, a weekly sync log titled by its day, both linted from their own
// folder; French "CR" minutes; a scrum team's status list of next steps; "Next actions" and "Call to Action" lists.

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string) => classify({ path, title, labels: [] });

/** A Portuguese student team's minutes form, filled in: its date in a heading, the slashes spaced as the form's. */
const reuniao = (n: number, day: string, notes: string) =>
  `# Reunião ${n}\n\n#### Data: ${day}\n\n#### Hora: 11 : 00\n\n#### Presenças:\n\n- Ana\n- Rui\n\n## Ordem de Trabalhos\n\n1. Histórias de utilizador\n2. Backlog\n\n## Apontamentos\n\n${notes}`;

describe('holdout22: a minutes folder linted alone types its pages as the run on its parent does', () => {
  const handbook = () =>
    tempTree({
      'README.md': '# Team\n\nOur course project.\n',
      'minutes/reuniao1.md': reuniao(
        1,
        '07 / 10 / 2024',
        '1. Ana mostrou o protótipo; Rui vai rever os requisitos.\n',
      ),
      'minutes/reuniao2.md': reuniao(2, '14/10/2024', '1. Rui vai preparar a demo.\n'),
      'weekly/weekly.md':
        '# Weekly 30.03.2026\n\n## Work Done\n\n* Set up the board\n\n## Next Steps\n\n* Ana: draft the vision by 2026-04-06\n\n## Impediments\n\n* None\n',
      'guides/onboarding.md':
        '# Onboarding\n\nDate: 07/10/2024\n\nHow a new member gets access to the board.\n',
    });

  it('asks no page owner and no link of dated minutes when the run starts in `minutes/`', async () => {
    const root = handbook();
    expect(await ruleFindings([join(root, 'minutes')], 'page-owner')).toEqual([]);
    expect(await ruleFindings([join(root, 'minutes')], 'orphan-page')).toEqual([]);
  }, 60_000);

  it('types a dated weekly log in a folder named for minutes, linted alone', async () => {
    const root = tempTree({
      'meeting-minutes/meeting-minutes.md':
        '# Weekly 30.03.2026\n\n## Work Done\n\n* Set up the board\n\n## Next Steps\n\n* Ana: draft the vision by 2026-04-06\n',
    });
    expect(await ruleFindings([join(root, 'meeting-minutes')], 'page-owner')).toEqual([]);
  }, 60_000);

  it('keeps a dated page of a `guides/` folder linted alone a page, with its owner asked', async () => {
    const root = handbook();
    expect(await ruleFindings([join(root, 'guides')], 'page-owner')).toEqual(['onboarding.md']);
  }, 60_000);
});

describe('holdout22: a date in a heading, its slashes spaced, and the agenda as an "Order of business"', () => {
  it('reads "#### Data: 07 / 10 / 2024" as the date: minutes whose notes are the empty form record no outcome', async () => {
    const found = await meetingFindings({
      'minutes/reuniao1.md': reuniao(1, '07 / 10 / 2024', '1.\n2.\n3.\n'),
      'minutes/meeting7.md':
        '# Meeting 7\n\n#### Date: 05/11/2024\n\n#### Attendees:\n\n## Order of Business\n\n1. Sprint review\n2. Sprint plan\n\n## Notes\n\n1.\n2.\n',
    });
    expect(
      of(found, 'meeting-outcomes')
        .map((l) => l.split(' ')[0])
        .sort(),
    ).toEqual(['minutes/meeting7.md', 'minutes/reuniao1.md']);
    // Their agendas are under "Order of Business" and "Ordem de Trabalhos".
    expect(of(found, 'meeting-agenda')).toEqual([]);
  }, 60_000);

  it('still leaves the blank form, its date slots "_ / _ / _", undated and unjudged', async () => {
    const found = await meetingFindings({
      'minutes/template.md': reuniao(0, '_ / _ / _', '1.\n2.\n'),
    });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
  }, 60_000);

  it('still asks a dated page without any agenda heading for its agenda', async () => {
    const found = await meetingFindings({
      'minutes/meeting9.md':
        '# Meeting 9\n\n#### Date: 19 / 11 / 2024\n\n## Notes\n\n- Rui will deploy the backend by Friday.\n',
    });
    expect(
      of(found, 'meeting-agenda')
        .map((l) => l.split(' ')[0])
        .sort(),
    ).toEqual(['minutes/meeting9.md']);
    expect(of(found, 'meeting-outcomes')).toEqual([]);
  }, 60_000);

  it('takes a "Decidimos" note over its choices and "chose one to implement" as outcomes, not a bare topic', async () => {
    const found = await meetingFindings({
      'minutes/reuniao3.md': reuniao(
        3,
        '15 /10 / 2024',
        '1. Falamos sobre o design das vistas\n2. Decidimos\n   - Navegação em cima, logo e utilizador\n   - Navegação em baixo\n',
      ),
      'minutes/meeting6.md':
        '# Meeting 6\n\n#### Date: 1/11/2024\n\n## Order of Business\n\n1. Distribute endpoints\n\n## Notes\n\n1. Ana showed the endpoints and each member chose one to implement.\n',
      'minutes/reuniao4.md': reuniao(
        4,
        '22 / 10 / 2024',
        '1. Falamos sobre o design das vistas\n2. Decisões\n',
      ),
    });
    expect(
      of(found, 'meeting-outcomes')
        .map((l) => l.split(' ')[0])
        .sort(),
    ).toEqual(['minutes/reuniao4.md']);
  }, 60_000);
});

describe('holdout22: French minutes as "CR" with their day, `compte-rendu-reunion/` and an "ODJ"', () => {
  it('types "CR - 31.01.24", `CR-02.04.24.md`, a `compte-rendu-reunion/` page and a dated `…_ODJ.md` as minutes', () => {
    expect(typeOf('docs/CR/notes.md', 'CR - 31.01.24')).toBe('meeting-notes');
    expect(typeOf('docs/CR/notes.md', 'CR 02-04-2024')).toBe('meeting-notes');
    expect(typeOf('docs/CR/CR-02.04.24.md', 'Point équipe')).toBe('meeting-notes');
    expect(typeOf('compte-rendu-reunion/suivi.md', 'Suivi')).toBe('meeting-notes');
    expect(typeOf('docs/CR/2023-12-04_ODJ.md', 'Méthode de travail')).toBe('meeting-notes');
  });

  it('keeps a change request, CR/LF, a "CR" folder’s guide and a lab’s `compte-rendu/` report pages', () => {
    expect(typeOf('docs/change-requests/CR-1234.md', 'CR-1234: Export to CSV')).toBeUndefined();
    expect(typeOf('docs/CR-1234-export.md', 'Export to CSV')).toBeUndefined();
    expect(typeOf('docs/line-endings.md', 'CR/LF line endings')).toBeUndefined();
    expect(typeOf('docs/CR/guide.md', 'CR (Compte-Rendu)')).toBeUndefined();
    expect(typeOf('tp/compte-rendu/tp1.md', 'Compte rendu TP 1')).toBeUndefined();
  });

  it('asks an agenda of the dated "CR" and no outcome or agenda of the "ODJ", which is the agenda', async () => {
    const found = await meetingFindings({
      'CR/CR-02.04.24.md':
        '# CR 02-04-2024\n\n## Présents\n\n- Ana\n- Léo\n\n## Décisions\n\n- On garde Unity.\n',
      'CR/2023-12-04_ODJ.md':
        '# Méthode de travail\n\n# Définition des tâches\n\n- Brainstorming\n- Répartition\n\n# Quand faisons-nous des points ?\n',
    });
    expect(found.map((l) => l.split(':')[0]).sort()).toEqual(['CR/CR-02.04.24.md meeting-agenda']);
  }, 60_000);
});

describe('holdout22: a weekly sync’s "Next Steps" status list', () => {
  const weekly = (steps: string) =>
    `# Weekly 29.06.2026\n\n## Work Done\n\n* Board eingerichtet\n\n## Next Steps\n\n${steps}\n## Impediments\n\n_keine_\n`;
  const items = async (steps: string) =>
    of(await meetingFindings({ 'minutes/weekly.md': weekly(steps) }), 'action-items').map((l) =>
      l.replace(/^\S+ action-items: /, ''),
    );

  it('judges a German task with the parts nested under it as one item', async () => {
    expect(await items('* Login fertigstellen\n  * Formular bauen\n  * Fehler anzeigen\n')).toEqual([
      'Action item "Login fertigstellen" has no owner and due date.',
    ]);
  }, 60_000);

  it('still reads the tasks nested under a topic label', async () => {
    expect(await items('* Login screen\n  * Build the form\n  * Show the errors\n')).toEqual([
      'Action item "Build the form" has no owner and due date.',
      'Action item "Show the errors" has no owner and due date.',
    ]);
  }, 60_000);

  it('takes a bare scrum ceremony for no task, and still a task that plans one', async () => {
    expect(
      await items('* Sprint 3 Planning\n* Sprint 2 Review & Retrospective\n* Plan the sprint 3 demo\n'),
    ).toEqual(['Action item "Plan the sprint 3 demo" has no owner and due date.']);
  }, 60_000);

  it('takes "(Backlog & Board)" for the task’s parts, and "(Ana & Ben)" still for its owners', async () => {
    expect(await items('* Umstieg auf Jira (Backlog & Board)\n* Umstieg auf Jira (Ana & Ben)\n')).toEqual([
      'Action item "Umstieg auf Jira (Backlog & Board)" has no owner and due date.',
      'Action item "Umstieg auf Jira (Ana & Ben)" has no due date.',
    ]);
  }, 60_000);
});

describe('holdout22: "Next Actions" sections', () => {
  it('judges the items under "## Next Actions", not an open "Call to Action" to everyone', async () => {
    const found = await meetingFindings({
      'minutes/2026-06-19-kickoff.md':
        '# Kickoff 2026-06-19\n\n## Agenda\n\n- Roles\n\n## Decisions\n\n- Notes stay in Markdown.\n\n## Next Actions\n\n- Interview ten customers\n\n### Call to Action\n\n- Share your work via a pull request.\n',
    });
    expect(of(found, 'action-items').map((l) => l.replace(/^\S+ action-items: /, ''))).toEqual([
      'Action item "Interview ten customers" has no owner and due date.',
    ]);
  }, 60_000);
});

describe('holdout22: a bold "Decision to …" lead-in', () => {
  it('takes "**Decision to use …**" for an outcome, not "**Decision to be made**"', async () => {
    const found = await meetingFindings({
      'meetings/2026-06-03.md':
        '# Perf WG 2026-06-03\n\n## Agenda\n\n- Fixtures\n\n## Notes\n\n- **Decision to use static fixture apps** rather than configurable ones:\n  - easier to compare\n',
      'meetings/2026-06-17.md':
        '# Perf WG 2026-06-17\n\n## Agenda\n\n- Fixtures\n\n## Notes\n\n- **Decision to be made** on static or configurable fixture apps:\n  - both have costs\n',
    });
    expect(of(found, 'meeting-outcomes').map((l) => l.split(' ')[0])).toEqual(['meetings/2026-06-17.md']);
  }, 60_000);
});
