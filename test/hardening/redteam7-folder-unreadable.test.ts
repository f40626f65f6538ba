import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// A field none of a folder's three or more records writes is not asked of them (the folder's own
// template has no such field). A record that could not be read tonight (over the page budget, a
// wiki's 500, a page that vanished between listing and fetch) says nothing about what the folder
// writes: it may be the one record that writes the field. Counting the folder without it dropped the
// other records' findings, and the ledger called them fixed while they were as wrong as the night before.

interface Report {
  findings: { ruleId: string; page: { path: string } }[];
  fixed: { ruleId: string; page: { path: string } }[];
  unreadable: { path: string }[];
}

const record = (n: number, status: boolean) =>
  `# ADR ${n}: Use tool ${n}\n\n${status ? 'Status: Accepted\n\n' : ''}## Context\n\nWe need tool ${n} because the old one is slow.\n\n## Decision\n\nWe use tool ${n}.\n\n## Consequences\n\nFaster builds.\n`;

async function lint(root: string): Promise<Report> {
  const out = join(root, 'report.json');
  const run = await runCli([
    'run',
    '--config',
    join(root, 'handbook-lint.yml'),
    '--format',
    'json',
    '-o',
    out,
    '--fail-on',
    'never',
    '--now',
    '2026-04-01',
  ]);
  expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

const statusOn = (list: Report['findings']) =>
  list
    .filter((f) => f.ruleId === 'decision-status')
    .map((f) => f.page.path)
    .sort();

describe('a record of the folder that could not be read', () => {
  it("does not make its neighbours' findings look fixed", async () => {
    const root = tempTree({
      'handbook-lint.yml':
        'sources:\n  markdown:\n    root: handbook\n    max-page-bytes: 20000\nstate:\n  path: .handbook-lint/state.json\n  history: true\n',
      'handbook/decisions/0001-tool-1.md': record(1, true),
      'handbook/decisions/0002-tool-2.md': record(2, false),
      'handbook/decisions/0003-tool-3.md': record(3, false),
      'handbook/decisions/0004-tool-4.md': record(4, false),
    });
    const first = await lint(root);
    const missing = ['decisions/0002-tool-2.md', 'decisions/0003-tool-3.md', 'decisions/0004-tool-4.md'];
    // One record writes a status: the folder's template has one, the three others are asked for it.
    expect(statusOn(first.findings)).toEqual(missing);

    // The record that writes the status grows past the page budget: unreadable tonight.
    writeFileSync(
      join(root, 'handbook/decisions/0001-tool-1.md'),
      `${record(1, true)}\n${'More words here. '.repeat(2_000)}\n`,
    );
    const second = await lint(root);
    expect(second.unreadable.map((u) => u.path)).toEqual(['decisions/0001-tool-1.md']);
    expect(statusOn(second.fixed)).toEqual([]);
    expect(statusOn(second.findings)).toEqual(missing);
  });
});
