import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// `push(...items)` and `Math.max(...values)` pass each item as an argument of one call: some 120,000
// overflow it ("Maximum call stack size exceeded", exit 70). The eighth round made a page's findings
// and headings loops, and left the other spreads of arrays a hostile input can make long. Ninth
// round: a rule file of 150,000 problems (placing each also read the file's lines: minutes; the
// first 100 are placed now, the rest counted) and a ledger of a million runs in the HTML report's
// charts (the trends now draw the runs the ledger keeps). Then a static check: no call in src/
// spreads an array into its arguments, where a page of 150,000 broken links (the site rules'
// findings, spread into the run's list), the console's list of them (every error is listed), a
// Notion part naming 150,000 ids or a Confluence macro of as many page properties would overflow.

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

describe('arrays a hostile input makes long are never spread into a call', () => {
  it('a rule file of 150,000 problems is a list of them at file:line:col (exit 2), not an internal error', {
    timeout: 120_000,
  }, async () => {
    const dir = tempTree({
      'handbook/a.md': '# A\n',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: handbook\nrule-folders: [rules]\n',
    });
    mkdirSync(join(dir, 'rules'));
    const patterns = Array(150_000).fill('1').join(',');
    writeFileSync(
      join(dir, 'rules', 'mine.yml'),
      `check: placeholder\ndescription: Mine.\nlevel: warning\npatterns: [${patterns}]\n`,
    );
    const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '--format', 'json']);
    // 150,000 patterns and the missing `message`.
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(2);
    // The first 100 placed at their items, the rest counted: each was placed by reading the file's lines (minutes).
    expect(run.stderr).toMatch(/mine\.yml:4:\d+/);
    expect(run.stderr).toContain('and 149901 more problems');
  });

  it('a ledger of a million runs: the HTML report draws its trends from the runs it keeps', {
    timeout: 120_000,
  }, async () => {
    const dir = tempTree({
      'handbook/a.md': '# A\n\nSee [x](missing.md).\n',
      'handbook-lint.yml':
        'sources:\n  markdown:\n    root: handbook\nstate:\n  history: true\nfail-on: never\n',
    });
    mkdirSync(join(dir, '.handbook-lint'));
    const run = `{"at":"2026-05-01T00:00:00.000Z","pages":1,"findings":3,"errors":1,"warnings":2,"new":0,"fixed":0,"metrics":{}}`;
    writeFileSync(
      join(dir, '.handbook-lint', 'state.json'),
      `{"schemaVersion":3,"sources":{},"findings":{},"writeback":{"pages":{},"comments":{}},"runs":[${Array(1_000_000).fill(run).join(',')}]}`,
    );
    const html = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '--format', 'html']);
    expect(html.stderr).not.toMatch(/internal error/);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('Trends (400 runs)');
  });

  it('no call in src/ spreads an array into its arguments (push, unshift, Math.max, Math.min)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    // Line comments blanked (they quote the old spreads); an object spread (`{ ...x }`) is no argument list.
    const spread = /\b(?:push|unshift|Math\.max|Math\.min)\(\s*(?:[^(){}]*,\s*)?\.\.\./g;
    const found = files(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '');
      return [...text.matchAll(spread)].map(
        (m) => `${file.slice(SRC.length + 1)}:${text.slice(0, m.index).split('\n').length}`,
      );
    });
    expect(found).toEqual([]);
  });
});
