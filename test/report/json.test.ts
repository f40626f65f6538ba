import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Finding, fingerprint } from '../../src/model/finding.js';
import { type LintResult, summarize } from '../../src/model/result.js';
import { formatJson, jsonReport } from '../../src/report/json.js';
import { runCli, tempTree } from '../helpers/cli.js';

function finding(i: number): Finding {
  const page = {
    key: `markdown:p${i}.md`,
    title: `Page ${i}`,
    url: `p${i}.md`,
    path: `p${i}.md`,
    file: `p${i}.md`,
  };
  return {
    ruleId: i % 2 ? 'broken-link' : 'page-owner',
    severity: i % 3 ? 'warning' : 'error',
    // Line breaks and quotes in a message are escaped, never written raw.
    message: `Finding ${i}: "quoted"\nsecond line`,
    page: i % 5 ? page : { ...page, owner: 'Ann', ownerSource: 'front-matter' },
    ...(i % 2
      ? { position: { start: { line: i, column: 2, offset: 9 }, end: { line: i, column: 8, offset: 15 } } }
      : {}),
    ...(i % 4 ? { excerpt: '[x](gone.md)' } : {}),
    url: 'https://example.org/rules/x',
    fingerprint: fingerprint('x', page.key, String(i)),
  };
}

function result(count: number): LintResult {
  const findings = Array.from({ length: count }, (_, i) => finding(i));
  return {
    summary: summarize(findings, count, 0),
    findings,
    rules: [
      { id: 'broken-link', level: 'error', description: 'Links lead somewhere.', url: 'https://x.org' },
    ],
    unreadable: [],
  };
}

describe('the JSON report', () => {
  it.each([0, 1, 500, 1201])(
    'is one JSON text with %i findings, laid out as one stringify lays it out',
    (count) => {
      const text = formatJson(result(count));
      const parsed = JSON.parse(text);
      expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
      expect(parsed.findings).toHaveLength(count);
      expect(parsed.findings.at(-1)?.message).toBe(
        count ? `Finding ${count - 1}: "quoted"\nsecond line` : undefined,
      );
    },
  );

  it("lists the run's notices after the unreadable pages, a code and a message each (schema 3, additive)", () => {
    const told = JSON.parse(formatJson({ ...result(1), notices: [{ code: 'site', message: 'x\u202ey' }] }));
    expect(Object.keys(told)).toEqual([
      'schemaVersion',
      'tool',
      'summary',
      'rules',
      'unreadable',
      'notices',
      'coverage',
      'history',
      'fixed',
      'findings',
    ]);
    expect(told.schemaVersion).toBe(3);
    expect(told.notices).toEqual([{ code: 'site', message: 'x\u202ey' }]);
    expect(JSON.parse(formatJson(result(1))).notices).toEqual([]);
  });

  it('comes in pieces of a bounded size, however many findings there are', () => {
    const pieces = [...jsonReport(result(1201))];
    expect(pieces.join('')).toBe(formatJson(result(1201)));
    expect(pieces.length).toBeGreaterThan(3);
    const largest = Math.max(...pieces.map((piece) => piece.length));
    expect(largest).toBeLessThan(pieces.join('').length / 2);
  });
});

describe('the JSON report of `run`', () => {
  it('is the same text on standard output and in the --output file, in more than one piece', async () => {
    // Three broken links a page: more findings than one piece of the report holds.
    const page = (i: number) => `# Page ${i}\n\n[a](a-${i}.md) [b](b-${i}.md) [c](c-${i}.md)\n`;
    const pages = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`hb/p${i}.md`, page(i)]));
    const root = tempTree(pages);
    const args = ['run', join(root, 'hb'), '--format', 'json', '--now', '2026-06-01', '--fail-on', 'never'];
    const printed = await runCli(args);
    const written = await runCli([...args, '--output', join(root, 'out/report.json')]);
    expect(written.stdout).toBe('');
    expect(readFileSync(join(root, 'out/report.json'), 'utf8')).toBe(printed.stdout);
    expect(JSON.parse(printed.stdout).findings.length).toBeGreaterThan(600);
  });
});
