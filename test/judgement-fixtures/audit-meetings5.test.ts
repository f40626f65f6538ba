import { describe, expect, it } from 'vitest';
import { meetingFindings } from './cli-findings.js';

/**
 * Meeting notes as the fifth out-of-sample audit met them, written for the test: French weekly notes that
 * set each decision out as "**Décision** :" fields and keep the actions in a table under "Actions à mener",
 * a Spanish acta's "Puntos acordados", a working group's checklist for the next meeting's agenda and a
 * housekeeping task whose steps are nested under the owner's line, and notes whose outcomes are written
 * as prose in the page's own language.
 */
const FRENCH_WEEKLY = [
  '# [Weekly] – Avancement mobile',
  '',
  '**Date** : 04/03/2026',
  '',
  '## Ordre du jour',
  '',
  '1. Écrans de connexion',
  '2. Palette de couleurs',
  '',
  '## Discussions & Décisions',
  '',
  '### Écrans de connexion',
  '',
  '* **Discussion** : les écrans sont faits mais pas encore reliés au serveur.',
  '* **Décision** : on les relie au serveur avant la démo.',
  '',
  '### Prochaines étapes – Lina',
  '',
  '* **Discussion** : Lina veut aussi faire la page d’accueil.',
  '* **Décision** : la page d’accueil passe après la connexion.',
  '* **Responsable** : @lina',
  '* **Échéance** : semaine prochaine',
  '',
  '## Actions à mener',
  '',
  '| Action | Responsable | Échéance |',
  '|--------|-------------|----------|',
  '| Relier les écrans au serveur | @lina | 11/03/2026 |',
  '',
].join('\n');

/** Some fifty words of German notes whose only outcome is prose: "kümmert sich", "soll". */
const GERMAN_PROSE = [
  '# Planungstreffen 2026-03-05',
  '',
  '## Themen',
  '',
  '- Werkstatt',
  '- Sommerfest',
  '',
  '## Notizen',
  '',
  'Wir haben uns die Werkstatt angesehen. Die Schlüssel sind noch nicht verteilt, deshalb kümmert sich Leon bis nächste Woche darum.',
  'Das Sommerfest soll auch in diesem Jahr auf dem Hof stattfinden, aber für den Aufbau und die Kasse werden noch Helfer gesucht, die sich bei Anna melden.',
  '',
].join('\n');

/** French notes whose prose says no consensus was found, and a list of topics: nothing was decided. */
const FRENCH_NO_CONSENSUS = [
  '# Réunion technique 2026-03-06',
  '',
  '## Ordre du jour',
  '',
  '- Choix de la base de données',
  '',
  '## Notes',
  '',
  'Nous avons comparé les deux bases de données pour le projet. Les avis sont partagés sur le coût et sur la charge de maintenance, et nous ne sommes pas arrivés à un consensus.',
  'Le sujet est reporté à la prochaine réunion, quand les mesures de performance seront prêtes pour toute l’équipe.',
  '',
].join('\n');

const ENGLISH_NO_CONSENSUS =
  '# Release sync 2026-03-09\n\n## Agenda\n\n- The flag\n\n## Notes\n\nWe have not reached a consensus on the flag.\n';

const HANDBOOK = {
  'meetings/2026-03-04_reunion_note.md': FRENCH_WEEKLY,
  'meetings/2026-03-05-planung.md': GERMAN_PROSE,
  'meetings/2026-03-06-reunion.md': FRENCH_NO_CONSENSUS,
  'meetings/2026-03-07-acta.md':
    '# Acta de reunión 2026-03-07\n\n## Orden del día\n\n1. Presentación\n\n## Puntos acordados\n\n- Cada grupo prepara su parte de la presentación.\n',
  'meetings/2026-03-08-api-wg.md': [
    '# API working group 2026-03-08',
    '',
    '## Agenda',
    '',
    'Housekeeping:',
    '',
    '- [ ] Governance repo (@kim)',
    '  - [ ] add the working group folder',
    '- [ ] Draft the style guide',
    '',
    '## Agenda for next meeting',
    '',
    '- [ ] Find volunteers for the docs',
    '',
  ].join('\n'),
  'meetings/2026-03-09-release.md': ENGLISH_NO_CONSENSUS,
};

const findings = (config?: string) => meetingFindings(HANDBOOK, config);

const NO_OUTCOME =
  'meeting-outcomes: Meeting notes record no outcome; add a Decisions section, or an action item, or a "Decision:" or "Action:" line, or a sentence that records a decision or an action.';

describe('judgement fixtures: meeting notes of the fifth audit', () => {
  it('reads decisions and actions as French and Spanish minutes set them out, and checklists for what they are', async () => {
    expect(await findings()).toEqual([
      `meetings/2026-03-06-reunion.md ${NO_OUTCOME}`,
      // The step's owner is on the line it is nested under; only the date is missing.
      'meetings/2026-03-08-api-wg.md action-items: Action item "Governance repo (@kim)" has no due date.',
      'meetings/2026-03-08-api-wg.md action-items: Action item "add the working group folder" has no due date.',
      'meetings/2026-03-08-api-wg.md action-items: Action item "Draft the style guide" has no owner and due date.',
      `meetings/2026-03-09-release.md ${NO_OUTCOME}`,
    ]);
  }, 60_000);

  it('reads prose outcomes in the language the page is written in, unless detect-language is off', async () => {
    const config = 'rules:\n  meeting-outcomes:\n    detect-language: false\n';
    const found = await findings(config);
    expect(found.filter((f) => f.includes('meeting-outcomes'))).toEqual([
      `meetings/2026-03-05-planung.md ${NO_OUTCOME}`,
      `meetings/2026-03-06-reunion.md ${NO_OUTCOME}`,
      `meetings/2026-03-09-release.md ${NO_OUTCOME}`,
    ]);
  }, 60_000);

  it('does not take an English "not reached a consensus" for an outcome when French phrases are configured', async () => {
    const config = 'rules:\n  meeting-outcomes:\n    languages: [en, fr]\n';
    const found = await findings(config);
    expect(found.filter((f) => f.includes('meeting-outcomes'))).toEqual([
      `meetings/2026-03-06-reunion.md ${NO_OUTCOME}`,
      `meetings/2026-03-09-release.md ${NO_OUTCOME}`,
    ]);
  }, 60_000);
});
