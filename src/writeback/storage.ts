import type { Metric } from '../coverage.js';
import type { FindingLocation, FindingPage } from '../model/finding.js';
import type { History, MetricTrend } from '../model/history.js';
import type { LintResult } from '../model/result.js';
import { markupAsEntities } from '../report/html-text.js';
import { trendStorage } from '../report/trend.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { plural } from '../words.js';

/** Findings listed on a Confluence findings page; the rest are counted (a run with --format json lists them all). */
export const STORAGE_MAX_FINDINGS = 500;
/** Waiting and unreadable pages listed on it; the rest are counted, so a large wiki's first run stays one page. */
const STORAGE_MAX_PAGES = 100;

function pageList(items: readonly string[]): string {
  const listed = items
    .slice(0, STORAGE_MAX_PAGES)
    .map((item) => `<li>${item}</li>`)
    .join('');
  const rest = items.length - STORAGE_MAX_PAGES;
  return `<ul>${listed}</ul>${rest > 0 ? `<p>…and ${plural(rest, 'more page')}.</p>` : ''}`;
}

// XML 1.0's Char production; a UTF-16 half without its partner (iterated alone) is outside it too.
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

/**
 * Text from a page (titles, messages, excerpts, URLs) as storage-format XML: markup characters
 * become entities (so `<script>` and `]]>` stay text) and characters XML forbids are dropped,
 * because Confluence refuses a body that is not well-formed. Safe in text and in quoted attributes.
 */
export function escapeStorage(text: string): string {
  return markupAsEntities(
    Array.from(text)
      .filter((c) => isXmlChar(c.codePointAt(0) ?? 0))
      .join(''),
  );
}

// Only web URLs become links: a URL from an answer may be `javascript:` or any other scheme.
const isWebUrl = (url: string) => /^https?:\/\//.test(url);

/** A link to a page, or its title alone when it has no URL. */
export function storageLink(page: Pick<FindingPage, 'title' | 'path' | 'url'>): string {
  const text = escapeStorage(page.title || page.path);
  return isWebUrl(page.url) ? `<a href="${escapeStorage(page.url)}">${text}</a>` : text;
}

const cell = (tag: 'th' | 'td', text: string) => `<${tag}>${text}</${tag}>`;

function table(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => cell(tag, c)).join('')}</tr>`;
  return `<table><tbody>${tr(head, 'th')}${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

function change(trend: MetricTrend | undefined): string {
  if (trend?.change === null || trend?.change === undefined) return '—';
  return `${trend.change > 0 ? '+' : ''}${trend.change}`;
}

function metrics(list: readonly Metric[], history: History | undefined): string {
  const rows = list.map((m) => [
    escapeStorage(m.label),
    m.percent === null ? 'n/a' : `${m.percent} % (${m.numerator} of ${m.denominator})`,
    `${m.target} %`,
    change(history?.trends.find((t) => t.id === m.id)),
    m.percent === null ? '—' : m.pass ? '✅' : '❌',
  ]);
  return `<h2>Metrics</h2>${table(['Metric', 'Value', 'Target', 'Change', 'Pass'], rows)}`;
}

interface Item {
  page: FindingPage;
  ruleId: string;
  message: string;
  location?: FindingLocation;
}

// The spot on the page: a link to the nearest heading when there is one, with the quoted text.
function spot(location: FindingLocation | undefined): string {
  const quote = location?.quote ? `“${escapeStorage(location.quote)}”` : '';
  if (!location?.anchor || !isWebUrl(location.url)) return quote ? ` — ${quote}` : '';
  return ` — <a href="${escapeStorage(location.url)}">${quote || 'go to the section'}</a>`;
}

/** Items grouped by page as a nested list, at most `budget.left` of them (the budget is shared by all sections). */
function section(title: string, items: readonly Item[], budget: { left: number }): string {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(item.page.key, [...(groups.get(item.page.key) ?? []), item]);
  const pages: string[] = [];
  let listed = 0;
  for (const list of groups.values()) {
    const shown = list.slice(0, budget.left);
    if (!shown.length) break;
    budget.left -= shown.length;
    listed += shown.length;
    const lines = shown.map(
      (i) =>
        `<li><code>${escapeStorage(i.ruleId)}</code> ${escapeStorage(i.message)}${spot(i.location)}</li>`,
    );
    pages.push(`<li>${storageLink((list[0] as Item).page)}<ul>${lines.join('')}</ul></li>`);
  }
  const rest = items.length - listed;
  const more =
    rest > 0 ? `<p>…and ${rest} more not listed here (a run with --format json lists them all).</p>` : '';
  const body = pages.length ? `<ul>${pages.join('')}</ul>` : '<p>None.</p>';
  return `<h2>${escapeStorage(title)} (${items.length})</h2>${body}${more}`;
}

/** The findings page in Confluence storage format: headline, metrics with trends, new / still open / fixed, waiting pages. */
export function formatStorage(result: LintResult, deferred: readonly FindingPage[] = []): string {
  const s = result.summary;
  const history = result.history;
  const since = history?.previousRun ? ` since the run of ${history.previousRun.slice(0, 10)}` : '';
  const parts = [
    `<p><strong>${s.errors} errors</strong> · <strong>${s.warnings} warnings</strong> · ${s.pages} pages${
      history ? ` · ${history.newCount} new, ${history.fixed.length} fixed${since}` : ''
    }</p>`,
  ];
  parts.push(trendStorage(history?.runs));
  if (result.coverage) parts.push(metrics(result.coverage.metrics, history));
  const budget = { left: STORAGE_MAX_FINDINGS };
  const isNew = (fp: string) => !history || history.status[fp] === 'new';
  parts.push(
    section(
      'New since the last run',
      result.findings.filter((f) => isNew(f.fingerprint)),
      budget,
    ),
  );
  if (history) {
    parts.push(
      section(
        'Still open',
        result.findings.filter((f) => !isNew(f.fingerprint)),
        budget,
      ),
    );
    parts.push(section('Fixed since the last run', history.fixed, budget));
  }
  if (deferred.length) {
    parts.push(
      `<h2>Waiting for a comment (${deferred.length})</h2><p>Over this run's comment cap or in their cooldown; they are commented on in a later run.</p>${pageList(deferred.map(storageLink))}`,
    );
  }
  if (result.unreadable.length) {
    const items = result.unreadable.map((u) => `${escapeStorage(u.path)}: ${escapeStorage(u.reason)}`);
    parts.push(`<h2>Unreadable pages (${result.unreadable.length})</h2>${pageList(items)}`);
  }
  parts.push(`<p><sub>${escapeStorage(`${TOOL_NAME} ${TOOL_VERSION}`)}</sub></p>`);
  return parts.join('');
}
