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

/** A numbered page under a `# Meta` bullet header (`header`), then an RFC's sections. */
const metaRfc = (...header: string[]) =>
  [
    '# Meta',
    '',
    '- Name: Tag the releases by audience',
    '- Start Date: 2020-08-15',
    ...header,
    '',
    ...['Summary', 'Motivation', 'Implementation'].flatMap((h) => [
      `# ${h}`,
      '',
      `The ${h.toLowerCase()} of tagging releases, because readers look for their own.`,
      '',
    ]),
  ].join('\n');

describe('judgement fixtures: round 24, an RFC typed by its `# Meta` header with no template beside it', () => {
  it('types a numbered page of text/ whose header names its RFC or CNB pull request, or what it supersedes', () => {
    for (const line of [
      '- RFC Pull Request: [rfcs#12](https://example.org/12)',
      '- CNB Pull Request: (leave blank)',
      '- Supersedes: N/A',
    ])
      expect(readPage(metaRfc(line), 'text/0059-tag-releases.md').type, line).toBe('decision');
  });

  it('keeps untyped a numbered page whose prose says it supersedes another', () => {
    const guide = metaRfc('- Owner: the release team').replace(
      'The summary of',
      'This guide supersedes the old notes. The summary of',
    );
    expect(readPage(guide, 'text/0059-tag-releases.md').type).toBeUndefined();
  });
});
