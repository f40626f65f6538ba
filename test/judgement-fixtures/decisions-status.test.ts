import { describe, expect, it } from 'vitest';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests: the status lines the labellers found misread, linted with no config.
const record = (n: string, title: string, header: string) =>
  `# ADR ${n}: ${title}\n\n${header}\n\n## Context\n\nThe old way cost us a day a week.\n\n## Decision\n\nWe change it, because the cost is measured.\n\n## Consequences\n\nSome retraining.\n`;

describe('decision status, successor and lag with no config', async () => {
  const pages: Record<string, string> = {
    'decisions/0013-customer-sso.md': record(
      '0013',
      'Customer SSO',
      'Date: 2025-10-06\nStatus: Superseded (see 0014)\nAuthor: Priya Raman',
    ),
    'decisions/0014-sso-via-workos.md': record(
      '0014',
      'SSO via WorkOS',
      'Date: 2026-11-25\nStatus: Open\nAuthor: Priya Raman',
    ),
    'decisions/0015-data-retention.md': record(
      '0015',
      'Data retention',
      'Date: 2026-05-05\nStatus: ~~Proposed~~ Accepted on 2026-05-12\nAuthor: Femi Adeyemi',
    ),
    'decisions/0016-plugin-api.md': record(
      '0016',
      'Plugin API',
      'Date: 2026-11-24\nStatus: RFC\nAuthor: Femi Adeyemi',
    ),
    'decisions/0017-homebrew-only.md': record(
      '0017',
      'Homebrew only',
      'Date: 2024-03-11\nStatus: Superseded by 0005\nAuthor: Femi Adeyemi',
    ),
    'decisions/0018-alerts.md': record(
      '0018',
      'Alert routing',
      'Date: 2026-06-15\nStatus: Superseded, replaced by ADR 0021 once the catalogue landed\nAuthor: Ines Kowalski',
    ),
    'decisions/0019-api-header.md': record(
      '0019',
      'API header',
      'Status: In review (comment window open until 2026-12-07)\nDate: 2026-11-01\nAuthor: Oskar Lind',
    ),
    'decisions/0020-exit-codes.md': record(
      '0020',
      'Exit codes',
      'Date: 28.10.2026\nStatus: Proposed\nAuthor: Oskar Lind',
    ),
    'decisions/0021-pricing.md': record(
      '0021',
      'Pricing',
      'Date: 2025-01-10\nStatus: Superseded by the pricing change in 2026\nAuthor: Oskar Lind',
    ),
  };
  const { result } = await lintDecisionFolder(pages, '2026-12-01T00:00:00Z');
  const mine = new Set(['decision-status', 'decision-superseded-link', 'decision-lag']);
  const found = result.findings.filter((f) => mine.has(f.ruleId)).map((f) => [f.page.file, f.ruleId]);

  it('reads Open, RFC and a struck-out old status as statuses, and a successor named by number', () => {
    expect(found).toEqual([
      ['decisions/0020-exit-codes.md', 'decision-lag'],
      ['decisions/0021-pricing.md', 'decision-superseded-link'],
    ]);
  });

  it('dates a day-first record and leaves a record inside the comment window it states', () => {
    const lag = result.findings.find((f) => f.ruleId === 'decision-lag');
    expect(lag?.message).toBe('Decision has been Proposed for more than 14 days, since 2026-10-28.');
  });
});
