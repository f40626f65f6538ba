import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

type Ledger = {
  schemaVersion: number;
  sources: Record<string, unknown>;
  findings: Record<string, unknown>;
  writeback: { pages: Record<string, unknown>; comments: Record<string, unknown> };
  runs: unknown[];
};

const FINDING = {
  ruleId: 'broken-link',
  severity: 'error',
  message: 'Broken link missing.md',
  page: { key: 'markdown:a.md', title: 'A', url: 'a.md', path: 'a.md' },
  firstSeen: '2026-05-01T00:00:00.000Z',
  lastSeen: '2026-05-01T00:00:00.000Z',
};

const ledger = (): Ledger => ({
  schemaVersion: 3,
  sources: {},
  findings: { f1: FINDING },
  writeback: { pages: {}, comments: {} },
  runs: [],
});

// What a hand edit, a merge conflict resolved badly or another tool leaves in a ledger.
const withFinding = (l: Ledger, finding: Record<string, unknown>): Ledger => ({
  ...l,
  findings: { ...l.findings, f2: { ...FINDING, ...finding } },
});
const CORRUPTIONS: [string, (l: Ledger) => Ledger][] = [
  ['a run that is null', (l) => ({ ...l, runs: [null] })],
  ['a finding whose page has no key, title or path', (l) => withFinding(l, { page: {} })],
  ['a finding with no severity', (l) => withFinding(l, { severity: undefined })],
  ['a finding of an unknown severity', (l) => withFinding(l, { severity: 'fatal' })],
  ['a finding whose message is no text', (l) => withFinding(l, { message: 42 })],
  ['a run whose metrics are a list', (l) => ({ ...l, runs: [{ at: '2026-05-01', metrics: [] }] })],
  [
    'a findings page that is null',
    (l) => ({ ...l, writeback: { ...l.writeback, pages: { markdown: null } } }),
  ],
  [
    'a comment whose fingerprints are no text',
    (l) => ({
      ...l,
      writeback: { ...l.writeback, comments: { x: { id: 'c', fingerprints: [null], at: 'x' } } },
    }),
  ],
];

describe('a ledger corrupt below its top level', () => {
  it.each(CORRUPTIONS)('%s stops the run (exit 2) and is left as it was', async (_, corrupt) => {
    const dir = tempTree({
      'handbook/a.md': '# A\n\nSee [x](missing.md).\n',
      'handbook-lint.yml':
        'sources:\n  markdown:\n    root: handbook\nstate:\n  history: true\nfail-on: never\nwriteback:\n  findings-page:\n    markdown:\n      path: findings.md\n',
    });
    const state = join(dir, '.handbook-lint', 'state.json');
    mkdirSync(join(dir, '.handbook-lint'));
    const data = corrupt(ledger());
    writeFileSync(state, JSON.stringify(data));
    for (const format of ['console', 'html']) {
      const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '--format', format]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`State file ${state} has a malformed`);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(readFileSync(state, 'utf8')).toBe(JSON.stringify(data));
    }
  });

  it('a sound ledger with every section filled still runs', async () => {
    const dir = tempTree({
      'handbook/a.md': '# A\n\nSee [x](missing.md).\n',
      'handbook-lint.yml':
        'sources:\n  markdown:\n    root: handbook\nstate:\n  history: true\nfail-on: never\n',
    });
    mkdirSync(join(dir, '.handbook-lint'));
    const data = ledger();
    data.runs = [
      {
        at: '2026-05-01T00:00:00.000Z',
        pages: 1,
        findings: 1,
        errors: 1,
        warnings: 0,
        new: 1,
        fixed: 0,
        metrics: { coverage: 0.5, freshness: null },
      },
    ];
    data.writeback.comments.x = { id: 'c', fingerprints: ['f1'], at: '2026-05-01T00:00:00.000Z' };
    writeFileSync(join(dir, '.handbook-lint', 'state.json'), JSON.stringify(data));
    const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml')]);
    expect(run.code).toBe(0);
  });
});
