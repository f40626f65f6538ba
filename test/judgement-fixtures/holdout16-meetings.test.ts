import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { ROLE_THEN_NAME } from '../../src/rules/checks/task-signals.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';

/**
 * Meeting notes as the sixteenth out-of-sample round met them, written for the test (the pages themselves are
 * other people's text): minutes named by their title alone, a meeting's name with its day and no year (the year
 * is the folder's), Spanish "Acta de reunión", Dutch "Notulen", a French "Réunion … 28 décembre 2024", a Wiki.js
 * folder page that holds one meeting's minutes; a minutes template's "* TODO" left under a heading; dated minutes
 * in a folder with no index, read on the repository host.
 */

useRecheck();

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string) => classify({ path, title, labels: [] });

describe('the sixteenth round: minutes named by their title', () => {
  it('types a meeting named with its day, and the words that mean minutes, as meeting notes', () => {
    for (const [path, title] of [
      ['WG-Outreach/2025/outreach-03-11.md', 'March 11 WG-Outreach Meeting'],
      ['notes/weekly.md', 'Réunion hebdomadaire - 14 Février 2025'],
      ['site/board/verslag-3-juni.md', 'Notulen bestuursvergadering 3 juni 2024'],
      ['docs/actas equipo/acta-planificacion.md', 'Acta de Reunión - Planificación del sprint'],
      ['docs/team/ata-kickoff.md', 'Ata de reunião - Kickoff'],
      ['docs/team/sync.md', 'Team meeting 2025-03-04'],
    ] as const)
      expect(typeOf(path, title), path).toBe('meeting-notes');
  });

  it('types a page named as its folder as one meeting’s minutes when its title names the meeting’s day', () => {
    expect(typeOf('wiki/orga/Meetings/Meetings.md', 'Meeting Build Team 14.03')).toBe('meeting-notes');
    // The folder's own page, titled by the folder, is still its index.
    expect(typeOf('wiki/orga/Meetings/Meetings.md', 'Meetings')).toBe('index');
  });

  it('leaves a meeting guide, a day in brackets, a version number and the templates alone', () => {
    expect(typeOf('docs/rooms.md', 'Meeting rooms (updated 3 May)')).toBeUndefined();
    expect(typeOf('docs/release.md', 'Release 3.4 meeting')).toBeUndefined();
    expect(typeOf('docs/howto.md', 'Running a good meeting')).toBeUndefined();
    expect(typeOf('docs/plantillas/plantilla-acta.md', 'Acta de Reunión - [Título]')).toBe('template');
    expect(typeOf('docs/equipo/plantilla-acta.md', 'Acta de Reunión - [Título]')).toBe('template');
    expect(typeOf('docs/minutes/templates/summary.md', 'Compte-rendu de réunion')).toBe('template');
    expect(typeOf('site/notulen/index.md', 'Notulen bestuursvergaderingen')).toBe('index');
  });
});

const SIG_README = '# WG-Outreach\n\nNotes are posted in a folder for each year.\n';

const sigMeeting = (notes: string[], actions: string[]) =>
  [
    '# March 11 WG-Outreach Meeting',
    '',
    '## Agenda',
    '',
    '1. Opening and roll call',
    '1. Conference planning',
    '',
    '## Attendees',
    '',
    '* Ana Lima',
    '* Ben Okafor',
    '',
    '## Notes',
    '',
    ...notes,
    '',
    '## Action Items',
    '',
    ...actions,
    '',
  ].join('\n');

describe('the sixteenth round: a meeting folder by year, its pages named by month and day', () => {
  it('runs the meeting rules on them: an item with its owner and no date, a page that records nothing', async () => {
    const found = await meetingFindings({
      'README.md': '# Meetings\n\n- [WG-Outreach](./WG-Outreach)\n',
      'WG-Outreach/README.md': SIG_README,
      'WG-Outreach/2025/outreach-03-11.md': sigMeeting(
        ['* The venue is booked.'],
        ['* [ ] Draft the call for talks (Ana)'],
      ),
      'WG-Outreach/2025/outreach-03-25.md': sigMeeting(['* TODO'], ['* [ ] TODO']),
    });
    expect(of(found, 'action-items')).toEqual([
      'WG-Outreach/2025/outreach-03-11.md action-items: Action item "Draft the call for talks (Ana)" has no due date.',
    ]);
    expect(of(found, 'meeting-outcomes').map((line) => line.split(' ')[0])).toEqual([
      'WG-Outreach/2025/outreach-03-25.md',
    ]);
  });
});

describe('the sixteenth round: a bare TODO left in minutes', () => {
  const minutes = (extra: string) =>
    `# Team meeting 2026-06-11\n\n## Attendees\n\n* TODO\n\n## Notes\n\n- The build is green.\n\n## Action items\n\n${extra}\n`;

  it('reports "* TODO" standing for a section of the minutes', async () => {
    const root = tempTree({
      'README.md': '# Team\n',
      'meetings/2026-06-11.md': minutes('- Ana: book the room'),
    });
    expect(await ruleFindings([root], 'todo-note')).toEqual(['meetings/2026-06-11.md']);
  });

  it('leaves "TODO: Ben calls the venue", the way minutes write a task, and a generated agenda’s field alone', async () => {
    const page = minutes(
      '- TODO: Ben calls the venue\n\n### Issue 12\n\nOpened: TODO\nLabels: P-high',
    ).replace('* TODO', '* Ana Lima');
    const root = tempTree({ 'README.md': '# Team\n', 'meetings/2026-06-11.md': page });
    expect(await ruleFindings([root], 'todo-note')).toEqual([]);
  });
});

describe('the sixteenth round: dated minutes in a folder no index reaches, read on the repository host', () => {
  const page = '# Sync 2026-03-02\n\n## Agenda\n\n- Budget\n\n## Decisions\n\n- Keep the budget.\n';

  it('takes the folder’s listing for their navigation', async () => {
    const root = tempTree({
      'docs/meetings/2026-03-02-sync.md': page,
      'docs/meetings/2026-03-09-sync.md': page.replace('03-02', '03-09'),
      'docs/guides/old-expenses.md': '# Old expenses\n\nUse the old form.\n',
    });
    // A guide no page links is still the stray page.
    expect(await ruleFindings([root], 'orphan-page')).toEqual(['docs/guides/old-expenses.md']);
  });

  it('still reports them when a site generator builds the folder', async () => {
    const root = tempTree({
      '_config.yml': 'title: Team\n',
      'docs/meetings/2026-03-02-sync.md': page,
    });
    expect(await ruleFindings([root], 'orphan-page')).toEqual(['docs/meetings/2026-03-02-sync.md']);
  });
});

describe('the sixteenth round: an attendee in brackets after their role, before the task', () => {
  it('reads the attendee for the owner, as the attendee list writes them; a tag in brackets names no one', async () => {
    const page = [
      '# タスク整理ミーティング',
      '',
      '## 日時',
      '2026-06-11',
      '',
      '## 参加者',
      '- 開発者（Dev-Kai）',
      '- デザイナー（Design-Rin）',
      '',
      '## Next Action',
      '- [ ] デザイナー（Design-Rin） Issue #7 に表示方針をコメントする',
      '- [ ] Docs (Draft) update the runbook',
      '',
    ].join('\n');
    const found = of(await meetingFindings({ 'meetings/2026-06-11-sync.md': page }), 'action-items');
    expect(found.map((line) => line.split('" ')[1])).toEqual([
      'has no due date.',
      'has no owner and due date.',
    ]);
  });
});

describe('the sixteenth round’s patterns, checked by recheck (as redos-patterns.test.ts checks them)', () => {
  it('the role before an attendee in brackets: safe', () => {
    expect(verdict(ROLE_THEN_NAME)).toBe('safe');
  }, 300_000);
});

describe('the sixteenth round: a date mask in the language of the minutes', () => {
  it('reports "DD/MM/AAAA" and "TT.MM.JJJJ" left as the date, not the mask a sentence names as the format', async () => {
    const root = tempTree({
      'README.md': '# Equipe\n\nEscreva a data no formato DD/MM/AAAA.\n',
      'atas/ata-4.md': '# Ata de reunião 4\n\n**Data:** DD/MM/AAAA\n\n## Decisões\n\n- Usar o quadro.\n',
      'protokolle/sitzung.md': '# Sitzungsprotokoll\n\nDatum: TT.MM.JJJJ\n\n## Beschlüsse\n\n- Ja.\n',
    });
    expect(await ruleFindings([root], 'placeholder', true)).toEqual([
      'atas/ata-4.md Unfilled template text "DD/MM/AAAA".',
      'protokolle/sitzung.md Unfilled template text "TT.MM.JJJJ".',
    ]);
  });
});
