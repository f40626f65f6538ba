import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';

// The twenty-third round's leftovers in minutes folders (synthetic pages of their shapes): a working group's minutes
// split into a sub-folder per group, a sprint acta beside its own template, a deadline closing a task list, bracketed
// topics read as owners, a Catalan team's choice of its Scrum Master and a template's placeholder link.

/** The pages one rule reports, sorted. */
const pagesOf = (found: string[], rule: string) =>
  of(found, rule)
    .map((line) => line.split(' ')[0])
    .sort();

/** A working group's minutes: a summary and action items, no agenda unless `agenda` is given. */
const minutes = (day: string, agenda = '') =>
  `# Minutes of the weekly sync ${day}\n\n${agenda}### Summary\n\nThe group reviewed the terminology of the specification and agreed to rename two terms.\n\n### Action Items\n\n- [ ] @lena updates the glossary by ${day}\n`;

describe('left23: a minutes tree split into a folder per group', () => {
  it('does not ask for the agenda when no minutes of the whole tree carry one', async () => {
    const found = await meetingFindings({
      'minutes/security/2025-04-14-weekly.md': minutes('2025-04-14'),
      'minutes/security/2025-04-21-weekly.md': minutes('2025-04-21'),
      'minutes/packaging/2025-05-09-weekly.md': minutes('2025-05-09'),
      'minutes/device/2024.07/2024-07-29-weekly.md': minutes('2024-07-29'),
    });
    expect(pagesOf(found, 'meeting-agenda')).toEqual([]);
  }, 60_000);

  it('still reports the one page without an agenda in a tree whose minutes mostly carry one', async () => {
    const agenda = '## Agenda\n\n- Glossary\n\n';
    const found = await meetingFindings({
      'minutes/security/2025-04-14-weekly.md': minutes('2025-04-14', agenda),
      'minutes/security/2025-04-21-weekly.md': minutes('2025-04-21'),
      'minutes/packaging/2025-05-09-weekly.md': minutes('2025-05-09', agenda),
      'minutes/device/2024-07-29-weekly.md': minutes('2024-07-29', agenda),
    });
    expect(pagesOf(found, 'meeting-agenda')).toEqual(['minutes/security/2025-04-21-weekly.md']);
  }, 60_000);

  it('still reports two agenda-less minutes in sub-folders of a folder that is no minutes folder', async () => {
    const found = await meetingFindings({
      'docs/security/2025-04-14-minutes.md': minutes('2025-04-14'),
      'docs/packaging/2025-05-09-minutes.md': minutes('2025-05-09'),
      'docs/device/2024-07-29-minutes.md': minutes('2024-07-29'),
    });
    expect(pagesOf(found, 'meeting-agenda').length).toBe(3);
  }, 60_000);
});

describe('left23: a minutes folder whose own template has no agenda', () => {
  /** A sprint acta's template, or its copy filled in for `sprint`, with `agenda` at its top when given. */
  const acta = (sprint: string, agenda = '') =>
    `# Actas del Sprint ${sprint}\n\n${agenda}## Acta de Sprint Review\n\n**Fecha:** ${sprint === 'N' ? '<fecha>' : '10/10/2026'}\n\n### Objetivo del sprint\n\n${sprint === 'N' ? '<objetivo>' : 'Terminar el listado de pokémon.'}\n\n### Backlog para el siguiente sprint\n\n| Actividad | Responsable |\n| --- | --- |\n| ${sprint === 'N' ? '<actividad> | <nombre>' : 'Paginación | Ana'} |\n`;

  it('does not ask its one acta for the agenda the template leaves out', async () => {
    const found = await meetingFindings({
      'docs/actas/plantilla.md': acta('N'),
      'docs/actas/sprint-1.md': acta('1'),
    });
    expect(pagesOf(found, 'meeting-agenda')).toEqual([]);
  }, 60_000);

  it('still asks the acta for its agenda when the template has one', async () => {
    const agenda = '## Orden del día\n\n- <tema>\n\n';
    const found = await meetingFindings({
      'docs/actas/plantilla.md': acta('N', agenda),
      'docs/actas/sprint-1.md': acta('1'),
    });
    expect(pagesOf(found, 'meeting-agenda')).toEqual(['docs/actas/sprint-1.md']);
  }, 60_000);
});

describe('left23: the deadline that closes a task list', () => {
  const protokoll = (tasks: string) =>
    `# Protokoll vom 16.04.2019\n\n## Anwesende\n\n- Lena\n- Jonas\n\n## Tagesordnung\n\n1. Konzept\n\n### Festlegungen\n\n- Wir treffen uns dienstags\n\n### Aufgaben\n\n${tasks}`;

  it('reads "- Abgabe 28.04.19" as the due date of the list it closes, not as a task', async () => {
    const found = await meetingFindings({
      'protokolle/protokoll-2019-04-16.md': protokoll(
        '- Lena: Logo entwerfen\n- Jonas: Ablauf als Flowchart skizzieren\n- Abgabe 28.04.19\n',
      ),
    });
    expect(of(found, 'action-items')).toEqual([]);
  }, 60_000);

  it('still reports the owners the list lacks, and a task that only mentions the submission', async () => {
    const found = await meetingFindings({
      'protokolle/protokoll-2019-04-16.md': protokoll(
        '- Logo entwerfen\n- Abgabe vorbereiten und hochladen\n- Deadline: 28.04.19\n',
      ),
      'protokolle/protokoll-2019-04-23.md': protokoll('- Lena: Logo entwerfen\n- Abgabe vorbereiten\n'),
    });
    expect(of(found, 'action-items').map((line) => line.replace(/^\S+ /, ''))).toEqual([
      'action-items: Action item "Logo entwerfen" has no owner.',
      'action-items: Action item "Abgabe vorbereiten und hochladen" has no owner.',
      'action-items: Action item "Lena: Logo entwerfen" has no due date.',
      'action-items: Action item "Abgabe vorbereiten" has no owner and due date.',
    ]);
  }, 60_000);
});

describe('left23: brackets that name no one', () => {
  const protokoll = (tasks: string) =>
    `# Protokoll vom 30.04.2019\n\n## Anwesende\n\n- Lena\n- Jonas\n\n## Tagesordnung\n\n1. Konzept\n\n### Festlegungen\n\n- Wir treffen uns dienstags\n\n### Aufgaben\n\n${tasks}`;
  const missing = (found: string[]) => of(found, 'action-items').map((line) => line.slice(line.indexOf('"')));

  it('reads no owner in "(Story, etc.)" nor in a lower-case noun "(spielgrafiken)"', async () => {
    const found = await meetingFindings({
      'protokolle/protokoll-2019-04-30.md': protokoll(
        '- Thema des Spiels genauer beschreiben (Story, etc.)\n- Menü, Fortschrittsanzeige usw. zeichnen (spielgrafiken)\n',
      ),
    });
    expect(missing(found)).toEqual([
      '"Thema des Spiels genauer beschreiben (Story, etc.)" has no owner and due date.',
      '"Menü, Fortschrittsanzeige usw. zeichnen (spielgrafiken)" has no owner and due date.',
    ]);
  }, 60_000);

  it('still reads the names in brackets as owners: an accented one, a "+" pair, a pair joined by "e"', async () => {
    const found = await meetingFindings({
      'protokolle/protokoll-2019-04-30.md': protokoll(
        '- Repositório configurar (Víctor).\n- Publicar o site (Kyara + Antonio).\n- Revisar o texto (Ana e João).\n- Skizze zeichnen (mw)\n',
      ),
    });
    expect(missing(found)).toEqual([
      '"Repositório configurar (Víctor)." has no due date.',
      '"Publicar o site (Kyara + Antonio)." has no due date.',
      '"Revisar o texto (Ana e João)." has no due date.',
      '"Skizze zeichnen (mw)" has no due date.',
    ]);
  }, 60_000);
});

describe("left23: a placeholder word as a template's link target", () => {
  const call = (recording: string) =>
    `# Monthly call 2020-12-07\n\n## Agenda\n\n- Roadmap\n\n## Notes\n\n### Action items\n\n- @kim: publish the roadmap by 2020-12-14\n\n### Video recording\n\n[recording](${recording})\n`;

  it('does not report "[recording](FIXME)" or "(TODO)" on the template as a broken link', async () => {
    const root = tempTree({
      'meetings/template.md': call('FIXME').replace('2020-12-07', 'YYYY-MM-DD'),
      'meetings/templates/call.md': call('TODO').replace('2020-12-07', 'YYYY-MM-DD'),
      'meetings/2020/monthly-2020-12-07.md': call('https://example.com/rec'),
    });
    expect(await ruleFindings([root], 'broken-link')).toEqual([]);
  }, 60_000);

  it('still reports it on a filled page, and a real missing page on the template', async () => {
    const root = tempTree({
      'meetings/template.md': call('recordings.md').replace('2020-12-07', 'YYYY-MM-DD'),
      'meetings/2020/monthly-2020-12-07.md': call('FIXME'),
    });
    expect(await ruleFindings([root], 'broken-link')).toEqual([
      'meetings/2020/monthly-2020-12-07.md',
      'meetings/template.md',
    ]);
  }, 60_000);
});

describe("left23: the choice of who holds a role, in a Catalan team's minutes", () => {
  const acta = (item: string) =>
    `# Meeting Minutes 14/03/2026\n\n### Attendees:\n\n* Pau Serra\n* Laia Puig\n\n### Minutes of the meeting:\n\n* Supervisió dels requisits\n* Planificació de les tasques de l'sprint\n* ${item}\n* Actualització del document d'especificacions\n`;

  it('reads "Selecció de _SCRUM MASTER_ (Pau)" as a decision', async () => {
    const found = await meetingFindings({
      'minutes/meeting-2026-03-14.md': acta('Selecció de _SCRUM MASTER_ (Pau)'),
    });
    expect(pagesOf(found, 'meeting-outcomes')).toEqual([]);
  }, 60_000);

  it('still finds no outcome when the selection names no one', async () => {
    const found = await meetingFindings({
      'minutes/meeting-2026-03-14.md': acta('Selecció de requisits prioritaris'),
    });
    expect(pagesOf(found, 'meeting-outcomes')).toEqual(['minutes/meeting-2026-03-14.md']);
  }, 60_000);
});
