import { describe, expect, it } from 'vitest';
import { lintDecisionFolder, rulesOf, withHeader } from './decision-folder.js';
import { readPage } from './page-type.js';

/**
 * Decision records as the nineteenth round's second look met them, written for the test (the pages themselves
 * are other people's text): RFCs with a prefixed status key, a process RFC defining its states, MADR files with
 * no number, a one-line pipe header, French elisions and an RFC weighing options instead of designing.
 */

const NOW = '2026-12-01';

/** A Rust-style RFC: a bullet header with a prefixed status key over its sections. */
const bulletRfc = (status: string, ...sections: string[]) =>
  [
    '* Start Date: 2022-03-01',
    '* RFC Type: feature',
    `* RFC Status: ${status}`,
    '',
    ...['Summary', 'Motivation', ...sections].flatMap((heading) => [
      `# ${heading}`,
      '',
      `The ${heading.toLowerCase()} of this change, because the queue is slow.`,
      '',
    ]),
  ].join('\n');

describe('judgement fixtures: round 19b, a Status section that defines the states', () => {
  const process = [
    '* Start Date: 2022-01-10',
    '* RFC Type: informational',
    '* RFC Status: -',
    '',
    '# Summary',
    '',
    'How we write RFCs.',
    '',
    '# Status',
    '',
    '* `draft`: the RFC is still being written.',
    '* `active`: the RFC describes how things are done now.',
    '* `approved`: the approver signed the decision off.',
    '',
    '# Workflow',
    '',
    'Copy the template.',
    '',
  ].join('\n');

  it('reads no status from a glossary of lifecycle words, each with its definition', () => {
    expect(readPage(process, 'text/0001-process.md').fields.status).toBeUndefined();
  });

  it('still reads a Status section whose first item is the state', () => {
    const record = ['# 4. Use a queue', '', '## Status', '', '- Accepted', '- 2026-01-02', ''].join('\n');
    expect(readPage(record, 'adr/0004-queue.md').fields.status?.value).toBe('Accepted');
    const noted = [
      '# 4. Use a queue',
      '',
      '## Status',
      '',
      '- Accepted: by the board on 2026-01-02',
      '',
    ].join('\n');
    expect(readPage(noted, 'adr/0004-queue.md').fields.status?.value).toMatch(/^Accepted/);
  });

  it('judges no decision rule on the process RFC', async () => {
    const { on } = await lintDecisionFolder({ 'text/0001-process.md': process }, '2023-11-07');
    expect(on('text/0001-process.md')).toEqual([]);
  });
});

describe('judgement fixtures: round 19b, prefixed status keys and MADR files', () => {
  it('reads `RFC Status`, `KEP Status`, `PEP Status` and `ADR Status` as the status', () => {
    for (const prefix of ['RFC', 'KEP', 'PEP', 'ADR'])
      expect(
        readPage(`# 12. Retry\n\n${prefix} Status: draft\n`, 'text/0012-retry.md').fields.status?.value,
      ).toBe('draft');
  });

  it('types a numbered `text/NNNN-slug.md` RFC that states one as a record, and reports its stale draft', async () => {
    const page = readPage(bulletRfc('draft', 'Options Considered', 'Drawbacks'), 'text/0042-deploys.md');
    expect(page.type).toBe('decision');
    const { on } = await lintDecisionFolder(
      { 'text/0042-deploys.md': bulletRfc('draft', 'Options Considered', 'Drawbacks') },
      '2023-11-07',
    );
    expect(rulesOf(on('text/0042-deploys.md'))).toContain('decision-lag');
  });

  it('leaves a numbered page with no status untyped', () => {
    expect(readPage('# Setup\n\nInstall it.\n', 'text/0003-setup.md').type).toBeUndefined();
  });

  const madr = [
    '# Choose the database',
    '',
    '## Context and Problem Statement',
    '',
    'The app needs to store orders.',
    '',
    '## Considered Options',
    '',
    '- Postgres',
    '- A document store',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: Postgres, because the team knows it.',
    '',
  ].join('\n');

  it('types a file with the MADR heading trio as a decision record, and asks for its status', async () => {
    expect(readPage(madr, 'ADR Tech Stack.md').type).toBe('decision');
    const { on } = await lintDecisionFolder({ 'ADR Tech Stack.md': madr }, NOW);
    expect(rulesOf(on('ADR Tech Stack.md'))).toContain('decision-status');
  });

  it('does not type a page with only one of the MADR headings', () => {
    const guide = ['# Guide', '', '## Context and Problem Statement', '', 'Why guides.', ''].join('\n');
    expect(readPage(guide, 'docs/guide.md').type).toBeUndefined();
  });
});

describe('judgement fixtures: round 19b, a one-line pipe header', () => {
  it('reads the date after the `|` of `**Status:** Proposed | **Date:** …`', () => {
    const page = readPage(withHeader('**Status:** Proposed | **Date:** 2025-07-29'), 'adr/0006-policy.md');
    expect(page.fields.status?.value).toBe('Proposed');
    expect(page.fields.date?.value).toBe('2025-07-29');
  });

  it('reports the proposal left open since that date', async () => {
    const { on } = await lintDecisionFolder(
      { 'adr/0006-policy.md': withHeader('**Status:** Proposed | **Date:** 2025-07-29', 'Owner: Ana Ruiz') },
      '2025-08-15',
    );
    expect(rulesOf(on('adr/0006-policy.md'))).toContain('decision-lag');
  });

  it('keeps a status that lists its choices with pipes one value', () => {
    const page = readPage(withHeader('Status: Proposed | Accepted | Superseded'), 'adr/0006-policy.md');
    expect(page.fields.date).toBeUndefined();
    expect(page.fields.status?.value).not.toMatch(/date/i);
  });
});

/** A French record whose Decision gives its reason in `reason` and whose Context gives none. */
const french = (reason: string) =>
  [
    '# 2. Séparer les écritures des lectures',
    '',
    '## Statut',
    '',
    'Accepté',
    '',
    '## Contexte',
    '',
    'Le service grossit.',
    '',
    '## Décision',
    '',
    `Nous séparons les écritures des lectures ${reason}.`,
    '',
    '## Conséquences',
    '',
    'Deux modèles à maintenir.',
    '',
  ].join('\n');

describe('judgement fixtures: round 19b, French elisions in a reason', () => {
  it('reads "afin d’", "afin qu’", "parce qu’" and "puisqu’" as a reason', async () => {
    for (const reason of [
      "afin d'explorer le modèle",
      'afin qu’elles évoluent seules',
      "parce qu'elles évoluent seules",
      "puisqu'elles évoluent seules",
    ]) {
      const { on } = await lintDecisionFolder({ 'adr/0002-cqrs.md': french(reason) }, NOW);
      expect(rulesOf(on('adr/0002-cqrs.md')), reason).not.toContain('decision-rationale');
    }
  });

  it('still flags a French Decision with no reason', async () => {
    const { on } = await lintDecisionFolder({ 'adr/0002-cqrs.md': french('dès demain') }, NOW);
    expect(rulesOf(on('adr/0002-cqrs.md'))).toContain('decision-rationale');
  });
});

describe('judgement fixtures: round 19b, an RFC that weighs options', () => {
  const sectionsOf = (found: (readonly unknown[])[]) =>
    found.filter(([rule]) => rule === 'decision-sections').map(([, message]) => String(message));

  it('takes Options Considered for Alternatives considered and asks no design of it with Drawbacks', async () => {
    const file = 'rfcs/0042-deploys.md';
    const { on } = await lintDecisionFolder(
      { [file]: bulletRfc('approved', 'Options Considered', 'Drawbacks') },
      NOW,
    );
    expect(sectionsOf(on(file))).toEqual([]);
  });

  it('takes Options Considered for the alternatives of a feature RFC that has its Detailed design', async () => {
    const file = 'rfcs/0043-deploys.md';
    const page = bulletRfc('approved', 'Detailed design', 'Options Considered');
    const { on } = await lintDecisionFolder({ [file]: page }, NOW);
    expect(sectionsOf(on(file))).toEqual([]);
  });

  it('still asks a feature RFC with neither for its design and alternatives', async () => {
    const file = 'rfcs/0042-deploys.md';
    const { on } = await lintDecisionFolder({ [file]: bulletRfc('approved', 'Drawbacks') }, NOW);
    const messages = sectionsOf(on(file)).join('\n');
    expect(messages).toMatch(/Detailed design/);
    expect(messages).toMatch(/Alternatives considered/);
  });
});
