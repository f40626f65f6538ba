import { describe, expect, it } from 'vitest';
import { meetingFindings, of } from './cli-findings.js';

/**
 * A second reading of the meet14 branch (the fourteenth round's meeting fixes: bracketed owners, initials opening an
 * item, items marked DONE, Korean / English / German outcome forms, TOP headings, a talk's speaker notes): pages those
 * changes judge wrongly. Pages written for the test.
 */

const english = (body: string[]) =>
  ['# June 2, 2026 Meeting', '', '## Attendees', '', '- Ana Lima', '- Rui Costa', '', ...body, ''].join('\n');

const PAGE = 'meeting-notes/2026-06-02.md';

/** The action-items messages of one page, without the path and rule. */
async function actionItems(page: string, path = PAGE): Promise<string[]> {
  const found = of(await meetingFindings({ [path]: page }), 'action-items');
  return found.map((line) => line.replace(/^\S+ action-items: /, ''));
}

const outcomes = async (page: string, path = PAGE) =>
  of(await meetingFindings({ [path]: page }), 'meeting-outcomes');

describe('review20: "DONE" inside an open task', () => {
  it('still asks an owner and a date of a task that only mentions DONE ("definition of DONE", "not DONE yet")', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Release',
      '',
      '## Action items',
      '',
      '- Agree on the definition of DONE for the epics',
      '- Migration is not DONE yet, finish the last two services',
      '- [ ] Write the DONE checklist for releases',
    ]);
    expect(await actionItems(page)).toEqual([
      'Action item "Agree on the definition of DONE for the epics" has no owner and due date.',
      'Action item "Migration is not DONE yet, finish the last two services" has no owner and due date.',
      'Action item "Write the DONE checklist for releases" has no owner and due date.',
    ]);
  });

  it('still asks the same of a decision record’s follow-up that mentions DONE', async () => {
    const record = [
      '# 12. Use a job queue',
      '',
      'Date: 2026-05-01',
      '',
      'Deciders: Ana Lima',
      '',
      '## Status',
      '',
      'Accepted',
      '',
      '## Context',
      '',
      'Jobs run in the web process and time out.',
      '',
      '## Decision',
      '',
      'We move jobs to a queue because the web process must answer in a second.',
      '',
      '## Consequences',
      '',
      'We run one more service.',
      '',
      '## Follow-ups',
      '',
      '- Define what DONE means for the migration of the old jobs',
      '',
    ].join('\n');
    expect(await actionItems(record, 'docs/adr/0012-use-a-job-queue.md')).toEqual([
      'Action item "Define what DONE means for the migration of the old jobs" has no owner and due date.',
    ]);
  });
});

describe('review20: a bracket after the task that names no one', () => {
  it('reads "[Unassigned]", "[Anyone]", "[Everyone]" as no owner, as "(everyone)" and "[?]" are', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Wiki',
      '',
      '## TODO',
      '',
      '- migrate the wiki pages [Unassigned]',
      '- fix the broken search [Anyone]',
      '- read the new security policy [Everyone]',
    ]);
    expect(await actionItems(page)).toEqual([
      'Action item "migrate the wiki pages [Unassigned]" has no owner and due date.',
      'Action item "fix the broken search [Anyone]" has no owner and due date.',
      'Action item "read the new security policy [Everyone]" has no owner and due date.',
    ]);
  });

  it('reads a template’s "[Name]" / "[Owner]" / "[Link]" slot as no owner', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Launch',
      '',
      '## Action items',
      '',
      '- write the launch post [Name]',
      '- book the venue [Owner]',
      '- share the recording [Link]',
    ]);
    expect(await actionItems(page)).toEqual([
      'Action item "write the launch post [Name]" has no owner and due date.',
      'Action item "book the venue [Owner]" has no owner and due date.',
      'Action item "share the recording [Link]" has no owner and due date.',
    ]);
  });

  // Judgement call: a trailing "[Backend]" or "[High]" is a category or a priority tag in most task lists, but a team
  // could name an owner "[Backend]" (a team as owner). The leading bracket already needs a roster name for this reason.
  it.skip('reads a trailing category or priority tag ("[Backend]", "[High]", "[Blocked]") as no owner', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Security',
      '',
      '## Action items',
      '',
      '- rotate the API keys [High]',
      '- move the cron jobs to the queue [Backend]',
      '- upgrade the database driver [Blocked]',
      '- renew the certificate [X]',
    ]);
    expect(await actionItems(page)).toEqual([
      'Action item "rotate the API keys [High]" has no owner and due date.',
      'Action item "move the cron jobs to the queue [Backend]" has no owner and due date.',
      'Action item "upgrade the database driver [Blocked]" has no owner and due date.',
      'Action item "renew the certificate [X]" has no owner and due date.',
    ]);
  });
});

describe('review20: initials opening an item', () => {
  it('does not take a list of topics ("- API, CI and Docs") for a roster, so "CI run …" names no owner', async () => {
    const page = english([
      '## Agenda',
      '',
      '- API, CI and Docs',
      '',
      '## Action items',
      '',
      '- CI run the end-to-end suite nightly',
    ]);
    expect(await actionItems(page)).toEqual([
      'Action item "CI run the end-to-end suite nightly" has no owner and due date.',
    ]);
  });
});

describe('review20: empty or unfilled outcome sections', () => {
  it('does not credit "## Highlights & Decisions" over a bare dash, "- TBD", "None" or "N/A"', async () => {
    for (const under of ['<!-- What did we decide? -->', '-', '- TBD', 'None', 'N/A']) {
      const page = english([
        '## Agenda',
        '',
        '- Budget',
        '',
        '## Highlights & Decisions',
        '',
        under,
        '',
        '## Notes',
        '',
        'We went through the budget line by line.',
      ]);
      expect.soft(await outcomes(page), under).toHaveLength(1);
    }
  });

  it('does not credit "## 다음 회의(MM/DD)까지 할 것" over a bare dash, only the members’ names (as the template leaves it) or "없음" (none)', async () => {
    for (const under of [['-'], ['정화', '', '성현'], ['없음']]) {
      const page = [
        '# 20260602 온라인 회의록',
        '',
        '참여자 : 김성현, 신정화',
        '',
        '## 한 일',
        '',
        '정화',
        '',
        '로그인 화면을 만들었다.',
        '',
        '성현',
        '',
        '배포 스크립트를 정리했다.',
        '',
        '## 안건',
        '',
        '## 다음 회의(MM/DD)까지 할 것',
        '',
        ...under,
        '',
      ].join('\n');
      expect.soft(await outcomes(page, 'meeting-notes/20260602.md'), under.join(' ')).toHaveLength(1);
    }
  });

  // Over nothing at all it is already left unread; over a template's "- TBD" it is credited.
  it('does not credit "## Next week\'s goals" over "- TBD"', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Demo',
      '',
      '## Notes',
      '',
      'The demo ran; the storage part is slow.',
      '',
      "## Next week's goals",
      '',
      '- TBD',
    ]);
    expect(await outcomes(page)).toHaveLength(1);
  });
});

const korean = (lines: string[]) =>
  [
    '# 20260602 온라인 회의록',
    '',
    '참여자 : 김하나, 박두리',
    '',
    '## 안건',
    '',
    '- 데이터베이스 선택',
    '',
    '## 논의',
    '',
    ...lines,
    '',
  ].join('\n');

describe('review20: Korean decisions not taken', () => {
  // "것으로 결정 보류" and "것으로 합의가 안 됨" are already left unread; "결정할지" (whether to decide) is not.
  it('does not read "…어떤 것으로 결정할지 다음 회의에서 논의" (which to decide on, next time) as a decision', async () => {
    const line = '- PostgreSQL과 MySQL 중 어떤 것으로 결정할지 다음 회의에서 다시 논의';
    expect(await outcomes(korean([line]), 'meeting-notes/20260602.md')).toHaveLength(1);
  });

  it('does not read "## 지난 회의까지 할 것" (the tasks due by the last meeting, checked) as this meeting’s tasks', async () => {
    const page = korean([
      '- 두 데이터베이스의 장단점을 비교했다.',
      '',
      '## 지난 회의(05/26)까지 할 것',
      '',
      '- 하나: 로그인 화면 (완료)',
      '- 두리: 배포 스크립트 (완료)',
    ]);
    expect(await outcomes(page, 'meeting-notes/20260602.md')).toHaveLength(1);
  });
});

/** A German protocol with enough German around the line for the page to be read as German. */
const protokoll = (lines: string[]) =>
  [
    'Protokoll der Sitzung vom Di. 02.06.2026',
    '',
    '# Teilnehmer:innen',
    '- Anna Becker',
    '- Jonas Weber',
    '',
    '# Organisatorisches',
    ...lines,
    '- Die Gruppe hat den Stand im Wiki und im Repository gezeigt.',
    '',
    '# Termine',
    '- Nächstes Treffen: Di. 09.06.2026 um 14:15 Uhr im Raum A0-22, die Gäste aus der Stadt sind dabei.',
    '',
  ].join('\n');

const SITZUNG = 'Sitzungsprotokolle/260602_Sitzung_4.md';

describe('review20: German homework and approval that are none', () => {
  it('does not read "Hausaufgaben: keine" as homework given, as "Ergebnis: keins" is not a result', async () => {
    for (const line of ['- Hausaufgaben: keine', '- **Hausaufgabe**: entfällt'])
      expect.soft(await outcomes(protokoll([line]), SITZUNG), line).toHaveLength(1);
  });

  it('does not read "noch nicht alle zugestimmt", "niemand hat zugestimmt" as approval', async () => {
    for (const line of [
      '- Dem Vorschlag haben noch nicht alle zugestimmt.',
      '- Bisher hat niemand zugestimmt, der Vorschlag bleibt offen.',
      '- Dem Antrag wurde nicht mehrheitlich zugestimmt.',
      '- Hat dem Protokoll jemand zugestimmt?',
    ])
      expect.soft(await outcomes(protokoll([line]), SITZUNG), line).toHaveLength(1);
  });
});

describe('review20: initials shorthand in the notes', () => {
  it('does not read "EU to publish the guidance in May" (no one on the page) as an action', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Compliance',
      '',
      '## Notes',
      '',
      '- EU to publish the final guidance in May; nothing changes for us before.',
    ]);
    expect(await outcomes(page)).toHaveLength(1);
  });
});

describe('review20: a meeting about a talk is a meeting', () => {
  it('still asks a team’s slide review for a conference talk for its agenda and outcomes', async () => {
    const page = [
      '# Conference talk review, June 2',
      '',
      'Attendees: Ana Lima, Rui Costa',
      '',
      'We went through the slides once; the demo part is long.',
      '',
    ].join('\n');
    const found = await meetingFindings({ [PAGE]: page });
    expect(of(found, 'meeting-agenda')).toHaveLength(1);
    expect(of(found, 'meeting-outcomes')).toHaveLength(1);
  });
});

describe('review20: judgement calls', () => {
  // Judgement call: "Take-Aways" in student notes held the plan agreed (23-04-2018.md), but the word as often heads
  // what someone learnt or noticed (a demo's impressions), which decides nothing. Reading the list for a task or a
  // decision, not only its label, would tell them apart.
  it.skip('does not credit "**Take-Aways:**" over impressions of a demo', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Demo',
      '',
      '**Take-Aways:**',
      '',
      '- The demo was slow on the old laptop',
      '- People liked the new colours',
    ]);
    expect(await outcomes(page)).toHaveLength(1);
  });

  // Judgement call: "Highlights & Decisions" is the form the round met; "Open questions & decisions" over questions
  // only records what is still to decide.
  it.skip('does not credit "## Open questions & decisions" over questions only', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Checkout',
      '',
      '## Open questions & decisions',
      '',
      '- Should we cache the cart?',
      '- Who owns the checkout page?',
    ]);
    expect(await outcomes(page)).toHaveLength(1);
  });

  // Judgement call: the "TOP 1:" heading is meant for German protocols (Tagesordnungspunkt), but the pattern reads
  // any language: an English retro's "## Top 1: Checkout latency" (a ranked pain point) is taken for an agenda item.
  // Whether a retro's ranked topics are its agenda is arguable; the German form could require the page be German.
  it.skip('does not take an English "## Top 1: …" ranking for an agenda', async () => {
    const page = english([
      '## Top 1: Checkout latency',
      '',
      '- p95 is 4 s',
      '',
      '## Decisions',
      '',
      '- Cache the cart',
    ]);
    expect(of(await meetingFindings({ [PAGE]: page }), 'meeting-agenda')).toHaveLength(1);
  });

  // Judgement call: "## 한 일" (what was done) is a standing agenda in a sync's template, but a one-off workshop log
  // that writes what it did under "## 한 일" has no agenda; the section alone cannot tell the two apart.
  it.skip('does not take "## 한 일" in a one-off workshop log for a standing agenda', async () => {
    const page = [
      '# 워크숍 기록 2026-06-02',
      '',
      '참여자 : 김하나, 박두리',
      '',
      '## 한 일',
      '',
      '- 서버를 설치했다.',
      '',
      '## 결정 사항',
      '',
      '- 다음 주에 배포한다.',
      '',
    ].join('\n');
    expect(of(await meetingFindings({ 'meeting-notes/20260602.md': page }), 'meeting-agenda')).toHaveLength(
      1,
    );
  });
});

describe('review20: more judgement calls', () => {
  // Judgement call: "-> 캠프장에게 물어보는 것으로." is the shorthand of a decision, but the same ending trails off an
  // observation ("서버 비용이 계속 늘어나는 것으로..." = "server costs seem to keep rising..."). Requiring a verb of
  // doing before "는 것으로" (or an arrow before it, as the round's page had) would tell them apart.
  it.skip('does not read an observation trailing off in "…늘어나는 것으로..." as a decision', async () => {
    const page = korean(['- 서버 비용이 계속 늘어나는 것으로...']);
    expect(await outcomes(page, 'meeting-notes/20260602.md')).toHaveLength(1);
  });

  // Judgement call: "## 역할 분배" (division of roles) over a line that puts the split off to the next meeting.
  it.skip('does not credit "## 역할 분배" over a deferral', async () => {
    const page = korean(['## 역할 분배', '', '- 역할 분배는 다음 회의에서 다시 이야기하기']);
    expect(await outcomes(page, 'meeting-notes/20260602.md')).toHaveLength(1);
  });

  // Judgement call: a single capital in brackets ending an item is an owner's initial in the round's folder, and an
  // option's name elsewhere ("plan [B]").
  it.skip('does not read "plan [B]" as an owner', async () => {
    const page = english([
      '## Agenda',
      '',
      '- Plans',
      '',
      '## Action items',
      '',
      '- vote between plan [A] and plan [B]',
    ]);
    expect(await actionItems(page)).toEqual([
      'Action item "vote between plan [A] and plan [B]" has no owner and due date.',
    ]);
  });
});
