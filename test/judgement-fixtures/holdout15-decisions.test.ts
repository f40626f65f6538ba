import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';

/**
 * Decision records as the fifteenth out-of-sample round met them, written for the test (the pages
 * themselves are other people's text): a repository that is the decision folder itself, linted from its
 * root; records named `DR_0001_x.md`; values written in forms the readers did not take (a dash after the
 * key, a weekday before a French date, the deciders in the status line, an address in angle brackets, a
 * `State:` key, a draft's state with its date); French template sections; undecided records.
 */

/** A record of the Nygard form, its status line as given. */
const nygard = (title: string, status: string) =>
  [
    `# ${title}`,
    '',
    `Status: ${status}`,
    '',
    'Date: 2026-05-02',
    '',
    'Author: Ana Ruiz',
    '',
    '## Context',
    '',
    'The export runs for an hour and blocks the other jobs.',
    '',
    '## Decision',
    '',
    'We run the export in a queue, because a queue keeps the other jobs running.',
    '',
    '## Consequences',
    '',
    'One more service to operate.',
    '',
  ].join('\n');

describe('judgement fixtures: the fifteenth round, a lint root that is the decision folder', () => {
  it('types the records of a root named as a decision folder, in its sub-folders and numbered at its top', async () => {
    const root = tempTree({
      'decision-records/README.md': '# Decision records\n\nOne file per decision.\n',
      'decision-records/layout.md': '# How the folders are laid out\n\nOne folder per product.\n',
      'decision-records/DR_0001_queue-exports.md': nygard('0001: Queue the exports', 'Maybe'),
      'decision-records/billing/use-stripe.md': nygard('Use Stripe', 'Perhaps'),
    });
    const found = await ruleFindings([`${root}/decision-records`], 'decision-status');
    // Not the README (the index) nor a root page with no number (a note about the records).
    expect(found).toEqual(['DR_0001_queue-exports.md', 'billing/use-stripe.md']);
  });

  it('types none of them under a root whose name only contains a decision folder’s name', async () => {
    const root = tempTree({
      'team-decision-records-archive/DR_0002_x.md': '# 0002: Use Stripe\n\nNo status here.\n',
      'team-decision-records-archive/billing/use-stripe.md': nygard('Use Stripe', 'Perhaps'),
    });
    expect(await ruleFindings([`${root}/team-decision-records-archive`], 'decision-status')).toEqual([]);
  });

  it('types `DR_0001_x.md` and `DR-0001-x.md` as numbered records when they state a status', () => {
    const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
    const page = (path: string, fields: string[]) => classify({ path, title: 'x', labels: [], fields });
    expect(page('notes/DR_0001_queue-exports.md', ['status'])).toBe('decision');
    expect(page('notes/DR-0012-use-stripe.md', ['status'])).toBe('decision');
    expect(page('notes/DR_0001_queue-exports.md', [])).toBeUndefined();
    expect(page('notes/DRAFT_0001_x.md', ['status'])).toBeUndefined();
  });

  it('gives the root folder the weight of a parent folder for typing: `rfcs` as root, and `.` as the cwd’s name', () => {
    const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
    const page = (path: string, rootFolder: string) => classify({ path, rootFolder, title: 'x', labels: [] });
    expect(page('framework/0014-files.md', 'rfcs')).toBe('decision');
    expect(page('0014-files.md', 'rfcs')).toBe('decision');
    expect(page('README.md', 'rfcs')).toBe('index');
    expect(page('0000-template.md', 'rfcs')).toBe('template');
    expect(page('framework/0014-files.md', 'handbook')).toBeUndefined();
    expect(page('weekly/2026-05-02.md', 'team-minutes')).toBe('meeting-notes');
  });
});
