import type { RunPoint } from '../model/history.js';
import { maxOf, pushAll } from '../push-all.js';

/** The findings page shows this many runs; the HTML report has the whole history. */
export const TREND_RUNS = 12;

/**
 * How the findings page draws the trend: a Mermaid chart where the target renders one (GitHub,
 * Notion), a table of the last runs where it does not.
 */
export type TrendStyle = 'mermaid' | 'table';

// Run points come from the ledger checked (history.ts): finite figures and ISO times only.
const figure = (n: number | undefined): string => (n === undefined ? '—' : String(n));

/** Labels for the runs: their dates, with the time when two runs share a date. */
export function runLabels(runs: readonly RunPoint[]): string[] {
  const days = runs.map((r) => r.at.slice(0, 10));
  if (new Set(days).size === days.length) return days;
  return runs.map((r) => r.at.slice(0, 16).replace('T', ' '));
}

const lastRuns = (runs: readonly RunPoint[]) => runs.slice(-TREND_RUNS);

function change(first: number, last: number, unit: string): string {
  return first === last ? `${last}${unit}, unchanged` : `${first}${unit} → ${last}${unit}`;
}

/** The trend in words: what a reader without the chart needs first. */
function sentence(runs: readonly RunPoint[]): string {
  const first = runs[0] as RunPoint;
  const last = runs.at(-1) as RunPoint;
  const parts = [`open findings ${change(first.open, last.open, '')}`];
  if (first.coverage !== undefined && last.coverage !== undefined)
    parts.push(`coverage ${change(first.coverage, last.coverage, ' %')}`);
  if (first.stalePages !== undefined && last.stalePages !== undefined)
    parts.push(`stale pages ${change(first.stalePages, last.stalePages, '')}`);
  return `Over the last ${runs.length} runs: ${parts.join(', ')}.`;
}

function mermaidChart(title: string, labels: readonly string[], axis: string, values: number[]): string[] {
  const top = axis === 'Percent' ? 100 : maxOf(values, 1);
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${labels.map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "${axis}" 0 --> ${top}`,
    `  line [${values.join(', ')}]`,
    '```',
    '',
  ];
}

function mermaid(runs: readonly RunPoint[]): string[] {
  const labels = runLabels(runs);
  const lines = mermaidChart(
    'Open findings',
    labels,
    'Findings',
    runs.map((r) => r.open),
  );
  const coverage = runs.map((r) => r.coverage);
  // A Mermaid line cannot skip a run: the coverage chart needs a figure for each.
  if (coverage.every((c) => c !== undefined))
    pushAll(lines, mermaidChart('Documentation coverage (%)', labels, 'Percent', coverage as number[]));
  return lines;
}

const HEAD = ['Run', 'Coverage', 'Open', 'New', 'Fixed', 'Stale pages'];

function rows(runs: readonly RunPoint[]): string[][] {
  const labels = runLabels(runs);
  return runs.map((r, i) => [
    labels[i] ?? '',
    r.coverage === undefined ? '—' : `${figure(r.coverage)} %`,
    figure(r.open),
    figure(r.new),
    figure(r.fixed),
    figure(r.stalePages),
  ]);
}

function markdownTable(runs: readonly RunPoint[]): string[] {
  return [
    `| ${HEAD.join(' | ')} |`,
    '|---|--:|--:|--:|--:|--:|',
    ...rows(runs).map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

/** The findings page's "Trend" section in Markdown; empty until the ledger has two runs. */
export function trendMarkdown(runs: readonly RunPoint[] | undefined, style: TrendStyle): string[] {
  const shown = lastRuns(runs ?? []);
  if (shown.length < 2) return [];
  return [
    '## Trend',
    '',
    sentence(shown),
    '',
    ...(style === 'mermaid' ? mermaid(shown) : markdownTable(shown)),
  ];
}

/** The "Trend" section of the Confluence findings page (storage format): a table of the last runs. */
export function trendStorage(runs: readonly RunPoint[] | undefined): string {
  const shown = lastRuns(runs ?? []);
  if (shown.length < 2) return '';
  const tr = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  const body = [tr(HEAD, 'th'), ...rows(shown).map((r) => tr(r, 'td'))].join('');
  return `<h2>Trend</h2><p>${sentence(shown)}</p><table><tbody>${body}</tbody></table>`;
}
