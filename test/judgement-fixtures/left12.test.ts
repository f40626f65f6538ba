import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { meetingFindings } from './cli-findings.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * Gaps the eleventh out-of-sample round left, written for the test in the real pages' shape (the pages
 * themselves are other people's text): proposals sorted into a folder per state (rhobs/handbook's
 * `Proposals/Accepted/`, `Done/`, `Rejected/`), and German protocols in a `protokolle/` folder with their
 * shorthand outcomes (makerspace-gt/protokolle, fsfw-dresden/protokolle), and task tables (an owner column
 * and a task column over a filled row) in English and Korean, which no rule read.
 */

useRecheck();

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string, fields: string[] = []) =>
  classify({ path, title, labels: [], fields });

/** A design-doc proposal: owners as a nested list, a TL;DR, Why / Goals / How / Alternatives; no status line. */
const proposal = (month: string, topic: string) =>
  [
    `# ${month}: ${topic}`,
    '',
    '* **Owners:**',
    '  * [`@ana`](https://github.com/ana)',
    '',
    `> TL;DR: We propose to keep the ${topic.toLowerCase()} in one place, because three teams copy it today.`,
    '',
    '## Why',
    '',
    'Each team keeps its own copy, so they drift apart.',
    '',
    '## Goals',
    '',
    '* One copy.',
    '',
    '## How',
    '',
    'Move the copies into one repository and link to it.',
    '',
    '## Alternatives',
    '',
    '* Keep the copies: they drift.',
    '',
    '## Action Plan',
    '',
    '* [ ] Move the copies',
    '',
  ].join('\n');

describe('left12: proposals sorted into a folder per state', () => {
  it('types a page in a state folder as a record, and not the process page beside the folders', () => {
    expect(typeOf('content/Proposals/Accepted/202106-handbook.md', '2021-06: Handbook')).toBe('decision');
    expect(typeOf('content/Proposals/Done/202106-process.md', '2021-06: Process')).toBe('decision');
    expect(typeOf('content/Proposals/Rejected/202203-cache.md', '2022-03: Cache')).toBe('decision');
    expect(typeOf('docs/proposals/implemented/token-usage.md', 'Token usage')).toBe('decision');
    expect(typeOf('proposal/accepted/shared-board.md', 'Shared board')).toBe('decision');
    expect(typeOf('content/Proposals/process.md', 'Proposals Process')).toBeUndefined();
    expect(typeOf('content/Proposals/Accepted/README.md', 'Accepted')).toBe('index');
    // A state folder under another name than proposals is not typed by its name alone.
    expect(typeOf('Approved/dyn-type.md', 'Dynamic types')).toBeUndefined();
  });

  it('judges them as records, and asks no status of records whose folder holds their state (Accepted/, Done/)', async () => {
    const { findings, on } = await lintDecisionFolder(
      {
        'Proposals/process.md': '# Proposals Process\n\nCopy the template below into a state folder.\n',
        'Proposals/Rejected/202203-cache.md': proposal('2022-03', 'Cache').replace(
          /^\* \*\*Owners.*\n.*\n/m,
          '',
        ),
        'Proposals/Accepted/202106-handbook.md': proposal('2021-06', 'Handbook'),
        'Proposals/Accepted/202205-operator.md': proposal('2022-05', 'Operator'),
        'Proposals/Done/202106-process.md': proposal('2021-06', 'Process'),
      },
      '2026-12-01',
    );
    expect(findings.filter((f) => f.ruleId === 'decision-status')).toEqual([]);
    expect(new Set(findings.map((f) => f.page.file))).not.toContain('Proposals/process.md');
    // They are records: one that names no owner is told so.
    expect(on('Proposals/Rejected/202203-cache.md')).toEqual([
      ['decision-owner', 'Decision record owner is missing (found: none).'],
    ]);
  }, 60_000);
});

/** A weekly round's protocol as a German makerspace writes it: attendees, quorum, numbered points with notes. */
const round = (date: string, notes: string[]) =>
  [
    '# **Werkstatt-Runde**',
    `Mittwoch, ${date}`,
    '',
    '### Anwesende Mitglieder',
    'Anna Berg, Bernd Vogel, Clara Wolf, Dieter Fuchs',
    '',
    '### Protokoll',
    'Clara Wolf',
    '',
    '### Beschlussfähigkeit des Vorstands',
    'nicht gegeben',
    '',
    '### Tagesordnungspunkte',
    '1. Öffnungszeiten der Werkstatt',
    '    * Mittwochs und Samstags geöffnet',
    '    * Kalender für die Schlüssel?',
    '1. Lagerregale für die Mitgliederkisten',
    '    * billig oder stabil? verschiedene Größen anbieten?',
    ...notes.map((note) => `    * ${note}`),
    '',
  ].join('\n');

describe('left12: German protocols in a protokolle/ folder', () => {
  it('types a protocols folder, its `Protokoll_…` and `Sitzungsprotokoll` files, but not a lab’s or an annexed report', () => {
    expect(typeOf('protokolle/2020/2020-01-15 Werkstatt-Runde.md', 'Werkstatt-Runde')).toBe('meeting-notes');
    expect(typeOf('Protokolle/2024-03-01.md', 'Runde')).toBe('meeting-notes');
    expect(typeOf('verein/Protokoll_2024-03-01.md', 'Runde')).toBe('meeting-notes');
    expect(typeOf('vorstand/2024-03-01-Sitzungsprotokoll.md', 'Vorstand')).toBe('meeting-notes');
    expect(typeOf('2020/2020-02-29 Versammlung.md', 'Protokoll der ordentlichen Mitgliederversammlung')).toBe(
      'meeting-notes',
    );
    // Real folders' paths: a hackerspace's wiki (Protokolle/Vorstandssitzungen/), a student group's protocols.
    expect(
      typeOf('wiki/Offizielles/Protokolle/Vorstandssitzungen/2017-01-31-Vorstandssitzung.md', 'Sitzung'),
    ).toBe('meeting-notes');
    expect(typeOf('protokoll-2015-01-14.md', 'Links')).toBe('meeting-notes');
    expect(typeOf('docs/netz.md', 'Protokollübersicht')).toBeUndefined();
    expect(typeOf('protokolle/2020/2020-02-29 Kassenprüfungsbericht 2019.md', 'Kassenprüfungsbericht')).toBe(
      undefined,
    );
    expect(typeOf('tests/protokolle/geraetepruefung.md', 'Geräteprüfung')).toBeUndefined();
    expect(typeOf('praktikum/Versuchsprotokoll_3.md', 'Versuch 3')).toBeUndefined();
  });

  it('reads the shorthand outcomes: names and a verb, "… kaufen!", "Verschoben", "Ergebnis:"', async () => {
    const findings = await meetingFindings({
      'protokolle/index.md':
        '# Protokolle\n\n- [1](2020/2020-01-15.md)\n- [2](2020/2020-01-22.md)\n- [3](2020/2020-03-18.md)\n- [4](2020/2020-01-08.md)\n- [5](2020/2020-02-05.md)\n- [6](2020/2020-02-12.md)\n',
      'protokolle/2020/2020-01-15.md': round('15. Januar 2020', ['Anna & Bernd suchen Schließsysteme raus']),
      'protokolle/2020/2020-01-22.md': round('22. Januar 2020', [
        'Dieter und Anna fangen nächste Woche an, den Server einzurichten',
      ]),
      'protokolle/2020/2020-03-18.md': round('18. März 2020', ['#35 Bandschleifer für 120 € kaufen!']),
      'protokolle/2020/2020-01-08.md': round('8. Januar 2020', ['Verschoben, da zu wenig Anwesende']),
      'protokolle/2020/2020-02-05.md': round('5. Februar 2020', ['Ergebnis: Regale aus Holz bauen lassen']),
      // A question is no outcome: "Wer macht das?"; nor a list of what was said.
      'protokolle/2020/2020-02-12.md': round('12. Februar 2020', [
        'Wer macht das?',
        'die Regale sind zu klein',
      ]),
    });
    expect(findings).toEqual([
      'protokolle/2020/2020-02-12.md meeting-outcomes: Meeting notes record no outcome; add a Decisions section, or an action item, or a "Decision:" or "Action:" line, or a sentence that records a decision or an action.',
    ]);
  }, 60_000);
});

/** Notes whose tasks are a table under their own heading, with an owner and a task column. */
const tabled = (title: string, agenda: string, heading: string, header: string, rows: string[]) =>
  [
    `# ${title}`,
    '',
    agenda,
    '',
    '- Release',
    '',
    `## ${heading}`,
    '',
    header,
    header.replace(/[^|]+/g, ' --- '),
    ...rows,
    '',
  ].join('\n');

describe('left12: task tables', () => {
  it('takes a filled task table for an outcome, in English and in Korean (담당자 / 할 일 / 기한)', async () => {
    const findings = await meetingFindings({
      'meetings/index.md': '# Meetings\n\n- [1](2026-05-01.md)\n- [2](2026-05-02.md)\n- [3](2026-05-03.md)\n',
      'meetings/2026-05-01.md': tabled(
        'Sync 2026-05-01',
        '## Agenda',
        'Action items',
        '| Owner | Task | Due |',
        ['| Ana | Update the changelog | 2026-05-08 |'],
      ),
      'meetings/2026-05-02.md': tabled(
        '동아리 회의록 2026-05-02',
        '## 주요안건',
        '업무 분담',
        '| 담당자 | 할 일 | 기한 |',
        ['| 김하나 | 발표 자료 만들기 | 5월 8일 |'],
      ),
      // The form's header over empty cells records nothing.
      'meetings/2026-05-03.md': tabled(
        '동아리 회의록 2026-05-03',
        '## 주요안건',
        '업무 분담',
        '| 담당자 | 할 일 | 기한 |',
        ['|  |  |  |'],
      ),
    });
    expect(findings).toEqual([
      'meetings/2026-05-03.md meeting-outcomes: Meeting notes record no outcome; add a Decisions section, or an action item, or a "Decision:" or "Action:" line, or a sentence that records a decision or an action.',
    ]);
  }, 60_000);
});

describe('left12: the patterns added are bounded (checked as redos-patterns.test.ts checks them)', () => {
  const rule = parse(readFileSync(new URL('../../rules/meeting-outcomes.yml', import.meta.url), 'utf8')) as {
    then: { 'any-of': { text?: string }[] };
    phrases: Record<string, string[]>;
  };
  const added = [
    ...(rule.phrases.de ?? []).filter((p) => /\[Ee\]rgebnis|Wer\|Was|kaufen\||erschoben/.test(p)),
    ...rule.then['any-of'].flatMap((alt) => (alt.text?.includes('담당자') ? [alt.text] : [])),
  ];
  it('finds the five patterns', () => expect(added).toHaveLength(5));
  for (const pattern of added)
    it(
      `is safe: ${pattern.slice(0, 40)}…`,
      () => expect(verdict(new RegExp(pattern, 'mu'))).toBe('safe'),
      120_000,
    );
  it('the protocol titles are safe', () => {
    for (const title of DEFAULT_DOCUMENT_TYPES['meeting-notes']?.titles ?? [])
      if (/protokoll/.test(title)) expect(verdict(new RegExp(title, 'iu'))).toBe('safe');
  }, 120_000);
});
