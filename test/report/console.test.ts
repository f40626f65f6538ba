import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metric } from '../../src/coverage/metrics.js';
import type { Coverage } from '../../src/coverage.js';
import type { Finding, FindingPage } from '../../src/model/finding.js';
import type { History } from '../../src/model/history.js';
import { type LintResult, type RuleInfo, summarize } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';
import { palette } from '../../src/report/colors.js';
import { formatConsole } from '../../src/report/console.js';
import { countByRule } from '../../src/report/summary.js';

const plain = palette({ isTTY: false }, {});

function mdPage(file: string, owner?: string): FindingPage {
  return { key: `markdown:${file}`, title: file, url: file, path: file, file, ...(owner ? { owner } : {}) };
}

function wikiPage(id: string, path: string, owner?: string): FindingPage {
  return {
    key: `notion:${id}`,
    title: path,
    url: `https://notion.test/${id}`,
    path,
    ...(owner ? { owner } : {}),
  };
}

let serial = 0;
function finding(page: FindingPage, ruleId: string, severity: Severity, line?: number): Finding {
  serial++;
  return {
    ruleId,
    severity,
    message: `${ruleId} problem ${serial}`,
    page,
    ...(line ? { position: { start: { line, column: 3 }, end: { line, column: 9 } } } : {}),
    fingerprint: `f${serial}`,
  };
}

const RULES: RuleInfo[] = [
  { id: 'broken-link', level: 'error', description: 'Links lead somewhere.', url: 'https://x.test/b' },
  { id: 'page-owner', level: 'warning', description: 'Pages name an owner.', url: 'https://x.test/o' },
];

function result(findings: Finding[], extra: Partial<LintResult> = {}): LintResult {
  return { summary: summarize(findings, 20, 0), findings, rules: RULES, unreadable: [], ...extra };
}

const targets = { coverage: 90, decisions: 80, ownership: 90, freshness: 80, meetings: 80, healthy: 80 };
const COVERAGE: Coverage = {
  metrics: [
    metric('coverage', 6, 10, targets),
    metric('decisions', 0, 0, targets),
    metric('ownership', 19, 20, targets),
  ],
  topics: [
    {
      id: 'decision-log',
      title: 'Decision log',
      status: 'missing',
      page: null,
      matches: 0,
      errors: [],
      unreadable: null,
    },
  ],
  scopes: [],
};

const lines = (text: string) => text.split('\n');
const indexOf = (text: string, pattern: RegExp) => lines(text).findIndex((l) => pattern.test(l));

describe('console report: the summary comes first', () => {
  const a = mdPage('a.md');
  const b = mdPage('docs/b.md');
  // More warnings than errors, and the warnings' pages sort first: errors must still lead.
  const findings = [
    finding(a, 'page-owner', 'warning'),
    finding(b, 'page-owner', 'warning'),
    finding(a, 'orphan-page', 'warning'),
    finding(b, 'broken-link', 'error', 4),
  ];

  it('shows metrics against targets, topics not covered, counts per rule errors first, then totals, then findings', () => {
    const text = formatConsole(result(findings, { coverage: COVERAGE }), plain);
    const metrics = indexOf(text, /^Metrics$/);
    const rules = indexOf(text, /^Findings per rule$/);
    const totals = indexOf(text, /^✖ 4 problems \(1 error, 3 warnings\) in 2 of 20 pages$/);
    const firstGroup = indexOf(text, /^error {2}broken-link {2}\(1\)/);
    expect(metrics).toBe(0);
    expect(metrics).toBeLessThan(rules);
    expect(rules).toBeLessThan(totals);
    expect(totals).toBeLessThan(firstGroup);
    expect(text).toMatch(/✖ Documentation coverage\s+60 %\s+\(6 of 10\)\s+target 90 %\s+below target/);
    expect(text).toMatch(/✔ Pages with an owner\s+95 %\s+\(19 of 20\)\s+target 90 %\n/);
    expect(text).toMatch(/- Complete decision records\s+n\/a\s+target 80 %\s+nothing to measure/);
    expect(text).toContain('Topics not covered: Decision log (missing)');
    const counts = lines(text).slice(rules + 1, rules + 4);
    expect(counts.map((l) => l.trim().split(/\s+/))).toEqual([
      ['error', 'broken-link', '1'],
      ['warning', 'page-owner', '2'],
      ['warning', 'orphan-page', '1'],
    ]);
    // The totals close the report too, where a long report ends on screen.
    expect(lines(text).filter((l) => l.startsWith('✖ 4 problems'))).toHaveLength(2);
  });

  it('says what changed since the last run, per metric and in the totals', () => {
    const history: History = {
      previousRun: '2026-11-20T06:00:00.000Z',
      status: {},
      newCount: 3,
      openCount: 1,
      fixed: [],
      trends: [{ id: 'coverage', label: 'Documentation coverage', previous: 50, current: 60, change: 10 }],
    };
    const text = formatConsole(result(findings, { coverage: COVERAGE, history }), plain);
    expect(text).toMatch(/Documentation coverage .*below target {2}\+10 since last run/);
    expect(text).toContain('in 2 of 20 pages; 3 new, 0 fixed since the run of 2026-11-20');
  });

  it('lists the pages to fix first by errors, then by findings', () => {
    const c = mdPage('c.md');
    const many = [...findings, finding(c, 'page-owner', 'warning'), finding(c, 'orphan-page', 'warning')];
    many.push(finding(c, 'page-owner', 'warning', 8));
    const text = formatConsole(result(many), plain);
    const top = indexOf(text, /^Pages to fix first$/);
    expect(lines(text).slice(top + 1, top + 4)).toEqual([
      '     1 error      2 in all  docs/b.md',
      '     0 errors     3 in all  c.md',
      '     0 errors     2 in all  a.md',
    ]);
  });

  it('says "No problems" on a clean run', () => {
    expect(formatConsole(result([]), plain)).toBe('No problems in 20 pages.\n');
  });
});

describe('console report: --group-by', () => {
  const ana = mdPage('handbook/ana.md', 'Ana');
  const bo = wikiPage('b0', 'Team/Runbook', 'Bo');
  const nobody = mdPage('handbook/zed.md');
  const findings = [
    finding(ana, 'page-owner', 'warning'),
    finding(ana, 'broken-link', 'error', 12),
    finding(bo, 'broken-link', 'error', 2),
    finding(nobody, 'page-owner', 'warning'),
    finding(nobody, 'broken-link', 'error', 7),
  ];
  const base = { markdownBase: join('..', 'repo') };

  it('rule (default): one block per rule, errors first, each line the place then the message', () => {
    const text = formatConsole(result(findings), plain, base);
    const errors = indexOf(text, /^error {2}broken-link {2}\(3\) {2}Links lead somewhere\.$/);
    const warnings = indexOf(text, /^warning {2}page-owner {2}\(2\)/);
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    // In page path order (code units: "Team/…" before "handbook/…").
    expect(lines(text).slice(errors + 1, errors + 4)).toEqual([
      // A wiki page by its URL (clickable), its breadcrumb after the message.
      `  https://notion.test/b0  ${findings[2]?.message}  Team/Runbook`,
      `  ${join('..', 'repo', 'handbook/ana.md')}:12:3  ${findings[1]?.message}`,
      `  ${join('..', 'repo', 'handbook/zed.md')}:7:3  ${findings[4]?.message}`,
    ]);
  });

  it('rule: caps warning blocks and says how to see the rest; errors are never cut', () => {
    const pages = Array.from({ length: 30 }, (_, i) => mdPage(`p${String(i).padStart(2, '0')}.md`));
    const many = [
      ...pages.map((p) => finding(p, 'page-owner', 'warning')),
      ...pages.map((p) => finding(p, 'broken-link', 'error', 1)),
    ];
    const text = formatConsole(result(many), plain, { maxPerGroup: 5 });
    const start = indexOf(text, /^error {2}broken-link/);
    expect(
      lines(text)
        .slice(start + 1, start + 31)
        .every((l) => /^ {2}p\d\d\.md:1:3 /.test(l)),
    ).toBe(true);
    const warnings = indexOf(text, /^warning {2}page-owner {2}\(30\)/);
    expect(lines(text).slice(warnings + 1, warnings + 7)).toEqual([
      ...pages.slice(0, 5).map((p, i) => `  ${p.file}  ${many[i]?.message}`),
      '  … and 25 more page-owner warnings: --group-by page or --format compact lists every finding',
    ]);
  });

  it('page: pages with errors first, then by path, and in a page errors before warnings', () => {
    const text = formatConsole(result(findings), plain, { ...base, groupBy: 'page' });
    const body = lines(text).slice(indexOf(text, /^✖ 5 problems/) + 2);
    expect(body.slice(0, 10)).toEqual([
      'Team/Runbook  https://notion.test/b0',
      `  -  error    ${findings[2]?.message}  broken-link`,
      '',
      join('..', 'repo', 'handbook/ana.md'),
      `  12:3  error    ${findings[1]?.message}  broken-link`,
      `  -     warning  ${findings[0]?.message}  page-owner`,
      '',
      join('..', 'repo', 'handbook/zed.md'),
      `  7:3  error    ${findings[4]?.message}  broken-link`,
      `  -    warning  ${findings[3]?.message}  page-owner`,
    ]);
  });

  it('owner: one block per owner as every report orders them, "No owner" last, errors first within', () => {
    const text = formatConsole(result(findings), plain, { groupBy: 'owner' });
    const heads = lines(text).filter((l) => /^\S.* {2}\d+ pages?, /.test(l));
    expect(heads).toEqual([
      'Ana  1 page, 1 error, 1 warning',
      'Bo  1 page, 1 error, 0 warnings',
      'No owner  1 page, 1 error, 1 warning',
    ]);
    const none = indexOf(text, /^No owner/);
    expect(lines(text).slice(none + 1, none + 3)).toEqual([
      `  handbook/zed.md:7:3  error    ${findings[4]?.message}  broken-link`,
      `  handbook/zed.md  warning  ${findings[3]?.message}  page-owner`,
    ]);
  });

  it('owner: the owner with most errors comes first, as on the findings page', () => {
    const more = [...findings, finding(bo, 'broken-link', 'error', 9)];
    const text = formatConsole(result(more), plain, { groupBy: 'owner' });
    const heads = lines(text).filter((l) => /^\S.* {2}\d+ pages?, /.test(l));
    expect(heads.map((l) => l.split('  ')[0])).toEqual(['Bo', 'Ana', 'No owner']);
  });
});

describe('console report: wiki findings', () => {
  it('link to the spot when the finding has one: the full link by rule, the anchor within a page', () => {
    const page = wikiPage('c1', 'Eng/Onboarding');
    const located = {
      ...finding(page, 'broken-link', 'error', 40),
      location: { url: 'https://notion.test/c1#2f1a', quote: 'see the setup' },
    };
    const plainFinding = finding(page, 'page-owner', 'warning');
    const byRule = formatConsole(result([located, plainFinding]), plain);
    expect(byRule).toContain(`  https://notion.test/c1#2f1a  ${located.message}  Eng/Onboarding`);
    expect(byRule).toContain(`  https://notion.test/c1  ${plainFinding.message}  Eng/Onboarding`);
    const byPage = formatConsole(result([located, plainFinding]), plain, { groupBy: 'page' });
    expect(byPage).toContain('Eng/Onboarding  https://notion.test/c1\n');
    expect(byPage).toContain(`  #2f1a  error    ${located.message}  broken-link`);
    // Converted Markdown's line numbers are never shown for a wiki page.
    expect(byPage).not.toContain('40:3');
  });
});

describe('console report: --quiet', () => {
  it('shows errors only and says how many warnings it left out', () => {
    const page = mdPage('a.md');
    const findings = [finding(page, 'page-owner', 'warning'), finding(page, 'broken-link', 'error', 3)];
    const text = formatConsole(result(findings), plain, { quiet: true, groupBy: 'page' });
    expect(text).not.toMatch(/\bwarning {2}/);
    expect(text).not.toContain('page-owner');
    expect(text).toContain('1 warning not shown: --quiet reports errors only.');
    expect(text).toContain('✖ 1 problem (1 error, 0 warnings) in 1 of 20 pages');
  });

  it('counts new findings among the errors it shows, not the warnings it leaves out', () => {
    const page = mdPage('a.md');
    const warning = finding(page, 'page-owner', 'warning');
    const error = finding(page, 'broken-link', 'error', 3);
    const history: History = {
      previousRun: '2026-11-20T06:00:00.000Z',
      status: { [warning.fingerprint]: 'new', [error.fingerprint]: 'open' },
      newCount: 1,
      openCount: 1,
      fixed: [],
      trends: [],
    };
    const text = formatConsole(result([warning, error], { history }), plain, { quiet: true });
    expect(text).toContain('in 1 of 20 pages; 0 new, 0 fixed since the run of 2026-11-20');
  });
});

describe('counts per rule', () => {
  it('orders errors first, then by count, then by id; a rule at two levels counts at each', () => {
    const p = mdPage('a.md');
    const counts = countByRule([
      finding(p, 'b', 'warning'),
      finding(p, 'a', 'warning'),
      finding(p, 'c', 'warning'),
      finding(p, 'c', 'warning'),
      finding(p, 'c', 'error'),
      finding(p, 'd', 'info'),
    ]);
    expect(counts.map((c) => `${c.severity} ${c.ruleId} ${c.count}`)).toEqual([
      'error c 1',
      'warning c 2',
      'warning a 1',
      'warning b 1',
      'info d 1',
    ]);
  });
});
