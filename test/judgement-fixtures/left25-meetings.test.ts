import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';

// The twenty-fifth round's minutes folders (synthetic pages of their shapes): a Hungarian student team's template
// (Időpont, Résztvevők, Téma, Döntés / Döntési opciók, Teendők a hétre), a Korean association's general assemblies
// (의사일정, 의결 결과, 안건 및 의결 결과), a German protocol's task table with "offen" in its Deadline column, minutes
// kept in a folder per year (`meetings/2025/`) and a Hugo site's minutes that say what they are only in their TOML
// head (a 議事録 title, a `Type:Minutes` tag).

const lines = (found: string[], rule: string) =>
  of(found, rule).map((line) => line.replace(new RegExp(`^\\S+ ${rule}: `), ''));

describe('left25: Hungarian minutes after their template', () => {
  /** A meeting of the team's template with `decided` under its decisions heading and `todo` under its tasks. */
  const minutes = (decided: string, todo = '') =>
    `# Időpont\n\n- 2025.10.06. 12:00\n\n# Résztvevők\n\n- Varga Marcell\n- Gados Márk\n\n# Téma\n\n- Heti terv\n- Adatbázis séma\n\n# Döntés / Döntési opciók\n\n${decided}\n\n# Tapasztalatok\n\n- Az API teszteknél az üres inputot nem kezeltük.\n${todo}`;

  it('reads "Döntés / Döntési opciók" over what was decided as the outcome', async () => {
    const found = await meetingFindings({
      'meetings/2025.10.06.12_00.md': minutes(
        '- A sprint fő célja a bejelentkezés elkészítése.\n- History lesz a sprint egyik feladata.',
      ),
    });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
    expect(of(found, 'meeting-agenda')).toEqual([]);
  }, 60_000);

  it('still finds no outcome when the heading is left as the template has it', async () => {
    const found = await meetingFindings({ 'meetings/2025.10.06.12_00.md': minutes('-') });
    expect(lines(found, 'meeting-outcomes')).toHaveLength(1);
  }, 60_000);

  it('reads the items under "Teendők a hétre" (to do over the week) as action items due by the next meeting', async () => {
    const found = await meetingFindings({
      'meetings/2025.09.29.20_00.md': minutes(
        '- 2 User Story megírása',
        '\n# Teendők a hétre\n\n- UI design elkészíteni sok képpel\n- Gados Márk: /results endpoint elkészítése\n',
      ),
    });
    expect(lines(found, 'action-items')).toEqual([
      'Action item "UI design elkészíteni sok képpel" has no owner.',
    ]);
  }, 60_000);

  it('still asks a date of the items under "Teendők" alone, and none of the lessons above them', async () => {
    const found = await meetingFindings({
      'meetings/2025.09.29.20_00.md': minutes(
        '- 2 User Story megírása',
        '\n# Teendők\n\n- UI design elkészíteni sok képpel\n',
      ),
    });
    expect(lines(found, 'action-items')).toEqual([
      'Action item "UI design elkészíteni sok képpel" has no owner and due date.',
    ]);
  }, 60_000);
});

describe('left25: a Korean general assembly’s minutes', () => {
  /** An assembly's page: its date line, its order of business, then `results` under `heading`. */
  const assembly = (heading: string, results: string) =>
    `# 2025년 11월 15일 임시총회\n\n- 일시: 2025년 11월 15일 오후 3시\n- Jitsi Meet 화상회의로 진행\n\n## 의사일정\n\n- 개회\n- 의결안건\n    1. 선거관리위원회 구성(안)\n- 폐회\n\n## 성원 보고\n\n- 재적 19명, 재석 5명\n\n## ${heading}\n\n${results}\n`;

  it('reads "의결 결과" over the votes as the outcome and "의사일정" as the agenda', async () => {
    const found = await meetingFindings({
      'meetings/ega20251115.md': assembly('의결 결과', '1. 선거관리위원회 구성(안) - 만장일치로 원안가결'),
    });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
    expect(of(found, 'meeting-agenda')).toEqual([]);
  }, 60_000);

  it('reads "안건 및 의결 결과" (the items and their votes) as both', async () => {
    const page = `# 2023년 9월 18일 임시총회\n\n- 일시: 2023년 9월 18일\n\n## 안건 및 의결 결과\n\n- 1호 안건: 후원사 참여에 관한 건\n  - 총원 11, 찬성 11, 반대 0, 결과: 가결\n`;
    const found = await meetingFindings({ 'meetings/ega20230918.md': page });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
    expect(of(found, 'meeting-agenda')).toEqual([]);
  }, 60_000);

  it.each([
    ['의결 결과', '작성예정'],
    ['의결사항', '- 2024년도 재무제표 승인(안)'],
  ])(
    'still finds no outcome under "%s" over "%s" (results to be written, matters put to the vote)',
    async (heading, results) => {
      const found = await meetingFindings({ 'meetings/rga2025.md': assembly(heading, results) });
      expect(lines(found, 'meeting-outcomes')).toHaveLength(1);
    },
    60_000,
  );
});

describe('left25: a German protocol’s task table', () => {
  /** A protocol whose "## 4) Offene Punkte / ToDos" table holds `rows` (Aufgabe | Verantwortlich | Deadline | Status). */
  const protocol = (rows: string) =>
    `# Meetingprotokoll – Softwareprojekt\n\n## 1) Meta\n- **Datum:** 16.01.2026\n- **Teilnehmer:** Lisa Fritsche, Menko Hornstein\n\n## 2) Ziel des Meetings\nAbstimmung der Anforderungen.\n\n## 3) Zentrale Ergebnisse & Entscheidungen\n\n| Nr. | Entscheidung | Verantwortlich |\n|----|----|----|\n| D1 | Anforderungen werden über Use Cases definiert. | Projektteam |\n\n## 4) Offene Punkte / ToDos\n\n| Nr. | Aufgabe | Verantwortlich | Deadline | Status |\n|----|----|----|----|----|\n${rows}`;

  it('reads "offen", "TBD" and "noch offen" in the Deadline column as no due date', async () => {
    const found = await meetingFindings({
      'meetings/2026-01-16-meeting.md': protocol(
        '| A1 | UI-Entwurf anpassen | Menko Hornstein | offen | open |\n| A2 | Ablageort klären | Lisa Fritsche | TBD | open |\n| A3 | Quickstart bereitstellen | Projektteam | noch offen | open |\n',
      ),
    });
    expect(lines(found, 'action-items')).toEqual([
      'Action item "UI-Entwurf anpassen" has no due date.',
      'Action item "Ablageort klären" has no due date.',
      'Action item "Quickstart bereitstellen" has no due date.',
    ]);
  }, 60_000);

  it('still takes a date or "nächster Termin" for a due date, and asks nothing of a row marked done', async () => {
    const found = await meetingFindings({
      'meetings/2026-03-10-meeting.md': protocol(
        '| A1 | Suchradius begrenzen | Projektteam | nächster Termin | open |\n| A2 | Station prüfen | Projektteam | 20.03.2026 | open |\n| A3 | Dokumentation bereitstellen | Projektteam | offen | done |\n| A4 | Rundung prüfen | | 20.03.2026 | open |\n',
      ),
    });
    expect(lines(found, 'action-items')).toEqual(['Action item "Rundung prüfen" has no owner.']);
  }, 60_000);
});

describe('left25: minutes kept in a folder per year', () => {
  const page =
    '# Saturday the 6th of December 2025 at 13:00 UTC\n\n## People\nCri, Ilario\n\n## Topics\n\n1. updates about the repo server\n\n## updates about the repo server\n\nThe server is still down.\n';

  it('types a run on one year’s folder of the minutes as minutes, not as pages without an owner', async () => {
    const root = tempTree({ 'docs/meetings/2025/2025-12-06.md': page });
    const folder = join(root, 'docs/meetings/2025');
    expect(await ruleFindings([folder], 'page-owner')).toEqual([]);
    expect(await ruleFindings([folder], 'meeting-outcomes')).toEqual(['2025-12-06.md']);
  }, 60_000);

  it('still takes a year’s folder of reports for pages', async () => {
    const root = tempTree({ 'docs/reports/2025/2025-12-06.md': page });
    const folder = join(root, 'docs/reports/2025');
    expect(await ruleFindings([folder], 'page-owner')).toEqual(['2025-12-06.md']);
    expect(await ruleFindings([folder], 'meeting-outcomes')).toEqual([]);
  }, 60_000);
});

describe('left25: a Hugo site’s minutes typed by their TOML head', () => {
  /** A Hugo page with `title` and `tags` in its TOML head over a meeting's notes with no decision. */
  const hugoPage = (title: string, tags: string) =>
    `+++\ntitle = '${title}'\ndate = 2024-09-29T01:15:32+09:00\ndraft = false\ntags = [${tags}]\n+++\n\n## 概要\n\n- 日時：2024年9月29日 22:00 ～ 24:00\n- 場所：Discord\n\n## 議題\n\n- ドメインの階層構造について\n\n## 議論内容\n\n- 名前付けのルール（がぶ）\n`;
  const site = (pages: Record<string, string>) =>
    tempTree({ 'hugo.toml': "baseURL = 'https://example.org/'\ntitle = 'notes'\n", ...pages });

  it.each([
    ['a 議事録 title', hugoPage('第４回定例会議事録', '"Author:nakata", "DNS"')],
    ['a Type:Minutes tag', hugoPage('Weekly 4', '"Author:nakata", "Type:Minutes"')],
  ])(
    'types a page with %s as minutes: no page owner asked, its outcome is',
    async (_, text) => {
      const root = site({ 'content/projects/domain-rule/no4-weekly.md': text });
      expect(await ruleFindings([root], 'page-owner')).toEqual([]);
      expect(await ruleFindings([root], 'meeting-outcomes')).toEqual([
        'content/projects/domain-rule/no4-weekly.md',
      ]);
    },
    60_000,
  );

  it('still takes a page whose head names another kind for a page', async () => {
    const root = site({ 'content/guides/setup.md': hugoPage('Setup', '"Author:nakata", "Type:Guide"') });
    expect(await ruleFindings([root], 'page-owner')).toEqual(['content/guides/setup.md']);
    expect(await ruleFindings([root], 'meeting-outcomes')).toEqual([]);
  }, 60_000);
});

describe('left25: a Japanese template’s action items', () => {
  /** A weekly meeting of the template: its decisions, then `items` under "## アクション項目" (action items). */
  const weekly = (items: string) =>
    `# 定例会 2024-09-29\n\n## 出席者\n\nあゆむ、がぶ、だるま\n\n## 議題\n\n- ドメインの階層構造\n\n## 決定事項\n\n- 第二階層はexp,dev,opの３つで決定。\n\n## アクション項目\n\n${items}`;
  const tasks = async (items: string) =>
    lines(await meetingFindings({ 'minutes/2024-09-29.md': weekly(items) }), 'action-items');

  it('reads the items under アクション項目 as tasks, the name nested under one as its owner', async () => {
    expect(await tasks('- ゾーンファイルについて調べる\n  - あゆむ\n- 運用ルールの案を書く\n')).toEqual([
      'Action item "ゾーンファイルについて調べる" has no due date.',
      'Action item "運用ルールの案を書く" has no owner and due date.',
    ]);
  }, 60_000);

  it('takes "無し" (none) for no task, and a topic over a sentence-long task for a topic', async () => {
    expect(await tasks('- 無し\n')).toEqual([]);
    expect(await tasks('- ドメインの命名\n  - 第二階層の名前の案を出す\n')).toEqual([
      'Action item "第二階層の名前の案を出す" has no owner and due date.',
    ]);
  }, 60_000);
});

describe('left25: a bilingual community’s agreement label', () => {
  const notes = (label: string) =>
    `# LibreMesh Meeting December 2021\n\n## Participantes - Attendees\n\n- Ilario, Hiure, Tania, SAn\n\nTemas - Topics:\n\n - Canales de comunicación / Communication channels\n\nActa de reunión / Minutes of the meeting\n\nIlario:\nLa toma de decisiones tiene que ser mas abierta.\n\n${label}\ntraspasar usuarios de lime-dev a lime-users - move the users from lime-dev to lime-users\n`;

  it('reads "CONSENSUADO:" over what was agreed as the outcome', async () => {
    const found = await meetingFindings({ 'meetings/2021/2021-12-01.md': notes('CONSENSUADO:') });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
  }, 60_000);

  it('still finds no outcome under a "PROPUESTA:" (proposal) label', async () => {
    const found = await meetingFindings({ 'meetings/2021/2021-12-01.md': notes('PROPUESTA:') });
    expect(lines(found, 'meeting-outcomes')).toHaveLength(1);
  }, 60_000);
});

describe('left25 (from round 24): a due window rather than a day', () => {
  const tasks = async (items: string) =>
    lines(
      await meetingFindings({
        'minutes/2026-08-19.md': `# Outreach sync 2026-08-19\n\nAttending: Cody, Toby, Eka\n\n## Agenda\n\n- Workshop season\n\n## Action items\n\n${items}`,
      }),
      'action-items',
    );

  it('takes a month window, a quarter or a named event for a due date', async () => {
    expect(
      await tasks(
        '- Cody: submit the workshop proposal (late Sept / Oct window)\n- Eka: send the report in Q4\n- Toby: book the room ahead of Love Data Week\n- Eka: publish the survey in October\n',
      ),
    ).toEqual([]);
  }, 60_000);

  it('still finds no date in a month named as a thing, a window left open or "ahead of time"', async () => {
    expect(
      await tasks(
        '- Eka: read the March report\n- Toby: review the site (window TBD)\n- Cody: finish the draft ahead of time\n',
      ),
    ).toEqual([
      'Action item "Eka: read the March report" has no due date.',
      'Action item "Toby: review the site (window TBD)" has no due date.',
      'Action item "Cody: finish the draft ahead of time" has no due date.',
    ]);
  }, 60_000);
});

describe('left25: a named person taking the task', () => {
  const notes = (line: string) =>
    `# Saturday the 6th of December 2025 at 13:00 UTC\n\nDate: 2025-12-06\n\n## People\nCri, Ilario\n\n## Topics\n\n1. Archive the meetings' minutes\n\n## Archive the meetings' minutes\n\n${line}\n`;

  it('reads "Cri takes the task" as the outcome', async () => {
    const found = await meetingFindings({ 'meetings/2025/2025-12-06.md': notes('Cri takes the task') });
    expect(of(found, 'meeting-outcomes')).toEqual([]);
  }, 60_000);

  it('still finds no outcome in "Nobody takes the task"', async () => {
    const found = await meetingFindings({
      'meetings/2025/2025-12-06.md': notes('Nobody takes the task yet.'),
    });
    expect(lines(found, 'meeting-outcomes')).toHaveLength(1);
  }, 60_000);
});
