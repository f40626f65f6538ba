import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';
import { lintDecisionFolder, rulesOf, withHeader } from './decision-folder.js';
import { readPage } from './page-type.js';

/**
 * Decision folders as the twenty-second round's labeller met them, written for the test (the pages themselves
 * are other people's text): a record whose metadata is a `| Key | Value |` table above its title.
 */

const NOW = '2026-12-01';

/** The body of a complete MADR-style record under its metadata. */
const body = [
  '## Context and Problem Statement',
  '',
  'The nightly export blocks the other jobs for an hour.',
  '',
  '## Considered Options',
  '',
  '* A queue',
  '* A bigger server',
  '',
  '## Decision Outcome',
  '',
  'Chosen option: "a queue", because it keeps the other jobs running.',
  '',
  '### Consequences',
  '',
  '* Good, because the jobs run on time.',
  '* Bad, because there is one more service to run.',
  '',
];

/** A record whose metadata is a two-column table with `header` as its header row, above its title. */
const tabled = (header: string, ...rows: string[]) =>
  [header, '|---|---|', ...rows, '', '# Queue the nightly export', '', ...body].join('\n');

const keyValueRows = [
  '| **Status** | accepted |',
  '| **Date** | 2026-05-11 |',
  '| **Decision Makers** | Ana Ruiz |',
  '| **Informed** | Support |',
];

describe('judgement fixtures: round 22, a `| Key | Value |` table of metadata', () => {
  it.each(['| **Key** | **Value** |', '| Key | Value |', '| Field | Value |'])(
    'reads status, date and deciders from a table headed %s',
    (header) => {
      const page = readPage(tabled(header, ...keyValueRows), 'docs/adrs/queue-export.md');
      expect(page.fields.status?.value).toBe('accepted');
      expect(page.fields.date?.value).toBe('2026-05-11');
      expect(page.fields['decision-makers']?.value).toBe('Ana Ruiz');
    },
  );

  it('asks such a record nothing it gives', async () => {
    const file = 'adr/0007-queue-export.md';
    const { on } = await lintDecisionFolder(
      { [file]: tabled('| **Key** | **Value** |', ...keyValueRows) },
      NOW,
    );
    expect(on(file)).toEqual([]);
  });

  it('still asks a record whose table leaves the status and date out', async () => {
    const file = 'adr/0007-queue-export.md';
    const page = tabled(
      '| **Key** | **Value** |',
      '| **Decision Makers** | Ana Ruiz |',
      '| **Informed** | Support |',
    );
    const { on } = await lintDecisionFolder({ [file]: page }, NOW);
    expect(rulesOf(on(file))).toEqual(expect.arrayContaining(['decision-date', 'decision-status']));
  });

  it('reads no fields from a data table of two columns, nor from a key/value table in a section', () => {
    const data = tabled('| Metric | Value |', '| Status | 200 |', '| Date | 2026-05-11 |');
    expect(readPage(data, 'docs/adrs/queue-export.md').fields.status).toBeUndefined();
    const inSection = [
      '# Queue the nightly export',
      '',
      '## Settings',
      '',
      '| Key | Value |',
      '|---|---|',
      '| Status | on |',
      '| Date | 2026-05-11 |',
      '',
    ].join('\n');
    expect(readPage(inSection, 'docs/guides/queue.md').fields.status).toBeUndefined();
  });

  it('keeps a README whose table lists the records’ states an index', () => {
    const index = [
      '# Decisions',
      '',
      '| Key | Value |',
      '|---|---|',
      '| Status | accepted |',
      '| Date | 2026-05-11 |',
      '',
      '- [Queue the nightly export](queue-export.md)',
      '',
    ].join('\n');
    expect(readPage(index, 'docs/adrs/README.md').type).toBe('index');
  });
});

/** A MADR-lite template: slots in brackets under its title and sections. */
const adrTemplate = [
  '# [short title of the problem and its solution]',
  '',
  '* Status: [proposed | accepted | deprecated]',
  '* Deciders: [everyone who decided]',
  '* Date: [YYYY-MM-DD of the last change]',
  '',
  '## Context',
  '',
  'Which problem makes this decision necessary?',
  '',
  '## Decision',
  '',
  'What do we change?',
  '',
  '## Consequences',
  '',
  'What gets easier or harder?',
  '',
].join('\n');

describe('judgement fixtures: round 22, a template named in CamelCase after a prefix', () => {
  it.each(['AcmeAdrTemplate.md', 'docs/adr/TeamDecisionTemplate.md', 'docs/MeetingNotesTemplate.md'])(
    'types %s a template',
    (path) => {
      expect(readPage(adrTemplate, path).type).toBe('template');
    },
  );

  it('keeps records and pages that only mention templates what they are', () => {
    const record = adrTemplate
      .replace('# [short title of the problem and its solution]', '# 7. Use templates for emails')
      .replace('[proposed | accepted | deprecated]', 'accepted')
      .replace('[everyone who decided]', 'Ana Ruiz')
      .replace('[YYYY-MM-DD of the last change]', '2026-05-11');
    expect(readPage(record, 'docs/adr/0007-use-templates-for-emails.md').type).toBe('decision');
    const guide = '# Templates engine\n\nHow the site renders its pages.\n';
    expect(readPage(guide, 'docs/Templates-engine.md').type).toBeUndefined();
    expect(readPage(guide, 'docs/template-engine-comparison.md').type).toBeUndefined();
    expect(readPage(guide, 'docs/TemplatesEngine.md').type).toBeUndefined();
  });
});

/** A Cedar-style RFC: related issues, then a Timeline whose items are `timeline` (no Status anywhere). */
const timelineRfc = (...timeline: string[]) =>
  [
    '# Optional semicolons',
    '',
    '## Related issues and PRs',
    '',
    '- Reference Issues: https://example.com/acme/lang/issues/41',
    '- Implementation PR(s):',
    '',
    '## Timeline',
    '',
    ...timeline.map((item) => `- ${item}`),
    '',
    '## Summary',
    '',
    'Let a policy end without a semicolon.',
    '',
    '## Motivation',
    '',
    'Newcomers forget it, and the parser could tell.',
    '',
    '## Detailed design',
    '',
    'The grammar makes the semicolon optional at the end of a file.',
    '',
    '## Drawbacks',
    '',
    'Two ways to write the same policy.',
    '',
    '## Alternatives',
    '',
    'A better error message instead.',
    '',
  ].join('\n');

describe('judgement fixtures: round 22, an RFC whose state is kept in a Timeline', () => {
  const accepted = timelineRfc('Started: 2026-03-07', 'Accepted: 2026-03-15', 'Landed: TBD', 'Released: TBD');

  it('types a numbered RFC with an accepted milestone a decision, its status and date from the Timeline', () => {
    const page = readPage(accepted, 'text/0057-optional-semicolons.md');
    expect(page.type).toBe('decision');
    expect(page.fields.status?.value).toBe('Accepted');
    expect(page.fields['status-date']?.value).toBe('2026-03-15');
  });

  it('asks it no status, date or page owner', async () => {
    const file = 'text/0057-optional-semicolons.md';
    const { result } = await lintDecisionFolder({ [file]: accepted }, NOW);
    const rules = result.findings.filter((f) => f.page.file === file).map((f) => f.ruleId);
    expect(rules).not.toContain('page-owner');
    expect(rules).not.toContain('decision-date');
    expect(rules).not.toContain('decision-status');
  });

  it('keeps a numbered release plan with a Timeline of its own milestones untyped', () => {
    const plan = [
      '# Release 3',
      '',
      '## Timeline',
      '',
      '- Beta: 2026-05-01',
      '- General availability: 2026-06-01',
      '',
      '## Scope',
      '',
      'Faster builds.',
      '',
    ].join('\n');
    const page = readPage(plan, 'docs/0003-release-plan.md');
    expect(page.type).toBeUndefined();
    expect(page.fields.status).toBeUndefined();
    const project = plan.replace('Beta:', 'Started:').replace('General availability:', 'Completed:');
    expect(readPage(project, 'docs/0003-release-plan.md').type).toBeUndefined();
  });

  it('gives no status from a Timeline that has not reached a decision', () => {
    const page = readPage(timelineRfc('Started: 2026-03-07', 'Accepted: TBD'), 'text/0059-x.md');
    expect(page.fields.status).toBeUndefined();
  });
});

describe('judgement fixtures: round 22, a status that says superseded after its first word', () => {
  const superseded = async (status: string) => {
    const file = 'adr/0003-queue-export.md';
    const page = withHeader(`Status: ${status}`, 'Date: 2026-05-11', 'Deciders: Ana Ruiz');
    const { on } = await lintDecisionFolder({ [file]: page }, NOW);
    return rulesOf(on(file));
  };

  it.each([
    'accepted superseded by the queue plan',
    'Accepted, superseded',
    'accepted , superseded by 2025_queue',
  ])('asks "%s" for its successor', async (status) => {
    expect(await superseded(status)).toContain('decision-superseded-link');
  });

  it.each([
    'Accepted, superseded by [ADR 9](0009-use-a-broker.md)',
    'accepted , superseded by ADR-0009',
    'Accepted (supersedes ADR 2)',
    'Accepted, not superseded',
    'Proposed | Accepted | Superseded',
    'Superseded by ADR 9',
  ])('asks "%s" nothing', async (status) => {
    expect(await superseded(status)).not.toContain('decision-superseded-link');
  });
});

/** An mdBook whose SUMMARY.md in `folder` lists `first` first, then a guide page, then an RFC. */
const book = (folder: string, first: string) => ({
  [`${folder}/SUMMARY.md`]: [
    `[Introduction](./${first})`,
    '[How to write an RFC](./writing.md)',
    '',
    '# RFCs',
    '',
    '- [0057-optional-semicolons](0057-optional-semicolons.md)',
    '',
  ].join('\n'),
  [`${folder}/${first}`]: '# Introduction\n\nThis book collects the accepted proposals of the language.\n',
  [`${folder}/writing.md`]: '# How to write an RFC\n\nCopy the template, then open a pull request.\n',
  [`${folder}/0057-optional-semicolons.md`]: timelineRfc('Started: 2026-03-07', 'Accepted: 2026-03-15'),
});

describe("judgement fixtures: round 22, an mdBook's front page named intro.md", () => {
  const pageOwner = async (files: Record<string, string>, lintFrom = '') => {
    const root = tempTree(files);
    const result = await run(defaultConfig(lintFrom ? `${root}/${lintFrom}` : root), { now: new Date(NOW) });
    return result.findings.filter((f) => f.ruleId === 'page-owner').map((f) => f.page.file);
  };

  it('judges the first page of the SUMMARY.md in book.toml’s src an index, and the next a page', async () => {
    const found = await pageOwner({
      'book.toml': '[book]\ntitle = "RFCs"\nsrc = "text"\n',
      ...book('text', 'intro.md'),
    });
    expect(found).not.toContain('text/intro.md');
    expect(found).toContain('text/writing.md');
  });

  it('does so in src/ by default, and in a run on the book’s folder', async () => {
    const inSrc = await pageOwner({ 'book.toml': '[book]\ntitle = "RFCs"\n', ...book('src', 'intro.md') });
    expect(inSrc).not.toContain('src/intro.md');
    expect(inSrc).toContain('src/writing.md');
    const fromFolder = await pageOwner(book('text', 'intro.md'), 'text');
    expect(fromFolder).not.toContain('intro.md');
    expect(fromFolder).toContain('writing.md');
  });

  it('leaves an intro.md that no SUMMARY.md lists first a page', async () => {
    const found = await pageOwner({
      'README.md': '# Docs\n\n- [Introduction](intro.md)\n',
      'intro.md': '# Introduction\n\nWhat the team does.\n',
    });
    expect(found).toContain('intro.md');
  });
});
