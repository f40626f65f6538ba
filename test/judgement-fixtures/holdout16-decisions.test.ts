import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { DATE_THEN_STATE } from '../../src/normalize/field-dates.js';
import { MUSTACHE_PROMPT } from '../../src/rules/checks/stock-templates.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings } from './cli-findings.js';
import { lintDecisionFolder, rulesOf, withHeader } from './decision-folder.js';

/**
 * Decision records as the sixteenth out-of-sample round met them, written for the test (the pages
 * themselves are other people's text): a status written as its date then the state, a Portuguese MADR
 * status key, RFCs of the Rust/Ember template, mustache template prompts, a record template's example
 * links, a template of opinions, and folders that mix two templates.
 */

const NOW = '2026-12-01';

describe('judgement fixtures: the sixteenth round, status values in forms the readers did not take', () => {
  it('reads `2026-11-05 proposed` under `## Status` as Proposed since that date', async () => {
    const page = withHeader('## Status', '', '2026-11-05 proposed', '', 'Author: Ana Ruiz');
    const { on } = await lintDecisionFolder({ 'adr/0007-queue.md': page }, NOW);
    expect(on('adr/0007-queue.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-11-05.'],
    ]);
    const accepted = withHeader('## Status', '', '2026-11-05 accepted', '', 'Author: Ana Ruiz');
    expect(
      (await lintDecisionFolder({ 'adr/0007-queue.md': accepted }, NOW)).on('adr/0007-queue.md'),
    ).toEqual([]);
  });

  it('still judges a leading date followed by no lifecycle word', async () => {
    const page = withHeader('## Status', '', '2026-11-05 parked', '', 'Author: Ana Ruiz');
    const { on } = await lintDecisionFolder({ 'adr/0007-queue.md': page }, NOW);
    expect(rulesOf(on('adr/0007-queue.md'))).toContain('decision-status');
  });

  it('reads the Portuguese `Situação:` key as the status, its value in bold', async () => {
    const page = withHeader('* Situação: __Aceito__', '* Decisores: Ana Ruiz', '* Data: 2026-05-02');
    const { on } = await lintDecisionFolder({ 'adr/0007-queue.md': page }, NOW);
    expect(on('adr/0007-queue.md')).toEqual([]);
    const wrong = withHeader('* Situação: __Talvez__', '* Decisores: Ana Ruiz', '* Data: 2026-05-02');
    const found = (await lintDecisionFolder({ 'adr/0007-queue.md': wrong }, NOW)).on('adr/0007-queue.md');
    expect(rulesOf(found)).toEqual(['decision-status']);
  });
});

describe('judgement fixtures: the sixteenth round, mustache prompts of RFC templates', () => {
  it('reports a `{{…}}` prompt left in a page, in capitals or as a sentence', async () => {
    const root = tempTree({
      'README.md': '# Proposals\n\n- [Faster installs](0002-faster-installs.md)\n',
      '0002-faster-installs.md': [
        '# Faster installs',
        '',
        'Owner: Ana Ruiz',
        '',
        '## Prior Art',
        '',
        '{{Discuss how other tools handle this, and what came of it}}',
        '',
        '{{THIS SECTION SHOULD BE REMOVED BEFORE APPROVAL}}',
        '',
        '## Unresolved Questions',
        '',
        '{{Leave this out if there are no prior examples}}',
        '',
        '{{List the questions still open}}',
        '',
      ].join('\n'),
    });
    // A prompt that names examples introduces none: the prompt after it is still template text.
    expect(await ruleFindings([root], 'placeholder', true)).toEqual([
      '0002-faster-installs.md Unfilled template text "{{Discuss how other tools handle this, and what came of it}}".',
      '0002-faster-installs.md Unfilled template text "{{Leave this out if there are no prior examples}}".',
      '0002-faster-installs.md Unfilled template text "{{List the questions still open}}".',
      '0002-faster-installs.md Unfilled template text "{{THIS SECTION SHOULD BE REMOVED BEFORE APPROVAL}}".',
    ]);
  });

  it('leaves a template language’s own expressions alone', async () => {
    const root = tempTree({
      'README.md': '# Site\n\n- [Layout](layout.md)\n',
      'layout.md': [
        '# Layout',
        '',
        'Owner: Ana Ruiz',
        '',
        'The header shows {{ site.title }} and {{Title}}, and lists {{#each pages}} or {{> footer}}.',
        '',
      ].join('\n'),
    });
    expect(await ruleFindings([root], 'placeholder')).toEqual([]);
  });
});

describe('judgement fixtures: the sixteenth round, a decision folder linted itself', () => {
  it('types a record at the top of a root named `adr` when it states a status, whatever its name', () => {
    const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
    const page = (path: string, fields: string[]) =>
      classify({ path, rootFolder: 'adr', title: 'x', labels: [], fields });
    expect(page('web-api-001-use-postgres.md', ['status'])).toBe('decision');
    // A note about the records, with no status, is not one; nor is the folder's README.
    expect(page('how-we-write-records.md', [])).toBeUndefined();
    expect(page('README.md', ['status'])).toBe('index');
    // A page that states a status at the top of a root with another name is not typed by it.
    expect(
      classify({
        path: 'web-api-001-use-postgres.md',
        rootFolder: 'guides',
        title: 'x',
        labels: [],
        fields: ['status'],
      }),
    ).toBeUndefined();
  });
});

describe('judgement fixtures: the sixteenth round, a record template’s example links', () => {
  const template = (link: string) =>
    [
      '# {short title of solved problem and solution}',
      '',
      `* Status: [proposed | rejected | accepted | superseded by [ADR-0005](${link})]`,
      '* Deciders: {list everyone involved in the decision}',
      '',
      '## Context and Problem Statement',
      '',
      '{Describe the context and problem statement}',
      '',
    ].join('\n');

  it('does not report a template’s link to its example record, in any of the languages it names one', async () => {
    for (const link of ['0005-example.md', '0005-exemplo.md', '0005-ejemplo.md', '0005-beispiel.md']) {
      const root = tempTree({ 'README.md': '# Records\n', 'templates/adr-template.md': template(link) });
      expect(await ruleFindings([root], 'broken-link'), link).toEqual([]);
    }
  });

  it('still reports a template’s broken link to a real page, and a record’s to an example', async () => {
    const root = tempTree({
      'README.md': '# Records\n',
      'templates/adr-template.md': template('../guides/review.md'),
      'adr/0001-queue.md': '# 1. Queue\n\nStatus: superseded by [ADR-0005](0005-example.md)\n',
    });
    expect(await ruleFindings([root], 'broken-link')).toEqual([
      'adr/0001-queue.md',
      'templates/adr-template.md',
    ]);
  });
});

describe('judgement fixtures: the sixteenth round, a template that argues in Opinions', () => {
  const record = (opinions: boolean) =>
    [
      '# Report the service version',
      '',
      '## Summary',
      '',
      'The service should report its version and what it can do.',
      '',
      ...(opinions
        ? [
            '## Opinions',
            '',
            '### Opinion 1: date-based versions',
            '',
            'Summary: dates are easier to automate than semantic versions',
            '',
            'Every merge to the main branch can be stamped with its day.',
            '',
          ]
        : []),
      '## Decision Status',
      '',
      'accepted',
      '',
      '1. Add an endpoint that returns the version.',
      '',
      '## References',
      '',
    ].join('\n');

  it('takes the Opinions for the reasons of the choice', async () => {
    const { on } = await lintDecisionFolder({ 'decisions/0001-version.md': record(true) }, NOW);
    expect(rulesOf(on('decisions/0001-version.md'))).not.toContain('decision-rationale');
  });

  it('still asks the reason of the same record with no Opinions', async () => {
    const { on } = await lintDecisionFolder({ 'decisions/0001-version.md': record(false) }, NOW);
    expect(rulesOf(on('decisions/0001-version.md'))).toContain('decision-rationale');
  });
});

useRecheck();

describe('judgement fixtures: the sixteenth round, the patterns added are linear', () => {
  const added = { DATE_THEN_STATE, MUSTACHE_PROMPT: new RegExp(MUSTACHE_PROMPT) };
  for (const [name, pattern] of Object.entries(added))
    it(`${name} is safe by recheck, as test/hardening/redos-patterns.test.ts checks patterns`, () => {
      expect(verdict(pattern)).toBe('safe');
    }, 120_000);
});
