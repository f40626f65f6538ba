import { describe, expect, it } from 'vitest';
import { sectionsCheck } from '../../../src/rules/checks/sections.js';
import { check } from './harness.js';

const REASON = '\\b(?:because|since|so that|due to|in order to|given|therefore)\\b';
const record = {
  sections: [
    { heading: 'Context' },
    {
      heading: 'Options considered',
      aliases: ['Alternatives', 'Alternative approaches', 'Considered options'],
    },
    { heading: 'Decision', pattern: REASON, 'pattern-name': 'a reason' },
    { heading: 'Consequences' },
  ],
};
const missing = (section: string) => ({
  at: 'page',
  family: 'record',
  section,
  min: 1,
  'pattern-name': '',
  words: 0,
  problem: 'is missing',
});

describe('sections', () => {
  it('accepts a complete record, with an alias heading ("Alternative Approaches", as in CometBFT ADR 114)', () => {
    const markdown = [
      '# ADR 114: Partly Undo ADR 109',
      '## Context',
      'We internalized too many modules.',
      '## Alternative Approaches',
      '1. Do nothing.',
      '## Decision',
      'We will partly undo ADR 109 because it blocked the SDK upgrade.',
      '## Consequences',
      '### Positive',
      'Users can upgrade.',
    ].join('\n\n');
    expect(check(sectionsCheck, markdown, record)).toEqual([]);
  });

  it('reports empty sections at their heading and missing ones for the page (CometBFT ADR 041)', () => {
    const markdown =
      '# ADR 041\n\n## Context\n\nText.\n\n## Decision\n\n## Status\n\n## Consequences\n\n### Positive\n\n### Negative\n';
    expect(check(sectionsCheck, markdown, record)).toEqual([
      missing('Options considered'),
      {
        at: '7:1-7:12',
        family: 'record',
        section: 'Decision',
        min: 1,
        'pattern-name': 'a reason',
        words: 0,
        problem: 'is empty',
      },
      {
        at: '11:1-11:16',
        family: 'record',
        section: 'Consequences',
        min: 1,
        'pattern-name': '',
        words: 0,
        problem: 'is empty',
      },
    ]);
  });

  it('reports a Decision that gives no reason', () => {
    const markdown = '# ADR 7\n\n## Decision\n\nRename the version suffixes to `v1beta1`.\n';
    expect(check(sectionsCheck, markdown, { sections: [record.sections[2]] })).toEqual([
      {
        at: '3:1-3:12',
        family: 'record',
        section: 'Decision',
        min: 1,
        'pattern-name': 'a reason',
        words: 6,
        problem: 'does not state a reason',
      },
    ]);
  });

  it('lets min-words 0 leave an empty section to another rule, judging only written content', () => {
    const spec = { sections: [{ heading: 'Decision', 'min-words': 0, required: false, pattern: REASON }] };
    expect(check(sectionsCheck, '# ADR\n\n## Decision\n\n## Consequences\n\nMore.\n', spec)).toEqual([]);
    expect(check(sectionsCheck, '# ADR\n\n## Decision\n\nUse Kafka.\n', spec)).toMatchObject([
      { at: '3:1-3:12', problem: `does not state anything matching /${REASON}/` },
    ]);
  });

  it('reports a section shorter than min-words', () => {
    const spec = { sections: [{ heading: 'Summary', 'min-words': 10 }] };
    expect(check(sectionsCheck, '# Sync\n\n## Summary\n\nWe met briefly.\n', spec)).toEqual([
      {
        at: '3:1-3:11',
        family: 'record',
        section: 'Summary',
        min: 10,
        'pattern-name': '',
        words: 3,
        problem: 'has 3 words (at least 10 expected)',
      },
    ]);
  });

  it('counts an HTML comment (template guidance) as empty', () => {
    const spec = { sections: [{ heading: 'Context' }] };
    expect(check(sectionsCheck, '# ADR\n\n## Context\n\n<!-- What is the issue? -->\n', spec)).toMatchObject([
      { at: '3:1-3:11', problem: 'is empty' },
    ]);
  });

  it('does not take the title "# Decision: Use Postgres" for the Decision section', () => {
    const spec = { sections: [{ heading: 'Decision' }] };
    expect(check(sectionsCheck, '# Decision: Use Postgres\n\nWe use Postgres.\n', spec)).toEqual([
      {
        at: 'page',
        family: 'record',
        section: 'Decision',
        min: 1,
        'pattern-name': '',
        words: 0,
        problem: 'is missing',
      },
    ]);
  });

  it('prefers an exact heading over one that only starts with the name', () => {
    const spec = { sections: [{ heading: 'Decision' }] };
    const markdown = '# ADR\n\n## Decision Drivers\n\nCost.\n\n## Decision\n\n## Consequences\n\nMore.\n';
    expect(check(sectionsCheck, markdown, spec)).toMatchObject([{ at: '7:1-7:12', problem: 'is empty' }]);
  });

  it('matches numbered headings and word-boundary prefixes but not longer words', () => {
    const spec = { sections: [{ heading: 'Context' }, { heading: 'Decision' }] };
    const markdown = '# ADR\n\n## 1. Context and problem statement\n\nText.\n\n## Decisions\n\nText.\n';
    expect(check(sectionsCheck, markdown, spec)).toEqual([missing('Decision')]);
  });

  it('matches headings numbered in roman numerals or letters, as minutes number their parts', () => {
    const spec = { sections: [{ heading: 'Context' }, { heading: 'Decision' }, { heading: 'Consequences' }] };
    const markdown =
      '# Minutes\n\n## II. Context\n\nText.\n\n## IV) Decision\n\nText.\n\n## B. Consequences\n\nText.\n';
    expect(check(sectionsCheck, markdown, spec)).toEqual([]);
    // A heading that only starts with capitals is no numbered one.
    expect(
      check(sectionsCheck, '# ADR\n\n## CI Context\n\nText.\n', { sections: [{ heading: 'Context' }] }),
    ).toEqual([missing('Context')]);
  });

  it('leaves an optional missing section alone but still reports it empty', () => {
    const spec = { sections: [{ heading: 'Stakeholders', required: false }] };
    expect(check(sectionsCheck, '# ADR\n\nText.\n', spec)).toEqual([]);
    expect(check(sectionsCheck, '# ADR\n\n## Stakeholders\n', spec)).toMatchObject([
      { at: '3:1-3:16', problem: 'is empty' },
    ]);
  });

  it('rejects an invalid pattern when the rule loads', () => {
    expect(() =>
      sectionsCheck.options.strict().parse({ sections: [{ heading: 'A', pattern: '(' }] }),
    ).toThrow(/regular expression/);
  });
});
