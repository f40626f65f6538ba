import type { RunPoint } from '../model/history.js';
import type { LintResult } from '../model/result.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { plural } from '../words.js';
import { lineChart } from './html-chart.js';
import {
  byOwnerSection,
  byRuleSection,
  coverageSection,
  findingsSection,
  headline,
  metricsSection,
  unreadableSection,
} from './html-sections.js';
import { esc } from './html-text.js';
import { runLabels } from './trend.js';

/** How the dashboard is titled and where its links to Markdown pages lead. */
export interface HtmlOptions {
  /** The page's H1 and title; defaults to "Handbook dashboard". */
  title?: string;
  /** Prefix for links to Markdown pages (a folder relative to the report, or a repository blob URL). */
  linkBase?: string;
}

// One stylesheet in the file: no fonts, scripts or images from anywhere else. Light and dark
// schemes; states carry a shape and a word besides their colour.
const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--panel:#f6f8fa;
--s0:#0969da;--s1:#bc4c00;--s2:#1a7f37;--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--panel:#151b23;
--s0:#4493f8;--s1:#f0883e;--s2:#3fb950;--pass:#3fb950;--fail:#f85149;--warn:#d29922}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6em;margin:0 0 8px}h2{font-size:1.25em;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
a{color:var(--s0)}code{font:0.9em ui-monospace,SFMono-Regular,Menlo,monospace}
nav ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:8px 0}
.tiles{display:flex;flex-wrap:wrap;gap:12px;list-style:none;padding:0;margin:16px 0}
.tiles li{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 14px}
.tiles strong{display:block;font-size:1.5em}
table{border-collapse:collapse;width:100%;margin:8px 0}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td{overflow-wrap:anywhere}th,td.num,td code,.level{white-space:nowrap;overflow-wrap:normal}
th{background:var(--panel)}.num{text-align:right;font-variant-numeric:tabular-nums}
.muted,.note{color:var(--muted)}.pass{color:var(--pass)}.fail,.level.error{color:var(--fail)}
.warn,.level.warning{color:var(--warn)}.level{white-space:nowrap}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
figure.chart{margin:0;padding:12px;background:var(--panel);border:1px solid var(--line);border-radius:6px}
figcaption{font-weight:600}figure svg{width:100%;height:auto;display:block}
svg .grid{stroke:var(--line);stroke-width:1}svg .axis{stroke:var(--muted);stroke-width:1}
svg .tick,svg .value{fill:var(--muted);font-size:11px}svg .line{fill:none;stroke-width:2.5}
.s0{color:var(--s0)}.s1{color:var(--s1)}.s2{color:var(--s2)}
svg .series .line,.sample line{stroke:currentColor;stroke-width:2.5}
svg .series .point>:not(title):not(text),.sample>:not(line){fill:currentColor;stroke:var(--panel);stroke-width:1.5}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:6px 0}
.legend li{display:flex;align-items:center;gap:6px;color:var(--fg)}.legend .sample{color:inherit}
.legend li.s0 .sample{color:var(--s0)}.legend li.s1 .sample{color:var(--s1)}.legend li.s2 .sample{color:var(--s2)}
details{margin-top:6px}summary{cursor:pointer;color:var(--muted)}
footer{margin-top:40px;color:var(--muted);font-size:0.9em}
`;

const defined = (values: readonly (number | undefined)[]) => values.some((v) => v !== undefined);

function trendsSection(runs: readonly RunPoint[] | undefined): string {
  if (!runs?.length) {
    return '<section id="trends"><h2>Trends</h2><p class="muted">No run history: trends appear once runs keep a ledger (a wiki source, write-back, or a <code>state</code> section in the config).</p></section>';
  }
  const labels = runLabels(runs);
  const coverage = runs.map((r) => r.coverage);
  const stale = runs.map((r) => r.stalePages);
  const charts = [
    ...(defined(coverage)
      ? [
          lineChart({
            id: 'chart-coverage',
            title: 'Documentation coverage per run',
            labels,
            series: [{ key: 'coverage', name: 'Coverage', values: coverage }],
            unit: ' %',
            max: 100,
          }),
        ]
      : []),
    lineChart({
      id: 'chart-findings',
      title: 'Open, new and fixed findings per run',
      labels,
      series: [
        { key: 'open', name: 'Open', values: runs.map((r) => r.open) },
        { key: 'new', name: 'New', values: runs.map((r) => r.new) },
        { key: 'fixed', name: 'Fixed', values: runs.map((r) => r.fixed) },
      ],
    }),
    ...(defined(stale)
      ? [
          lineChart({
            id: 'chart-stale',
            title: 'Stale pages per run',
            labels,
            series: [{ key: 'stale', name: 'Stale pages', values: stale }],
          }),
        ]
      : []),
  ];
  const one = runs.length === 1 ? '<p class="muted">One run so far: each later run adds a point.</p>' : '';
  return `<section id="trends"><h2>Trends (${plural(runs.length, 'run')})</h2>${one}<div class="charts">\n${charts.join('\n')}\n</div></section>`;
}

const NAV: readonly [string, string][] = [
  ['metrics', 'Metrics'],
  ['trends', 'Trends'],
  ['coverage', 'Coverage'],
  ['by-rule', 'By rule'],
  ['by-owner', 'By owner'],
  ['findings', 'Findings'],
];

/**
 * The dashboard: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched)
 * with the headline counts, metrics against targets, trend charts from the ledger's runs, coverage
 * by topic and scope, findings by rule and by owner, and the findings themselves. Every string
 * from a page or the ledger is escaped.
 */
export function formatHtml(result: LintResult, options: HtmlOptions = {}): string {
  const title = options.title ?? 'Handbook dashboard';
  const links = { linkBase: options.linkBase ?? '' };
  const coverage = result.coverage;
  const present = NAV.filter(([id]) => coverage || (id !== 'metrics' && id !== 'coverage'));
  const body = [
    `<header><h1>${esc(title)}</h1>${headline(result)}<nav aria-label="Sections"><ul>${present
      .map(([id, name]) => `<li><a href="#${id}">${name}</a></li>`)
      .join('')}</ul></nav></header>`,
    '<main>',
    ...(coverage ? [metricsSection(coverage, result.history)] : []),
    trendsSection(result.history?.runs),
    ...(coverage ? [coverageSection(coverage, links)] : []),
    byRuleSection(result),
    byOwnerSection(result, links),
    findingsSection(result, links),
    unreadableSection(result),
    '</main>',
    `<footer>${esc(`${TOOL_NAME} ${TOOL_VERSION}`)}</footer>`,
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing in the file may load from anywhere; a hostile string that slipped through still could not.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body.filter(Boolean),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
