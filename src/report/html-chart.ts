import { maxOf, minOf } from '../push-all.js';
import { esc, table } from './html-text.js';

/** One line of a chart: a value per run, undefined where the run did not record it. */
export interface Series {
  /** Short machine name, kept on each point as `data-series`. */
  key: string;
  name: string;
  values: readonly (number | undefined)[];
}

/** A line chart of per-run figures, drawn as inline SVG with a data table beside it. */
export interface ChartSpec {
  /** Unique in the document: ids of the title and description derive from it. */
  id: string;
  title: string;
  /** One label per run (its date), oldest first. */
  labels: readonly string[];
  series: readonly Series[];
  /** Appended to values in text (" %" for percentages). */
  unit?: string;
  /** The top of the y axis; by default a round number above the largest value. */
  max?: number;
}

const WIDTH = 480;
const HEIGHT = 240;
const LEFT = 40;
const RIGHT = 16;
const TOP = 20;
const BOTTOM = 36;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
/** At most this many run labels under the x axis; the table has every run. */
const MAX_X_LABELS = 5;
/** Values are written beside the points of a one-line chart up to this many runs. */
const MAX_VALUE_LABELS = 16;

type Marker = 'circle' | 'square' | 'triangle';
// Each line differs in marker shape and dash pattern too, so colour is never the only signal.
const STYLES: readonly { marker: Marker; dash: string }[] = [
  { marker: 'circle', dash: '' },
  { marker: 'square', dash: '7 4' },
  { marker: 'triangle', dash: '2 3' },
];

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** A round step (1, 2 or 5 times a power of ten) giving about four grid lines up to `max`. */
function niceStep(max: number): number {
  const raw = Math.max(max, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Math.max(1, step);
}

function markerShape(marker: Marker, x: number, y: number): string {
  if (marker === 'circle') return `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="4.5"/>`;
  if (marker === 'square') return `<rect x="${fmt(x - 4)}" y="${fmt(y - 4)}" width="8" height="8"/>`;
  return `<path d="M${fmt(x)} ${fmt(y - 5.5)}L${fmt(x + 5)} ${fmt(y + 4)}L${fmt(x - 5)} ${fmt(y + 4)}Z"/>`;
}

function legend(series: readonly Series[]): string {
  const items = series.map((s, i) => {
    const style = STYLES[i % STYLES.length] as (typeof STYLES)[number];
    const sample = `<svg class="sample" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true"><line x1="1" y1="6" x2="33" y2="6" stroke-dasharray="${style.dash}"/>${markerShape(style.marker, 17, 6)}</svg>`;
    return `<li class="s${i % STYLES.length}">${sample} ${esc(s.name)}</li>`;
  });
  return `<ul class="legend">${items.join('')}</ul>`;
}

function describe(spec: ChartSpec): string {
  const unit = spec.unit ?? '';
  const runs = spec.labels.length;
  const span =
    runs === 1
      ? `the run of ${spec.labels[0]}`
      : `${runs} runs from ${spec.labels[0]} to ${spec.labels.at(-1)}`;
  const parts = spec.series.map((s) => {
    const known = s.values.filter((v) => v !== undefined);
    if (!known.length) return `${s.name}: not recorded`;
    const first = known[0] as number;
    const last = known.at(-1) as number;
    return `${s.name}: ${fmt(first)}${unit} at first, ${fmt(last)}${unit} at the last run (lowest ${fmt(minOf(known))}${unit}, highest ${fmt(maxOf(known))}${unit})`;
  });
  return `${spec.title} over ${span}. ${parts.join('; ')}.`;
}

function axes(
  labels: readonly string[],
  top: number,
  step: number,
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  const grid: string[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) {
    grid.push(
      `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${fmt(y(v))}" y2="${fmt(y(v))}"/>`,
      `<text class="tick" x="${LEFT - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${fmt(v)}</text>`,
    );
  }
  const every = Math.ceil(labels.length / MAX_X_LABELS);
  labels.forEach((label, i) => {
    if (i % every !== 0 && i !== labels.length - 1) return;
    // The last label is always shown; its neighbour on the thinned grid would collide with it.
    if (i !== labels.length - 1 && labels.length - 1 - i < every) return;
    // The first and last labels end at the plot's edges rather than past them.
    const anchor =
      labels.length > 1 && i === 0
        ? 'start'
        : labels.length > 1 && i === labels.length - 1
          ? 'end'
          : 'middle';
    grid.push(
      `<text class="tick" x="${fmt(x(i))}" y="${HEIGHT - BOTTOM + 18}" text-anchor="${anchor}">${esc(label)}</text>`,
    );
  });
  return grid.join('');
}

function line(
  s: Series,
  index: number,
  spec: ChartSpec,
  x: (i: number) => number,
  y: (v: number) => number,
): string {
  const style = STYLES[index % STYLES.length] as (typeof STYLES)[number];
  const unit = spec.unit ?? '';
  let d = '';
  let pen = 'M';
  const points: string[] = [];
  s.values.forEach((v, i) => {
    if (v === undefined) {
      pen = 'M';
      return;
    }
    d += `${pen}${fmt(x(i))} ${fmt(y(v))}`;
    pen = 'L';
    const label = spec.labels[i] ?? '';
    const value =
      spec.series.length === 1 && spec.labels.length <= MAX_VALUE_LABELS
        ? `<text class="value" x="${fmt(x(i))}" y="${fmt(y(v) - 9)}" text-anchor="middle">${fmt(v)}</text>`
        : '';
    points.push(
      `<g class="point" data-series="${esc(s.key)}" data-run="${esc(label)}" data-value="${fmt(v)}"><title>${esc(label)}: ${esc(s.name)} ${fmt(v)}${esc(unit)}</title>${markerShape(style.marker, x(i), y(v))}${value}</g>`,
    );
  });
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return `<g class="series s${index % STYLES.length}" data-series="${esc(s.key)}"><path class="line" d="${d}"${dash}/>${points.join('')}</g>`;
}

function dataTable(spec: ChartSpec): string {
  const unit = spec.unit ?? '';
  const rows = spec.labels.map((label, i) => [
    esc(label),
    ...spec.series.map((s) => {
      const v = s.values[i];
      return v === undefined ? '—' : `${fmt(v)}${esc(unit)}`;
    }),
  ]);
  const numeric = spec.series.map((_, i) => i + 1);
  return `<details><summary>${esc(spec.title)}: the numbers</summary>${table('', ['Run', ...spec.series.map((s) => esc(s.name))], rows, numeric)}</details>`;
}

/** The chart as a figure: SVG (role img, title, description), a legend naming each line by shape, and the numbers. */
export function lineChart(spec: ChartSpec): string {
  const n = spec.labels.length;
  const values = spec.series.flatMap((s) => s.values.filter((v) => v !== undefined));
  const step = niceStep(spec.max ?? maxOf(values, 0));
  const top = spec.max ?? step * Math.max(1, Math.ceil(maxOf(values, 0) / step));
  const x = (i: number) => (n <= 1 ? LEFT + PLOT_W / 2 : LEFT + (i * PLOT_W) / (n - 1));
  const y = (v: number) => TOP + PLOT_H - (Math.min(Math.max(v, 0), top) / top) * PLOT_H;
  const id = esc(spec.id);
  const svg = [
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" data-chart="${id}">`,
    `<title id="${id}-title">${esc(spec.title)}</title>`,
    `<desc id="${id}-desc">${esc(describe(spec))}</desc>`,
    axes(spec.labels, top, spec.max ? spec.max / 4 : step, x, y),
    `<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + PLOT_H}" y2="${TOP + PLOT_H}"/>`,
    ...spec.series.map((s, i) => line(s, i, spec, x, y)),
    '</svg>',
  ].join('\n');
  const key = spec.series.length > 1 ? legend(spec.series) : '';
  return `<figure class="chart" id="${id}"><figcaption>${esc(spec.title)}</figcaption>\n${svg}\n${key}${dataTable(spec)}</figure>`;
}
