import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { DEFAULT_RULES_DIR, loadRuleFiles } from '../../src/rules/load.js';
import { re2Problem } from '../../src/rules/regex.js';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';

/**
 * Meeting notes as the seventeenth out-of-sample round met them, written for the test (the pages themselves are
 * other people's text): Italian "Verbale riunione" minutes, Polish "Protokoły spotkań", sprint retrospectives and
 * stand-up notes by their folders, a "Daily" with its day, a month-first "03-22-2022 … Meeting", an ISO week's
 * "Weekly Meeting 2019w16"; Slovak and Polish outcome headings; a stand-up's round of status updates; "@dean:"
 * over the tasks it owns.
 */

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string) => classify({ path, title, labels: [] });

describe('the seventeenth round: minutes by their kind, their language and their date', () => {
  it('types them as meeting notes', () => {
    for (const [path, title] of [
      ['docs/Verbale riunione kickoff.md', 'Verbale Riunione: Avvio del progetto'],
      ['verbali_riunioni/lunedi.md', 'Riepilogo di lunedì'],
      ['Protokoly spotkan.md', 'Protokoły spotkań'],
      ['notes/spotkanie.md', 'Protokół ze spotkania zespołu'],
      ['docs/sprints/retrospectives/sprint4.md', 'What we learned'],
      ['docs/sprints/standup-reports/04-02-2023.md', 'Notes'],
      ['docs/sprints/sprint4-retro.md', 'Sprint 4 Retrospective'],
      ['Notatki/Daily/2025-11-03 Daily.md', 'Daily – 2025-11-03'],
      ['docs/sprints/sync.md', '04-02-2023 Sprint Meeting'],
      ['weekly/2020q1.md', 'Weekly Meeting 2020w07 (02.10 ~ 02.16)'],
      ['team/riunione.md', 'Riunione 12 marzo 2025'],
      ['team/standup.md', 'Stand-up 2025.03.12'],
    ] as const)
      expect(typeOf(path, title), path).toBe('meeting-notes');
  });

  it('leaves daily notes, a time of day, a protocol and a guide on retrospectives alone', () => {
    expect(typeOf('journal/daily/2025-11-03.md', '2025-11-03')).toBeUndefined();
    expect(typeOf('journal/notes.md', 'Daily notes 2025-11-03')).toBeUndefined();
    expect(typeOf('docs/standup.md', 'Daily meeting at 09.30')).toBeUndefined();
    expect(typeOf('docs/protocol.md', 'Protokół HTTP 1.1')).toBeUndefined();
    expect(typeOf('docs/agile/retros.md', 'How we run retrospectives')).toBeUndefined();
    expect(typeOf('docs/release.md', 'Release 3.4 meeting')).toBeUndefined();
    // The folder's own index is still its index.
    expect(typeOf('docs/sprints/retrospectives/README.md', 'Retrospectives')).toBe('index');
  });

  it('asks no owner of them and calls none an orphan', async () => {
    const retro = (n: number) =>
      `# Sprint ${n} Retrospective\n\n### What went well\n\n- The API landed.\n\n### How to improve\n\n- We will pair on reviews.\n`;
    const root = tempTree({
      'README.md': '# Shop\n\nA student project.\n',
      'docs/sprints/retrospectives/sprint1.md': retro(1),
      'docs/sprints/retrospectives/sprint2.md': retro(2),
      'verbali_riunioni/lunedi.md':
        '# Verbale Riunione: Avvio\n\n## Ordine del giorno\n\n1. Piano\n\n## Decisioni\n\n- Usiamo Git.\n',
    });
    expect(await ruleFindings([root], 'page-owner')).toEqual([]);
    expect(await ruleFindings([root], 'orphan-page')).toEqual([]);
  });
});

const slovakMinutes = (tail: string) =>
  [
    '# Stretnutie tímu',
    '',
    '**Dátum:** 12. 3. 2026',
    '',
    '## Program',
    '',
    '1. Prihlasovanie',
    '2. Logovanie',
    '',
    '## Diskusia',
    '',
    'Prebrali sme prihlasovanie a logovanie.',
    '',
    tail,
    '',
  ].join('\n');

describe('the seventeenth round: outcomes under Slovak and Polish headings', () => {
  it('reads "Prijaté rozhodnutia", "Úlohy do …" and "Diskusia a rozhodnutia" as outcomes', async () => {
    const found = await meetingFindings({
      'minutes/2026-03-12-a.md': slovakMinutes('## Prijaté rozhodnutia\n\n- Logy ukladáme do súboru.'),
      'minutes/2026-03-19-b.md': slovakMinutes(
        '### 5. Úlohy do nasledujúceho stretnutia\n\n- **Bc. Ana Nováková:** pripraví formulár',
      ),
      'minutes/2026-03-26-c.md': slovakMinutes('## Diskusia a rozhodnutia\n\n- Roly sú rozdelené.'),
    });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
  });

  it('still reports Slovak minutes that record nothing', async () => {
    const found = await meetingFindings({
      'minutes/2026-03-12-a.md': slovakMinutes('## Poznámky\n\n- Nič.'),
    });
    expect(of(found, 'meeting-outcomes').map((line) => line.split(' ')[0])).toEqual([
      'minutes/2026-03-12-a.md',
    ]);
  });

  const daily = (tail: string) =>
    [
      '# Daily – 2025-11-03',
      '',
      '## 1. Status update',
      '',
      '### Jan Nowak',
      '',
      '**Co robię:**',
      '- Moduł raportów',
      '',
      '### Ewa Lis',
      '',
      '**Co robię:**',
      '- Testy',
      '',
      tail,
      '',
    ].join('\n');

  it('takes a stand-up’s status round for its agenda, and a decision table, a decision label or an assignee for outcomes', async () => {
    const found = await meetingFindings({
      'Notatki/Daily/2025-11-03 Daily.md': daily(
        '## 3. Decyzje ad-hoc\n\n| Decyzja | Kontekst |\n|---|---|\n| Wydajemy wersję | Beta |',
      ),
      'Notatki/Daily/2025-11-04 Daily.md': daily('### Wydanie\n\n**Decyzja:**\n- Wydajemy w piątek'),
      'Notatki/Daily/2025-11-05 Daily.md': daily('### 1. Nowe pole\n\n**Przypisanie:** Jan Nowak'),
    });
    expect(of(found, 'meeting-agenda')).toEqual([]);
    expect(of(found, 'meeting-outcomes')).toEqual([]);
  });

  it('still reports a daily that records no outcome, and one with no standing round nor agenda', async () => {
    const found = await meetingFindings({
      'Notatki/Daily/2025-11-03 Daily.md': daily('### Uwagi\n\n- Nic nowego'),
      'Notatki/Daily/2025-11-04 Daily.md': '# Daily – 2025-11-04\n\nRozmawialiśmy o testach.\n',
    });
    expect(of(found, 'meeting-outcomes').map((line) => line.split(' ')[0])).toEqual([
      'Notatki/Daily/2025-11-03',
      'Notatki/Daily/2025-11-04',
    ]);
    expect(of(found, 'meeting-agenda').map((line) => line.split(' ')[0])).toEqual([
      'Notatki/Daily/2025-11-04',
    ]);
  });
});

describe('the seventeenth round: a handle and its colon over the tasks it owns', () => {
  const weekly = (owner: string) =>
    `# Team meeting 2026-06-11\n\n## Agenda\n\n- Plans\n\n## ToDo\n\n${owner}\n\n- [ ] Draft the form\n- [ ] Fix the layout\n`;

  it('reads "@dean:" over the list as the owner of its items', async () => {
    const found = of(await meetingFindings({ 'meetings/2026-06-11.md': weekly('@dean:') }), 'action-items');
    expect(found.map((line) => line.split('" ')[1])).toEqual(['has no due date.', 'has no due date.']);
  });

  it('does not read a plain line over the list as an owner', async () => {
    const found = of(
      await meetingFindings({ 'meetings/2026-06-11.md': weekly('Open items:') }),
      'action-items',
    );
    expect(found.map((line) => line.split('" ')[1])).toEqual([
      'has no owner and due date.',
      'has no owner and due date.',
    ]);
  });
});

describe('the seventeenth round: an agenda label set in a quote', () => {
  const weekly = (agenda: string) =>
    `# Weekly Meeting 2026w20\n\n> **Moderator**: @ana\n\n${agenda}\n\n> **Notes**:\n- Plans\n\n## Decisions\n\n- Ship it.\n`;

  it('reads "> **Agenda**" over a quoted topic as the agenda', async () => {
    const found = await meetingFindings({
      'meetings/2026w20.md': weekly('> **Agenda**\n\n> **Topic**: the release'),
    });
    expect(of(found, 'meeting-agenda')).toEqual([]);
  });

  it('still reports a quoted "> **Agenda**" over nothing', async () => {
    const found = await meetingFindings({ 'meetings/2026w20.md': weekly('> **Agenda**\n>') });
    expect(of(found, 'meeting-agenda').map((line) => line.split(' ')[0])).toEqual(['meetings/2026w20.md']);
  });
});

describe('the seventeenth round’s patterns run on RE2 (linear by construction, no recheck needed)', () => {
  it('the quoted agenda label, the outcome joined by another language’s "and", the Polish and Slovak labels', async () => {
    const rules = await loadRuleFiles([DEFAULT_RULES_DIR]);
    const alternatives = (id: string) => {
      const options = rules.get(id)?.options as { then: { 'any-of': { text?: string }[] } } | undefined;
      return (options?.then['any-of'] ?? []).flatMap((a) => (a.text ? [a.text] : []));
    };
    const patterns = [
      ...alternatives('meeting-agenda').filter((t) => t.startsWith('^[ \\t]*>')),
      ...alternatives('meeting-outcomes').filter((t) => t.includes('rozhodnut') || t.includes('Decyzj')),
    ];
    expect(patterns).toHaveLength(3);
    for (const pattern of patterns) expect(re2Problem(pattern), pattern).toBeUndefined();
  });
});

describe('the seventeenth round: a published meeting page whose day was left as XX', () => {
  it('reports "XX May 2026" and "2026-05-XX" in the text', async () => {
    const root = tempTree({
      'README.md': '# Group\n',
      'meetings/meeting-4.md':
        '# Meeting 4\n\n**XX May 2026 at 10am**, on the usual call.\n\nNext one: 2026-06-XX.\n',
    });
    expect(await ruleFindings([root], 'placeholder', true)).toEqual([
      'meetings/meeting-4.md Unfilled template text "2026-06-XX".',
      'meetings/meeting-4.md Unfilled template text "XX May 2026".',
    ]);
  });

  it('leaves a filled date, a roman numeral and an "XX" that is no day alone', async () => {
    const root = tempTree({
      'README.md': '# Group\n',
      'meetings/meeting-4.md':
        '# Meeting 4\n\n**12 May 2026 at 10am**: the XX century session, size XX in May 2026.\n\nNext one: 2026-06-09.\n',
    });
    expect(await ruleFindings([root], 'placeholder', true)).toEqual([]);
  });
});

describe('the sixteenth round’s leftover: bracketed prompts in Spanish and Portuguese', () => {
  it('reports "[Título de la reunión]" and "[Nome do Participante 1]" left in minutes', async () => {
    const root = tempTree({
      'README.md': '# Equipo\n',
      'actas/acta-3.md': '# Acta de reunión 3\n\n**Tema:** [Título de la reunión]\n\n## Acuerdos\n\n- Sí.\n',
      'atas/ata-3.md':
        '# Ata de reunião 3\n\n## Participantes\n\n- [Nome do Participante 1]\n\n## Decisões\n\n- Sim.\n',
    });
    expect(await ruleFindings([root], 'placeholder', true)).toEqual([
      'actas/acta-3.md Unfilled template text "[Título de la reunión]".',
      'atas/ata-3.md Unfilled template text "[Nome do Participante 1]".',
    ]);
  });

  it('leaves a link, a bracketed aside that starts with no such noun, and "[Data]" alone', async () => {
    const root = tempTree({
      'README.md': '# Equipo\n',
      'actas/acta-3.md':
        '# Acta de reunión 3\n\nVer [Nombre del proyecto](proyecto.md) y [Data] en el informe [versión 2].\n\n## Acuerdos\n\n- Sí.\n',
    });
    expect(await ruleFindings([root], 'placeholder', true)).toEqual([]);
  });
});

describe('the seventeenth round: a retrospective’s own format', () => {
  const retro = (body: string) => `# Sprint 5 Retrospective, 2026-03-02\n\n${body}\n`;

  it('takes start / stop / continue for its agenda and "How to improve" or an action plan for its outcome', async () => {
    const found = await meetingFindings({
      'retrospectives/sprint5.md': retro(
        '## Start doing\n\n- Pairing\n\n## Stop doing\n\n- Late merges\n\n## Action plan\n\n- Review daily.',
      ),
      'retrospectives/sprint6.md': retro(
        '### What went well\n\n- Demo\n\n### How to improve\n\n- Smaller stories.',
      ),
    });
    expect(found).toEqual([]);
  });

  it('still reports a retrospective with neither', async () => {
    const found = await meetingFindings({
      'retrospectives/sprint5.md': retro('Everyone was tired this sprint.'),
    });
    expect(found.map((line) => line.split(':')[0])).toEqual([
      'retrospectives/sprint5.md meeting-agenda',
      'retrospectives/sprint5.md meeting-outcomes',
    ]);
  });
});
