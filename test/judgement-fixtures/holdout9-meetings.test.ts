import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, ruleFindings } from './cli-findings.js';

/**
 * Meeting notes as the ninth out-of-sample round met them, written for the test (the pages themselves are
 * other people's text): a community group's numbered actions under bold titles with the owner and a relative
 * date in the prose, lines under "## Actions" that are no actions (a status line, a bold label over the next
 * list, thanks, remarks carried from the last meeting), organisers' weekly reports with a TODO list under each
 * person's own heading, outcomes in Japanese, in German beside English and in "is going to", agendas under
 * headings such as "KEY AGENDA POINTS", and a `_template/` folder.
 */

const ROSTER = ['## Attendees', '', '- Vera Lind', '- Jonas Brook', '- Dana Holt', '- Pavel Marek', ''];

describe('judgement fixtures: the ninth round, action items', () => {
  it('reads owners and relative due dates written in the item', async () => {
    const page = [
      '# Community call 2026-03-09',
      '',
      ...ROSTER,
      '## Agenda',
      '',
      '1. Updates',
      '',
      '## Actions',
      '',
      '1. **Retro** Agreed to hold a retro and Pavel agreed to run it. 20-Apr-2026 meeting. OPEN',
      '',
      '2. **Blog post** - the group picks a focus. 9/Mar/2026: Jonas and Writing Subgroup will share a draft in 2 weeks. OPEN',
      '',
      '3. **Audit consultation** - Olaf assess the consultation and list pros and cons for discussion at next WG meeting. OPEN',
      '',
      '4. **Innovation day** - Olaf share the shortlist with the group and ask for feedback.',
      '',
      '5. **Redress rules** - 23/Mar/2026: Jonas and the Writing Subgroup will start a thread on Slack. OPEN',
      '',
      '6. Vera to send the summary to the list in a couple of weeks.',
      '7. Invite Rita Moss along to the next group to talk about data sharing. Dana Holt to invite.',
      '8. Jonas, Dana, and Mick to confirm the date (August 15th) for the event.',
      '9. Jonas, Dana, and Mick to share the list of speakers.',
      '10. Jonas to book the room.',
      '11. Dana to draft the reply this week.',
      '',
    ].join('\n');
    expect(await meetingFindings({ 'minutes/2026-03-09.md': page })).toEqual([
      'minutes/2026-03-09.md action-items: Action item "Innovation day - Olaf share the shortlist with the group an…" has no due date.',
      'minutes/2026-03-09.md action-items: Action item "Redress rules - 23/Mar/2026: Jonas and the Writing Subgroup…" has no due date.',
      'minutes/2026-03-09.md action-items: Action item "Jonas, Dana, and Mick to share the list of speakers." has no due date.',
      'minutes/2026-03-09.md action-items: Action item "Jonas to book the room." has no due date.',
    ]);
  }, 60_000);

  it('reads relative due dates in Japanese and German', async () => {
    const page = [
      '# Protokoll 2026-03-09',
      '',
      ...ROSTER,
      '## Agenda',
      '',
      '- Termine',
      '',
      '## Todo',
      '',
      '- Vera: die Folien fertig machen bis nächste Woche',
      '- Jonas: 来週までに会場を予約する',
      '- Dana: 今週は会場の下見に行く',
      '- Pavel: Poster drucken',
      '- Carl: Stühle für bis 10 Leute besorgen',
      '- Ina: Raum buchen bis 23.01.',
      '',
    ].join('\n');
    expect(await meetingFindings({ 'minutes/2026-03-09.md': page })).toEqual([
      'minutes/2026-03-09.md action-items: Action item "Pavel: Poster drucken" has no due date.',
      'minutes/2026-03-09.md action-items: Action item "Carl: Stühle für bis 10 Leute besorgen" has no due date.',
    ]);
  }, 60_000);

  it('does not take status lines, labels, thanks and remarks under Actions for action items', async () => {
    const page = [
      '# Community call 2026-07-13',
      '',
      ...ROSTER,
      '## Agenda',
      '',
      '1. Updates',
      '',
      '## Actions',
      '',
      '- All previous actions closed or carried over to a sub-group level below.',
      '',
      '1. **Blog post** - a canvas has been made. See the notes from the previous meeting below. Has the group moved on?: OPEN',
      '',
      '- Jonas: Pavel & Jonas did some work on this; stopping here for now.',
      '- A topic around identity from birth came up of interest.',
      '- Thea: would like to write about the risks; will share on the blog.',
      '- Jonas: some material can be contributed towards the NZ rollout.',
      "- Vera's case study would be good to add to the blog",
      '',
      '2. **Next innovation day** -',
      '',
      'Ideas for the topic and format?',
      '',
      '3. **Policy consultation**',
      'Thank you to Dana for driving the submission.',
      '',
      '4. **Actions from meeting 13 July 2026**',
      '',
      '* Dana: Share the draft article with the co-chairs.',
      '* Vera: Find the date for the banking event.',
      '* Write the retro summary.',
      '',
      '## Next steps',
      '',
      '- **Migration guide**',
      '- **Runbook review**',
      '- Figure out why the deploy did not run',
      '- Check whether the old cache can be reused',
      '',
    ].join('\n');
    expect(await meetingFindings({ 'minutes/2026-07-13.md': page })).toEqual([
      'minutes/2026-07-13.md action-items: Action item "Blog post - a canvas has been made. See the notes from the…" has no owner and due date.',
      'minutes/2026-07-13.md action-items: Action item "Thea: would like to write about the risks; will share on th…" has no due date.',
      'minutes/2026-07-13.md action-items: Action item "Dana: Share the draft article with the co-chairs." has no due date.',
      'minutes/2026-07-13.md action-items: Action item "Vera: Find the date for the banking event." has no due date.',
      'minutes/2026-07-13.md action-items: Action item "Write the retro summary." has no owner and due date.',
      'minutes/2026-07-13.md action-items: Action item "Migration guide" has no owner and due date.',
      'minutes/2026-07-13.md action-items: Action item "Runbook review" has no owner and due date.',
      'minutes/2026-07-13.md action-items: Action item "Figure out why the deploy did not run" has no owner and due date.',
      'minutes/2026-07-13.md action-items: Action item "Check whether the old cache can be reused" has no owner and due date.',
    ]);
  }, 60_000);

  it("takes a weekly report's TODO under each person's own heading as that person's plan for the week", async () => {
    const report = [
      '# ana-k',
      '',
      '## DONE',
      '',
      '* Gave a talk on the scheduler',
      '',
      '## TODO',
      '',
      '* Review the design',
      '* Review PRs',
      '  * [ ] https://example.com/pull/15',
      '* Learn the site generator (or ask @bo-r about it)',
      '',
      '# bo-r',
      '',
      '## TODO',
      '',
      '* ハッカソンの開催を検討する',
      '',
    ].join('\n');
    // Topic headings are no people: their TODO lists still need an owner.
    const topics = [
      '# Team sync 2026-04-25',
      '',
      '## Agenda',
      '',
      '- Backend',
      '',
      '## Backend',
      '',
      '### TODO',
      '',
      '- Write the migration guide',
      '',
      '## Frontend',
      '',
      '### TODO',
      '',
      '- Fix the layout',
      '',
    ].join('\n');
    // Minutes kept person by person: the heading is the owner, an action item still needs its date.
    const perPerson = [
      '# Sync 2026-05-02',
      '',
      '## Agenda',
      '',
      '- Venue',
      '',
      '## ana-k',
      '',
      '### Action items',
      '',
      '- Send the invoice',
      '',
      '## bo-r',
      '',
      '### Action items',
      '',
      '- Book the room by Friday',
      '',
    ].join('\n');
    // Section headings written in lower case are no people either.
    const lowerCase = [
      '# Sync 2026-05-09',
      '',
      '## agenda',
      '',
      '- Venue',
      '',
      '## design-review',
      '',
      '- The mockups are ready.',
      '',
      '## follow-ups',
      '',
      '- Ask the venue for a quote',
      '',
    ].join('\n');
    const handbook = {
      'minutes/2026-05-09.md': lowerCase,
      'minutes/2026/0425.md': report,
      'minutes/2026-04-25.md': topics,
      'minutes/2026-05-02.md': perPerson,
    };
    expect((await meetingFindings(handbook)).filter((f) => f.includes('action-items'))).toEqual([
      'minutes/2026-04-25.md action-items: Action item "Write the migration guide" has no owner and due date.',
      'minutes/2026-04-25.md action-items: Action item "Fix the layout" has no owner and due date.',
      'minutes/2026-05-02.md action-items: Action item "Send the invoice" has no due date.',
      'minutes/2026-05-09.md action-items: Action item "Ask the venue for a quote" has no owner and due date.',
    ]);
  }, 60_000);
});

describe('judgement fixtures: the ninth round, outcomes and agendas', () => {
  it('reads outcomes in Japanese, in German lines of an English page and in "is going to"', async () => {
    const handbook = {
      'minutes/2026/0613.md':
        '# 議事録 (2026/06/13)\n\n## ana-k\n\n* スポンサーを二件訪問した。\n* タイマーの制作を@bo-rに発注\n',
      'minutes/2026/0620.md':
        '# 議事録 (2026/06/20)\n\n## ana-k\n\n* 会場はまだ未定です。\n* スポンサーを二件訪問した。\n',
      'minutes/2026-01-12.md': [
        '# Minute of 12 January 2026',
        '',
        '* Ana: worked on the parser, so that it builds again.',
        '* Ben: had trouble with the toolkit (we need to make sure that the camera, the board and the',
        '  toolkit all use the same architecture; she now uses 32 bit because the toolkit was installed',
        '  for it; the build reads the variable from the project file, and those who use the other setup',
        '  have to change it to their own one, which is the default for the team at the moment)',
        '* Nächsten Donnerstag findet kein Treffen statt, und die Gruppe ist nicht da.',
        '* Note: Man soll in der Header-Datei nur deklarieren und nicht initialisieren, das ist für alle so.',
        '* Carl hat die Winkel weiter berechnet, aber es ist noch nicht fertig und wird noch dauern.',
        '',
      ].join('\n'),
      'minutes/2026-02-16-board.md': [
        '# Minute of 16 February 2026 "Board"',
        '',
        '## Center of mass',
        '',
        'Nuno has found a good table of the mass of body segments and is going to add it into a new',
        'header file and use it to draw the centre of mass on the canvas.',
        '',
      ].join('\n'),
      'minutes/2026-01-09-rules.md':
        '09.01.2026 Board und Body integrieren\n\n## Was gemacht wurde\n\n- Formatumwandlung (Nuno)\n\n## New rule:\n\tWer eine Datei ändern möchte, meldet sich kurz im Chat.\n',
      'minutes/2026-03-02.md':
        '# Minute of 2 March 2026\n\nEveryone worked further on the export. The poster was also discussed. Next session on 9 March.\n',
    };
    const outcomes = (await meetingFindings(handbook)).filter((f) => f.includes('meeting-outcomes'));
    expect(outcomes.map((f) => f.split(' ')[0])).toEqual(['minutes/2026-03-02.md', 'minutes/2026/0620.md']);
  }, 60_000);

  it('finds the agenda under a heading that names it among other words', async () => {
    const handbook = {
      'minutes/2019-11-29 - official meeting.md':
        '# Official meeting\n\n## KEY AGENDA POINTS\n\n### Ratifying the membership\n\nApproved.\n\n### Board election\n\nAna was elected.\n',
      'minutes/2024-03-11 - official meeting.md':
        '# 2024 03 11: Official members meeting\n\n## Official Agenda\n\n- keep a public membership list?\n  - Pros and cons were discussed.\n',
      'minutes/2023-01-10 - official meeting.md':
        '# 2023 01 10: Official members meeting\n\n## Agenda\n\n- Accounts\n\n## Notes\n\nThe accounts were approved.\n',
      'minutes/2024-05-11 - official meeting.md':
        '# 2024 05 11: Official members meeting\n\n## Official agenda\n\n## Notes\n\nWe talked about the list.\n',
    };
    const agenda = (await meetingFindings(handbook)).filter((f) => f.includes('meeting-agenda'));
    expect(agenda.map((f) => f.split(' meeting-agenda')[0])).toEqual([
      'minutes/2024-05-11 - official meeting.md',
    ]);
  }, 60_000);

  it('types a `_template/` folder as templates', async () => {
    const root = tempTree({
      'minutes/_template/YYYY-MM-DD.md': '# YYYY-MM-DD 定例会\n\n## 参加者\n\n## 議題\n',
      'minutes/2026-01-05.md': '# YYYY-MM-DD 定例会\n\n## 参加者\n\n- Ana\n',
    });
    expect(await ruleFindings([root], 'placeholder')).toEqual(['minutes/2026-01-05.md']);
  }, 60_000);
});

describe('judgement fixtures: the ninth round, the new patterns on hostile items', () => {
  it('reads items made to make the owner, date and label patterns rescan them in seconds', async () => {
    const page = [
      '# Sync 2026-03-14',
      '',
      '## Actions',
      '',
      `1. **${'Title '.repeat(20_000)}** - ${'Olaf, '.repeat(40_000)}`,
      `2. ${'9/Mar/2026: '.repeat(30_000)}x`,
      `3. in ${' '.repeat(200_000)}x`,
      `4. ${'Jonas and '.repeat(30_000)}will`,
      '',
      '## ana-k',
      '',
      `## ${'a-'.repeat(100_000)}b`,
      '',
    ].join('\n');
    // vitest's timeout is the only clock (the machines are shared): the run ends with its report.
    const found = await meetingFindings({ 'minutes/2026-03-14.md': page });
    expect(found.filter((f) => f.includes(' action-items: ')).length).toBeGreaterThanOrEqual(3);
    expect(found).toContainEqual(expect.stringContaining('Action item "in x" has no owner and due date.'));
  }, 120_000);
});
