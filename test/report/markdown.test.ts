import { describe, expect, it } from 'vitest';
import { type Coverage, computeCoverage, DEFAULT_COVERAGE } from '../../src/coverage.js';
import type { Finding, FindingPage } from '../../src/model/finding.js';
import { type LintResult, type RuleInfo, summarize } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { escapeMarkdown } from '../../src/report/markdown-text.js';
import type { SitePage } from '../../src/site.js';

function mdPage(file: string, title: string): FindingPage {
  return { key: `markdown:${file}`, title, url: file, path: file, file };
}

function finding(page: FindingPage, ruleId: string, line?: number, severity: Severity = 'warning'): Finding {
  return {
    ruleId,
    severity,
    message: `${ruleId} problem`,
    page,
    ...(line ? { position: { start: { line, column: 1 }, end: { line, column: 5 } } } : {}),
    fingerprint: `${ruleId}:${page.key}:${line ?? 0}`,
  };
}

const RULES: RuleInfo[] = [
  {
    id: 'broken-link',
    level: 'error',
    description: 'Links lead somewhere.',
    fix: 'Point the link at the `current` path.',
    url: 'https://x.test/broken-link',
  },
  {
    id: 'stale-page',
    level: 'warning',
    description: 'Pages are reviewed.',
    url: 'https://x.test/stale-page',
  },
];

function result(findings: Finding[], pages = 10, unreadable: LintResult['unreadable'] = []): LintResult {
  return { summary: summarize(findings, pages, unreadable.length), findings, rules: RULES, unreadable };
}

function sitePage(page: FindingPage, extra: Partial<SitePage> = {}): SitePage {
  return {
    ...page,
    source: 'markdown',
    id: page.path,
    labels: [],
    links: [],
    headings: [],
    anchors: [],
    problems: [],
    ...extra,
  };
}

// Cells of a table row, split on pipes that are not escaped.
function cells(line: string): number {
  return line.split(/(?<!\\)\|/).length;
}

function tables(markdown: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) {
        current = [];
        blocks.push(current);
      }
      current.push(line);
    } else current = undefined;
  }
  return blocks;
}

const hostile = mdPage('company/a b (old).md', 'A | B <script>alert(1)</script> [x](y) *b* _i_ `c`');
const home = mdPage('index.md', 'Home');
const charter = mdPage('company/charter.md', 'Communication charter');

function coverageOf(pages: SitePage[], findings: Finding[]): Coverage {
  return computeCoverage(pages, findings, DEFAULT_COVERAGE);
}

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['[link](url)', '\\[link\\](url)'],
    ['*bold* _it_ `code` ~s~', '\\*bold\\* \\_it\\_ \\`code\\` \\~s\\~'],
    ['R&D \\ path', 'R&amp;D \\\\ path'],
    ['two\nlines', 'two lines'],
  ])('%j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('formatMarkdown', () => {
  const findings = [
    finding(hostile, 'broken-link', 3, 'error'),
    finding(hostile, 'stale-page'),
    finding(home, 'broken-link', 7, 'error'),
    finding(charter, 'stale-page', 2),
  ];
  const pages = [sitePage(hostile), sitePage(home), sitePage(charter)];
  const coverage = coverageOf(pages, findings);
  const report = formatMarkdown(result(findings, 3), coverage, { title: 'Acme | handbook' });

  it('opens with the title and a headline of coverage, counts and pages', () => {
    const [title, , headline] = report.split('\n');
    expect(title).toBe('# Acme \\| handbook');
    expect(headline).toBe('**10 %** documentation coverage · **2 errors** · **2 warnings** · 3 pages');
  });

  it('has a metrics table with value, target and pass mark', () => {
    expect(report).toContain('| Metric | Value | Target | Pass |');
    expect(report).toContain('| Documentation coverage | 10 % (1 of 10) | 90 % | ❌ |');
    expect(report).toContain('| Meeting notes with outcomes | n/a | 80 % | — |');
  });

  it('has a topic table with status and page link, and says why an unhealthy topic does not count', () => {
    expect(report).toContain(
      '| Communication charter | ✅ covered | [Communication charter](company/charter.md) |',
    );
    expect(report).toContain('| Escalation path | ❌ missing | — |');
    expect(report).toContain(
      '| Handbook home | ⚠️ has errors: `broken-link` broken-link problem | [Home](index.md) |',
    );
  });

  it('has a table per scope', () => {
    const teams = coverageOf([sitePage(mdPage('teams/a/onboarding.md', 'Onboarding'))], []);
    const text = formatMarkdown(result([]), teams);
    expect(text).toContain('### ❌ teams/a (teams): 1 of 2');
    expect(text).toContain('| Onboarding guide | ✅ covered | [Onboarding](teams/a/onboarding.md) |');
  });

  it('groups findings by rule, with its description and how to fix, then by page', () => {
    expect(report).toContain(
      '| [`broken-link`](https://x.test/broken-link) | error | 2 | Links lead somewhere. |',
    );
    const section = report.slice(
      report.indexOf('### `broken-link` (2)'),
      report.indexOf('### `stale-page` (2)'),
    );
    expect(section.split('\n')).toEqual([
      '### `broken-link` (2)',
      '',
      '**How to fix:** Point the link at the `current` path.',
      '',
      '- [A \\| B &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](y) \\*b\\* \\_i\\_ \\`c\\`](company/a%20b%20%28old%29.md)',
      '  - line 3: broken-link problem',
      '- [Home](index.md)',
      '  - line 7: broken-link problem',
      '',
      '',
    ]);
    expect(report).toContain('  - page: stale-page problem');
  });

  it('escapes page titles so no HTML gets through and no table breaks', () => {
    expect(report).not.toContain('<script>');
    for (const block of tables(report)) {
      const width = cells(block[0] ?? '');
      for (const row of block) expect(cells(row), row).toBe(width);
    }
  });

  it('lists the pages with the most findings', () => {
    expect(report).toContain('## Pages with the most findings');
    const many = Array.from({ length: 12 }, (_, i) => mdPage(`p${String(i).padStart(2, '0')}.md`, `P${i}`));
    const text = formatMarkdown(
      result(
        many.flatMap((p, i) => Array.from({ length: i + 1 }, (_, n) => finding(p, 'stale-page', n + 1))),
      ),
      undefined,
    );
    const top = tables(text).find((t) => t[0]?.startsWith('| Page | Findings'));
    expect(top).toHaveLength(12);
    expect(top?.[2]).toBe('| [P11](p11.md) | 12 | 0 |');
  });

  it('links wiki pages by URL and Markdown pages through linkBase', () => {
    const wiki: FindingPage = {
      key: 'notion:1',
      title: 'Wiki page',
      url: 'https://www.notion.so/Wiki-page-1',
      path: 'Wiki page',
      file: 'Wiki page',
    };
    const text = formatMarkdown(
      result([finding(wiki, 'stale-page'), finding(hostile, 'stale-page')]),
      undefined,
      {
        linkBase: 'https://github.com/acme/handbook/blob/main/docs',
      },
    );
    expect(text).toContain('- [Wiki page](https://www.notion.so/Wiki-page-1)');
    expect(text).toContain('](https://github.com/acme/handbook/blob/main/docs/company/a%20b%20%28old%29.md)');
  });

  it('lists at most maxFindings findings and counts the rest', () => {
    const many = Array.from({ length: 620 }, (_, i) =>
      finding(mdPage(`p${i % 30}.md`, `P${i % 30}`), i % 2 ? 'stale-page' : 'broken-link', i + 1),
    );
    const listed = (text: string) => text.split('\n').filter((l) => l.startsWith('  - ')).length;
    const bounded = formatMarkdown(result(many), undefined);
    expect(listed(bounded)).toBe(500);
    expect(bounded).toContain(
      '…and 120 more findings not listed here (a run with --format json lists them all).',
    );
    const small = formatMarkdown(result(many), undefined, { maxFindings: 7 });
    expect(listed(small)).toBe(7);
    expect(small).toContain('…and 613 more findings');
  });

  it('lists unreadable pages', () => {
    const text = formatMarkdown(
      result([], 2, [{ key: 'notion:9', path: 'Secret <b>', reason: 'HTTP 403' }]),
      undefined,
    );
    expect(text).toContain('## Unreadable pages');
    expect(text).toContain('| Secret &lt;b&gt; | HTTP 403 |');
  });

  it('leaves out coverage sections without coverage, and says when there is nothing to fix', () => {
    const text = formatMarkdown(result([]), undefined);
    expect(text).not.toContain('## Metrics');
    expect(text).toContain('No findings.');
  });

  it('is deterministic: the same whatever order findings come in', () => {
    const again = formatMarkdown(result([...findings].reverse(), 3), coverage, { title: 'Acme | handbook' });
    expect(again).toBe(report);
    expect(report).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});
