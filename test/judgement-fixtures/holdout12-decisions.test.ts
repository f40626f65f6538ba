import { describe, expect, it } from 'vitest';
import { ORDINAL_DAY, parseDate } from '../../src/normalize/fields.js';
import { DELETABLE_SECTIONS } from '../../src/rules/deletable-sections.js';
import { DEFAULT_RULES_DIR, loadRuleFiles } from '../../src/rules/load.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * Decision records as the twelfth out-of-sample round met them, written for the test (the pages
 * themselves are other people's text): Dutch states and reasons, fields in a table (a header row over
 * one row of values, a two-column table whose header row is its first field), a folder's own status
 * words and `created-on:` key, a second template kept beside the folder's template file, reasons given
 * above a one-line Decision or as a Portuguese purpose clause, a template that lets its sections go, and
 * an ordinal day.
 */

const NOW = '2026-12-01';

const rulesOn = (found: (readonly unknown[])[]) => found.map(([rule]) => rule);

/** A Dutch record: `#### Status` over its state, a scored options table, and a Beslissing. */
const dutch = (state: string, decision: string) =>
  [
    '### ADR-004 Keuze van de opslag',
    '',
    'Datum: 2026-11-20',
    'Eigenaar: Sanne de Vries',
    '',
    '#### Status',
    state,
    '',
    '#### Context',
    'Het team moet de gegevens van het spel ergens opslaan.',
    '',
    '#### Afgewogen opties',
    '',
    '| Forces | Bestand | Database |',
    '|---|---|---|',
    '| Kosten | ++ | - |',
    '',
    '#### Beslissing',
    decision,
    '',
    '#### Consequenties',
    'We beheren een bestand per spel.',
    '',
  ].join('\n');

describe('judgement fixtures: the twelfth round, Dutch records', () => {
  it('reads Geaccepteerd as Accepted, and omdat, vanwege, ", want" and "naar aanleiding van" as reasons', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/adr-004-opslag.md': dutch('Geaccepteerd', 'Wij kiezen een bestand, omdat het gratis is.'),
        'adr/adr-005-opslag.md': dutch('Goedgekeurd', 'Wij kiezen een bestand vanwege de lage kosten.'),
        'adr/adr-006-opslag.md': dutch('Afgewezen', 'Wij kiezen een bestand, want wij wegen kosten zwaar.'),
        'adr/adr-007-opslag.md': dutch(
          'Vervangen',
          'Naar aanleiding van de tabel hierboven kiezen wij een bestand.',
        ),
      },
      NOW,
    );
    for (const file of ['004', '005', '006', '007'])
      expect(on(`adr/adr-${file}-opslag.md`), file).toEqual([]);
  });

  it('reads Voorgesteld as Proposed, so a record open since May is overdue', async () => {
    const record = dutch('Voorgesteld', 'Wij kiezen een bestand, omdat het gratis is.').replace(
      '2026-11-20',
      '2026-05-11',
    );
    const { on } = await lintDecisionFolder({ 'adr/adr-008-opslag.md': record }, NOW);
    expect(on('adr/adr-008-opslag.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-05-11.'],
    ]);
  });

  it('still asks why when the Dutch Decision gives no reason, and takes English "we want" for none', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/adr-009-opslag.md': dutch('Geaccepteerd', 'Wij kiezen een bestand.'),
        'adr/adr-010-opslag.md': dutch('Geaccepteerd', 'We want files. We use one per game.'),
      },
      NOW,
    );
    expect(rulesOn(on('adr/adr-009-opslag.md'))).toEqual(['decision-rationale']);
    expect(rulesOn(on('adr/adr-010-opslag.md'))).toEqual(['decision-rationale']);
  });

  it('reads the Portuguese `Data:` key as the date and a purpose clause as the reason', async () => {
    const record = [
      '# 2. Arquitetura hexagonal',
      '',
      'Data: 2026-04-02',
      'Autor: Ana Souza',
      '',
      '## Status',
      '',
      'Proposto',
      '',
      '## Contexto',
      '',
      'Precisamos organizar o código.',
      '',
      '## Decisão',
      '',
      'Utilizaremos a arquitetura hexagonal para obtermos fronteiras bem definidas.',
      '',
      '## Consequências',
      '',
      'Mais camadas.',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder({ 'docs/adr/0002-arquitetura.md': record }, NOW);
    expect(on('docs/adr/0002-arquitetura.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-04-02.'],
    ]);
  });
});

/** A record whose header block is a table of column names over one row of values. */
const headerTable = (status: string, created: string) =>
  [
    '# TITLE:  Expire invitations',
    '',
    '| CREATED DATE | LAST UPDATED | STATUS | IMPLEMENTED | AUTHOR | STAKEHOLDERS |',
    '| :---: | :---: | :---: | :---: | :---: | :---: |',
    `| ${created} | 06/15/2026 | ${status} | No | @ana | @ben |`,
    '',
    '## CONTEXT AND PROBLEM STATEMENT',
    '',
    'Invitations never expire, so old links still work.',
    '',
    '## CONSIDERED OPTIONS',
    '',
    '* A column for the expiry',
    '* A job that deletes old invitations',
    '',
    '## DECISION OUTCOME',
    '',
    'A column for the expiry, chosen because it keeps the history.',
    '',
  ].join('\n');

describe('judgement fixtures: the twelfth round, fields in a table', () => {
  it('reads a header row of field names over one row of values (status, created date, author)', async () => {
    const { on } = await lintDecisionFolder(
      {
        'docs/adrs/0003-expire-invitations.md': headerTable('Accepted', '06/06/2026'),
        'docs/adrs/0004-expire-invitations.md': headerTable('Proposed', '06/06/2026'),
      },
      NOW,
    );
    expect(on('docs/adrs/0003-expire-invitations.md')).toEqual([]);
    expect(on('docs/adrs/0004-expire-invitations.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-06-06.'],
    ]);
  });

  it('sets nothing from a one-row table of columns that are no header block', async () => {
    const table = headerTable('Accepted', '06/06/2026').replace(
      /\| CREATED DATE[^\n]+/,
      '| STAKEHOLDERS | IMPLEMENTED | COST | OWNER TEAM | RISK | SIZE |',
    );
    const { on } = await lintDecisionFolder({ 'docs/adrs/0005-expire-invitations.md': table }, NOW);
    expect(rulesOn(on('docs/adrs/0005-expire-invitations.md')).sort()).toEqual([
      'decision-date',
      'decision-owner',
      'decision-status',
    ]);
  });

  /** A TensorFlow-style RFC: a two-column table whose header row is its first field. */
  const keyValue = (status: string) =>
    [
      '# Common config',
      '',
      `| Status        | ${status} |`,
      ':-------------- |:--------- |',
      '| **RFC #**     | (update when you have a PR #) |',
      '| **Author(s)** | Ana Ruiz |',
      '| **Sponsor**   |          |',
      '| **Updated**   | 2026-09-12 |',
      '',
      '## Objective',
      '',
      'One config struct.',
      '',
    ].join('\n');

  it('reads a two-column table whose header row is the Status row, and its Updated row as the date', async () => {
    const { on } = await lintDecisionFolder(
      {
        'doc/RFC/RfC-0001-config.md': keyValue('Proposed'),
        'doc/RFC/RfC-0002-config.md': keyValue('(Proposed / Accepted / Implemented / Obsolete)'),
      },
      NOW,
    );
    // Sections aside: an RFC of an outline of its own, alone in its folder.
    const fields = (file: string) => on(file).filter(([rule]) => rule !== 'decision-sections');
    expect(fields('doc/RFC/RfC-0001-config.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-09-12.'],
    ]);
    expect(rulesOn(fields('doc/RFC/RfC-0002-config.md'))).toEqual(['decision-status']);
  });

  it('reads no field from a two-column table whose header names its columns', async () => {
    const table = keyValue('Proposed').replace('| Status        | Proposed |', '| Key | Value |');
    const { on } = await lintDecisionFolder({ 'doc/RFC/RfC-0003-config.md': table }, NOW);
    expect(rulesOn(on('doc/RFC/RfC-0003-config.md'))).toContain('decision-status');
  });

  it('reads an ordinal day ("September 5th, 2026") as a date', async () => {
    expect(parseDate('September 5th, 2026')?.toISOString().slice(0, 10)).toBe('2026-09-05');
    expect(parseDate('5th September 2026')?.toISOString().slice(0, 10)).toBe('2026-09-05');
    expect(parseDate('the 2024th time')).toBeUndefined();
  });
});

/** A record of cds-snc's kind: front matter with `created-on:` and the folder's own status words. */
const rfc = (status: string, createdOn: string, alternatives = true) =>
  [
    '---',
    `created-on: ${createdOn}`,
    'owner: "@ana"',
    `status: ${status}`,
    '---',
    '',
    '# Code review',
    '',
    '## Summary',
    '',
    'How we review code.',
    '',
    '## Motivation',
    '',
    'Reviews take too long.',
    '',
    '## Proposal',
    '',
    'Two reviewers for every change.',
    '',
    ...(alternatives ? ['## Alternatives', '', 'One reviewer.', ''] : []),
  ].join('\n');

const RFC_TEMPLATE = [
  '---',
  'created-on: YYYY-MM-DD',
  'owner: <github username>',
  'status: <one of proposal | rejected | informational | experimental | accepted | historic>',
  '---',
  '',
  '# Title',
  '',
  '(Note, this is an example template, please delete any sections which are',
  'not relevant for your RFC along with any content in ()s.)',
  '',
  '## Summary',
  '',
  '## Motivation',
  '',
  '## Proposal',
  '',
  '## Alternatives',
  '',
].join('\n');

describe('judgement fixtures: the twelfth round, a folder’s own status words and template', () => {
  it('reads `status: proposal` as Proposed since `created-on:`, and informational and historic as states', async () => {
    const { on } = await lintDecisionFolder(
      {
        'rfcs/0001-open.md': rfc('informational', '2026-04-16'),
        'rfcs/0002-review.md': rfc('proposal', '2026-04-17'),
        'rfcs/0003-labels.md': rfc('historic', '2026-03-23'),
      },
      NOW,
    );
    expect(on('rfcs/0001-open.md')).toEqual([]);
    expect(on('rfcs/0002-review.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-04-17.'],
    ]);
    expect(on('rfcs/0003-labels.md')).toEqual([]);
  });

  it('takes "proposal" for Proposed only as the whole value', async () => {
    const { on } = await lintDecisionFolder(
      { 'rfcs/0004-review.md': rfc('proposal withdrawn', '2026-04-17') },
      NOW,
    );
    expect(rulesOn(on('rfcs/0004-review.md'))).toEqual(['decision-status']);
  });

  it('asks no section the template tells its authors to delete when it does not apply', async () => {
    const pages = {
      'rfcs/0000-template.md': RFC_TEMPLATE,
      'rfcs/0005-values.md': rfc('accepted', '2026-04-17', false),
      'rfcs/0006-review.md': rfc('accepted', '2026-04-17'),
      'rfcs/0007-review.md': rfc('accepted', '2026-04-17'),
    };
    expect((await lintDecisionFolder(pages, NOW)).on('rfcs/0005-values.md')).toEqual([]);
    // Without that sentence the template asks for the section.
    const strict = { ...pages, 'rfcs/0000-template.md': RFC_TEMPLATE.replace(/\(Note[^)]*\)s\.\)/, '') };
    expect(rulesOn((await lintDecisionFolder(strict, NOW)).on('rfcs/0005-values.md'))).toEqual([
      'decision-sections',
    ]);
  });
});

/** A record of the folder's template file (a MADR-like outline). */
const madr = (n: number) =>
  [
    `# ${n}. Expire invitations`,
    '',
    'Status: Accepted',
    'Date: 2026-06-01',
    'Author: @ana',
    '',
    '## Context and Problem Statement',
    '',
    'Invitations never expire.',
    '',
    '## Considered Options',
    '',
    '* A column',
    '* A job',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: a column, because it keeps the history.',
    '',
  ].join('\n');

/** A record written from the folder's issue form: Context, Decision, Consequences, Stakeholders. */
const issueForm = (n: number) =>
  [
    `# ADR: Quotas ${n}`,
    '',
    'Status: Accepted',
    'Date: 2026-06-01',
    '',
    '### Context',
    '',
    'Quotas are per service, so large organisations run out.',
    '',
    '### Decision',
    '',
    'We count quotas per organisation because that is what is billed. We also considered a per-user quota.',
    '',
    '### Consequences',
    '',
    'A migration.',
    '',
    '### Author',
    '',
    '@ana',
    '',
    '### Stakeholders',
    '',
    '_No response_',
    '',
  ].join('\n');

const MADR_TEMPLATE = madr(0).replace('Expire invitations', 'Title').replace('Accepted', 'Proposed');

describe('judgement fixtures: the twelfth round, a second template in the same folder', () => {
  it('asks no Options section of three issue-form records beside records of the template file', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adrs/adr-template.md': MADR_TEMPLATE,
        'adrs/0001-a.md': madr(1),
        'adrs/0002-b.md': madr(2),
        'adrs/0007-c.md': issueForm(7),
        'adrs/0008-d.md': issueForm(8),
        'adrs/0009-e.md': issueForm(9),
      },
      NOW,
    );
    for (const file of ['0007-c', '0008-d', '0009-e']) expect(on(`adrs/${file}.md`), file).toEqual([]);
  });

  it('still asks it when no record follows the template file (the template is the only convention)', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adrs/adr-template.md': MADR_TEMPLATE,
        'adrs/0007-c.md': issueForm(7),
        'adrs/0008-d.md': issueForm(8),
        'adrs/0009-e.md': issueForm(9),
      },
      NOW,
    );
    expect(on('adrs/0007-c.md')).toEqual([
      ['decision-sections', 'Section "Options considered" is missing (expected in a decision record).'],
    ]);
  });
});

describe('judgement fixtures: the twelfth round, reasons above a one-line Decision', () => {
  it('credits a reason argued in an `### Options` section', async () => {
    const record = [
      '## Use GitHub Issues',
      '',
      'Status: Accepted',
      'Date: 2026-06-01',
      'Owner: Ana',
      '',
      '### Options',
      '',
      '- Azure DevOps',
      '- GitHub',
      '',
      'Using GitHub allows anybody to see what we are working on.',
      '',
      '### Decision',
      '',
      'We will use GitHub Issues.',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder({ 'docs/decisions/0009-use-github.md': record }, NOW);
    expect(rulesOn(on('docs/decisions/0009-use-github.md'))).not.toContain('decision-rationale');
  });
});

useRecheck();

describe('the twelfth round’s patterns are safe (as redos-patterns.test.ts checks them)', () => {
  it('the ordinal day and the deletable-sections sentence', () => {
    expect(verdict(ORDINAL_DAY)).toBe('safe');
    expect(verdict(DELETABLE_SECTIONS)).toBe('safe');
  }, 60_000);

  it('the Dutch and Portuguese reasons added to decision-rationale', async () => {
    const added =
      /\b(?:a fim de|para (?:que|obter(?:mos)?|manter(?:mos)?|garantir|assegurar|permitir|facilitar|evitar|suportar)|omdat|vanwege|aangezien|doordat|zodat|daardoor|hierdoor|redenen|voorde(?:el|len)|nade(?:el|len)|naar aanleiding van|(?<=,\s{0,4})want(?=\s{1,4}(?:we|wij|het|de|dit|deze|die|er|zo|ze|zij|hij|men|ons|onze|dan|daar)\b))\b/imu;
    // The alternatives as the rule writes them (its whole pattern has lookbehinds recheck cannot judge).
    const rules = await loadRuleFiles([DEFAULT_RULES_DIR]);
    const options = rules.get('decision-rationale')?.options as
      | { sections: { pattern?: string }[] }
      | undefined;
    const sections = options?.sections ?? [];
    const inner = added.source.slice('\\b(?:'.length, -')\\b'.length);
    expect(sections[0]?.pattern).toContain(inner);
    expect(verdict(added)).toBe('safe');
  }, 60_000);
});
