import { describe, expect, it } from 'vitest';
import { lintDecisionFolder, rulesOf } from './decision-folder.js';
import { readPage } from './page-type.js';

/**
 * Decision records as the twentieth round's labeller met them, written for the test (the pages themselves are
 * other people's text): RFC-process records whose only header is a bullet list (Rust's keys, Vue's in French)
 * and no status line, and MADR's stock first record copied as shipped.
 */

const NOW = '2026-12-01';

/** An RFC opening with a bullet header (`header`), then an RFC's sections. */
const bulletRfc = (header: string[], sections: string[]) =>
  [
    ...header,
    '',
    ...sections.flatMap((heading) => [
      `# ${heading}`,
      '',
      `The ${heading.toLowerCase()} of moving the sync to a worker, because the page freezes.`,
      '',
    ]),
  ].join('\n');

const rustRfc = bulletRfc(
  [
    '- Feature Name: worker sync',
    '- Start Date: 2024-05-02',
    '- RFC PR: [acme/rfcs#12](https://example.com/acme/rfcs/pull/12)',
    '- Acme Issue: [acme/app#301](https://example.com/acme/app/issues/301)',
  ],
  ['Summary', 'Motivation', 'Detailed design', 'Alternatives'],
);

const frenchRfc = bulletRfc(
  ['- Date de début : 14/04/2023', '- Version majeure cible : v4', "- PR d'implémentation : #87"],
  ['Résumé', 'Motivation', 'Conception détaillée', 'Désavantages', 'Alternatives'],
);

describe('judgement fixtures: round 20, RFC-process records typed by their bullet header', () => {
  it('types a Rust-style RFC (Feature Name, RFC PR) a decision', () => {
    expect(readPage(rustRfc, '0012-worker-sync.md').type).toBe('decision');
  });

  it("types a Vue-style RFC in French (Version majeure cible, PR d'implémentation) a decision", () => {
    expect(readPage(frenchRfc, 'text/0004-gestionnaire-de-paquets.md').type).toBe('decision');
  });

  it('keeps untyped a numbered note with no such header, and one whose only key is a start date', () => {
    const note = '# Notes\n\n- Start Date: 2024-05-02\n- Room: B12\n\nWe moved the sync to a worker.\n';
    expect(readPage(note, 'text/0003-notes.md').type).toBeUndefined();
    expect(readPage('# Notes\n\nWe moved the sync to a worker.\n', 'text/notes.md').type).toBeUndefined();
  });

  it('asks a lone RFC of an rfcs/ folder with a bullet header no status: its pull request is', async () => {
    const { on } = await lintDecisionFolder({ 'rfcs/0012-worker-sync.md': rustRfc }, NOW);
    expect(rulesOf(on('rfcs/0012-worker-sync.md'))).not.toContain('decision-status');
  });

  it('still reports a status such an RFC writes that is no lifecycle word', async () => {
    const stated = rustRfc.replace('- RFC PR:', '- Status: maybe\n- RFC PR:');
    const { on } = await lintDecisionFolder({ 'rfcs/0012-worker-sync.md': stated }, NOW);
    expect(rulesOf(on('rfcs/0012-worker-sync.md'))).toContain('decision-status');
  });

  it('still asks a lone RFC of an rfcs/ folder without those keys its status', async () => {
    const dated = bulletRfc(
      ['- Start Date: 2024-05-02'],
      ['Summary', 'Motivation', 'Detailed design', 'Alternatives'],
    );
    const { on } = await lintDecisionFolder({ 'rfcs/0012-worker-sync.md': dated }, NOW);
    expect(rulesOf(on('rfcs/0012-worker-sync.md'))).toContain('decision-status');
  });
});

/** A MADR record titled `title`, with no date and no deciders, as MADR's own first record ships. */
const madrRecord = (title: string) =>
  [
    `# ${title}`,
    '',
    '## Context and Problem Statement',
    '',
    'We want one format for the records of this project. Which format should they follow?',
    '',
    '## Considered Options',
    '',
    '* MADR',
    '* Nygard-style records',
    '* No format',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "MADR", because its sections are light and it lists the options weighed.',
    '',
  ].join('\n');

describe("judgement fixtures: round 20, MADR's stock first record", () => {
  it.each([
    '0000-use-markdown-architectural-decision-records.md',
    '0000-use-markdown-any-decision-records.md',
  ])('asks %s no date and no owner', async (file) => {
    const { on } = await lintDecisionFolder(
      { [file]: madrRecord('Use Markdown Architectural Decision Records') },
      NOW,
    );
    expect(rulesOf(on(file))).not.toContain('decision-date');
    expect(rulesOf(on(file))).not.toContain('decision-owner');
  });

  it('still asks a later MADR record its date and owner', async () => {
    const file = '0002-use-markdown-for-the-api-reference.md';
    const { on } = await lintDecisionFolder(
      { [file]: madrRecord('Use Markdown for the API reference') },
      NOW,
    );
    expect(rulesOf(on(file))).toEqual(expect.arrayContaining(['decision-date', 'decision-owner']));
  });
});
