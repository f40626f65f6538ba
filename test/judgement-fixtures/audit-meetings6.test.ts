import { describe, expect, it } from 'vitest';
import { textLanguage } from '../../src/normalize/language.js';
import { meetingFindings } from './cli-findings.js';

/**
 * Meeting notes as the sixth out-of-sample audit met them, written for the test: a Dutch board's minutes whose
 * outcomes are prose ("X gaat ...", "We zijn het erover eens", "Taak Y: ..."), Portuguese atas dated only by a
 * "**Data:**" field and reporting the tasks done last sprint, and a community call that reviews the last call's
 * action items and groups its own under "**Dana and Lee:**".
 */
const DUTCH_OUTCOMES = [
  '# Bestuursvergadering 10 maart 2026',
  '',
  '## Agenda',
  '',
  '- Ledenaantal',
  '- Nieuwsbrief',
  '',
  '## Ledenaantal',
  '',
  'Het aantal leden is deze maand gestegen, vooral door de meetup in Utrecht. We zijn het erover eens dat de welkomstmail voor nieuwe leden korter moet.',
  'Sara gaat een nieuwe tekst schrijven voor de volgende vergadering.',
  '',
  '## Nieuwsbrief',
  '',
  'De nieuwsbrief is goed gelezen, maar het klikpercentage is nog laag.',
  'Taak Joris: de cijfers van dit jaar op een rij zetten.',
  '',
].join('\n');

/** Dutch minutes that only report: "Het congres gaat ...", "Er zal ... een tekort zijn" decide nothing. */
const DUTCH_REPORT = [
  '# Bestuursvergadering 17 maart 2026',
  '',
  '## Agenda',
  '',
  '- Congres',
  '- Financiën',
  '',
  '## Congres',
  '',
  'Het congres gaat in oktober door in Utrecht. De zaal is kleiner dan vorig jaar en de kaartverkoop loopt nog niet zo snel als we hadden gehoopt.',
  '',
  '## Financiën',
  '',
  'Er zal dit jaar waarschijnlijk een tekort zijn op de begroting, omdat de sponsoring van twee bedrijven is weggevallen. Het onderwerp komt op de volgende vergadering terug.',
  '',
].join('\n');

const PARTICIPANTS = [
  '## Participantes',
  '',
  '| Nome | Função |',
  '|------|--------|',
  '| Bruno Lima | Membro |',
  '| Carla Dias | Membro |',
  '',
].join('\n');

/** A sprint ata dated only in its first lines: its file name and title have no date. */
const ATA_OBJECTIVE_ONLY = [
  '# Ata da Reunião 3 - Início Sprint 2',
  '',
  '**Data:** 12/03/2026  ',
  '**Local:** Teams',
  '',
  PARTICIPANTS,
  '## Objetivo',
  '',
  'Fechar a sprint anterior.',
  '',
  '## Resumo',
  '',
  'A equipe mostrou as telas novas para a monitora, que gostou do resultado.',
  '',
].join('\n');

/** The same team's ata that reports the tasks done and the ones left over from the last sprint. */
const ATA_SPRINT_REPORT = [
  '# Ata da Reunião 4 - Início Sprint 3',
  '',
  '**Data:** 19/03/2026',
  '',
  PARTICIPANTS,
  '## Pauta',
  '',
  '- Revisão da sprint',
  '',
  '### Tasks realizadas',
  '',
  '- Página de login - Carla Dias.',
  '- Tela de cadastro - Bruno.',
  '',
  '### Tasks não realizadas',
  '',
  '- Testes de integração - Bruno Lima.',
  '',
].join('\n');

/** A guide kept in the atas folder: its "Data" field is the template's placeholder, so it is no meeting's notes. */
const ATA_GUIDE = [
  '# Como escrever uma ata',
  '',
  '**Data:** [DD/MM/AAAA]',
  '',
  'Cada reunião tem a sua ata, escrita pelo responsável da semana.',
  '',
].join('\n');

const COMMUNITY_CALL = [
  '# Community call 2026-03-12',
  '',
  '## Agenda',
  '',
  '1. Meetup venue',
  '',
  '## Action Items Review',
  '',
  '- Dana to ask the library about the reading room.',
  '',
  '## Notes',
  '',
  '- The venue was too small last time.',
  '',
  '## Action Items',
  '',
  '* **Dana and Lee:**',
  '    - Collect quotes from two larger venues.',
  '* **Sam:**',
  '    - Work on a checklist for speakers, with no specific deadline set.',
  '',
].join('\n');

const HANDBOOK = {
  'notulen/2026-03-10.md': DUTCH_OUTCOMES,
  'notulen/2026-03-17.md': DUTCH_REPORT,
  'atas/ata-reuniao-3.md': ATA_OBJECTIVE_ONLY,
  'atas/ata-reuniao-4.md': ATA_SPRINT_REPORT,
  'atas/como-escrever-uma-ata.md': ATA_GUIDE,
  'meetings/2026-03-12-community-call.md': COMMUNITY_CALL,
};

const NO_OUTCOME =
  'meeting-outcomes: Meeting notes record no outcome; add a Decisions section, or an action item, or a "Decision:" or "Action:" line, or a sentence that records a decision or an action.';
const NO_AGENDA =
  'meeting-agenda: Meeting notes have no written agenda; add an "Agenda" section listing the topics.';

describe('judgement fixtures: meeting notes of the sixth audit', () => {
  it('reads Dutch prose outcomes, judges atas dated in their first lines, and skips the tasks already done', async () => {
    expect((await meetingFindings(HANDBOOK)).sort()).toEqual([
      `atas/ata-reuniao-3.md ${NO_AGENDA}`,
      `atas/ata-reuniao-3.md ${NO_OUTCOME}`,
      // The owner follows the dash and is on the roster; the tasks under "Tasks realizadas" are done.
      'atas/ata-reuniao-4.md action-items: Action item "Testes de integração - Bruno Lima." has no due date.',
      // The owners are the label the tasks are nested under; "no specific deadline" is no date. The items under
      // "Action Items Review" are the last call's, read out.
      'meetings/2026-03-12-community-call.md action-items: Action item "Collect quotes from two larger venues." has no due date.',
      'meetings/2026-03-12-community-call.md action-items: Action item "Work on a checklist for speakers, with no specific deadline…" has no due date.',
      `notulen/2026-03-17.md ${NO_OUTCOME}`,
    ]);
  }, 60_000);

  it('tells Dutch from English though Dutch writes "we", "is" and "of" too', () => {
    const dutch =
      'We vinden dat het voorstel goed is, of we moeten het nog een keer bekijken. Het is de vraag of we genoeg tijd hebben, want de planning is krap en we hebben ook de nieuwsbrief nog. ' +
      'Dat is een punt voor de volgende keer. Wim is er niet bij, dus we wachten op zijn mening over de begroting van het congres en de kosten van de zaal.';
    expect(textLanguage(dutch)).toBe('nl');
  });
});
