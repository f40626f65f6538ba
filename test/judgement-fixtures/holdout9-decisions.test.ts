import { describe, expect, it } from 'vitest';
import { badgeMessage } from '../../src/normalize/status-markup.js';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests, in the shapes the ninth out-of-sample round met (JUDGEMENT.md): a city's
// records whose docs site renders the status from a component, a trade department's records that show
// it as a badge, a Japanese record written all in first-level headings, a French team's "mergé".
const NOW = '2026-12-01';
const body =
  '\n\n## Context\n\nForms lose input on reload, because the state lives in the page.\n\n## Decision\n\nWe keep form state in the store, because it survives a reload.\n\n## Consequences\n\nOne more store module.\n';

function statusFindings(found: readonly (readonly unknown[])[]): unknown[] {
  return found.filter(([rule]) => rule === 'decision-status');
}

describe('a status shown by markup whose text is not the status', () => {
  it("reads a docs site's status component under ## Status", async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/adr001-use-final.md': `# ADR 1: Use final\n\n## Status\n\n<adr-status status='accepted' />${body}`,
      },
      NOW,
    );
    expect(statusFindings(on('adr/adr001-use-final.md'))).toEqual([]);
  });

  it("reads a badge's message from its URL, not the image's text, and still judges it", async () => {
    const badge = (state: string) =>
      `# ADR-001: Use ADRs\n\n## Status\n\n[![Generic badge](https://badgen.net/badge/ADR/${state}/orange/)](../README.md)${body}`;
    const { on } = await lintDecisionFolder(
      { 'adr/adr-001.md': badge('proposed'), 'adr/adr-002.md': badge('parked') },
      NOW,
    );
    expect(statusFindings(on('adr/adr-001.md'))).toEqual([]);
    expect(statusFindings(on('adr/adr-002.md'))).toEqual([
      ['decision-status', expect.stringContaining('(found: parked)')],
    ]);
  });

  it('reads `# Status: accepted` below the title of a record written in first-level headings', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/ADR-004.md': `# ADR SessionEndpoint の Close 設計\n# Status: accepted\n\n# Decision\n\nClose は一度だけ実行する。\n`,
      },
      NOW,
    );
    expect(statusFindings(on('adr/ADR-004.md'))).toEqual([]);
  });

  it('takes the title for the title, not for a status, even when it reads like one', async () => {
    const { on } = await lintDecisionFolder({ 'adr/0002.md': `# Status: parked for now${body}` }, NOW);
    expect(statusFindings(on('adr/0002.md'))).toEqual([
      ['decision-status', expect.stringContaining('(found: none)')],
    ]);
  });

  it('takes "mergé" (accepted by merging the pull request) as accepted', async () => {
    const { on } = await lintDecisionFolder(
      { 'decisions/ADR-001.md': `# ADR-001 Notifications\n\nStatut : mergé${body}` },
      NOW,
    );
    expect(statusFindings(on('decisions/ADR-001.md'))).toEqual([]);
  });
});

describe('badge URLs', () => {
  it.each([
    ['https://badgen.net/badge/ADR/proposed/orange/', 'proposed'],
    ['https://img.shields.io/badge/Status-Accepted-green', 'Accepted'],
    ['https://img.shields.io/badge/status-in__review_now-blue', 'in_review now'],
    ['https://img.shields.io/badge/Superseded-red', 'Superseded'],
    ['https://img.shields.io/static/v1?label=status&message=Draft', 'Draft'],
    ['https://img.shields.io/badge/any_text-you_like-blue?message=Rejected', 'Rejected'],
    ['https://example.com/badge/ADR/proposed/orange', undefined],
    ['not a url', undefined],
  ])('%s shows %s', (url, message) => {
    expect(badgeMessage(url)).toBe(message);
  });
});

describe('a reason given by the need the Context states or the gain the Consequences state', () => {
  const record = (context: string, consequences: string, options = '') =>
    `# 2. Use Sentry for monitoring\n\n## Status\n\nAccepted\n\n## Context\n\n${context}\n${options}\n## Decision\n\nSentry collects the exceptions of every environment.\n\n## Consequences\n\n${consequences}\n`;
  const rationale = (found: readonly (readonly unknown[])[]) =>
    found.filter(([rule]) => rule === 'decision-rationale');

  it('is a reason in a record that weighs no options', async () => {
    const { on } = await lintDecisionFolder(
      {
        'decisions/0002.md': record(
          'The council prefers this tool across its digital services.',
          'One more account.',
        ),
        'decisions/0003.md': record(
          'Changes are not visible in the UI until the user reloads.',
          'One more call.',
        ),
        'decisions/0004.md': record(
          'We use it.',
          'It will be easier to hand the service back to the council.',
        ),
      },
      NOW,
    );
    for (const file of ['0002.md', '0003.md', '0004.md'])
      expect(rationale(on(`decisions/${file}`))).toEqual([]);
  });

  it('is no reason why the chosen option won when options are weighed, nor without such words', async () => {
    const options = '\n## Options considered\n\n1. Sentry\n2. Rollbar\n';
    const { on } = await lintDecisionFolder(
      {
        'decisions/0002.md': record(
          'We need to collect exceptions.',
          'It will be easier to hand over.',
          options,
        ),
        'decisions/0003.md': record('Exceptions go to the log today.', 'One more account.'),
      },
      NOW,
    );
    for (const file of ['0002.md', '0003.md'])
      expect(rationale(on(`decisions/${file}`))).toEqual([
        ['decision-rationale', expect.stringContaining('does not state a reason')],
      ]);
  });

  it('asks no reason of the first record adr-tools writes, whose reason is the article it links', async () => {
    const first =
      '# 1. Record architecture decisions\n\nDate: 2019-05-08\n\n## Status\n\nAccepted\n\n## Context\n\nWe will record the architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).\n\n## Consequences\n\nSee the article.\n';
    const { on } = await lintDecisionFolder({ 'doc/adr/0001-record-architecture-decisions.md': first }, NOW);
    expect(rationale(on('doc/adr/0001-record-architecture-decisions.md'))).toEqual([]);
  });
});
