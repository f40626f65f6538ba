import { describe, expect, it } from 'vitest';
import type { Finding, FindingPage } from '../../src/model/finding.js';
import { type LintResult, summarize } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';
import { formatSarif, SARIF_MAX_BYTES, SARIF_MAX_RESULTS } from '../../src/report/sarif.js';

interface Log {
  runs: {
    invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
    results: { level: string; partialFingerprints: Record<string, string> }[];
  }[];
}

const PAGE: FindingPage = { key: 'markdown:a.md', title: 'A', url: 'a.md', path: 'a.md', file: 'a.md' };

/** `count` findings: every tenth an error, the last one too, the rest warnings and infos. */
function result(count: number, messageLength = 20): LintResult {
  const findings: Finding[] = Array.from({ length: count }, (_, i) => {
    const severity: Severity = i % 10 === 9 || i === count - 1 ? 'error' : i % 2 ? 'warning' : 'info';
    return {
      ruleId: 'broken-link',
      severity,
      message: `Broken link ${i} ${'x'.repeat(messageLength)}`,
      page: PAGE,
      fingerprint: `fp-${i}`,
    };
  });
  return {
    summary: summarize(findings, 1, 0),
    findings,
    rules: [
      { id: 'broken-link', level: 'error', description: 'Links work.', url: 'https://x.test/broken-link' },
    ],
    unreadable: [],
  };
}

const rank = { error: 0, warning: 1, note: 2 } as Record<string, number>;

function capped(text: string, total: number) {
  const log = JSON.parse(text) as Log;
  const run = log.runs[0];
  const notes = run?.invocations[0]?.toolExecutionNotifications ?? [];
  expect(notes).toEqual([
    expect.objectContaining({
      level: 'warning',
      message: { text: expect.stringMatching(new RegExp(`most severe of ${total} results`)) },
    }),
  ]);
  const levels = run?.results.map((r) => rank[r.level] ?? 9) ?? [];
  expect(levels).toEqual([...levels].sort((a, b) => a - b)); // most severe first
  return run?.results ?? [];
}

describe('SARIF within GitHub code scanning limits', () => {
  it('keeps at most 25,000 results, every error among them, and says so in the log and on stderr', () => {
    const total = SARIF_MAX_RESULTS + 500;
    const warned: string[] = [];
    const text = formatSarif(result(total), { warn: (t) => warned.push(t) });
    const results = capped(text, total);
    expect(results).toHaveLength(SARIF_MAX_RESULTS);
    const errors = result(total).findings.filter((f) => f.severity === 'error');
    const kept = new Set(results.map((r) => r.partialFingerprints['handbookLint/v1']));
    for (const e of errors) expect(kept.has(e.fingerprint)).toBe(true);
    expect(warned).toEqual([
      expect.stringContaining(`SARIF lists the 25000 most severe of ${total} results`),
    ]);
  }, 60_000); // builds logs of several MB: room for a busy machine

  it('keeps the file within 10 MB', () => {
    const total = 6_000;
    const warned: string[] = [];
    const text = formatSarif(result(total, 2_000), { warn: (t) => warned.push(t) });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SARIF_MAX_BYTES);
    const results = capped(text, total);
    expect(results.length).toBeGreaterThan(3_000);
    expect(results.length).toBeLessThan(total);
    expect(warned).toHaveLength(1);
  }, 60_000); // builds logs of several MB: room for a busy machine

  it('leaves a log within the limits as it was', () => {
    const warned: string[] = [];
    const log = JSON.parse(formatSarif(result(100), { warn: (t) => warned.push(t) })) as Log;
    expect(log.runs[0]?.results).toHaveLength(100);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications).toBeUndefined();
    expect(warned).toEqual([]);
  });
});
