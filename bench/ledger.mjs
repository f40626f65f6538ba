#!/usr/bin/env node
// Ledger benchmark: saving and loading the state of a wiki of --pages pages (default 100,000) with
// their cached content, one open finding per two pages and a full run history, through the bundled
// state module. Prints the median of --repeat saves and loads, in wall and CPU time (CPU time is the
// steadier figure on a busy machine), and the size of each file written.
//   node bench/ledger.mjs [--pages 100000] [--body 1500] [--repeat 5]
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importBundled } from '../scripts/bundle.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '100000' },
    body: { type: 'string', default: '1500' },
    repeat: { type: 'string', default: '5' },
  },
});
const [pages, body, repeat] = [values.pages, values.body, values.repeat].map(Number);
if (![pages, body, repeat].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('bench: --pages, --body and --repeat take positive integers');
  process.exit(2);
}
const [{ emptyState, loadState, saveState, sourceState }] = await importBundled(['state.ts']);

// Storage-format text with some non-ASCII (accents, dashes, an emoji), as European wikis have.
const PARAGRAPH =
  '<p>Onboarding für das Team — see <ac:link><ri:page ri:content-title="Café 😀"/></ac:link>.</p>';
const content = (i) =>
  `<h1>Page ${i}</h1>${PARAGRAPH.repeat(Math.ceil(body / PARAGRAPH.length))}`.slice(0, body);

function ledger() {
  const state = emptyState();
  const cache = sourceState(state, 'confluence');
  cache.identity = 'Confluence https://example.atlassian.net (all spaces)';
  cache.listed = pages;
  for (let i = 0; i < pages; i++)
    cache.pages[String(100_000 + i)] = { version: String(i % 40), markdown: content(i) };
  for (let i = 0; i < pages; i += 2) {
    state.findings[`f${i.toString(16).padStart(16, '0')}`] = {
      ruleId: 'stale-page',
      severity: 'warning',
      message: 'Last reviewed 400 days ago (more than 365)',
      page: {
        key: `confluence:${100_000 + i}`,
        title: `Page ${i} — Übersicht`,
        url: `https://example.atlassian.net/wiki/spaces/HB/pages/${100_000 + i}`,
        path: 'Handbook / Team',
      },
      firstSeen: '2026-01-01T00:00:00.000Z',
      lastSeen: '2026-12-01T00:00:00.000Z',
    };
  }
  for (let i = 0; i < 400; i++) {
    state.runs.push({
      at: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString(),
      pages,
      findings: pages / 2,
      errors: 0,
      warnings: pages / 2,
      new: 3,
      fixed: 2,
      metrics: { ownership: 0.8, freshness: 0.7 },
      stalePages: 10,
    });
  }
  return state;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall and CPU milliseconds `step` takes. */
async function timed(step) {
  const [wall, cpu] = [performance.now(), process.cpuUsage()];
  await step();
  const { user, system } = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (user + system) / 1000 };
}
const figure = (times) =>
  `${median(times.map((t) => t.wall)).toFixed(0)} ms | ${median(times.map((t) => t.cpu)).toFixed(0)} ms |`;

const dir = mkdtempSync(join(tmpdir(), 'handbook-lint-bench-ledger-'));
const path = join(dir, 'state.json');
try {
  const state = ledger();
  const saves = [];
  const loads = [];
  for (let i = 0; i < repeat; i++) {
    saves.push(await timed(() => saveState(path, state)));
    loads.push(await timed(() => loadState(path)));
  }
  console.log(`| ${pages} pages, ${body}-char bodies, median of ${repeat} | wall | CPU |`);
  console.log('|---|---|---|');
  console.log(`| save | ${figure(saves)}`);
  console.log(`| load | ${figure(loads)}`);
  for (const file of readdirSync(dir).sort())
    console.log(`| ${file} | ${(statSync(join(dir, file)).size / 1e6).toFixed(1)} MB | |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
