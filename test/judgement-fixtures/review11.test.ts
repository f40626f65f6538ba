import { describe, expect, it } from 'vitest';
import { meetingFindings } from './cli-findings.js';

/**
 * A second reading of the meeting rules' changes from branch `meet` (2cd4a66..21af495): relative due dates,
 * owners in the prose, lines under Actions that are no actions, person-by-person reports, Japanese outcome
 * words, mixed-language pages, agenda headings with other words. Each test is a way the changes judge real
 * minutes wrongly; written for the test, no page copied.
 */

const ROSTER = ['## Attendees', '', '- Vera Lind', '- Jonas Brook', '- Dana Holt', '- Will Park', ''];
const PAGE = 'minutes/2026-03-09.md';

/** Minutes with an agenda and a decision, and `items` under "## Action items". */
function actions(items: string[]): string {
  return [
    '# Sync 2026-03-09',
    '',
    ...ROSTER,
    '## Agenda',
    '',
    '1. Updates',
    '',
    '## Decisions',
    '',
    '- We decided to keep the importer.',
    '',
    '## Action items',
    '',
    ...items,
    '',
  ].join('\n');
}

/** Minutes with an agenda, whose notes are `lines` (the outcome rule's page). */
function notes(lines: string[]): string {
  return [
    '# Sync 2026-03-09',
    '',
    ...ROSTER,
    '## Agenda',
    '',
    '- Roadmap',
    '',
    '## Notes',
    '',
    ...lines,
    '',
  ].join('\n');
}

/** Japanese minutes with an agenda; `lines` are its notes. */
function japanese(lines: string[]): string {
  return [
    '# 定例会議 2026-03-09',
    '',
    '## 参加者',
    '',
    '- 田中',
    '- 佐藤',
    '',
    '## Agenda',
    '',
    '- 予算',
    '',
    '## 議事録',
    '',
    '- 来年度の計画について話しました。',
    ...lines,
    '',
  ].join('\n');
}

const NO_OUTCOME = `${PAGE} meeting-outcomes: Meeting notes record no outcome; add a Decisions section, or an action item, or a "Decision:" or "Action:" line, or a sentence that records a decision or an action.`;
const NO_AGENDA = `${PAGE} meeting-agenda: Meeting notes have no written agenda; add an "Agenda" section listing the topics.`;
const noDue = (item: string) => `${PAGE} action-items: Action item "${item}" has no due date.`;

describe('review11: relative due dates', () => {
  it('a duration is no due date ("finish in 2 hours")', async () => {
    // DUE's "in|within N days/weeks/months/hours" (task-signals.ts) reads a length of time as a deadline.
    const item = 'Jonas to make the nightly job finish in 2 hours';
    expect(await meetingFindings({ [PAGE]: actions([`- ${item}`]) })).toEqual([noDue(item)]);
  }, 60_000);

  it('"at the next month\'s budget" is no due date', async () => {
    // "(?:before|by|until|at|in|for|to) the next … month" matches "look at the next month"; the "'s" guard is only
    // on the "this|next|coming week|month" pattern.
    const item = "Dana to look at the next month's budget";
    expect(await meetingFindings({ [PAGE]: actions([`- ${item}`]) })).toEqual([noDue(item)]);
  }, 60_000);

  it('"to the next group of hires" is no due date', async () => {
    // The new "to" and "group" in "(?:…|to) the next (\w+ ){0,2}?(…|group)" read a destination as a time.
    const item = 'Jonas to talk to the next group of hires';
    expect(await meetingFindings({ [PAGE]: actions([`- ${item}`]) })).toEqual([noDue(item)]);
  }, 60_000);

  it('"tonight\'s backup" is no due date', async () => {
    // "\b(?:tomorrow|tonight)\b" has no guard against the possessive.
    const item = "Dana to check why tonight's backup failed";
    expect(await meetingFindings({ [PAGE]: actions([`- ${item}`]) })).toEqual([noDue(item)]);
  }, 60_000);

  // Judgement call: "what we shipped this week" dates the work done, not the summary; but a summary of the week
  // is naturally written that week, so reading it as due is defensible.
  it.skip('"what we shipped this week" dates the past work, not the task', async () => {
    const item = 'Vera to summarise what we shipped this week';
    expect(await meetingFindings({ [PAGE]: actions([`- ${item}`]) })).toEqual([noDue(item)]);
  }, 60_000);
});

describe('review11: owners and lines that are no actions', () => {
  it('"Thanks to Vera, who will send the deck" is an action, not thanks', async () => {
    // task-notes.ts THANKS drops every line that opens with thanks, whatever commitment follows.
    expect(await meetingFindings({ [PAGE]: actions(['- Thanks to Vera, who will send the deck']) })).toEqual([
      noDue('Thanks to Vera, who will send the deck'),
    ]);
  }, 60_000);

  it('an owner after a comma names the owner ("…, Dana will file the rest by Friday")', async () => {
    // ownerInProse splits sentences on [.;!?] only and NAME_WILL is anchored at the clause's start.
    const page = actions(['- All action items from last week are done, Dana will file the rest by Friday']);
    expect(await meetingFindings({ [PAGE]: page })).toEqual([]);
  }, 60_000);

  // Judgement call: with a "Will Park" among the attendees, "Will check the logs" may be Will's task or the
  // minute-taker's "(we) will check"; the rule reads Will as the owner.
  it.skip('"Will check the logs" with a Will present is ambiguous', async () => {
    const page = actions(['- Will check the logs by Friday']);
    expect(await meetingFindings({ [PAGE]: page })).toEqual([
      `${PAGE} action-items: Action item "Will check the logs by Friday" has no owner.`,
    ]);
  }, 60_000);
});

describe('review11: reports kept section by section', () => {
  const both = (a: string, b: string) => [
    `${PAGE} action-items: Action item "${a}" has no owner and due date.`,
    `${PAGE} action-items: Action item "${b}" has no owner and due date.`,
  ];

  it('lower-case team headings ("## platform", "## mobile") are no people', async () => {
    // personHeadings' HANDLE_HEADING takes any lower-case word as a handle unless SECTION_WORDS lists it: the
    // TODO items are given an owner and, under "### TODO", a due date.
    const page = [
      '# Weekly sync 2026-03-09',
      '',
      ...ROSTER,
      '## Agenda',
      '',
      '- Updates',
      '',
      '## Decisions',
      '',
      '- We decided to keep it.',
      '',
      '## platform',
      '',
      '### TODO',
      '',
      '- migrate the database',
      '',
      '## mobile',
      '',
      '### TODO',
      '',
      '- redo the icons',
      '',
    ].join('\n');
    expect((await meetingFindings({ [PAGE]: page })).sort()).toEqual(
      both('migrate the database', 'redo the icons').sort(),
    );
  }, 60_000);

  it('team sub-headings under Action items give no owner', async () => {
    // As above: HANDLE_HEADING takes "### platform" under Action items for a person, the owner of its items.
    const page = [
      '# Weekly sync 2026-03-09',
      '',
      ...ROSTER,
      '## Agenda',
      '',
      '- Updates',
      '',
      '## Decisions',
      '',
      '- We decided to keep it.',
      '',
      '## Action items',
      '',
      '### platform',
      '',
      '- migrate the database',
      '',
      '### mobile',
      '',
      '- redo the icons',
      '',
    ].join('\n');
    expect((await meetingFindings({ [PAGE]: page })).sort()).toEqual(
      both('migrate the database', 'redo the icons').sort(),
    );
  }, 60_000);
});

describe("review11: the next meeting's agenda", () => {
  const withLater = (heading: string[]) =>
    [
      '# Sync 2026-03-09',
      '',
      ...ROSTER,
      '## Notes',
      '',
      '- We talked about the roadmap.',
      '- Dana will send the deck by Friday.',
      '',
      ...heading,
      '',
      '- Budget',
      '- Hiring',
      '',
    ].join('\n');

  it('"## Agenda for next meeting" is not this meeting\'s agenda', async () => {
    // The new heading pattern excludes "next", but the older `section: Agenda` matches the heading by its prefix
    // (find-section.ts startsWithWord), so the page is credited anyway.
    expect(await meetingFindings({ [PAGE]: withLater(['## Agenda for next meeting']) })).toEqual([NO_AGENDA]);
  }, 60_000);

  it('"### Agenda" under "## Next meeting" is not this meeting\'s agenda', async () => {
    // The `section: Agenda` match and the heading pattern read "### Agenda" without the heading above it.
    expect(await meetingFindings({ [PAGE]: withLater(['## Next meeting', '', '### Agenda']) })).toEqual([
      NO_AGENDA,
    ]);
  }, 60_000);

  // Judgement call: items "carried over" were on this meeting's agenda and not reached; they also show this
  // meeting had one. Credited today by the section prefix.
  it.skip('"## Agenda items carried over" is the next meeting\'s', async () => {
    expect(await meetingFindings({ [PAGE]: withLater(['## Agenda items carried over']) })).toEqual([
      NO_AGENDA,
    ]);
  }, 60_000);

  it('a Japanese agenda heading (アジェンダ) is an agenda', async () => {
    // meeting-agenda.yml has no Japanese names (アジェンダ, 議題, 次第), though the outcome rule now reads Japanese.
    const page = japanese(['- 予算の増額を決定しました。']).replace('## Agenda', '## アジェンダ');
    expect(await meetingFindings({ [PAGE]: page })).toEqual([]);
  }, 60_000);
});

describe('review11: Japanese outcome words', () => {
  it('決定できず (could not decide) is no decision', async () => {
    // The ja lookahead lists していない, しない, 待ち, 次第, 前 … but not できず / できなかった.
    expect(await meetingFindings({ [PAGE]: japanese(['- 予算の件は決定できずに終わりました。']) })).toEqual([
      NO_OUTCOME,
    ]);
  }, 60_000);

  it('合意に至りませんでした (no agreement was reached) is no decision', async () => {
    expect(await meetingFindings({ [PAGE]: japanese(['- 合意に至りませんでした。']) })).toEqual([NO_OUTCOME]);
  }, 60_000);

  it('決定事項はありません (no decisions) is no decision', async () => {
    expect(await meetingFindings({ [PAGE]: japanese(['- 決定事項はありません。']) })).toEqual([NO_OUTCOME]);
  }, 60_000);

  it('担当者は未定です (no owner yet) assigns nobody', async () => {
    // The second ja phrase takes 担当者 alone as someone in charge.
    expect(await meetingFindings({ [PAGE]: japanese(['- 担当者は未定です。']) })).toEqual([NO_OUTCOME]);
  }, 60_000);
});

describe('review11: mixed-language pages', () => {
  const english = [
    '- We talked about the roadmap for a long time and there was no agreement on it.',
    '- The team looked at the numbers from the last quarter in detail.',
  ];

  it('a German customer quote in English notes records no decision of the meeting', async () => {
    // textLanguages adds German when its function words reach a quarter of English's: one long quote does, and its
    // "Wir haben beschlossen" is read as the meeting's decision.
    const page = notes([
      ...english,
      '- Jonas quoted the customer: "Wir haben das schon lange gewollt, aber es ist nicht gekommen, und die Leute sind sauer, weil sie es nicht haben. Wir haben beschlossen, dass wir nicht mehr warten." and we noted it.',
    ]);
    expect(await meetingFindings({ [PAGE]: page })).toEqual([NO_OUTCOME]);
  }, 60_000);

  it('a Japanese reply pasted in English notes records no decision of the meeting', async () => {
    // Ten kana add Japanese to any page; 承認 inside the quote is then read as a decision.
    const page = notes([
      ...english,
      '- Jonas pasted the reply: 「この件は承認されましたが、まだ何もできていません。どうしましょうか」',
    ]);
    expect(await meetingFindings({ [PAGE]: page })).toEqual([NO_OUTCOME]);
  }, 60_000);

  // Judgement call: the new "is going|planning to" phrase reads a person's plan ("is planning to leave in May") as
  // the meeting's outcome; it is news, not a decision or a task.
  it.skip('"Vera is planning to leave in May" is news, not an outcome', async () => {
    expect(
      await meetingFindings({ [PAGE]: notes([...english, '- Vera is planning to leave in May.']) }),
    ).toEqual([NO_OUTCOME]);
  }, 60_000);
});

describe('review11: owners after a bold title, and remarks', () => {
  const noOwner = (item: string) => `${PAGE} action-items: Action item "${item}" has no owner.`;

  it('"**Docs** - Please update the guide" names no owner', async () => {
    // ownerInProse's body path: personBeforeVerb takes any capitalised word before an imperative ("Please",
    // "Also", "Then") for a name, even when the page names nobody so; NOT_NAMES lacks them.
    const page = actions([
      '- **Docs** - Please update the guide by Friday',
      '- **Docs** - Also update the FAQ by Friday',
    ]);
    expect((await meetingFindings({ [PAGE]: page })).sort()).toEqual(
      [
        noOwner('Docs - Please update the guide by Friday'),
        noOwner('Docs - Also update the FAQ by Friday'),
      ].sort(),
    );
  }, 60_000);

  it('an item that mentions past work ("the work Pavel did") is still an action', async () => {
    // task-notes.ts REMARK's "did" / "could be" drop the whole item when it opens with no verb and has no
    // commitment word; the owner after the dash ("- Vera", "- Jonas to list them") is no COMMITMENT.
    const page = actions([
      '- Blog post on the work Pavel did - Vera',
      '- Pages that could be clearer - Jonas to list them',
    ]);
    expect((await meetingFindings({ [PAGE]: page })).sort()).toEqual(
      [
        noDue('Blog post on the work Pavel did - Vera'),
        noDue('Pages that could be clearer - Jonas to list them'),
      ].sort(),
    );
  }, 60_000);

  // Judgement call: "The list can be shared with partners - Dana" reads as a remark or as Dana's task; the rule
  // drops it as a remark.
  it.skip('"The list can be shared with partners - Dana" is Dana\'s task', async () => {
    const page = actions(['- The list can be shared with partners - Dana']);
    expect(await meetingFindings({ [PAGE]: page })).toEqual([
      noDue('The list can be shared with partners - Dana'),
    ]);
  }, 60_000);
});

describe('review11: Japanese items and outcomes', () => {
  /** Japanese minutes with a TODO list of `items`. */
  const todo = (items: string[]) =>
    japanese(['- 予算について意見を出し合いました。', '', '## TODO', '', ...items]);

  it('明日 inside the name 明日香 is no due date', async () => {
    // The ja DUE alternation (今週|来週|今月中|来月|明日|までに) has no boundary: 明日香 (Asuka) reads as "tomorrow".
    const page = todo(['- 田中: 明日香さんに資料を確認してもらう']);
    // Whether or not the name label counts as the owner (the next test), the item has no due date.
    const findings = await meetingFindings({ [PAGE]: page });
    expect(findings.filter((f) => /明日香.*due date/.test(f))).toHaveLength(1);
  }, 60_000);

  it('a Japanese name label ("田中: …") names the owner', async () => {
    // The owner patterns (NAME_LABEL, NAME_SHORTHAND, labelledOwners) want a capital letter; Japanese minutes put
    // the attendee's name before a colon. Not new in `meet`, but the Japanese support makes these pages read.
    const page = todo(['- 田中: 会場を予約する（来週まで）']);
    expect(await meetingFindings({ [PAGE]: page })).toEqual([]);
  }, 60_000);

  it('承認されませんでした / 決定には至りませんでした / 合意が得られなかった are no decisions', async () => {
    // The ja lookahead lists only negations that follow the word directly (していない, しない …): the passive
    // "was not approved", "did not come to a decision", "no agreement was had" pass.
    for (const line of [
      '- 承認されませんでした。',
      '- 決定には至りませんでした。',
      '- 合意が得られなかった。',
    ])
      expect(await meetingFindings({ [PAGE]: japanese([line]) }), line).toEqual([NO_OUTCOME]);
  }, 60_000);

  // Judgement call: 今週の振り返りをまとめる ("write up this week's retro") is naturally done this week.
  it.skip('今週の振り返り ("this week\'s retro") is no due date', async () => {
    const page = todo(['- 田中: 今週の振り返りをまとめる']);
    expect(await meetingFindings({ [PAGE]: page })).toContainEqual(
      `${PAGE} action-items: Action item "田中: 今週の振り返りをまとめる" has no due date.`,
    );
  }, 60_000);
});
