import { describe, expect, it } from 'vitest';
import { meetingFindings } from './cli-findings.js';

/**
 * Meeting notes as the fourth out-of-sample audit met them, written for the test: a board's roll call kept
 * as a checklist, an AI summary whose action items name people listed under "## Participants" ("Marta
 * Lindqvist to draft ...", a lower-case handle), relative due dates ("before the end of the week", "in the
 * next meeting"), a page that only links to the chat thread where the meeting was held, an agenda kept as
 * its own page ("..._agenda.md"), student notes with a "Discussion points:" line and "Goals for next week",
 * a design meeting's "## topic" and a deep-dive document with its "# Questions", a board's numbered agenda items and "Motion passed",
 * German minutes ("Tagesordnungspunkte", an invitation, "kümmert sich") and a Spanish acta's "## Acuerdos".
 */
const HANDBOOK = {
  'meetings/2026-02-04-board.md': [
    '# Board meeting 2026-02-04',
    '',
    '## Voting member attendance',
    '',
    '- [x] Lena Park, Acme',
    '- [ ] Raj Patel, Globex',
    '',
    '## Agenda',
    '',
    '- Budget',
    '',
    '## Action items',
    '',
    '- [ ] Lena: send the budget by 2026-02-11',
    '- [ ] Update the wiki',
    '',
  ].join('\n'),
  'meetings/2026-02-05-summary.md': [
    '## Key topics',
    '',
    '- The release',
    '',
    '## Action items',
    '',
    '- Marta Lindqvist to draft the release notes.',
    '- kpatel to check the CI.',
    '- Participants to review the plan before the end of the week.',
    '- Mateo to demo it in the next meeting.',
    '',
    '## Participants',
    '',
    'Marta Lindqvist, kpatel, Mateo Ruiz',
    '',
  ].join('\n'),
  'meetings/2026-02-06-triage.md': '# Triage\n\nChat thread: https://chat.example.com/t/123\n',
  'meetings/2026-02-07_agenda.md': '* What should the group build next?\n',
  'meetings/2026-02-08.md':
    'Team: Falcons\n\nDate: 02/08/2026\n\nDiscussion points:\n\n* Picked the database\n* Reviewed the mockups\n\nGoals for next week (with owners)\n\n* finish the login page\n',
  'meetings/design-2026-02-09.md':
    '# Design meeting 2026-02-09\n\n## topic\n\nThe caching layer.\n\n## summary\n\nKey points:\n\n- [eviction](https://chat.example.com/1)\n',
  'meetings/2026-02-10-deep-dive.md':
    '# Deep dive 2/10/26\n\n# Current behaviour\n\nThe cache is filled eagerly.\n\n# Questions\n\n## How do I ask a question\n\nLike this.\n',
  'minutes/2026-02-11-board.md':
    '### Minutes of the board meeting February 11, 2026\n\n**26/01 Budget**\n\n* Motion to adopt the budget: moved by Lena, seconded by Raj.\n* Motion passed.\n\n**26/02 Elections**\n\n* The council discussed the candidates.\n',
  'minutes/2026-02-18-board.md':
    '### Minutes of the board meeting February 18, 2026\n\n**26/03 Budget**\n\n* Motion passed.\n\n**Other business**\n\n* None.\n',
  'meetings/2026-02-12-planung.md':
    '# Planungstreffen 2026-02-12\n\n### Tagesordnungspunkte\n\n1. Werkstatt\n    1. Leon kümmert sich um die Schlüssel\n',
  'meetings/2026-02-14-acta.md':
    '# Acta de reunión 2026-02-14\n\n## Orden del día\n\n- Reparto de tareas\n\n## Acuerdos\n\n1. Cada integrante asume un módulo.\n',
  'meetings/2026-02-13-einladung.md':
    '# Einladung zur Mitgliederversammlung\n\nAuf der Tagesordnung stehen folgende Themen:\n\n1. Begrüßung\n2. Wahlen\n',
};

const findings = (config?: string) => meetingFindings(HANDBOOK, config);

const NO_OUTCOME =
  'meeting-outcomes: Meeting notes record no outcome; add a Decisions section, or an action item, or a "Decision:" or "Action:" line, or a sentence that records a decision or an action.';
const NO_AGENDA =
  'meeting-agenda: Meeting notes have no written agenda; add an "Agenda" section listing the topics.';

describe('judgement fixtures: meeting notes of the fourth audit', () => {
  it('reads roll calls, rosters, relative dates, pointers, agendas kept apart and outcomes as minutes write them', async () => {
    expect(await findings()).toEqual([
      'meetings/2026-02-04-board.md action-items: Action item "Update the wiki" has no owner and due date.',
      'meetings/2026-02-05-summary.md action-items: Action item "Marta Lindqvist to draft the release notes." has no due date.',
      'meetings/2026-02-05-summary.md action-items: Action item "kpatel to check the CI." has no due date.',
      'meetings/2026-02-05-summary.md action-items: Action item "Participants to review the plan before the end of the week." has no owner.',
      `meetings/2026-02-10-deep-dive.md ${NO_OUTCOME}`,
      // German prose outcomes are read only with `languages: [de]` (below).
      `meetings/2026-02-12-planung.md ${NO_OUTCOME}`,
      `meetings/design-2026-02-09.md ${NO_OUTCOME}`,
      // One numbered item ("26/03 Budget") does not yet make minutes written per agenda item.
      `minutes/2026-02-18-board.md ${NO_AGENDA}`,
    ]);
  }, 60_000);

  it('reads German outcomes when the config names the language', async () => {
    const config = 'rules:\n  meeting-outcomes:\n    languages: [en, de]\n';
    const found = await findings(config);
    expect(found.filter((f) => f.startsWith('meetings/2026-02-12'))).toEqual([]);
  }, 60_000);
});
