import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { useRecheck } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

const unfilled = (file: string, text: string) => `${file} Unfilled template text "${text}".`;
const note = (file: string, text: string) => `${file} Unfinished note left in the page: "${text}".`;

/** An RFC kept with a Timeline of milestones instead of a Status; `started` and `accepted` are its first two values. */
const rfc = (started: string, accepted: string) =>
  [
    '# Optional semicolons',
    '',
    '## Related issues and PRs',
    '',
    '- Reference Issues: none',
    '',
    '## Timeline',
    '',
    `- Started: ${started}`,
    `- Accepted: ${accepted}`,
    '- Landed: TBD',
    '- Released: TBD',
    '',
    '## Summary',
    '',
    'The parser accepts a statement without its closing semicolon at the end of a block.',
    '',
  ].join('\n');

/** What round 22's labels found. Each page is written for the test. */
describe('holdout22: pending milestones', () => {
  it('"Landed: TBD" after a dated milestone of a Timeline is a milestone not reached', async () => {
    const root = tempTree({ 'rfcs/0012-optional-semicolons.md': rfc('2025-03-02', '2025-04-11') });
    expect(await findings([root], 'placeholder', true)).toEqual([]);
  });

  it('a Timeline with no dated milestone, and "Owner: TBD" on a page, stay unfilled', async () => {
    const root = tempTree({
      'rfcs/0013-draft.md': rfc('(fill in with the day you start)', 'TBD'),
      'guide.md': '# Release guide\n\nOwner: TBD\n\n## Steps\n\nTag the release and publish the notes.\n',
    });
    // The first milestone's value is the template's instruction, unfilled too (round 24).
    expect(await findings([root], 'placeholder', true)).toEqual([
      unfilled('guide.md', 'TBD'),
      unfilled('rfcs/0013-draft.md', '(fill in with the day you start)'),
      unfilled('rfcs/0013-draft.md', 'TBD'),
      unfilled('rfcs/0013-draft.md', 'TBD'),
      unfilled('rfcs/0013-draft.md', 'TBD'),
    ]);
  });
});

describe('holdout22: "(tbc)" ending an item', () => {
  it('lower-case "(tbc)" or "(tbd)" at the end of an item or line is unfilled, as upper case is', async () => {
    const root = tempTree({
      'onboarding.md': [
        '# Onboarding',
        '',
        '- [ ] Shared drive for the crew (tbc)',
        '- [ ] Laptop order (TBC)',
        '- Buddy (tbd)',
        '',
        'The welcome lunch is on the first Friday (tbd)',
        'and the team pays for it.',
        '',
      ].join('\n'),
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      unfilled('onboarding.md', '(TBC)'),
      unfilled('onboarding.md', '(tbc)'),
      unfilled('onboarding.md', '(tbd)'),
      unfilled('onboarding.md', '(tbd)'),
    ]);
  });

  it('the letters inside words, in a sentence or in code stay silent', async () => {
    const root = tempTree({
      'tools.md': [
        '# Tools',
        '',
        '- The tbc-sync job mirrors the drive (tbcd)',
        '- Run `rotate (tbc)` to see the pending keys',
        '- The venue (tbc) opens at nine.',
        '',
      ].join('\n'),
    });
    expect(await findings([root], 'placeholder', true)).toEqual([]);
  });
});

describe('holdout22: spelt-out and Spanish to-do notes', () => {
  it('"(TO BE DECIDED)" after a sentence is an open point its author left', async () => {
    const root = tempTree({
      'log.md': [
        '# Pipeline decisions',
        '',
        '## 004 Job order for the loader script strategy',
        '',
        // "Script" here is a program, not a call script the rest of the section would be an example of.
        'The loader may later move into a separate .py script of its own.',
        '',
        'The order of the jobs depends on the scheduler we pick. (TO BE DECIDED)',
        '',
        '## 005 Storage',
        '',
        'Which bucket holds the raw files (to be determined)',
        '',
      ].join('\n'),
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      note('log.md', '(TO BE DECIDED)'),
      note('log.md', '(to be determined)'),
    ]);
  });

  it('a script a paragraph introduces with a colon is still an example to fill in when used', async () => {
    const root = tempTree({
      'support.md': [
        '# Support calls',
        '',
        '## Call script',
        '',
        'Hello, this is [Agent name] and I am calling about your order.',
        '',
        '## Replies',
        '',
        'Read this script to every caller:',
        '',
        'Hello, this is [Your name] from the help desk.',
        '',
      ].join('\n'),
    });
    expect(await findings([root], 'placeholder', true)).toEqual([]);
  });

  it('"to be decided" in running prose is a process described', async () => {
    const root = tempTree({
      'process.md':
        '# Budget\n\nEvery request over the limit is to be decided by the board at its next sitting.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([]);
  });

  it('"Artículo en construcción" as a page\'s or a section\'s whole text is a stub', async () => {
    const root = tempTree({
      'quality/index.md': '# Calidad\n\nArtículo en construcción\n',
      'library/index.md': '# Librerías\n\n## Biblioteca\n\nEn construcción.\n',
      'pages/index.md': '# Guía\n\nPágina en construcción\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      note('library/index.md', 'En construcción.'),
      note('pages/index.md', 'Página en construcción'),
      note('quality/index.md', 'Artículo en construcción'),
    ]);
  });

  it('a building "en construcción" in a sentence stays silent', async () => {
    const root = tempTree({
      'office/index.md': '# Oficina\n\nEl segundo piso está en construcción hasta mayo.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([]);
  });
});
