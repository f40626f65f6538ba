import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, FindingPage } from '../../src/model/finding.js';
import { type LintResult, summarize } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';
import { formatCompact } from '../../src/report/compact.js';

const file = (path: string): FindingPage => ({
  key: `markdown:${path}`,
  title: path,
  url: path,
  path,
  file: path,
});
const wiki: FindingPage = {
  key: 'confluence:9',
  title: 'Runbook',
  url: 'https://wiki.test/pages/9',
  path: 'Ops/Runbook',
};

function finding(page: FindingPage, severity: Severity, message: string, line?: number): Finding {
  return {
    ruleId: severity === 'error' ? 'broken-link' : 'page-owner',
    severity,
    message,
    page,
    ...(line ? { position: { start: { line, column: 7 }, end: { line, column: 9 } } } : {}),
    fingerprint: message,
  };
}

function result(findings: Finding[], unreadable: LintResult['unreadable'] = []): LintResult {
  return { summary: summarize(findings, 5, unreadable.length), findings, rules: [], unreadable };
}

describe('compact format', () => {
  const findings = [
    finding(file('docs/a.md'), 'error', 'Broken link x.md: no such page.', 12),
    finding(file('docs/a.md'), 'warning', 'Page owner is missing.'),
    finding(wiki, 'error', 'Broken link y.'),
  ];

  it('prints file:line:col  level  rule  message, from the working directory; a whole-page finding at 1:1', () => {
    const text = formatCompact(result(findings), { markdownBase: join('..', 'hb') });
    expect(text.split('\n')).toEqual([
      `${join('..', 'hb', 'docs/a.md')}:12:7  error  broken-link  Broken link x.md: no such page.`,
      `${join('..', 'hb', 'docs/a.md')}:1:1  warning  page-owner  Page owner is missing.`,
      // Line numbers in converted Markdown mean nothing on a wiki: the link leads there instead.
      'https://wiki.test/pages/9  error  broken-link  Broken link y.',
      '',
    ]);
  });

  it('uses the link to the spot on a wiki page when the finding has one', () => {
    const located = {
      ...finding(wiki, 'error', 'Broken link z.'),
      location: { url: 'https://wiki.test/pages/9#Setup' },
    };
    expect(formatCompact(result([located]))).toBe(
      'https://wiki.test/pages/9#Setup  error  broken-link  Broken link z.\n',
    );
  });

  it('keeps every finding on one line, whatever the message holds', () => {
    const text = formatCompact(result([finding(file('a.md'), 'error', 'two\nlines\u001b[2J', 3)]));
    expect(text).toBe('a.md:3:7  error  broken-link  two\\x0alines\\x1b[2J\n');
  });

  it('--quiet: errors only; unreadable pages are listed', () => {
    const text = formatCompact(
      result(findings, [{ key: 'markdown:big.md', path: 'big.md', reason: 'over 5 MiB' }]),
      {
        quiet: true,
      },
    );
    expect(text.split('\n')).toEqual([
      'docs/a.md:12:7  error  broken-link  Broken link x.md: no such page.',
      'https://wiki.test/pages/9  error  broken-link  Broken link y.',
      'big.md:1:1  error  unreadable  over 5 MiB',
      '',
    ]);
  });

  it('prints nothing for a clean run', () => {
    expect(formatCompact(result([]))).toBe('');
  });
});
