import { describe, expect, it } from 'vitest';
import { meetingFindings, of } from './cli-findings.js';

// The twenty-third round's minutes folders (synthetic pages of their shapes): a German protocol's "Festlegungen",
// French session reports' goals for the next session, Japanese lesson notes' homework, and AI-summarised minutes
// with their "Open Items" and "Agreement that …" lines.

/** The pages meeting-outcomes reports, sorted. */
const outcomeless = (found: string[]) =>
  of(found, 'meeting-outcomes')
    .map((line) => line.split(' ')[0])
    .sort();

/** A German student group's protocol, its notes under `section`. */
const protokoll = (day: string, section: string, body: string) =>
  `# Protokoll ${day}\n\n## Anwesende\n\n- Lena\n- Jonas\n\n## Tagesordnung\n\n1. Spielidee\n2. Zeitplan\n\n### Inhalte\n\n- Wir haben die Ideen der letzten Woche noch einmal durchgesprochen und die besten davon an der Tafel gesammelt\n- Die Gruppe hat über die Zielgruppe und den Umfang des Spiels gesprochen, weil die Abgabe bald ist\n- Lena hat den Stand der Recherche vorgestellt und die offenen Fragen für die nächste Sitzung notiert\n\n### ${section}\n\n${body}`;

describe('holdout23: decisions and next steps under the headings other languages give them', () => {
  it('reads "### Festlegungen" and "### Vereinbarungen" as decisions, as "### Beschlüsse" is', async () => {
    const found = await meetingFindings({
      'protokolle/protokoll-2019-04-11.md': protokoll(
        '11.04.2019',
        'Festlegungen',
        '- Treffen immer dienstags\n',
      ),
      'protokolle/protokoll-2019-04-16.md': protokoll(
        '16.04.2019',
        'Vereinbarungen',
        '- Jonas schreibt das Konzept\n',
      ),
      'protokolle/protokoll-2019-04-23.md': protokoll(
        '23.04.2019',
        'Beschlüsse',
        '- Treffen immer dienstags\n',
      ),
    });
    expect(outcomeless(found)).toEqual([]);
  }, 60_000);

  it('reads "… wurde auf … festgelegt" as a decision, not "noch nicht festgelegt"', async () => {
    const found = await meetingFindings({
      'protokolle/protokoll-2019-04-11.md': protokoll(
        '11.04.2019',
        'Sonstiges',
        '- Der wöchentliche Termin wurde auf Dienstag festgelegt\n',
      ),
      'protokolle/protokoll-2019-04-16.md': protokoll(
        '16.04.2019',
        'Sonstiges',
        '- Der wöchentliche Termin ist noch nicht festgelegt\n',
      ),
    });
    expect(outcomeless(found)).toEqual(['protokolle/protokoll-2019-04-16.md']);
  }, 60_000);

  it('still finds a protocol whose "Festlegungen" heading is over nothing', async () => {
    const found = await meetingFindings({
      'protokolle/protokoll-2019-04-11.md': protokoll('11.04.2019', 'Festlegungen', ''),
    });
    expect(outcomeless(found)).toEqual(['protokolle/protokoll-2019-04-11.md']);
  }, 60_000);

  const seance = (day: string, heading: string, body: string) =>
    `# Compte-rendu de la séance du ${day}\n\n## Participants\n\n- Léa\n- Hugo\n\n## Ordre du jour\n\n- Politique de sécurité\n\n## Travail réalisé\n\n- Lecture de la norme\n\n## ${heading}\n\n${body}`;

  it('reads the goals for the next session and "À faire" as next steps, as "Prochaines étapes" is', async () => {
    const found = await meetingFindings({
      'compte-rendus/1.md': seance(
        '04/02/2021',
        'Objectifs pour la prochaine séance',
        '- Rédiger la politique\n',
      ),
      'compte-rendus/2.md': seance(
        '11/02/2021',
        'Objectif pour la prochaine réunion',
        '- Relire la politique\n',
      ),
      'compte-rendus/3.md': seance('18/02/2021', 'À faire', '- Relire la politique\n'),
      'compte-rendus/4.md': seance('25/02/2021', 'Prochaines étapes', '- Relire la politique\n'),
      'compte-rendus/5.md': seance(
        '04/03/2021',
        'Objectif(s) pour la prochaine séance',
        '- Relire la norme\n',
      ),
    });
    expect(outcomeless(found)).toEqual([]);
  }, 60_000);

  it('still finds a session report with only its work done', async () => {
    const found = await meetingFindings({
      'compte-rendus/1.md': seance('04/02/2021', 'Remarques', '- La norme est longue\n'),
    });
    expect(outcomeless(found)).toEqual(['compte-rendus/1.md']);
  }, 60_000);

  it('reads Japanese "宿題" (homework) and "次回予定" (plan for next time) as next steps', async () => {
    const found = await meetingFindings({
      'minutes/20211230.md': '# 2021-12-30\n\n## やったこと\n\n* 配列\n\n## 宿題\n\n* 次回の日程を連絡する\n',
      'minutes/20220106.md': '# 2022-01-06\n\n## やったこと\n\n* 配列\n\n## 次回予定\n\n* コードを整理する\n',
      'minutes/20220113.md': '# 2022-01-13\n\n## やったこと\n\n* 配列\n\n## 感想\n\n* 楽しかった\n',
    });
    expect(outcomeless(found)).toEqual(['minutes/20220113.md']);
  }, 60_000);
});

/** AI-summarised minutes of a working group: a summary, then `rest`. */
const summarised = (day: string, rest: string) =>
  `# Device management sync ${day}\n\n## Summary\n\nThe group went over the requirements draft and the milestones.\n\n## Minutes\n\n- Overview of the draft\n- Milestones\n\n${rest}`;

describe('holdout23: "Open Items" lists and "Agreement that …" lines', () => {
  it('reads an "**Open Items:**" list and an "### Open Items" list as next steps', async () => {
    const found = await meetingFindings({
      'minutes/2024.07.29-weekly.md': summarised(
        '2024-07-29',
        '**Open Items:**\n\n- Begin listing the functional requirements\n',
      ),
      'minutes/2024.08.05-weekly.md': summarised(
        '2024-08-05',
        '### Open Items\n\n- Discuss the clock requirements with the device group\n',
      ),
    });
    expect(outcomeless(found)).toEqual([]);
    // Their items are tasks, each without owner or date.
    expect(of(found, 'action-items').length).toBe(2);
  }, 60_000);

  it('reads "Agreement that …" and "Consensus on …" lines as decisions', async () => {
    const found = await meetingFindings({
      'minutes/2024.06.18-weekly.md': summarised(
        '2024-06-18',
        '## Key points\n\n- Agreement that the device owns time synchronisation\n',
      ),
      'minutes/2024.06.25-weekly.md': summarised(
        '2024-06-25',
        '## Key points\n\n- Consensus on the need for clear milestones\n',
      ),
      'minutes/2024.07.02-weekly.md': summarised(
        '2024-07-02',
        '## Key points\n\n- No agreement on the clock source yet\n',
      ),
    });
    expect(outcomeless(found)).toEqual(['minutes/2024.07.02-weekly.md']);
  }, 60_000);
});

describe('holdout23: owners in closing brackets with accents or joined by "+"', () => {
  const ata = (steps: string) =>
    `# Ata 02 — 17/09/2026\n\n## Participantes\n\n- Víctor\n- Kyara\n- Antonio\n\n## Pauta\n\n1. Escopo\n\n## Próximos Passos\n\n${steps}`;

  it('reads "(Víctor)." and "(Kyara + Antonio)." as the owners, as "(Victor)." and "(Kyara e Antonio)" are', async () => {
    const found = await meetingFindings({
      'docs/atas/ata02.md': ata(
        '- Finalizar o setup do repositório até 26/09/2026 (Víctor).\n- Publicar o site até 26/09/2026 (Kyara + Antonio).\n- Revisar o escopo até 26/09/2026 (Victor).\n- Escrever o README até 26/09/2026 (Kyara e Antonio).\n',
      ),
    });
    expect(of(found, 'action-items')).toEqual([]);
  }, 60_000);

  it('still reports an item whose brackets close on no name', async () => {
    const found = await meetingFindings({
      'docs/atas/ata02.md': ata('- Publicar o site até 26/09/2026 (+ revisão).\n'),
    });
    expect(of(found, 'action-items').length).toBe(1);
  }, 60_000);
});

describe('holdout23: the agenda as the items gone through', () => {
  const ata = (heading: string) =>
    `# Ata 01 — 10/09/2026\n\n## 1. Participantes\n\n- Ana\n- Rui\n\n## ${heading}\n\n### 2.1 Escopo\n\n- Decisão: o escopo fica fechado.\n`;

  it('reads "2. Pautas Discutidas", "Puntos tratados" and "Points abordés" as the agenda', async () => {
    const found = await meetingFindings({
      'docs/atas/ata01.md': ata('2. Pautas Discutidas'),
      'docs/atas/ata02.md': ata('2. Puntos tratados'),
      'docs/atas/ata03.md': ata('Points abordés'),
      'docs/atas/ata04.md': ata('Temas tratados'),
    });
    expect(of(found, 'meeting-agenda')).toEqual([]);
  }, 60_000);

  it('still asks minutes whose only section is their notes for the agenda', async () => {
    const found = await meetingFindings({ 'docs/atas/ata01.md': ata('2. Anotações') });
    expect(of(found, 'meeting-agenda').length).toBe(1);
  }, 60_000);
});

describe('holdout23: the announcement that notes will be shared is no outcome', () => {
  const call = (notes: string) =>
    `# Monthly call 2020-03-02\n\n## Agenda\n\n- Roadmap\n- Questions\n\nJoin the call on the chat channel. We'll share [notes and the screen recording](https://example.com/notes) afterwards.\n\n## Notes\n\n### Attendees\n\n### Action items\n\n${notes}`;

  it('finds minutes whose only future sentence promises the notes and the recording', async () => {
    const found = await meetingFindings({
      'meetings/2020/monthly-2020-03-02.md': call(''),
      'meetings/2020/monthly-2020-04-06.md': call(
        'We will share the migration draft with the board next week.\n',
      ),
    });
    expect(outcomeless(found)).toEqual(['meetings/2020/monthly-2020-03-02.md']);
  }, 60_000);
});
