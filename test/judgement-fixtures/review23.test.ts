import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { meetingFindings, of } from './cli-findings.js';

/**
 * A second reading of meet15 (the fifteenth round's meeting fixes): pages the new patterns judge wrongly.
 * Synthetic pages, written for the test.
 */

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title = 'Notes') => classify({ path, title, labels: [] });

const minutes = (steps: string[]) =>
  [
    '# Working group 2026-06-11',
    '',
    'Attendees: Ana Lima, Ben Okafor, Jannis Roth',
    '',
    '## Agenda',
    '',
    '- Build status',
    '',
    '## Discussion',
    '',
    '- The build is green again.',
    '',
    '## Next Steps',
    '',
    ...steps,
    '',
  ].join('\n');

const actionItems = async (page: string) =>
  of(await meetingFindings({ 'minutes/2026-06-11.md': page }), 'action-items').map(
    (line) => line.split('"')[1],
  );

describe('review23: action-items', () => {
  it('does not take capitalised words in brackets after a bold title for a team’s members', async () => {
    // TEAM_MEMBERS (task-signals.ts) takes any two capitalised words in brackets, unchecked against the page's
    // people: browsers, platforms, languages are no owners.
    const found = await actionItems(
      minutes(['- [ ] **Browser support** (Chrome, Firefox, Safari) Fix the header by 2026-07-10']),
    );
    // Without the brackets the same item is reported "has no owner"; with them it passes.
    expect(found).toHaveLength(1);
  });

  it('still reports a task written after the next meeting’s label', async () => {
    // NEXT_MEETING (task-lists.ts) accepts any text after "Next meeting:", not only a date or "TBD".
    const found = await actionItems(
      minutes([
        '- Next meeting: send the invite to the vendor',
        '- Next meeting in Berlin: book the flights',
        '- Next session at the offsite — prepare the demo',
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('still reports a task that opens with its verb and ends with a colon over its details, though it names "TODOs"', async () => {
    // taskListLeadIn reads the words for a task list anywhere in the line, whatever verb opens it.
    const found = await actionItems(
      minutes(['- Move the open TODOs to the tracker:', '  - see the wiki page for the list']),
    );
    // Got: the parent dropped as a lead-in, and its detail "see the wiki page for the list" reported in its place.
    expect(found).toEqual(['Move the open TODOs to the tracker:']);
  });

  it('reads an open checkbox as open though a check mark follows it', async () => {
    // CHECK_MARK (task-signals.ts) is meant for notes that mark done "without a checkbox"; tasks.ts applies it to
    // items whose box says open ("- [ ] ✅ …", a check-mark emoji used as the list's decoration) too.
    const found = await actionItems(minutes(['- [ ] ✅ Set up the CI pipeline']));
    expect(found).toHaveLength(1);
  });

  // Judgement call: a team of this round (a Japanese hackathon's to-do page) marks finished tasks by a check mark at
  // the end and leaves the box open ("- [ ] (name) … ✅"); reading those as open added nine wrong findings there, so a
  // mark at the end of an open-box item still means done.
  it.skip('reads an open checkbox as open though a check mark ends it', async () => {
    const found = await actionItems(minutes(['- [ ] Set up the staging server ✓']));
    expect(found).toHaveLength(1);
  });

  it('reads the closing date of a protocol’s "task – owner – 28.04.2026" row as its due date', async () => {
    // beforeDue (task-dates.ts) reads the dotted date (DOTTED_DATE) to find the owner before it, but givesDate does
    // not: without a dated lead-in ("Aktionen bis zum nächsten Meeting:", as holdout15's page has) the row is
    // reported "has no due date".
    const found = await actionItems(minutes(['- TechStack-Vorschläge vorbereiten – Jannis – 28.04.2026']));
    expect(found).toEqual([]);
  });

  // Judgement call: "Instructions:" over a numbered list is taken for steps done in the room (qbmet), but under an
  // "Action items" heading it can as well be what everyone must do after the meeting; the list is now never read.
  it.skip('still reads instructions under an Action items heading as tasks when they are for after the meeting', async () => {
    const page = minutes([]).replace(
      '## Next Steps\n',
      '## Action items\n\nInstructions:\n\n1. Fill in the offsite survey\n2. Send your slides to the chair\n',
    );
    expect(await actionItems(page)).toEqual(['Fill in the offsite survey', 'Send your slides to the chair']);
  });
});

const korean = (extra: string[]) =>
  [
    '# 3주차 회의록',
    '',
    '- 일시: 2025년 9월 19일',
    '- 참석자: 김민수, 이지은',
    '',
    '## 회의 내용',
    '',
    '- 로그인 화면 디자인을 검토했다.',
    '- 배포 일정은 다음 주에 다시 논의한다.',
    '',
    '## 결정 사항',
    '',
    '- 디자인 시안 B로 진행한다.',
    '',
    ...extra,
  ].join('\n');

describe('review23: meeting-agenda', () => {
  it('does not take the next meeting’s "안건:" (under "## 다음 회의 계획") for this meeting’s agenda', async () => {
    // The inline "안건:" branch shares the not-under of the English branch, which knows no "다음" (next).
    const agenda = async (page: string) =>
      of(await meetingFindings({ '회의록/week_3.md': page }), 'meeting-agenda');
    expect(await agenda(korean([]))).toHaveLength(1);
    expect(await agenda(korean(['## 다음 회의 계획', '', '- 안건: 배포 일정 확정', '']))).toHaveLength(1);
  });
});

describe('review23: meeting-outcomes', () => {
  // Judgement call: "최종 결정" (final decision) is matched as a prefix, so "## 최종 결정 보류" (final decision on hold)
  // counts as a Decisions section; English "## Decisions pending" does the same today.
  it.skip('does not take "## 최종 결정 보류" (final decision on hold) for a Decisions section', async () => {
    const page = [
      '# 4주차 회의록',
      '',
      '- 일시: 2025년 9월 26일',
      '- 참석자: 김민수, 이지은',
      '',
      '## 회의 내용',
      '',
      '- 로그인 화면 디자인을 검토했다.',
      '',
      '## 최종 결정 보류',
      '',
      '- 디자인 시안은 다음 회의에서 다시 논의',
      '',
    ].join('\n');
    expect(of(await meetingFindings({ '회의록/week_4.md': page }), 'meeting-outcomes')).toHaveLength(1);
  });
});

describe('review23: typing', () => {
  it('does not type a dated telecon guide page as one call’s notes', () => {
    // The telcon title pattern takes any date near "telecon": a dial-in page "as of" a date is a guide.
    expect(typeOf('docs/telecon-dial-in.md', 'Telecon dial-in numbers (updated 2024-03-01)')).toBeUndefined();
  });

  // Judgement call: a product's `meeting/` feature docs may carry a year in a page's name; the path glob takes any
  // 19xx/20xx in the file name for a meeting date. Rarely seen, so left to the maintainers.
  it.skip('does not type a video app’s meeting/ page with a year in its name as minutes', () => {
    expect(
      typeOf('docs/meeting/breakout-rooms-2024-update.md', 'Breakout rooms: what changed'),
    ).toBeUndefined();
  });
});
