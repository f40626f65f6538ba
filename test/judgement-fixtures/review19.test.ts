import { describe, expect, it } from 'vitest';
import { lintDecisionFolder, nygardRecord } from './decision-folder.js';

/**
 * A second reading of the fourteenth round's decision fixes (branch decisions14): pages written for the
 * test, each a shape real handbooks have that the new patterns judge wrongly. The failing tests are bugs;
 * the skipped ones are judgement calls, each with its reason.
 */

const NOW = '2026-12-01';
const rulesOn = (found: (readonly unknown[])[]) => found.map(([rule]) => rule);

/** A Portuguese record with headings, its line under the title `lead`. */
const ptRecord = (lead: string) =>
  [
    '# ADR-0003. API gateway como única porta pública',
    '',
    lead,
    '',
    'Owner: Ana Ruiz',
    '',
    '## Contexto',
    '',
    'Os serviços expõem portas próprias, porque cada um nasceu sozinho.',
    '',
    '## Decisão',
    '',
    'Só o gateway é público, porque um ponto de entrada é mais fácil de proteger.',
    '',
    '## Consequências',
    '',
    'O gateway vira dependência de todos.',
    '',
  ].join('\n');

/** An English Nygard record whose Decision is `decision`, its Context too short to give the reason. */
const nygard = (decision: string) =>
  nygardRecord({
    title: '4. Events',
    header: ['Date: 2026-03-01', 'Owner: Ana Ruiz'],
    context: 'Consumers break.',
    decision,
    consequences: 'Producers must version.',
  });

describe('review19: run-in bold labels', () => {
  it('takes no one-line `**Decision:**` summary for the Decision when the record heads its Decision Outcome', async () => {
    // MADR records often open with a TL;DR line; before the branch this record had no finding. The run-in
    // "Decision" is made a section because the page heads "Decision Outcome", not "Decision", and
    // decision-rationale then judges the two-word summary instead of the Outcome that gives the reason.
    const page = [
      '# Use Kafka for events',
      '',
      '* Status: accepted',
      '* Deciders: Ana Ruiz',
      '* Date: 2026-10-01',
      '',
      '**Decision:** Kafka.',
      '',
      '## Context and Problem Statement',
      '',
      'Services poll each other.',
      '',
      '## Considered Options',
      '',
      '* Kafka',
      '* RabbitMQ',
      '',
      '## Decision Outcome',
      '',
      'Chosen option: "Kafka", because the platform team already runs it.',
      '',
      '### Consequences',
      '',
      'One more cluster to watch.',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder({ 'decisions/0005-kafka.md': page }, NOW);
    expect(on('decisions/0005-kafka.md')).toEqual([]);
  });

  it('takes no `**Risks:** low.` line of the header block for the Consequences the record lacks', async () => {
    // Before the branch: Consequences missing (right). Now the metadata line is a run-in "Risks" section,
    // and Risks is an alias of Consequences, so the record's missing consequences go unreported.
    const page = [
      '# ADR 9: Move to Postgres',
      '',
      '**Status:** Accepted',
      '',
      '**Date:** 2026-10-01',
      '',
      '**Owner:** Ana Ruiz',
      '',
      '**Risks:** low.',
      '',
      '## Context',
      '',
      'MySQL 5.7 is out of support.',
      '',
      '## Options considered',
      '',
      '- Postgres',
      '- MySQL 8',
      '',
      '## Decision',
      '',
      'Postgres, because the team knows it.',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder({ 'adr/0009-pg.md': page }, NOW);
    expect(on('adr/0009-pg.md')).toContainEqual([
      'decision-sections',
      'Section "Consequences" is missing (expected in a decision record).',
    ]);
  });
});

describe('review19: template slots and wrapped reasons', () => {
  it('keeps a reason on a line whose inline code holds braces of several words, or a comment opener', async () => {
    // filledIn drops every line holding `{word …}` with a space inside; code is no template slot.
    // All three pass on main.
    for (const decision of [
      'Health checks return `{status: ok}` because the load balancer reads only the body.',
      'Events travel as `{type, payload, version}` envelopes because consumers can skip unknown types.',
      'Import with `import {Router, Route} from "x"` because tree shaking then drops the rest.',
      // An HTML comment's opener in code, never closed: everything after it is dropped.
      'Strip `<!--` notes before rendering, because editors leave drafts in them.',
    ]) {
      const { on } = await lintDecisionFolder({ 'adr/0004-ev.md': nygard(decision) }, NOW);
      expect(on('adr/0004-ev.md'), decision).toEqual([]);
    }
  });

  it('joins no two list items into a reason ("test results" / "In CI" is no "results in")', async () => {
    // matchesProse runs lines together across list items, not only a paragraph's wrapped lines. Main
    // reports the missing reason.
    const decision = 'Adopt Playwright.\n\n- Upload the test results\n- In CI, run headless.';
    const { on } = await lintDecisionFolder({ 'adr/0004-t.md': nygard(decision) }, NOW);
    expect(rulesOn(on('adr/0004-t.md'))).toEqual(['decision-rationale']);
  });
});

describe('review19: the state and date on the line under the title', () => {
  it('does not make a numbered guide or numbered minutes a decision record because of a bold state and date under the title', async () => {
    // The lead line sets `status` on every page, and a numbered page that states a status is typed a
    // record: decision findings on an onboarding guide (6) and on weekly minutes under meetings/ (4);
    // none on main.
    for (const [file, page] of [
      [
        'guides/0003-onboarding.md',
        '# Onboarding a new engineer\n\n**Draft** · 2026-09-02 · Ana Ruiz\n\n1. Get a laptop.\n2. Read the handbook.\n',
      ],
      [
        'meetings/0012-sync.md',
        '# Weekly sync 12\n\n**Final** · 2026-09-02 · notes by Ana\n\n## Agenda\n\n- Release\n\n## Notes\n\nShip Friday.\n',
      ],
    ] as const) {
      const { findings } = await lintDecisionFolder({ [file]: page }, NOW);
      expect(
        findings.map((f) => [f.page.file, f.ruleId]),
        file,
      ).toEqual([]);
    }
  });

  it('reads the superseded state the folder documents, `**Substituída por ADR-0011** · 2026-09-02`', async () => {
    // The SOAT folder README lists "Substituída por ADR-XXXX" among its states; STATE_LABEL takes only
    // letters, so this record of the same folder is asked a status and a date it states.
    const { on } = await lintDecisionFolder(
      {
        'adr/0003-gw.md': ptRecord(
          '**Substituída por ADR-0011** · 2026-09-02 · Relacionada [RFC-0005](0005.md)',
        ),
      },
      NOW,
    );
    expect(rulesOn(on('adr/0003-gw.md')).filter((rule) => rule !== 'decision-superseded-link')).toEqual([]);
  });

  it('reads the line under a title given in front matter (Docusaurus, Jekyll), with no `#` heading', async () => {
    // fromLeadLine wants an H1 as the first node; a site whose records title themselves in front matter
    // opens the body with the line itself and is asked a status and a date.
    const page = ptRecord('**Aceita** · 2026-09-02 · Relacionada [RFC-0005](0005.md)').replace(
      '# ADR-0003. API gateway como única porta pública\n\n',
      '---\ntitle: "ADR-0003. API gateway como única porta pública"\n---\n\n',
    );
    const { on } = await lintDecisionFolder({ 'adr/0003-gw.md': page }, NOW);
    expect(on('adr/0003-gw.md')).toEqual([]);
  });

  // Judgement call: a state with words after it, another separator or a written-out date is a looser
  // shape; reading it risks taking a bold lead-in for a status. Each is asked a status and date now.
  it.skip('reads `**Accepted with changes** · 2026-09-02`, `**Accepted** (2026-09-02)`, `**Accepted** · 2 September 2026`', async () => {
    for (const lead of [
      '**Accepted with changes** · 2026-09-02',
      '**Accepted** (2026-09-02)',
      '**Accepted**: 2026-09-02',
      '**Accepted** · 2 September 2026',
    ]) {
      const { on } = await lintDecisionFolder({ 'adr/0003-gw.md': ptRecord(lead) }, NOW);
      expect(on('adr/0003-gw.md'), lead).toEqual([]);
    }
  });
});

describe('review19: consequences named otherwise, and recommendations', () => {
  const withTail = (tail: string, decisionHeading = '## Decision') =>
    [
      '# ADR 11: Choose the cloud',
      '',
      'Status: Accepted',
      'Date: 2026-10-01',
      'Owner: Ana Ruiz',
      '',
      '## Context',
      '',
      'We run on one rented server.',
      '',
      '## Options considered',
      '',
      '- AWS',
      '- GCP',
      '',
      decisionHeading,
      '',
      'AWS, because the team knows it.',
      '',
      tail,
      '',
    ].join('\n');

  it('asks an accepted ADR whose decision is headed Recommendation for its Consequences', async () => {
    // The recommendation RFC family is detected by headings alone, whatever the page's kind and state.
    // Its own comment says the consequences are recorded "where it is taken (the ADRs it leads to)":
    // this accepted ADR is that record. Main asked Consequences (and Decision).
    const { on } = await lintDecisionFolder({ 'adr/0011-cloud.md': withTail('', '## Recommendation') }, NOW);
    expect(on('adr/0011-cloud.md')).toContainEqual([
      'decision-sections',
      'Section "Consequences" is missing (expected in a decision record).',
    ]);
  });

  it('takes no Risks or Known issues subsection of the Context for the Consequences', async () => {
    // Under `## Context` they are the problem ("the known issues with the current setup"), not what follows
    // from the decision; the alias is matched wherever the heading sits, and by prefix. Main asked both.
    for (const sub of ['### Risks', '### Known issues with the current setup']) {
      const page = withTail('').replace(
        'We run on one rented server.',
        `We run on one rented server.\n\n${sub}\n\nThe server has failed twice this year.`,
      );
      const { on } = await lintDecisionFolder({ 'adr/0011-cloud.md': page }, NOW);
      expect(on('adr/0011-cloud.md'), sub).toContainEqual([
        'decision-sections',
        'Section "Consequences" is missing (expected in a decision record).',
      ]);
    }
  });

  // Judgement call: a Risks section that lists the risks of NOT deciding is context, not consequences,
  // but telling the two apart needs reading the prose ("if we keep …"); the round took Risks as
  // Consequences on purpose. Main reported the missing Consequences here.
  it.skip('does not take the risks of not deciding for the Consequences', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/0011-cloud.md': withTail(
          '## Risks\n\nIf we stay on the rented server we keep losing a day a month to outages.',
        ),
      },
      NOW,
    );
    expect(on('adr/0011-cloud.md')).toContainEqual([
      'decision-sections',
      'Section "Consequences" is missing (expected in a decision record).',
    ]);
  });
});
