import { describe, expect, it } from 'vitest';
import { lifecycleCheck } from '../../../src/rules/checks/lifecycle.js';
import { check, page } from './harness.js';

describe('lifecycle', () => {
  it.each([
    ['a decided record', '# ADR 5\n\nStatus: Accepted\nDate: 2020-01-01\n'],
    ['a proposal inside its window (14 days)', '# ADR 5\n\nStatus: Proposed\nDate: 2026-05-18\n'],
    ['a proposal with no date at all', '# ADR 5\n\nStatus: Proposed\n'],
    ['a page without status', '# ADR 5\n\nDate: 2020-01-01\n'],
  ])('no hit for %s', (_name, markdown) => {
    expect(check(lifecycleCheck, markdown)).toEqual([]);
  });

  it('reports a proposal held past the window at its status', () => {
    expect(check(lifecycleCheck, '# ADR 5\n\nStatus: Proposed.\nDate: 2026-05-17\n')).toEqual([
      {
        at: '3:1-3:18',
        status: 'Proposed',
        days: 15,
        max: 14,
        since: '2026-05-17',
        overdue: 'for more than 14 days, since 2026-05-17',
      },
    ]);
  });

  it('matches states forgivingly ("In Review.", "**Draft**") and in a `## Status` section', () => {
    expect(check(lifecycleCheck, '# RFC 9\n\nStatus: In Review.\nCreated: 2026-01-01\n')).toMatchObject([
      { status: 'In review', days: 151 },
    ]);
    const section = page('# ADR 73\n\n## Status\n\n**Draft**\n\n## Context\n', {
      createdAt: new Date('2026-05-01'),
    });
    expect(check(lifecycleCheck, section)).toEqual([
      {
        at: '5:1-5:10',
        status: 'Draft',
        days: 31,
        max: 14,
        since: '2026-05-01',
        overdue: 'for more than 14 days, since 2026-05-01',
      },
    ]);
  });

  it('falls back to the creation, then the edit time the source knows', () => {
    const created = page('# ADR 5\n\nStatus: Draft\n', {
      createdAt: new Date('2026-05-01'),
      updatedAt: new Date('2026-05-30'),
    });
    expect(check(lifecycleCheck, created)).toMatchObject([{ days: 31, since: '2026-05-01' }]);
    const edited = page('# ADR 5\n\nStatus: Draft\n', { updatedAt: new Date('2026-05-01') });
    expect(check(lifecycleCheck, edited)).toMatchObject([{ days: 31 }]);
  });

  it('honours field, states, max-days and since', () => {
    const markdown = '# Policy\n\nState: Pending approval\nSubmitted: 2026-05-25\n';
    const options = { field: 'State', states: ['Pending approval'], 'max-days': 3, since: ['Submitted'] };
    expect(check(lifecycleCheck, markdown, options)).toEqual([
      {
        at: '3:1-3:24',
        status: 'Pending approval',
        days: 7,
        max: 3,
        since: '2026-05-25',
        overdue: 'for more than 3 days, since 2026-05-25',
      },
    ]);
  });

  it('holds a record to the review window its status states, not to the limit', () => {
    const options = { states: ['Active review'] };
    const status = (text: string) =>
      `# SE-0330: Result builders\n\n* Status: **${text}**\n* Created: 2026-01-05\n`;
    // Inside the window the record is not late, though created months before the limit.
    expect(check(lifecycleCheck, status('Active review (May 20 ... June 3, 2026)'), options)).toEqual([]);
    // A window without a year cannot be dated: the rule's limit applies.
    expect(check(lifecycleCheck, status('Active review (May 4 – May 18)'), options)).toMatchObject([
      { overdue: 'for more than 14 days, since 2026-01-05' },
    ]);
    expect(check(lifecycleCheck, status('Active review (April 21 ... May 5, 2026)'), options)).toMatchObject([
      {
        status: 'Active review',
        days: 27,
        since: '2026-05-05',
        overdue: 'since its review window ended on 2026-05-05',
      },
    ]);
    // A window written with ISO dates reads the same way.
    expect(check(lifecycleCheck, status('Active review (2026-05-01 to 2026-05-15)'), options)).toMatchObject([
      { days: 17, since: '2026-05-15' },
    ]);
  });

  it('reads a review window written as "until <date>" or in a review-until field as the record\'s deadline', () => {
    const open =
      '# ADR 12\n\nStatus: In review (comment window open until 2026-06-07, extended)\nCreated: 2026-04-01\n';
    expect(check(lifecycleCheck, open, { states: ['In review'] })).toEqual([]);
    const closed = '# ADR 8\n\nStatus: In review (comments close 2026-05-20)\nCreated: 2026-04-01\n';
    expect(check(lifecycleCheck, closed, { states: ['In review'] })).toMatchObject([
      { days: 12, since: '2026-05-20', overdue: 'since its review window ended on 2026-05-20' },
    ]);
    const field =
      '---\nstatus: proposed\ndate: 2026-04-01\nreview-until: 2026-06-10\n---\n# Contrast checker\n';
    expect(check(lifecycleCheck, field, { states: ['Proposed'] })).toEqual([]);
  });

  it('reads a day-first dotted date (28.10.2026)', () => {
    expect(
      check(lifecycleCheck, '# 8. Exit codes\n\nDate: 02.05.2026\n\n## Status\n\nProposed\n'),
    ).toMatchObject([{ status: 'Proposed', days: 30, since: '2026-05-02' }]);
  });

  it('gives a state its own limit (a provisional KEP gets a year)', () => {
    const kep = (created: string) => `# KEP-2381\n\nStatus: provisional\nCreated: ${created}\n`;
    const options = { states: ['Proposed', 'Provisional'], 'state-days': { Provisional: 365 } };
    expect(check(lifecycleCheck, kep('2025-09-01'), options)).toEqual([]);
    expect(check(lifecycleCheck, kep('2024-09-01'), options)).toMatchObject([
      { status: 'Provisional', days: 638, max: 365 },
    ]);
  });
});
