import { describe, expect, it } from 'vitest';
import { meetingFindings, of } from './cli-findings.js';

// The twenty-fourth round's minutes folders (synthetic pages of their shapes): a volunteer committee's owners before
// a dash, a directorate's attendance checkboxes under a bold label, a booster board's items pending for the next
// meeting's vote, topics parked for a later agenda, a student team's "TO-DO", and an ata left as its template.

/** The action-items messages of one page of minutes with `items` under "#### Action items". */
const actionMessages = async (items: string) =>
  of(
    await meetingFindings({
      'minutes/2026-08-minutes.md': `# Committee minutes\n\n### Meeting minutes: 2026-08-19\n\nAttending: Cody, Toby, Eka, Tim\n\n## Agenda\n\n### Site rebuild\n\nThe mock-up was shown and discussed at length.\n\n#### Action items\n\n${items}`,
    }),
    'action-items',
  ).map((line) => line.replace(/^\S+ action-items: /, ''));

describe('holdout24: an owner named before a spaced dash', () => {
  it('reads "Name — task", "Name – task", "Name - task" of the attendees, joined names and a committee as owned', async () => {
    expect(
      await actionMessages(
        '- Cody — coordinate a follow-up call.\n- Toby – discuss write access with the core team.\n- Eka - produce a mock-up of the site.\n- LCGC — explore grant opportunities.\n- Cody, Tim and Eka - look into the lesson metrics.\n- Tim/Eka - draft the survey.\n',
      ),
    ).toEqual([
      'Action item "Cody — coordinate a follow-up call." has no due date.',
      'Action item "Toby – discuss write access with the core team." has no due date.',
      'Action item "Eka - produce a mock-up of the site." has no due date.',
      'Action item "LCGC — explore grant opportunities." has no due date.',
      'Action item "Cody, Tim and Eka - look into the lesson metrics." has no due date.',
      'Action item "Tim/Eka - draft the survey." has no due date.',
    ]);
  }, 60_000);

  it('still finds no owner in a label, a verb, a topic or a software part before the dash', async () => {
    expect(
      await actionMessages(
        '- Update - the docs page for the new site.\n- Review - if time allows.\n- Website - refresh the landing page.\n- RPC - add retries.\n',
      ),
    ).toEqual([
      'Action item "Update - the docs page for the new site." has no owner and due date.',
      'Action item "Review - if time allows." has no owner and due date.',
      'Action item "Website - refresh the landing page." has no owner and due date.',
      'Action item "RPC - add retries." has no owner and due date.',
    ]);
  }, 60_000);
});

describe('holdout24: attendance ticked in checkboxes under a label line', () => {
  /** An ata whose attendance is a checklist under `label`, its tasks under "## Plano de Ações". */
  const ata = (label: string) =>
    `# Reunião Geral\n\n**Data:** 2026-03-12  \n**Local:** Sala 801  \n${label}\n\n- [ ] Paulo Souza\n\n- [ ] Richard\n\n## Pauta\n\n- Calendário do semestre\n\n## Deliberações\n\n- Ficou decidido manter a reunião quinzenal.\n\n## Plano de Ações\n\n- [ ] Enviar o calendário (@richard, 2026-03-20)\n- [ ] Reservar a sala\n`;
  const tasks = async (label: string) =>
    of(await meetingFindings({ 'atas/2026-03-12-reuniao.md': ata(label) }), 'action-items').map((line) =>
      line.replace(/^\S+ action-items: /, ''),
    );

  it.each([
    '**Participantes:**',
    'Participants:',
    'Attendees:',
    '**Presentes:**',
    'Anwesend:',
    'Asistentes:',
    '参加者:',
    '참가자:',
  ])(
    'reads the names under "%s" as attendance, not tasks',
    async (label) => {
      expect(await tasks(label)).toEqual(['Action item "Reservar a sala" has no owner and due date.']);
    },
    60_000,
  );

  it('still reads the checkboxes under another label as tasks', async () => {
    expect(await tasks('**Pendências:**')).toEqual([
      'Action item "Paulo Souza" has no owner and due date.',
      'Action item "Richard" has no owner and due date.',
      'Action item "Reservar a sala" has no owner and due date.',
    ]);
  }, 60_000);
});

describe('holdout24: a checklist left for the next meeting’s vote', () => {
  /** A board's meeting summary with a checklist under `heading` and `lead`. */
  const board = (heading: string, lead: string) =>
    `# Board meeting 2026-06-03\n\n## Agenda\n\n- Bylaws\n\n## Decisions\n\n- The club will open a bank account.\n\n## ${heading}\n\n${lead}\n\n- [ ] Ratify the bylaws\n- [ ] Confirm officer roles\n`;
  const tasks = async (heading: string, lead: string) =>
    of(
      await meetingFindings({ 'meeting-notes/2026-06-03-board.md': board(heading, lead) }),
      'action-items',
    ).map((line) => line.replace(/^\S+ action-items: /, ''));

  it('reads the items under a "Pending — First Formal Board Meeting" heading as that meeting’s agenda', async () => {
    expect(await tasks('Pending — First Formal Board Meeting', 'Carried to the board.')).toEqual([]);
  }, 60_000);

  it('reads the items after a lead-in that puts them to a formal vote next meeting as agenda', async () => {
    expect(
      await tasks(
        'Board business',
        'The following items require a formal vote and are scheduled for the next board meeting:',
      ),
    ).toEqual([]);
  }, 60_000);

  it('still reads a checklist to do before the next meeting as tasks', async () => {
    expect(await tasks('Board business', 'To prepare before the next board meeting:')).toEqual([
      'Action item "Ratify the bylaws" has no owner.',
      'Action item "Confirm officer roles" has no owner.',
    ]);
  }, 60_000);
});

describe('holdout24: a parked topic and a decision among the action items', () => {
  it('takes "Agenda for future meeting: …" and "LCGC — adopt decision …" for no task', async () => {
    expect(
      await actionMessages(
        '- Agenda for future meeting: retirement criteria for old lessons.\n- LCGC — adopt decision to make the lab review optional.\n- Decided: the mock-up stays on the wiki.\n- Tim: draft the review checklist.\n',
      ),
    ).toEqual(['Action item "Tim: draft the review checklist." has no due date.']);
  }, 60_000);

  it('still judges a task that prepares the next agenda, or one someone agreed to do', async () => {
    expect(
      await actionMessages(
        '- Put retirement criteria on the next agenda.\n- Eka agreed to write up the decision.\n- Tim: adopt the new template in the lessons.\n',
      ),
    ).toEqual([
      'Action item "Put retirement criteria on the next agenda." has no owner and due date.',
      'Action item "Eka agreed to write up the decision." has no due date.',
      'Action item "Tim: adopt the new template in the lessons." has no due date.',
    ]);
  }, 60_000);
});

describe('holdout24: a "TO-DO" heading', () => {
  /** A study group's notes with `heading` over `body` and nothing else settled. */
  const notes = (heading: string, body: string) =>
    `# 211118 회의\n\n## 참가자\n\n- 선영\n- 제이\n\n## 내용\n\n- 지난주 진행 상황을 공유하고 필터 화면을 같이 보면서 이야기를 나눴다\n\n## ${heading}\n\n${body}`;
  const outcomeless = async (pages: Record<string, string>) =>
    of(await meetingFindings(pages), 'meeting-outcomes')
      .map((line) => line.split(' ')[0])
      .sort();

  it('reads the items under "## TO-DO" and "## To-Do" as the meeting’s next steps', async () => {
    expect(
      await outcomeless({
        'minutes/211118-hsy.md': notes('TO-DO', '- 스터디 필터 설정 (선영, 11/19)\n'),
        'minutes/211119-hsy.md': notes('To-Do', '- 방향 설정 (제이, 11/20)\n'),
      }),
    ).toEqual([]);
  }, 60_000);

  it('still finds notes whose "## TO-DO" holds nothing', async () => {
    expect(await outcomeless({ 'minutes/211118-hsy.md': notes('TO-DO', '') })).toEqual([
      'minutes/211118-hsy.md',
    ]);
  }, 60_000);
});
