import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';
import { nygardRecord } from './decision-folder.js';

/**
 * Decision records as the twenty-third round's labeller met them, left over from its first fixes: written for
 * the test (the pages themselves are other people's text).
 */

const NOW = '2026-01-10';

/** The [page, rule] pairs of the findings whose rule starts with `prefix`, linting `files` with no config. */
async function lint(files: Record<string, string>, prefix: string): Promise<string[]> {
  const result = await run(defaultConfig(tempTree(files)), { now: new Date(NOW) });
  return result.findings
    .filter((f) => f.ruleId.startsWith(prefix))
    .map((f) => `${f.page.file ?? ''} ${f.ruleId}`)
    .sort();
}

/** A MADR record with no status, date or owner of its own. */
const madrRecord = (title: string) =>
  [
    `# ${title}`,
    '',
    '## Context and Problem Statement',
    '',
    'The meters report in three formats, so every consumer converts them again.',
    '',
    '## Considered Options',
    '',
    '* One shared format',
    '* Keep the three formats',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: one shared format, because the consumers then convert nothing.',
    '',
    '### Consequences',
    '',
    '* Good, because the consumers get simpler.',
    '',
  ].join('\n');

/** The approval list kept beside a record: a Name/Value table, newest entry first, and its approvers. */
const approvalList = (decision: string) =>
  [
    '# Approval list',
    '',
    '## 2. Review of the record',
    '',
    '| Name | Value |',
    '|------|-------|',
    '| Record version | v1.1 |',
    `| Decision | ${decision} |`,
    '| Decision date | 2025-09-02 |',
    '| Sponsor (Decision owner) | Grid Data Team |',
    '',
    '## 1. Creation of the record',
    '',
    '| Name | Value |',
    '|------|-------|',
    '| Decision | Proposed |',
    '| Decision date | 2025-03-01 |',
    '',
    '**Approvers**',
    '',
    '| Name | Role |',
    '|------|------|',
    '| A. Person | Architect |',
    '',
  ].join('\n');

describe('judgement fixtures: round 23 left, a record and its side file of approvals', () => {
  const index = '# Decisions\n\n- [Shared format](0004-shared-format.md)\n- [Queue](0005-queue.md)\n';

  it('reads the side file as the record’s status, date and owner, and does not lint it as a record', async () => {
    const files = {
      'decisions/index.md': index,
      'decisions/0004-shared-format.md': madrRecord('Use one shared meter format'),
      'decisions/0004D-shared-format.md': approvalList('Accepted'),
      'decisions/0005-queue.md': madrRecord('Queue the meter readings'),
      'decisions/0005D-queue.md': approvalList('Accepted'),
    };
    expect(await lint(files, 'decision-')).toEqual([]);
    expect(await lint(files, '')).toEqual([]);
  });

  it('takes the newest entry of the list: a status no rule knows there is reported on the record', async () => {
    const files = {
      'decisions/index.md': index,
      'decisions/0004-shared-format.md': madrRecord('Use one shared meter format'),
      'decisions/0004D-shared-format.md': approvalList('Bogus'),
    };
    expect(await lint(files, 'decision-status')).toEqual(['decisions/0004-shared-format.md decision-status']);
  });

  it('still asks status, date and owner of a record with no side file, and of one whose own status it has', async () => {
    const files = {
      'decisions/index.md': index,
      'decisions/0004-shared-format.md': madrRecord('Use one shared meter format'),
      'decisions/0005-queue.md': madrRecord('Queue the meter readings').replace(
        '## Context',
        'Status: Accepted\n\n## Context',
      ),
    };
    expect(await lint(files, 'decision-')).toEqual([
      'decisions/0004-shared-format.md decision-date',
      'decisions/0004-shared-format.md decision-owner',
      'decisions/0004-shared-format.md decision-status',
      'decisions/0005-queue.md decision-date',
      'decisions/0005-queue.md decision-owner',
    ]);
  });

  it('keeps a page of its own a numbered D page with no record beside it, and a table page of another name', async () => {
    const files = {
      'decisions/index.md': '# Decisions\n\n- [List](0007D-shared-format.md)\n- [Notes](approvals.md)\n',
      'decisions/0007D-shared-format.md': approvalList('Accepted'),
      'decisions/approvals.md': approvalList('Accepted'),
    };
    const found = await lint(files, '');
    expect(found).toContain('decisions/0007D-shared-format.md decision-sections');
    expect(found).toContain('decisions/approvals.md page-owner');
  });
});

describe('judgement fixtures: round 23 left, a record’s Dublin Core front matter', () => {
  const record = (versionOf: string) =>
    [
      '---',
      'dct:',
      '  identifier: urn:uuid:00000000-0000-4000-8000-000000000001',
      `  isVersionOf: ${versionOf}`,
      '  issued: 2025-11-01',
      '---',
      '',
      madrRecord('Use one shared meter format'),
    ].join('\n');
  const folder = (versionOf: string) => ({
    'decisions/index.md': '# Decisions\n\n- [Shared format](0004-shared-format.md)\n',
    'decisions/0004-shared-format.md': record(versionOf),
  });

  it('reads `dct.issued` as the date and a lifecycle word under `dct.isVersionOf` as the status', async () => {
    expect(await lint(folder('accepted'), 'decision-')).toEqual([
      'decisions/0004-shared-format.md decision-owner',
    ]);
  });

  it('takes no status from an `isVersionOf` that names another work', async () => {
    expect(await lint(folder('https://example.org/decisions/0004'), 'decision-')).toEqual([
      'decisions/0004-shared-format.md decision-owner',
      'decisions/0004-shared-format.md decision-status',
    ]);
  });
});

/** An adr-tools record whose Context is `context` and whose Decision states no reason of its own. */
const nygard = (context: string) => ({
  'index.md': '# Decisions\n\n- [Speed](0004-fast-builds.md)\n',
  '0004-fast-builds.md': nygardRecord({
    title: '4. Keep the builds fast',
    header: ['Date: 2018-05-18'],
    context,
    decision: 'Every build and deployment step runs automatically and finishes in minutes.',
    consequences: 'Each step gets a script.',
  }),
});

describe('judgement fixtures: round 23 left, a need or a harm stated in the Context', () => {
  it('reads a need of the people served as the reason', async () => {
    const context = 'Whoever joins a project needs one place where they can start reading about it.';
    expect(await lint(nygard(context), 'decision-rationale')).toEqual([]);
  });

  it('reads what a slow process hinders, or what it slows down, as the reason', async () => {
    expect(
      await lint(
        nygard('A developer waiting on a slow build hinders fixing problems quickly.'),
        'decision-rationale',
      ),
    ).toEqual([]);
    expect(
      await lint(nygard('Waiting on the builds slows every release down.'), 'decision-rationale'),
    ).toEqual([]);
  });

  it('still reports a Context that only describes, or names the team’s own task', async () => {
    const found = ['0004-fast-builds.md decision-rationale'];
    expect(await lint(nygard('The builds run on two shared machines.'), 'decision-rationale')).toEqual(found);
    expect(await lint(nygard('We need to set up the build machines.'), 'decision-rationale')).toEqual(found);
    expect(await lint(nygard('The team needs to pick a build server.'), 'decision-rationale')).toEqual(found);
  });
});

describe('judgement fixtures: round 23 left, the headings of the repository’s own RFC template', () => {
  const headings = ['Overview', 'Problem', 'Recommended Solution', 'Solutions', 'Open Questions'];
  const rfc = [
    '# Shared build settings across a project',
    '',
    ...headings.flatMap((h) => [`## ${h}`, '', `The ${h.toLowerCase()} of sharing build settings.`, '']),
  ].join('\n');
  const template = ['# Title of the RFC', '', ...headings.flatMap((h) => [`## ${h}`, '', '...', ''])].join(
    '\n',
  );
  const repository = {
    'README.md': '# Tooling RFCs\n\n- [Shared settings](RFCs/0001-shared-settings.md)\n',
    'RFCs/0001-shared-settings.md': rfc,
  };

  it('asks no "Proposed solution" of an RFC in RFCs/ that follows the root 0000-template.md', async () => {
    expect(await lint({ ...repository, '0000-template.md': template }, 'decision-sections')).toEqual([]);
  });

  it('still asks it with no template in the repository', async () => {
    expect(await lint(repository, 'decision-sections')).toEqual([
      'RFCs/0001-shared-settings.md decision-sections',
    ]);
  });
});
