import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, ruleFindings } from './cli-findings.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * A second reading of this session's changes (d7bb780..285d9c0): a README's code block as the folder's
 * template, fields a template marks optional, a folder of one or two records judged by its template, the
 * bold key without a colon, `## Status Accepted` over nothing, the owner read anywhere on a record, the
 * new rationale patterns, the next meeting's agenda (`not-under`), bold owners after an action item.
 * Pages written for these tests, none copied. Each failing test is a clear bug; `it.skip` marks a
 * judgement call, kept to document it.
 */
const NOW = '2026-07-01T00:00:00Z';

const messages = (pairs: string[][]) => pairs.map(([rule, message]) => `${rule}: ${message}`);

/** A Nygard record with no Status anywhere (the finding the folder's template must not silence). */
const noStatus = (n: number) =>
  `# ${n}. Use tool ${n}\n\nDate: 2024-01-0${n}\nOwner: @ana\n\n## Context\n\nThe deploy scripts break every week because nobody owns them.\n\n## Decision\n\nWe use tool ${n} because it is maintained.\n\n## Consequences\n\nThe team learns tool ${n}.\n`;

/** A complete Nygard record; `extra` lines go at the end of its Consequences. */
const full = (n: number, extra = '') =>
  `# ${n}. Use tool ${n}\n\nDate: 2024-01-0${n}\nStatus: Accepted\nOwner: @ana\n\n## Context\n\nThe deploy scripts break every week because nobody owns them.\n\n## Decision\n\nWe use tool ${n} because it is maintained.\n\n## Consequences\n\nThe team learns tool ${n}.\n${extra}`;

const missingStatus = (pairs: string[][]) => messages(pairs).filter((m) => m.startsWith('decision-status'));

// ---------------------------------------------------------------------------------------------------
// A README's code block read as the folder's template (src/rules/readme-template.ts)
// ---------------------------------------------------------------------------------------------------

describe("a README's code block that is no record template", () => {
  it('keeps "status missing" on a lone record when the README shows shell commands in a `text` block', async () => {
    // HEADING_LINE (`^#{1,6}[ \t]+\S`) reads a shell comment ("# Install the tools") as a Markdown heading,
    // and MARKDOWN_LANG accepts `text` and an unmarked block: two comments make the block "the template".
    // It writes no Status, so dropOmittedFields (now run for one record with a template) drops the finding.
    const readme =
      '# Architecture decisions\n\nCreate a record with adr-tools:\n\n```text\n# Install the tools\nbrew install adr-tools\n# Make a new record\nadr new "Use tool"\n```\n';
    const pages = { 'adr/0001-use-tool.md': noStatus(1) };
    const without = await lintDecisionFolder(pages, NOW);
    expect(missingStatus(without.on('adr/0001-use-tool.md'))).not.toEqual([]);
    const withReadme = await lintDecisionFolder({ ...pages, 'adr/README.md': readme }, NOW);
    expect(missingStatus(withReadme.on('adr/0001-use-tool.md'))).toEqual(
      missingStatus(without.on('adr/0001-use-tool.md')),
    );
  }, 60_000);

  it('keeps "status missing" when the README\'s Markdown block is a CHANGELOG sample', async () => {
    const readme =
      '# Decisions\n\nWhen a decision changes the product, note it in CHANGELOG.md:\n\n```markdown\n## [1.4.0] - 2024-02-01\n\n### Changed\n\n- Deploys use tool 1 (see ADR 1).\n```\n';
    const pages = { 'adr/0001-use-tool.md': noStatus(1), 'adr/0002-use-tool.md': noStatus(2) };
    const without = await lintDecisionFolder(pages, NOW);
    expect(missingStatus(without.on('adr/0002-use-tool.md'))).not.toEqual([]);
    const withReadme = await lintDecisionFolder({ ...pages, 'adr/README.md': readme }, NOW);
    expect(missingStatus(withReadme.on('adr/0002-use-tool.md'))).toEqual(
      missingStatus(without.on('adr/0002-use-tool.md')),
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Fields a template marks optional (folderFieldsOptional)
// ---------------------------------------------------------------------------------------------------

describe('a template that marks its Status line optional', () => {
  it.skip('still asks Status of the records that leave it out', async () => {
    // Judgement call: OPTIONAL_MARK is honoured for every `unless-folder-omits` field, Status included. A
    // record with no status cannot be judged for decision lag or supersession; domain.md lists Status as
    // what every record names. The brief says Status must still be asked; the code drops it when fewer
    // than half the records write it. Change: in folderFieldsOptional skip `status` (or let a rule's
    // field spec opt out, e.g. `optional-by-template: false` in decision-status.yml).
    const template =
      '# NNNN. Title\n\nDate: YYYY-MM-DD\nStatus: Proposed <!-- optional -->\nOwner: @name\n\n## Context\n\n## Decision\n\n## Consequences\n';
    const pages = {
      'adr/template.md': template,
      'adr/0001-a.md': noStatus(1),
      'adr/0002-b.md': noStatus(2),
      'adr/0003-c.md': full(3),
    };
    const { on } = await lintDecisionFolder(pages, NOW);
    expect(missingStatus(on('adr/0001-a.md'))).not.toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// `## Status Accepted` over nothing (fromStatusHeading) and the bold key without a colon (BOLD_KEY_VALUE)
// ---------------------------------------------------------------------------------------------------

/** A record whose status is given only by a `## Status` section; `before` goes between title and it. */
const statusSection = (before: string) =>
  `# 1. Split the monolith\n\nDate: 2024-01-01\nOwner: @ana\n\n${before}## Status\n\nAccepted\n\n## Context\n\nThe deploys take an hour because everything ships at once.\n\n## Decision\n\nWe split billing out because it changes most.\n\n## Consequences\n\nTwo pipelines to keep.\n`;

describe('a heading or bold lead-in that is no status', () => {
  it('does not read "## Status Quo" over its subsections as the status "Quo"', async () => {
    // fromStatusHeading takes "Status <one word>" when the next node is a heading: "## Status Quo" then
    // "### What hurts" is read as the status "Quo", before the real `## Status` section below is reached.
    const page = statusSection('## Status Quo\n\n### What hurts\n\nEvery deploy ships all services.\n\n');
    const { on } = await lintDecisionFolder({ 'adr/0001-split.md': page }, NOW);
    expect(missingStatus(on('adr/0001-split.md'))).toEqual([]);
  }, 60_000);

  it('does not read a bold "**Status** of the migration …" sentence near the top as the status', async () => {
    // BOLD_KEY_VALUE reads `**Status**` then any text as the field when the key is a header key (TABLE_KEYS);
    // a sentence that opens with a bold word is not a header line.
    const page = statusSection('**Status** of the migration is unclear, so this record explains it.\n\n');
    const { on } = await lintDecisionFolder({ 'adr/0001-split.md': page }, NOW);
    expect(missingStatus(on('adr/0001-split.md'))).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// decision-owner read anywhere on the page (`anywhere: true`)
// ---------------------------------------------------------------------------------------------------

describe('an owner line far down a record', () => {
  it.skip('does not take "Owner: the platform team" in a Consequences list as the decision owner', async () => {
    // Judgement call: `anywhere: true` was added for Chinese records' closing approval section
    // (`**决策者**: 系统架构师`), but it reads every `Owner:` line on the page, so the owner of a service or a
    // follow-up task in the Consequences stands in for the decision owner. Change: limit `anywhere` to
    // the keys of deciders (决策者, deciders, approvers) or to a section whose heading names approval
    // (`## 决策批准`, "Approval", "Sign-off"), not to `owner` lines in the body.
    const page =
      '# 1. Split the monolith\n\nDate: 2024-01-01\nStatus: Accepted\n\n## Context\n\nThe deploys take an hour because everything ships at once.\n\n## Decision\n\nWe split billing out because it changes most.\n\n## Consequences\n\n- New service: billing-api\n- Owner: the platform team\n';
    const { on } = await lintDecisionFolder({ 'adr/0001-split.md': page }, NOW);
    expect(messages(on('adr/0001-split.md')).filter((m) => m.startsWith('decision-owner'))).not.toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// The Consequences patterns added to decision-rationale ("consistent", "reduces", "avoids")
// ---------------------------------------------------------------------------------------------------

/** A record that weighs no options and gives no reason, whose Consequences are `consequences`. */
const noReason = (consequences: string) =>
  `# 1. Adopt JSON logs\n\nDate: 2024-01-01\nStatus: Accepted\nOwner: @ana\n\n## Context\n\nServices log in three formats today.\n\n## Decision\n\nWe adopt the JSON log format.\n\n## Consequences\n\n${consequences}\n`;

const rationale = (pairs: string[][]) => messages(pairs).filter((m) => m.startsWith('decision-rationale'));

describe('a Consequences section that states no gain', () => {
  it('does not take "not always consistent" (a drawback, negated a word away) for a reason', async () => {
    // The Consequences pattern's look-behind sees only the word just before: "not always consistent" and
    // "not yet consistent" pass. Change: allow a word between the negation and the gain, as the Spanish
    // patterns do (`(?<!\b(?:not|no|never)\s+(?:\p{L}+\s+)?)`), in rules/decision-rationale.yml.
    const baseline = await lintDecisionFolder(
      { 'adr/0001-json-logs.md': noReason('The team updates its dashboards.') },
      NOW,
    );
    expect(rationale(baseline.on('adr/0001-json-logs.md'))).not.toEqual([]);
    const page = noReason(
      'The team updates its dashboards. Until the migration ends, the two formats are not always consistent.',
    );
    const { on } = await lintDecisionFolder({ 'adr/0001-json-logs.md': page }, NOW);
    expect(rationale(on('adr/0001-json-logs.md'))).toEqual(rationale(baseline.on('adr/0001-json-logs.md')));
  }, 60_000);

  it.skip('does not take a cost ("reduces write throughput") for a reason', async () => {
    // Judgement call: "reduces?" was added for gains ("reduces the on-call load"), but a Consequences
    // section lists costs as often ("This reduces write throughput by 20%"): the verb alone does not say
    // which. Change: require a gain-shaped object (`reduces? (?:the )?(?:risk|cost|load|toil|time|errors?|
    // complexity|duplication)`), or leave "reduces" to the Decision section.
    const baseline = await lintDecisionFolder(
      { 'adr/0001-json-logs.md': noReason('The team updates its dashboards.') },
      NOW,
    );
    const page = noReason('The team updates its dashboards. JSON encoding reduces write throughput by 20%.');
    const { on } = await lintDecisionFolder({ 'adr/0001-json-logs.md': page }, NOW);
    expect(rationale(on('adr/0001-json-logs.md'))).toEqual(rationale(baseline.on('adr/0001-json-logs.md')));
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// A folder of one or two records judged by its template (dropOmittedFields)
// ---------------------------------------------------------------------------------------------------

describe('a first record numbered 0000 beside two records', () => {
  it('does not type `0000-record-architecture-decisions.md` as a template: it is a record, judged as one', async () => {
    // `**/0000-*.md` typed a folder's first record as its template (only `0000-use-markdown-*` was excepted),
    // and "the template decides for a folder of one or two records" then dropped from the others what the first
    // record leaves out. A draft or first record numbered 0000 and named in three words or more is a record
    // (`**/0000-*-*-*.md` in the template type's except-paths).
    const first =
      "# 0. Record architecture decisions\n\nDate: 2024-01-01\n\n## Context\n\nWe need to record the architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision Records, as described by Michael Nygard.\n\n## Consequences\n\nSee Michael Nygard's article.\n";
    const record = (n: number) =>
      `# ${n}. Use tool ${n}\n\nDate: 2024-01-0${n}\nStatus: Accepted\n\n## Context\n\nThe deploy scripts break every week because nobody owns them.\n\n## Decision\n\nWe use tool ${n} because it is maintained.\n\n## Consequences\n\nThe team learns tool ${n}.\n`;
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-use-tool.md': record(1),
        'adr/0002-use-tool.md': record(2),
        'adr/0000-record-architecture-decisions.md': first,
      },
      NOW,
    );
    expect(messages(on('adr/0000-record-architecture-decisions.md'))).toContainEqual(
      expect.stringMatching(/^decision-status: /),
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Meetings: the next meeting's agenda (`not-under`), a bold owner after the item
// ---------------------------------------------------------------------------------------------------

describe("the next meeting's agenda", () => {
  it('keeps "### Agenda" under "## Next-gen search sync" (a project named "Next-gen") as this meeting\'s', async () => {
    // not-under's `next(?!\s+steps?\b|\.\p{L})(?!\p{L})` matches "Next-gen": the hyphen is no letter. Change:
    // `next(?![-\s]*(?:steps?|gen(?:eration)?)\b|\.\p{L})`, or require a meeting word after it (next meeting,
    // next week, next sync, next time), in rules/meeting-agenda.yml.
    const page =
      '# Meeting notes\n\n## Next-gen search sync 2026-03-09\n\n### Attendees\n\n- Vera Lind\n- Jonas Brook\n\n### Agenda\n\n- Indexing latency\n\n### Decisions\n\n- We decided to shard the index by tenant.\n';
    const found = await meetingFindings({ 'meetings/2026-03-09.md': page });
    expect(found.filter((f) => f.includes('meeting-agenda'))).toEqual([]);
  }, 60_000);
});

describe('a bold word closing an action item', () => {
  it.skip('does not take "**June**" (a month) for the attendee June Park', async () => {
    // Judgement call: boldOwnerAfter takes a bold capitalised word at the item's end as the owner when the
    // roster has that first name. "Book the offsite for **June**" names a month; with June Park on the roster
    // it reads as hers. Change: exclude month and weekday names from BOLD_NAME unless written with a surname
    // or an @handle (task-signals.ts NOT_NAMES), or require the name to be the item's only bold span.
    const page =
      '# Sync 2026-03-09\n\n## Attendees\n\n- June Park\n- Vera Lind\n\n## Agenda\n\n- Offsite\n\n## Decisions\n\n- We decided to hold the offsite in Lisbon.\n\n## Action items\n\n- [ ] 2026-03-20: book the offsite venue for **June**\n';
    const found = await meetingFindings({ 'meetings/2026-03-09.md': page });
    // Without the bold word the item is reported as having no owner; with it, nothing is reported.
    expect(found.filter((f) => f.includes('action-items'))).not.toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Korean outcomes (meeting-outcomes `ko` phrases)
// ---------------------------------------------------------------------------------------------------

/** Korean minutes with an agenda and no decision; `extra` lines close its notes. */
const korean = (extra: string) =>
  `# 주간 회의 2026-03-09\n\n## 참석자\n\n- 김민수\n- 이서연\n\n## Agenda\n\n- 배포 일정\n\n## 회의 내용\n\n- 배포 일정을 논의했지만 아직 정하지 못했습니다.\n${extra}`;

describe('a Korean owner line that names no one', () => {
  it('does not count "담당자: 미지정" (owner: unassigned) as an outcome', async () => {
    // The ko phrase `담당자?\s?[:：][ \t]*(?!미정|없음)[^\s|]` excludes 미정 (undecided) and 없음 (none) but not
    // 미지정 (unassigned), 추후 결정 (to be decided later) or a bare "-". Change: exclude
    // `미지정|미배정|추후|TBD|-(?:\s|$)` too, in rules/meeting-outcomes.yml.
    const outcomes = (found: string[]) => found.filter((f) => f.includes('meeting-outcomes'));
    const baseline = await meetingFindings({ 'meetings/2026-03-09.md': korean('') });
    expect(outcomes(baseline)).not.toEqual([]);
    const found = await meetingFindings({ 'meetings/2026-03-09.md': korean('  - 담당자: 미지정\n') });
    expect(outcomes(found)).toEqual(outcomes(baseline));
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Site readers: a generator's project in `docs/` (siteFolders)
// ---------------------------------------------------------------------------------------------------

describe("a VuePress site in docs/ beside a handbook that Nextra's _meta files navigate", () => {
  it("still reads the root's Nextra navigation, so its pages are no orphans", async () => {
    // readSiteNavigation returns the first generator found in siteFolders (root, the folder above, docs/)
    // and falls back to nextraNavigation(root) only when none is: a VuePress API site in docs/ now hides the
    // handbook's own `_meta.json` navigation, and every page only it reached becomes an orphan. Change: try
    // docs/ after nextraNavigation(root), or merge the navigations found (src/site-navigation.ts).
    const handbook = {
      'pages/_meta.json': '{ "index": "Home", "benefits": "Benefits", "travel": "Travel" }\n',
      'pages/index.md': '# Home\n\nWelcome to the handbook.\n',
      'pages/benefits.md': '# Benefits\n\nOwner: @ana\n\nHealth cover starts on day one.\n',
      'pages/travel.md': '# Travel\n\nOwner: @ana\n\nBook through the travel desk.\n',
    };
    const vuepress = {
      'docs/.vuepress/config.js':
        "module.exports = {\n  themeConfig: {\n    sidebar: ['/', '/api.md'],\n  },\n};\n",
      'docs/README.md': '# API\n\nThe public API.\n',
      'docs/api.md': '# Endpoints\n\nGET /users lists the users.\n',
    };
    const without = await ruleFindings([tempTree(handbook)], 'orphan-page');
    expect(without.filter((f) => f.startsWith('pages/'))).toEqual([]);
    const found = await ruleFindings([tempTree({ ...handbook, ...vuepress })], 'orphan-page');
    expect(found.filter((f) => f.startsWith('pages/'))).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// The optional mark in a template's front matter
// ---------------------------------------------------------------------------------------------------

describe("a template's front-matter comment about one field", () => {
  it('marks only the field under it optional, not every field after it', async () => {
    // folderFieldsOptional takes a front-matter field as marked when ANY `#` comment line above it says
    // optional: "# Optional: the tracking issue" over `issue:` also marks `owner:` below it. Change: look only
    // at the comment lines directly above the key (up to the previous key), unless the comment speaks of
    // the elements in the plural ("These are optional elements"), in src/rules/checks/fields.ts.
    const template = (comment: string) =>
      `---\nstatus: proposed\ndate: YYYY-MM-DD\n${comment}issue: \nowner: "@name"\n---\n\n# Title\n\n## Context\n\n## Decision\n\n## Consequences\n`;
    const record = (n: number, owner: boolean) =>
      `---\nstatus: accepted\ndate: 2024-01-0${n}\n${owner ? 'owner: "@ana"\n' : ''}---\n\n# ${n}. Use tool ${n}\n\n## Context\n\nThe deploy scripts break every week because nobody owns them.\n\n## Decision\n\nWe use tool ${n} because it is maintained.\n\n## Consequences\n\nThe team learns tool ${n}.\n`;
    const pages = {
      'adr/0001-a.md': record(1, true),
      'adr/0002-b.md': record(2, false),
      'adr/0003-c.md': record(3, false),
    };
    const owner = (pairs: string[][]) => messages(pairs).filter((m) => m.startsWith('decision-owner'));
    const plain = await lintDecisionFolder({ ...pages, 'adr/template.md': template('') }, NOW);
    expect(owner(plain.on('adr/0002-b.md'))).not.toEqual([]);
    const commented = await lintDecisionFolder(
      { ...pages, 'adr/template.md': template('# Optional: the tracking issue\n') },
      NOW,
    );
    expect(owner(commented.on('adr/0002-b.md'))).toEqual(owner(plain.on('adr/0002-b.md')));
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Checkboxes under the review of the last meeting's action points
// ---------------------------------------------------------------------------------------------------

describe('checkboxes under an agenda point that mentions "previous"', () => {
  it('still judges the new tasks set under "Follow up on the previous incident"', async () => {
    // The pattern that tells the last meeting's items under review takes `previous` (and `prior`) alone,
    // anywhere in the point: the tasks this meeting sets under a topic about a previous incident, release or
    // quarter are skipped, so their missing owner is not reported. Change: require an action word with it
    // (`previous (?:action items?|action points?|actions|tasks|to-?dos?)`, `from the previous meeting`), in
    // src/rules/checks/task-notes.ts.
    const page = (topic: string) =>
      `# Sync 2026-03-09\n\n## Attendees\n\n- Vera Lind\n- Jonas Brook\n\n## Agenda\n\n- Incidents\n\n## Notes\n\n- ${topic}\n  - [ ] Write the postmortem by 2026-03-20\n`;
    const actions = (found: string[]) => found.filter((f) => f.includes('action-items'));
    const baseline = await meetingFindings({
      'meetings/2026-03-09.md': page('Follow up on the database incident'),
    });
    expect(actions(baseline)).not.toEqual([]);
    const found = await meetingFindings({
      'meetings/2026-03-09.md': page('Follow up on the previous incident'),
    });
    expect(actions(found)).toEqual(actions(baseline));
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// A Decisions section that says nothing was decided (conditional.ts `says`)
// ---------------------------------------------------------------------------------------------------

describe('a Decisions section that says none were made', () => {
  it('does not count "## Decisions" over "None." as an outcome, as it does not count "결정 사항 없음"', async () => {
    // `says` was added with NOTHING_SETTLED, a Korean-only list (없음, 미정, 결정 사항 없음): the Korean minutes'
    // "none" is no outcome, the English "None." / "No decisions were made." under "## Decisions" still is one.
    // Change: add the English (and the other read languages') forms to NOTHING_SETTLED: `none|n/?a|nothing|
    // no decisions?(?: (?:were|was) (?:made|taken))?|tbd` (src/rules/checks/conditional.ts).
    const page = (decisions: string) =>
      `# Sync 2026-03-09\n\n## Attendees\n\n- Vera Lind\n- Jonas Brook\n\n## Agenda\n\n- Roadmap\n\n## Notes\n\n- We talked about the roadmap.\n\n## Decisions\n\n${decisions}\n`;
    const outcomes = (found: string[]) => found.filter((f) => f.includes('meeting-outcomes'));
    const korean = await meetingFindings({ 'meetings/2026-03-09.md': page('결정 사항 없음.') });
    expect(outcomes(korean)).not.toEqual([]);
    const english = await meetingFindings({ 'meetings/2026-03-09.md': page('None.') });
    expect(outcomes(english)).not.toEqual([]);
  }, 60_000);
});
