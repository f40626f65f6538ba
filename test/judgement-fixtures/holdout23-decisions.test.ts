import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';
import { nygardRecord, titledRecord } from './decision-folder.js';
import { readPage } from './page-type.js';

/**
 * Decision records as the twenty-third round's labeller met them, written for the test (the pages themselves
 * are other people's text).
 */

const NOW = '2026-12-01';

/** The findings of `rule` on each page, linting `files` from their root with no config. */
async function lint(files: Record<string, string>, rule: string): Promise<string[]> {
  const result = await run(defaultConfig(tempTree(files)), { now: new Date(NOW) });
  return result.findings.filter((f) => f.ruleId === rule).map((f) => f.page.file ?? '');
}

describe('judgement fixtures: round 23, decision records in a Hugo site', () => {
  const hugo = {
    'config.toml': 'baseURL = "https://example.org/"\ntitle = "Planning"\ntheme = "plain"\n',
    'content/architecture/decisions/0001-record-decisions.md': titledRecord(
      '1. Record decisions',
      'Date: 2021-02-01',
      '',
      '## Status',
      '',
      'Accepted',
    ),
    'content/architecture/decisions/0002-queue-exports.md': titledRecord(
      '2. Queue the exports',
      'Date: 2021-03-01',
      '',
      '## Status',
      '',
      'Accepted',
    ),
  };

  it('finds no orphan among the records of a decisions folder with no index, as without the site config', async () => {
    expect(await lint(hugo, 'orphan-page')).toEqual([]);
  });

  it('still reports a plain page of the same site that nothing links to', async () => {
    const found = await lint(
      { ...hugo, 'content/architecture/stray-notes.md': '# Stray notes\n\nThe old export steps.\n' },
      'orphan-page',
    );
    expect(found).toEqual(['content/architecture/stray-notes.md']);
  });
});

/** An RFC opening with a bullet header (`header`) whose pull request is not filled in yet, then its sections. */
const bulletRfc = (...header: string[]) =>
  [
    ...header,
    '',
    '# Token sign-in for the mirror',
    '',
    ...['Summary', 'Motivation', 'Detailed design', 'Drawbacks'].flatMap((h) => [
      `## ${h}`,
      '',
      `The ${h.toLowerCase()} of signing in with a token, because passwords stop working.`,
      '',
    ]),
  ].join('\n');

describe('judgement fixtures: round 23, RFCs in a generic folder typed by their bullet header', () => {
  it('types a numbered RFC in text/ whose `- RFC PR:` is left empty, under a date key in Russian', () => {
    const rfc = bulletRfc('- Дата создания: 2021-09-29', '- RFC PR: ', '- RFC Issue: ');
    expect(readPage(rfc, 'text/0000-token-sign-in.md').type).toBe('decision');
  });

  it('types one in texts/ opening with `- Start Date:` and an empty `- RFC PR:`', () => {
    expect(readPage(bulletRfc('- Start Date: 19/06/2018', '- RFC PR:'), 'texts/0001-sign-up.md').type).toBe(
      'decision',
    );
  });

  it('keeps untyped a numbered page whose bullet list holds no RFC key, filled or empty', () => {
    expect(
      readPage(bulletRfc('- Start Date: 19/06/2018', '- Room:'), 'texts/0001-sign-up.md').type,
    ).toBeUndefined();
  });
});

/** An RFC of a PEP-like template, numbered, with no status or header of its own. */
const pepLikeRfc = [
  '# Release cycle',
  '',
  ...['Abstract', 'Specification', 'Motivation', 'Rationale', 'Rejected Ideas'].flatMap((h) => [
    `## ${h}`,
    '',
    `The ${h.toLowerCase()} of releasing twice a year, because the distributions do.`,
    '',
  ]),
].join('\n');

describe('judgement fixtures: round 23, numbered RFCs beside a 0000-template.md', () => {
  const repository = {
    'README.md': '# Viewer RFCs\n\nThe list of RFCs is on the wiki.\n',
    'docs/0005-release-cycle.md': pepLikeRfc,
  };
  const template =
    '# Title\n\n## Abstract\n\n_Summarise the proposal._\n\n## Specification\n\n_Describe it._\n';

  it('types a numbered page of docs/ a decision when the root holds 0000-template.md', async () => {
    const files = { ...repository, '0000-template.md': template };
    expect(await lint(files, 'page-owner')).toEqual([]);
    expect(await lint(files, 'orphan-page')).not.toContain('docs/0005-release-cycle.md');
  });

  it('types one in a folder holding its own 0000-template.md', async () => {
    const files = { ...repository, 'docs/0000-template.md': template };
    expect(await lint(files, 'page-owner')).toEqual([]);
  });

  it('leaves the same numbered page untyped with no record template in the repository', async () => {
    expect(await lint(repository, 'page-owner')).toEqual(['docs/0005-release-cycle.md']);
  });
});

describe('judgement fixtures: round 23, an RFC of texts/ written from the root 0000-template.md', () => {
  const rfc = bulletRfc('- Start Date: 19/06/2018', '- RFC PR:');
  const template =
    '- Start Date: (fill me in)\n- RFC PR: (leave this empty)\n\n# Summary\n\nOne paragraph.\n';

  it('asks no owner of it: the template it follows has no owner field', async () => {
    const files = {
      'README.md': '# Team RFCs\n',
      '0000-template.md': template,
      'texts/0001-sign-up.md': rfc,
    };
    expect(await lint(files, 'decision-owner')).toEqual([]);
  });

  it('still asks one of a record whose root template is not the RFC repository one', async () => {
    const files = {
      'README.md': '# Team RFCs\n',
      'notes-template.md': template,
      'texts/0001-sign-up.md': rfc,
    };
    expect(await lint(files, 'decision-owner')).toEqual(['texts/0001-sign-up.md']);
  });

  it('still asks one of a record in a top-level folder of another name, as round 21 left rfcs/', async () => {
    const files = { 'README.md': '# Team RFCs\n', '0000-template.md': template, 'rfcs/0001-sign-up.md': rfc };
    expect(await lint(files, 'decision-owner')).toEqual(['rfcs/0001-sign-up.md']);
  });
});

/** An adr-tools record whose Decision is `decision`, the rest written. */
const stubRecord = (decision: string) =>
  nygardRecord({
    title: '6. Publish the guides on a static host',
    header: ['Date: 2021-03-01'],
    context: 'The guides live in a wiki nobody edits.',
    decision,
    consequences: 'One more build to run.',
  });

describe('judgement fixtures: round 23, a Decision section left as a TODO note', () => {
  const folder = (decision: string) => ({
    'README.md': '# Decisions\n\n- [Publish](0006-publish-guides.md)\n',
    '0006-publish-guides.md': stubRecord(decision),
  });

  it('asks no reason of a Decision whose whole text is "TODO" (todo-note reports the note)', async () => {
    expect(await lint(folder('TODO'), 'decision-rationale')).toEqual([]);
    expect(await lint(folder('TODO'), 'todo-note')).toEqual(['0006-publish-guides.md']);
  });

  it('still asks one of a written Decision with no reason, and of one that only opens with TODO', async () => {
    expect(await lint(folder('We publish the guides on a static host.'), 'decision-rationale')).toEqual([
      '0006-publish-guides.md',
    ]);
    expect(await lint(folder('TODO: we publish the guides on a static host.'), 'decision-rationale')).toEqual(
      ['0006-publish-guides.md'],
    );
  });
});
