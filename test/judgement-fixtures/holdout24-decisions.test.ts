import { describe, expect, it } from 'vitest';
import { readPage } from './page-type.js';

/**
 * Decision records and the pages beside them as the twenty-fourth round's labeller met them, written for the test
 * (the pages themselves are other people's text).
 */

/** Hugo's front matter: a title, the publish date and flag, a menu weight. */
const hugoFrontMatter = (title: string) =>
  [
    '---',
    `title: "${title}"`,
    'date: 2021-04-11T03:01:02+02:00',
    'draft: true',
    'weight: 100',
    '---',
    '',
  ].join('\n');

describe('judgement fixtures: round 24, a Hugo page in an ADR folder', () => {
  it('types no process guide in docs/adrs/ a record for its front matter date and draft flag', () => {
    const guide = [
      hugoFrontMatter('Getting started'),
      '## Process',
      '',
      '### Inputs',
      '',
      'A stakeholder opens a ticket for an architectural question.',
      '',
      '### Naming the files',
      '',
      'Number each record and name it after its question.',
      '',
    ].join('\n');
    expect(readPage(guide, 'docs/adrs/process.md').type).toBeUndefined();
  });

  it('still types a record there with the same front matter and the Nygard headings', () => {
    const record = [
      hugoFrontMatter('Use a message queue'),
      ...['Context', 'Decision', 'Consequences'].flatMap((h) => [
        `## ${h}`,
        '',
        `The ${h.toLowerCase()}.`,
        '',
      ]),
    ].join('\n');
    expect(readPage(record, 'docs/adrs/message-queue.md').type).toBe('decision');
  });
});
