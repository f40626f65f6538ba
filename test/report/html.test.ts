import { describe, expect, it } from 'vitest';
import type { Finding, FindingPage } from '../../src/model/finding.js';
import type { RunPoint } from '../../src/model/history.js';
import { type LintResult, summarize } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';
import { formatHtml } from '../../src/report/html.js';
import { HTML_MAX_FINDINGS } from '../../src/report/html-sections.js';

const EVIL = '<script>alert(1)</script>"\'&\u0007';

function page(key: string, extra: Partial<FindingPage> & { owner?: string } = {}): FindingPage {
  return { key, title: key, url: '', path: key, ...extra };
}

function finding(p: FindingPage, severity: Severity, n: number, extra: Partial<Finding> = {}): Finding {
  return { ruleId: 'stale-page', severity, message: `message ${n}`, page: p, fingerprint: `f${n}`, ...extra };
}

function result(findings: Finding[], runs?: RunPoint[]): LintResult {
  return {
    summary: summarize(findings, 5, 0),
    findings,
    rules: [
      { id: 'stale-page', level: 'warning', description: 'Pages are reviewed.', url: 'https://x.test/r' },
    ],
    unreadable: [],
    ...(runs
      ? {
          history: {
            previousRun: runs.at(-2)?.at ?? '',
            status: {},
            newCount: 0,
            openCount: findings.length,
            fixed: [],
            trends: [],
            runs,
          },
        }
      : {}),
  };
}

// The table rows of one section of the report.
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('formatHtml', () => {
  it('keeps hostile page titles, owners, messages and URLs as text', () => {
    const hostile = page('notion:1', { title: EVIL, url: 'javascript:alert(1)', owner: EVIL });
    const html = formatHtml(result([finding(hostile, 'error', 1, { message: EVIL })]));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('\u0007');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    // The owner (filled by owner resolution) names the row of the by-owner table.
    expect(section(html, 'by-owner')).toContain('<td>&lt;script&gt;');
  });

  it('links pages: wiki URLs, Markdown files under the link base, and the spot a finding points at', () => {
    const wiki = page('confluence:9', { title: 'Wiki page', url: 'https://wiki.test/p/9' });
    const file = page('markdown:team/a b.md', { title: 'File', file: 'team/a b.md' });
    const spot = finding(wiki, 'warning', 2, {
      position: { start: { line: 4, column: 2 }, end: { line: 4, column: 9 } },
    }) as Finding & { location: { url: string } };
    spot.location = { url: 'https://wiki.test/p/9#Setup' };
    const html = formatHtml(result([spot, finding(file, 'warning', 3)]), { linkBase: '../handbook' });
    const findings = section(html, 'findings');
    expect(findings).toContain('<a href="https://wiki.test/p/9">Wiki page</a>');
    expect(findings).toContain('<a href="https://wiki.test/p/9#Setup">4:2</a>');
    expect(findings).toContain('<a href="../handbook/team/a%20b.md">File</a>');
  });

  it('lists errors before warnings and caps the findings table with a note', () => {
    const p = page('markdown:a.md');
    const many = Array.from({ length: HTML_MAX_FINDINGS + 5 }, (_, i) =>
      finding(p, i === HTML_MAX_FINDINGS + 4 ? 'error' : 'warning', i),
    );
    const findings = section(formatHtml(result(many)), 'findings');
    expect(findings.match(/<tr><td>/g)).toHaveLength(HTML_MAX_FINDINGS);
    expect(findings.indexOf(`message ${HTML_MAX_FINDINGS + 4}`)).toBeLessThan(findings.indexOf('message 0'));
    expect(findings).toContain(`Showing ${HTML_MAX_FINDINGS} of ${HTML_MAX_FINDINGS + 5} findings`);
  });

  it('counts findings by owner, pages that name none under "No owner", listed last', () => {
    const dana = page('markdown:a.md', { owner: 'Dana' });
    const nobody = page('markdown:b.md');
    const html = formatHtml(
      result([
        finding(dana, 'error', 1),
        finding(dana, 'warning', 2),
        finding(nobody, 'error', 3),
        finding(nobody, 'error', 4),
      ]),
    );
    const rows = section(html, 'by-owner').match(/<tr><td>.*?<\/tr>/g);
    expect(rows).toEqual([
      '<tr><td>Dana</td><td class="num">1</td><td class="num">1</td><td class="num">1</td><td class="num">2</td><td><code>stale-page</code> on markdown:a.md</td></tr>',
      '<tr><td><span class="muted">No owner</span></td><td class="num">1</td><td class="num">2</td><td class="num">0</td><td class="num">2</td><td><code>stale-page</code> on markdown:b.md</td></tr>',
    ]);
  });

  it('without a ledger, dates the oldest finding by the page edited longest ago', () => {
    const old = page('markdown:old.md', { owner: 'Dana', title: 'Old', lastEdited: '2024-01-01' });
    const recent = page('markdown:new.md', { owner: 'Dana', title: 'New', lastEdited: '2026-05-01' });
    const html = formatHtml(result([finding(recent, 'warning', 1), finding(old, 'warning', 2)]));
    expect(section(html, 'by-owner')).toContain(
      '<td>page last edited 2024-01-01: <code>stale-page</code> on Old</td>',
    );
  });

  it('says "all new" for an owner whose every finding is new since the last run', () => {
    const dana = page('markdown:a.md', { owner: 'Dana', title: 'A' });
    const eli = page('markdown:b.md', { owner: 'Eli', title: 'B' });
    const r = result(
      [finding(dana, 'warning', 1), finding(dana, 'warning', 2), finding(eli, 'warning', 3)],
      [],
    );
    if (r.history) {
      r.history.previousRun = '2026-11-20T06:00:00.000Z';
      r.history.status = { f1: 'new', f2: 'new', f3: 'open' };
      // The ledger dates a new finding at this run.
      r.history.firstSeen = {
        f1: '2026-12-05T06:00:00.000Z',
        f2: '2026-12-05T06:00:00.000Z',
        f3: '2026-10-01T06:00:00.000Z',
      };
    }
    const rows = section(formatHtml(r), 'by-owner').match(/<tr><td>.*?<\/tr>/g) ?? [];
    expect(rows.find((row) => row.startsWith('<tr><td>Dana'))).toContain(
      '<td><span class="muted">all new</span></td>',
    );
    expect(rows.find((row) => row.startsWith('<tr><td>Eli'))).toContain(
      '<td>open since 2026-10-01: <code>stale-page</code> on B</td>',
    );
  });

  it("names each owner's oldest open finding from the ledger", () => {
    const dana = page('markdown:a.md', { owner: 'Dana', title: 'Onboarding' });
    const r = result(
      [finding(dana, 'warning', 1), finding(dana, 'warning', 2), finding(dana, 'warning', 3)],
      [],
    );
    if (r.history) r.history.firstSeen = { f2: '2026-03-04T05:00:00.000Z', f3: '2026-02-01T05:00:00.000Z' };
    expect(section(formatHtml(r), 'by-owner')).toContain(
      '<td>open since 2026-02-01: <code>stale-page</code> on Onboarding</td>',
    );
  });

  it('draws a point only for runs that recorded a figure, and says how to get trends without history', () => {
    const runs: RunPoint[] = [
      { at: '2026-01-01T00:00:00.000Z', open: 3, new: 3, fixed: 0 },
      { at: '2026-01-02T00:00:00.000Z', open: 2, new: 0, fixed: 1, stalePages: 1 },
      { at: '2026-01-03T00:00:00.000Z', open: 2, new: 0, fixed: 0, stalePages: 2 },
    ];
    const html = formatHtml(result([], runs));
    // No run measured coverage: no coverage chart.
    expect(html).not.toContain('data-chart="chart-coverage"');
    const stale = html.slice(html.indexOf('data-chart="chart-stale"'));
    expect(stale.match(/class="point" data-series="stale"/g)).toHaveLength(2);
    expect(stale).toMatch(/<path class="line" d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+"/);
    expect(formatHtml(result([]))).toContain('a <code>state</code> section in the config');
  });

  it('is one file: no script, no external resource, a policy that forbids loading any', () => {
    const html = formatHtml(result([finding(page('markdown:a.md'), 'warning', 1)]));
    expect(html).not.toMatch(/<script|<link|\bsrc=|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});
