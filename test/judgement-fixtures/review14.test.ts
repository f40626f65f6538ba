import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * A second reading of this session's changes (102ab08..3be4973 and the first-hour round after it): the
 * Portuguese `Data:` date key and `updated` as a date, the folder's records of no family beside a second
 * template, templates that say their sections may be deleted, Dutch "want" after a comma, the Options
 * section as a place for the reason, nested rule folders. Pages written for these tests, none copied.
 * Each failing test is a clear bug; `it.skip` marks a judgement call, kept to document it.
 */
const NOW = '2026-07-01T00:00:00Z';

const messages = (pairs: string[][]) => pairs.map(([rule, message]) => `${rule}: ${message}`);
const only = (rule: string, pairs: string[][]) => messages(pairs).filter((m) => m.startsWith(`${rule}:`));

/** A Nygard record with `head` as its metadata lines. */
const nygard = (title: string, head: string, decision = 'We use it because it is maintained.') =>
  `# ${title}\n\n${head}\n\n## Context\n\nThe deploy scripts break every week because nobody owns them.\n\n## Decision\n\n${decision}\n\n## Consequences\n\nThe team learns it.\n`;

/** A MADR record, with or without its Decision Outcome. */
const madr = (n: number, decision = true) =>
  `# Use tool ${n}\n\n* Status: Accepted\n* Deciders: @ana\n* Date: 2024-01-0${n}\n\n## Context and Problem Statement\n\nThe deploy scripts break every week because nobody owns them.\n\n## Considered Options\n\n- Tool ${n}\n- Tool 9\n\n${decision ? `## Decision Outcome\n\nChosen option: tool ${n}, because it is maintained.\n` : ''}`;

/** The folder's MADR template, `note` under its title. */
const madrTemplate = (note = '') =>
  `# [short title]\n\n${note}* Status: [proposed | accepted]\n* Deciders: [list]\n* Date: [YYYY-MM-DD]\n\n## Context and Problem Statement\n\n[Describe the context]\n\n## Considered Options\n\n* [option 1]\n\n## Decision Outcome\n\nChosen option: "[option 1]", because [justification].\n`;

/** A record opened and never written: a title and its fields. */
const stub = (n: number) =>
  `# ${n}. Use service ${n}\n\nDate: 2024-02-0${n}\nStatus: Proposed\nOwner: @bo\n\nTBD.\n`;

// ---------------------------------------------------------------------------------------------------
// Portuguese `Data:` as a date key (rules/decision-date.yml aliases, decision-lag.yml since)
// ---------------------------------------------------------------------------------------------------

describe("an English record's `Data:` line, which names data, not a day", () => {
  it('says the date is missing, not that "customer PII" is no date', async () => {
    // The `data` alias takes the English line as the record's date and reports its value as an invalid
    // date. Change: read `data` only when its value is a date (or the record is Portuguese); otherwise
    // the key is absent, as when the line is not there.
    const record = (head: string) => ({ 'adr/0001-store-events.md': nygard('1. Store events', head) });
    const withData = await lintDecisionFolder(
      record('Status: Accepted\nOwner: @ana\nData: customer PII'),
      NOW,
    );
    const without = await lintDecisionFolder(record('Status: Accepted\nOwner: @ana'), NOW);
    expect(only('decision-date', withData.on('adr/0001-store-events.md'))).toEqual(
      only('decision-date', without.on('adr/0001-store-events.md')),
    );
  }, 60_000);

  it('keeps a folder that dates no record quiet when its records write `Data:` lines', async () => {
    // Three records with no date: `unless-folder-omits` drops "missing" (git dates them), but each
    // `Data: customer PII` is now "not a date", three warnings the folder did not have.
    const folder = (data: string) =>
      Object.fromEntries(
        [1, 2, 3].map((n) => [
          `adr/000${n}-store-events.md`,
          nygard(`${n}. Store events ${n}`, `Status: Accepted\nOwner: @ana${data}`),
        ]),
      );
    const withData = await lintDecisionFolder(folder('\nData: customer PII'), NOW);
    const without = await lintDecisionFolder(folder(''), NOW);
    const dates = (r: typeof withData) =>
      r.findings.filter((f) => f.ruleId === 'decision-date').map((f) => f.message);
    expect(dates(withData)).toEqual(dates(without));
  }, 60_000);

  it('does not take "EU customers 2024" as the record\'s date', async () => {
    // parseDate's fallback (`new Date`) reads "EU customers 2024" as 2024-01-01, so the record passes
    // decision-date with no date at all. Change: for `data`, accept only the formats parseDate reads
    // before its `new Date` fallback (ISO, dd/mm/yyyy, "5 de março de 2024").
    const pages = {
      'adr/0001-store-events.md': nygard(
        '1. Store events',
        'Status: Accepted\nOwner: @ana\nData: EU customers 2024',
      ),
    };
    const { on } = await lintDecisionFolder(pages, NOW);
    expect(only('decision-date', on('adr/0001-store-events.md'))).toEqual([
      'decision-date: Decision record date is missing (found: none).',
    ]);
  }, 60_000);

  it('does not count a Proposed record open since the year its `Data:` line names', async () => {
    // decision-lag's `since` reads `data` before `updated`: "orders export 2023" is 2023-01-01, so a
    // record last updated three days ago "has been Proposed ... since 2023-01-01". Same change as above.
    const pages = {
      'adr/0001-export-orders.md': nygard(
        '1. Export orders',
        'Status: Proposed\nOwner: @ana\nData: orders export 2023\nUpdated: 2026-06-28',
      ),
    };
    const { on } = await lintDecisionFolder(pages, NOW);
    expect(only('decision-lag', on('adr/0001-export-orders.md')).join('\n')).not.toContain('2023-01-01');
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Records of no family beside a second template (src/rules/folder-sections.ts dropSecondTemplate)
// ---------------------------------------------------------------------------------------------------

describe('stubs in a MADR folder', () => {
  it('are still asked for their Decision when there are three of them', async () => {
    // One stub beside the MADR records and template is told its Context, Options and Decision are
    // missing; with three, dropSecondTemplate takes them for a second template's records (none of them
    // writes a Decision) and drops every missing-section finding. Change: only count as a second
    // template's records plain records that write sections of their own (at least two shared headings,
    // e.g. Context and Consequences), so stubs and empty pages are still reported.
    const base = { 'adr/template.md': madrTemplate(), 'adr/0001-a.md': madr(1), 'adr/0002-a.md': madr(2) };
    const one = await lintDecisionFolder({ ...base, 'adr/0005-s.md': stub(5) }, NOW);
    const three = await lintDecisionFolder(
      { ...base, 'adr/0005-s.md': stub(5), 'adr/0006-s.md': stub(6), 'adr/0007-s.md': stub(7) },
      NOW,
    );
    const missingDecision =
      'decision-sections: Section "Decision" is missing (expected in a decision record).';
    expect(messages(one.on('adr/0005-s.md'))).toContain(missingDecision);
    expect(messages(three.on('adr/0005-s.md'))).toContain(missingDecision);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Templates that say their sections may go (DELETABLE_SECTIONS)
// ---------------------------------------------------------------------------------------------------

describe('a template about deleting its sections', () => {
  const missingOutcome =
    'decision-sections: Section "Decision Outcome" is missing (expected in a MADR record).';
  const folder = (note: string) => ({
    'adr/template.md': madrTemplate(note),
    'adr/0001-a.md': madr(1),
    'adr/0002-a.md': madr(2, false),
  });

  it('that says NOT to remove sections that do not apply still asks for them', async () => {
    // DELETABLE_SECTIONS matches "remove sections that don't apply" inside "Do not remove sections that
    // don't apply", the opposite instruction. Change: no match after a negation (`(?<!\b(?:not|never|don't)\s{1,4})`
    // before delete|remove, or test the sentence for "do not|don't|never" before the verb).
    const keep = await lintDecisionFolder(
      folder('<!-- Do not remove sections that don\'t apply: write "None" under them. -->\n\n'),
      NOW,
    );
    expect(messages(keep.on('adr/0002-a.md'))).toContain(missingOutcome);
  }, 60_000);

  it('that is no decision template does not excuse the missing Decision of the ADRs beside it', async () => {
    // A handbook page template in the ADR folder ("Remove the sections that don't apply", sections
    // Purpose, Steps) writes none of the rule's sections, yet its sentence drops every missing-section
    // finding on the folder's records. Without the sentence the missing Decision is reported. Change: in
    // recordTemplates (folder-template.ts) mark `deletable` only on a template that writes one of the
    // rule's or a family's sections, and in dropSectionFindings drop only for records of that template's family.
    const nygard2 = (n: number, decision: boolean) =>
      `# ${n}. Use tool ${n}\n\nDate: 2024-01-0${n}\nStatus: Accepted\nOwner: @ana\n\n## Context\n\nThe deploy scripts break every week because nobody owns them.\n\n${decision ? `## Decision\n\nWe use tool ${n} because it is maintained.\n\n` : ''}## Consequences\n\nThe team learns it.\n`;
    const pageTemplate =
      "# Page template\n\nCopy this page to start a handbook page. Remove the sections that don't apply.\n\n## Purpose\n\n## Who this is for\n\n## Steps\n";
    const { on } = await lintDecisionFolder(
      {
        'docs/adr/page-template.md': pageTemplate,
        'docs/adr/0001-a.md': nygard2(1, true),
        'docs/adr/0002-a.md': nygard2(2, false),
      },
      NOW,
    );
    expect(messages(on('docs/adr/0002-a.md'))).toContain(
      'decision-sections: Section "Decision" is missing (expected in a Nygard ADR).',
    );
  }, 60_000);

  // Judgement call: the template lets authors delete "any sections which are not relevant", but a
  // decision record's Decision section is never irrelevant; the change drops its absence with the rest.
  // Would change: in the deletable branch of dropSectionFindings, keep the Decision section's spec (the
  // rule's `Decision` heading and each family's, e.g. Decision Outcome) out of the drop.
  it('that says to delete sections that are not relevant still asks for the Decision', async () => {
    const del = await lintDecisionFolder(
      folder('<!-- Please delete any sections which are not relevant for your ADR. -->\n\n'),
      NOW,
    );
    expect(messages(del.on('adr/0002-a.md'))).toContain(missingOutcome);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Reasons: Dutch "want" after a comma, the Options section (rules/decision-rationale.yml)
// ---------------------------------------------------------------------------------------------------

/** A record that weighs options, with a one-word Context, so its Decision must give the reason. */
const weighed = (decision: string, options = '## Considered options\n\n- Kafka\n- SQS') =>
  `# 1. Pick a queue\n\nDate: 2024-01-01\nStatus: Accepted\nOwner: @ana\n\n## Context\n\nQueues.\n\n${options}\n\n## Decision\n\n${decision}\n\n## Consequences\n\nThe team learns it.\n`;

describe('reasons', () => {
  it('does not take an English parenthetical before "want" for Dutch "want" (because)', async () => {
    // "We, like the platform team, want Kafka." gives no reason; `(?<=,\s{0,4})want` calls it one.
    // Change: Dutch "want" opens a clause: require a Dutch word after it
    // (`want(?=\s{1,4}(?:we|wij|het|de|dit|deze|die|er|zo|ze|zij|hij|men|ons|onze|dan|daar)\b)`).
    const { on } = await lintDecisionFolder(
      { 'adr/0001-pick-a-queue.md': weighed('We, like the platform team, want Kafka.') },
      NOW,
    );
    expect(messages(on('adr/0001-pick-a-queue.md'))).toContain(
      'decision-rationale: The Decision section does not state a reason for the choice.',
    );
  }, 60_000);

  // Judgement call: with `Options` in pattern-in, the reason an option was rejected ("SQS: rejected
  // because of its message size limit") satisfies the rule though nothing says why Kafka won. The same
  // holds for the Alternatives sections already listed, so it is a choice of the rule, not a slip.
  it.skip('asks why the chosen option won when the Options section only says why another lost', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-pick-a-queue.md': weighed(
          'We use Kafka.',
          '## Options\n\n- Kafka\n- SQS: rejected because of its message size limit',
        ),
      },
      NOW,
    );
    expect(messages(on('adr/0001-pick-a-queue.md'))).toContain(
      'decision-rationale: The Decision section does not state a reason for the choice.',
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Rule folders (src/rules/load.ts ruleFiles)
// ---------------------------------------------------------------------------------------------------

describe('a rule folder whose only rules are drafts one folder down', () => {
  // Judgement call: `rules/drafts/owner.yml` (rules parked while written) under a folder with no rules yet
  // stops every run with exit 2, where before the folder held no rules. The error is right for Vale's
  // styles/Acme/ layout; for a drafts folder a warning would do. Would change: report it as a notice
  // (not a HandbookLintError) when the subfolder's name says drafts/disabled/examples/tests.
  it('runs, with a notice, rather than failing', async () => {
    const rule = `check: fields\ndescription: Pages name an owner.\nlevel: warning\nfields:\n  owner:\n    required: true\nmessage: "Owner {{problem}}."\n`;
    const root = tempTree({
      'handbook-lint.yml': 'rule-folders: [rules]\n',
      'docs/a.md': '# A\n\nText.\n',
      'rules/README.md': '# Our rules\n\nNone yet; drafts below.\n',
      'rules/drafts/owner.yml': rule,
    });
    const { code } = await runCli([
      'run',
      `${root}/docs`,
      '-c',
      `${root}/handbook-lint.yml`,
      '--now',
      '2026-07-01',
    ]);
    expect(code).not.toBe(2);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// adr-tools' first record under its own numbering (rules/decision-rationale.yml excludes)
// ---------------------------------------------------------------------------------------------------

describe("the exclusion of adr-tools' first record", () => {
  it('does not excuse a later record that revisits how records are kept (adr-0021-...)', async () => {
    // `**/adr-0*1-record-architecture-decisions.md`: `*` is any run of characters, not zeros, so
    // adr-0011, adr-0021, adr-0101 ... are excluded too. This record weighs options and gives no reason;
    // named adr-0022-pick-docs-tool.md it is reported. Change: list the forms meant
    // (`**/adr-001-record-architecture-decisions.md`, `**/adr-0001-...`, `**/adr-01-...`, `**/adr-1-...`).
    const record =
      '# 21. Record architecture decisions in Notion\n\nDate: 2024-01-01\nStatus: Accepted\nOwner: @ana\n\n## Context\n\nADRs.\n\n## Considered options\n\n- Markdown\n- Notion\n\n## Decision\n\nWe use Notion.\n\n## Consequences\n\nMove them.\n';
    const file = 'adr/adr-0021-record-architecture-decisions.md';
    const { on } = await lintDecisionFolder({ [file]: record }, NOW);
    expect(messages(on(file))).toContain(
      'decision-rationale: The Decision section does not state a reason for the choice.',
    );
  }, 60_000);
});
