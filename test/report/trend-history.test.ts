import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Coverage, Metric } from '../../src/coverage.js';
import { compareWithLedger, dropFixed, recordRun } from '../../src/history.js';
import type { Finding } from '../../src/model/finding.js';
import { type LintResult, summarize } from '../../src/model/result.js';
import { emptyState, loadState, saveState } from '../../src/state.js';

function metric(id: Metric['id'], numerator: number, denominator: number): Metric {
  const percent = Math.round((numerator / denominator) * 1000) / 10;
  return { id, label: id, numerator, denominator, percent, target: 80, pass: percent >= 80 };
}

function finding(n: number): Finding {
  const page = { key: `markdown:${n}.md`, title: `${n}`, url: '', path: `${n}.md` };
  return { ruleId: 'stale-page', severity: 'warning', message: 'old', page, fingerprint: `f${n}` };
}

function result(findings: Finding[], covered: number, fresh: number): LintResult {
  const coverage: Coverage = {
    metrics: [metric('coverage', covered, 10), metric('freshness', fresh, 20)],
    topics: [],
    scopes: [],
  };
  return { summary: summarize(findings, 20, 0), findings, rules: [], unreadable: [], coverage };
}

const NONE = new Set<string>();
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('run history for trends', () => {
  it('gives the ledger runs and this one, and records stale pages, through a saved ledger', async () => {
    dir = mkdtempSync(join(tmpdir(), 'handbook-lint-history-'));
    const path = join(dir, 'state.json');
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    const runs = [
      { findings: [finding(1), finding(2)], covered: 5, fresh: 15 },
      { findings: [finding(2), finding(3), finding(4)], covered: 6, fresh: 12 },
      { findings: [finding(4)], covered: 8, fresh: 18 },
    ];
    let last: ReturnType<typeof compareWithLedger> | undefined;
    for (const [i, run] of runs.entries()) {
      const state = await loadState(path);
      const now = new Date(`${days[i]}T05:00:00Z`);
      const r = result(run.findings, run.covered, run.fresh);
      last = compareWithLedger(r, state, { accepted: NONE, now });
      recordRun(state, r, last, now);
      await saveState(path, state);
    }
    expect(last?.runs).toEqual([
      { at: '2026-03-01T05:00:00.000Z', coverage: 50, open: 2, new: 2, fixed: 0, stalePages: 5 },
      { at: '2026-03-02T05:00:00.000Z', coverage: 60, open: 3, new: 2, fixed: 1, stalePages: 8 },
      { at: '2026-03-03T05:00:00.000Z', coverage: 80, open: 1, new: 0, fixed: 2, stalePages: 2 },
    ]);
    expect((await loadState(path)).runs.map((r) => r.stalePages)).toEqual([5, 8, 2]);
    // What the dashboard's owners table ages findings by.
    expect(last?.firstSeen).toEqual({ f4: '2026-03-02T05:00:00.000Z' });
  });

  it('reads ledgers written before stale pages were kept, and only figures and times from a hand-edited one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'handbook-lint-history-'));
    const path = join(dir, 'state.json');
    const old = {
      at: '2026-01-01T00:00:00.000Z',
      pages: 20,
      findings: 4,
      errors: 1,
      warnings: 3,
      new: 4,
      fixed: 0,
    };
    const edited = { ...old, at: '<b>yesterday</b>', findings: '<script>', metrics: { coverage: 'lots' } };
    writeFileSync(
      path,
      JSON.stringify({
        ...emptyState(),
        runs: [
          { ...old, metrics: { coverage: 40 } },
          { ...edited, metrics: { coverage: 'lots' } },
        ],
      }),
    );
    const state = await loadState(path);
    const history = compareWithLedger(result([], 5, 20), state, {
      accepted: NONE,
      now: new Date('2026-01-03T00:00:00Z'),
    });
    expect(history.runs?.slice(0, 2)).toEqual([
      { at: '2026-01-01T00:00:00.000Z', coverage: 40, open: 4, new: 4, fixed: 0 },
      { at: '1970-01-01T00:00:00.000Z', open: 0, new: 4, fixed: 0 },
    ]);
  });

  it('marks nothing fixed in the last point when the listing is not trusted', () => {
    const state = emptyState();
    const now = new Date('2026-01-01T00:00:00Z');
    const first = result([finding(1)], 5, 20);
    recordRun(state, first, compareWithLedger(first, state, { accepted: NONE, now }), now);
    const history = compareWithLedger(result([], 5, 20), state, { accepted: NONE, now });
    expect(history.runs?.at(-1)?.fixed).toBe(1);
    dropFixed(history);
    expect(history.fixed).toEqual([]);
    expect(history.runs?.at(-1)?.fixed).toBe(0);
  });
});
