import { describe, expect, it } from 'vitest';
import type { Finding, FindingPage } from '../../src/model/finding.js';
import type { History, RunPoint } from '../../src/model/history.js';
import { type LintResult, summarize } from '../../src/model/result.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { TREND_RUNS, trendMarkdown, trendStorage } from '../../src/report/trend.js';
import { renderFindingsPage } from '../../src/writeback/content.js';

const page: FindingPage = { key: 'markdown:a.md', title: 'A', url: 'a.md', path: 'a.md', file: 'a.md' };
const finding: Finding = {
  ruleId: 'stale-page',
  severity: 'warning',
  message: 'Page is old',
  page,
  fingerprint: 'f1',
};

const RUNS: RunPoint[] = [
  { at: '2026-11-01T06:00:00.000Z', coverage: 50, open: 12, new: 12, fixed: 0, stalePages: 4 },
  { at: '2026-11-02T06:00:00.000Z', coverage: 62.5, open: 9, new: 1, fixed: 4, stalePages: 3 },
  { at: '2026-11-03T06:00:00.000Z', coverage: 75, open: 1, new: 0, fixed: 8, stalePages: 1 },
];

function history(runs: RunPoint[]): History {
  return {
    previousRun: runs.at(-2)?.at ?? '',
    status: { f1: 'open' },
    newCount: 0,
    openCount: 1,
    fixed: [],
    trends: [],
    runs,
  };
}

function result(runs: RunPoint[]): LintResult {
  return {
    summary: summarize([finding], 3, 0),
    findings: [finding],
    rules: [],
    unreadable: [],
    history: history(runs),
  };
}

// The fenced Mermaid blocks of a Markdown text.
const mermaidBlocks = (text: string) =>
  [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('trend on the findings page', () => {
  it('draws a Mermaid xychart of open findings and of coverage, one point per run, for GitHub', () => {
    const text = formatMarkdown(result(RUNS), undefined);
    expect(text).toContain('## Trend');
    expect(text).toContain(
      'Over the last 3 runs: open findings 12 → 1, coverage 50 % → 75 %, stale pages 4 → 1.',
    );
    const [open, coverage] = mermaidBlocks(text);
    expect(open).toContain('xychart-beta');
    expect(open).toContain('x-axis ["2026-11-01", "2026-11-02", "2026-11-03"]');
    expect(open).toContain('line [12, 9, 1]');
    expect(coverage).toContain('y-axis "Percent" 0 --> 100');
    expect(coverage).toContain('line [50, 62.5, 75]');
  });

  it('draws the Mermaid chart on the Notion findings page too', () => {
    const { content } = renderFindingsPage('notion', result(RUNS), { title: 'Findings' });
    expect(mermaidBlocks(content)[0]).toContain('line [12, 9, 1]');
  });

  it('shows a table of the last runs on the Confluence page, which does not render Mermaid', () => {
    const { content } = renderFindingsPage('confluence', result(RUNS), { title: 'Findings' });
    expect(content).not.toContain('mermaid');
    expect(content).toContain('<h2>Trend</h2>');
    expect(content).toContain(
      '<tr><td>2026-11-02</td><td>62.5 %</td><td>9</td><td>1</td><td>4</td><td>3</td></tr>',
    );
  });

  it('writes a Markdown table instead of the chart when asked', () => {
    const text = formatMarkdown(result(RUNS), undefined, { trend: 'table' });
    expect(mermaidBlocks(text)).toEqual([]);
    expect(text).toContain('| 2026-11-03 | 75 % | 1 | 0 | 8 | 1 |');
  });

  it('leaves the page digest alone: a findings page is not rewritten only because another run was added', () => {
    const two = renderFindingsPage('markdown', result(RUNS.slice(0, 2)), { title: 'Findings' });
    const three = renderFindingsPage('markdown', result(RUNS), { title: 'Findings' });
    expect(three.content).not.toBe(two.content);
    expect(three.hash).toBe(two.hash);
  });

  it('shows nothing before the second run, and only the last runs after many', () => {
    expect(trendMarkdown(RUNS.slice(0, 1), 'mermaid')).toEqual([]);
    expect(trendStorage(undefined)).toBe('');
    const many = Array.from({ length: 30 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      open: i,
      new: 0,
      fixed: 0,
    }));
    const text = trendMarkdown(many, 'table').join('\n');
    expect(text).toContain(`Over the last ${TREND_RUNS} runs: open findings ${30 - TREND_RUNS} → 29.`);
    expect(text).not.toContain('2026-01-01');
  });

  it('labels runs with their time when two share a date', () => {
    const sameDay = [
      { ...(RUNS[0] as RunPoint), at: '2026-11-01T06:00:00.000Z' },
      { ...(RUNS[1] as RunPoint), at: '2026-11-01T18:30:00.000Z' },
    ];
    const [open] = mermaidBlocks(formatMarkdown(result(sameDay), undefined));
    expect(open).toContain('x-axis ["2026-11-01 06:00", "2026-11-01 18:30"]');
  });
});
