import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';
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

/** The rules that report `file` when `files` are linted from their root with no config on `now`. */
async function rulesOn(files: Record<string, string>, file: string, now: string): Promise<string[]> {
  const result = await run(defaultConfig(tempTree(files)), { now: new Date(now) });
  return result.findings.filter((f) => f.page.file === file).map((f) => f.ruleId);
}

/** An enhancement proposal: YAML front matter of `keys` (a people list each, or a value), then its sections. */
const enhancement = (keys: Record<string, string>) =>
  [
    '---',
    'title: resolver-logging',
    ...Object.entries(keys).map(([key, value]) => (value ? `${key}: ${value}` : `${key}:\n  - "@dana"`)),
    '---',
    '',
    '# Resolver logging levels',
    '',
    ...['Summary', 'Motivation', 'Proposal', 'Design Details', 'Drawbacks', 'Alternatives'].flatMap((h) => [
      `## ${h}`,
      '',
      `The ${h.toLowerCase()} of setting the resolver's log level, because debugging needs more than errors.`,
      '',
    ]),
  ].join('\n');

describe('judgement fixtures: round 24, enhancement proposals typed by their front matter', () => {
  const proposal = enhancement({
    authors: '',
    reviewers: '',
    approvers: '',
    'creation-date': '2021-02-09',
    'last-updated': '2021-02-16',
    status: 'provisional',
  });

  it('types an unnumbered proposal with a status, approvers and a creation date a decision', () => {
    expect(readPage(proposal, 'enhancements/network/resolver-logging.md').type).toBe('decision');
    expect(readPage(proposal, 'docs/resolver-logging.md').type).toBe('decision');
  });

  it('types one naming what it replaces or what superseded it instead of approvers', () => {
    for (const key of ['superseded-by', 'replaces']) {
      const page = enhancement({
        'creation-date': '2021-02-09',
        status: 'implemented',
        [key]: '"/x/old.md"',
      });
      expect(readPage(page, 'proposals/resolver-logging.md').type, key).toBe('decision');
    }
  });

  it('reports a proposal left provisional past a year as a stalled decision, not as an orphan or a stale page', async () => {
    // A provisional proposal gets the rule's year (state-days), as a provisional KEP does.
    const files = { 'README.md': '# Enhancements\n', 'enhancements/network/resolver-logging.md': proposal };
    const rules = await rulesOn(files, 'enhancements/network/resolver-logging.md', '2022-03-01');
    expect(rules).toContain('decision-lag');
    expect(rules).not.toContain('orphan-page');
    expect(rules).not.toContain('stale-page');
  });

  it('keeps a handbook page with only a status, or a status and a creation date, in its front matter a page', () => {
    const page = (front: string) => `---\n${front}\n---\n\n# Onboarding\n\nAsk for a laptop on day one.\n`;
    expect(readPage(page('status: draft'), 'handbook/onboarding.md').type).toBeUndefined();
    expect(
      readPage(page('status: draft\ncreation-date: 2021-02-09'), 'handbook/onboarding.md').type,
    ).toBeUndefined();
  });
});

/** What `rule`'s findings on `page` (linted alone) quote: the text between their message's first and last quote. */
async function notes(page: string, rule: string): Promise<string[]> {
  const result = await run(defaultConfig(tempTree({ 'README.md': page })), { now: new Date('2021-10-14') });
  return result.findings
    .filter((f) => f.ruleId === rule)
    .map((f) => f.message.slice(f.message.indexOf('"') + 1, f.message.lastIndexOf('"')));
}

describe('judgement fixtures: round 24, a parenthesised TODO note wrapped over a line break', () => {
  it('reports "(TODO: be more\\n  specific)" in a list item as one note', async () => {
    const page =
      '# Test plan\n\n- Change a few fields (TODO: be more\n  specific) in the daemon set, then check them.\n';
    expect(await notes(page, 'todo-note')).toEqual(['(TODO: be more specific)']);
  });

  it('still reports a note that closes on its own line, and not TODO markers named in a wrapped aside', async () => {
    expect(await notes('# Plan\n\nChange the fields (TODO: name them) first.\n', 'todo-note')).toEqual([
      '(TODO: name them)',
    ]);
    expect(
      await notes('# Style\n\nThe linter lists them (TODO markers\nincluded) in its report.\n', 'todo-note'),
    ).toEqual([]);
  });
});

describe('judgement fixtures: round 24, a template instruction left in parentheses in an RFC header', () => {
  it('reports `- Supersedes: (put "N/A" unless …)` and `- Author(s): (fill me in)` as template text', async () => {
    const rfc = metaRfc(
      '- Supersedes: (put "N/A" unless this replaces an older RFC, then link to it)',
      '- Author(s): (fill me in)',
    );
    expect(await notes(rfc, 'placeholder')).toEqual([
      '(put "N/A" unless this replaces an older RFC, then link to it)',
      '(fill me in)',
    ]);
  });

  it('leaves "(leave blank)", "(none)" and "(N/A)" values, and an instruction in prose, alone', async () => {
    const rfc = metaRfc(
      '- CNB Pull Request: (leave blank)',
      '- CNB Issue: (none)',
      '- Supersedes: (N/A)',
    ).replace('The summary of', 'Make tea (put the kettle on first). The summary of');
    expect(await notes(rfc, 'placeholder')).toEqual([]);
  });
});

describe('judgement fixtures: round 24, an RFC header whose name mentions a template', () => {
  it('still reports the unfilled `- Supersedes:` instruction under `- Name: Changes to the RFC template`', async () => {
    const rfc = metaRfc(
      '- Supersedes: (put "N/A" unless this replaces an older RFC, then link to it)',
    ).replace('Tag the releases by audience', 'Changes to the RFC template');
    expect(await notes(rfc, 'placeholder')).toEqual([
      '(put "N/A" unless this replaces an older RFC, then link to it)',
    ]);
  });

  it('still shows a template under a paragraph that introduces one, or a label naming it with a colon', async () => {
    for (const intro of ['Copy the template below.', 'Our template:', 'Template: the one below'])
      expect(
        await notes(`# Records\n\n${intro}\n\n- Owner: [Name]\n- Date: [Date]\n`, 'placeholder'),
        intro,
      ).toEqual([]);
  });
});
