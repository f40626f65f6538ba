import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedCorpus } from '../helpers/shared.js';

// The built CLI on a real 887-page handbook, as a person runs it from the repository root.
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = join('..', 'shared', 'corpora', 'sourcegraph-handbook');
// Generous: the machine is shared, and one run of the CLI lints 887 pages.
const TIMEOUT = 300_000;
// Without ../shared (a fresh clone) the skip is named in one line, as the README promises.
const READY = existsSync(CLI) && sharedCorpus('sourcegraph-handbook').present;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, 'run', CORPUS, '--now', '2026-11-22', ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const METRICS = [
  'Documentation coverage',
  'Complete decision records',
  'Pages with an owner',
  'Pages reviewed recently',
  'Meeting notes with outcomes',
  'Pages without errors',
];

describe.skipIf(!READY)('console on the sourcegraph handbook', () => {
  it(
    'first screen: coverage, every metric against its target, counts per rule with errors first',
    async () => {
      const { code, stdout } = await cli();
      expect(code).toBe(1);
      const screen = stdout.split('\n').slice(0, 40);
      for (const label of METRICS)
        expect(screen.some((l) => l.includes(label) && /target \d+ %/.test(l))).toBe(true);
      expect(screen.some((l) => /Documentation coverage\s+[\d.]+ %/.test(l))).toBe(true);
      const head = screen.indexOf('Findings per rule');
      expect(head).toBeGreaterThan(0);
      const counts = screen.slice(head + 1, screen.indexOf('', head));
      expect(counts.length).toBeGreaterThan(2);
      const levels = counts.map((l) => l.trim().split(/\s+/)[0]);
      expect(levels[0]).toBe('error');
      expect(levels.lastIndexOf('error')).toBeLessThan(levels.indexOf('warning'));
      expect(
        screen.some((l) => /^✖ \d+ problems \(\d+ errors, \d+ warnings\) in \d+ of \d+ pages/.test(l)),
      ).toBe(true);
    },
    TIMEOUT,
  );

  it(
    '--quiet --group-by page: only errors, every one listed, pages named from the working directory; --max-warnings still counts the hidden warnings',
    async () => {
      const { code, stdout, stderr } = await cli(
        '--quiet',
        '--group-by',
        'page',
        '--max-warnings',
        '10',
        '--fail-on',
        'never',
      );
      expect(code).toBe(1);
      expect(stderr).toMatch(/\d+ warnings, more than --max-warnings 10/);
      expect(stdout).toMatch(/\d+ warnings not shown: --quiet reports errors only/);
      const lines = stdout.split('\n');
      const totals = lines.findIndex((l) => l.startsWith('✖ '));
      const firstPage = lines[totals + 3] ?? '';
      expect(existsSync(join(ROOT, firstPage))).toBe(true);
      const rows = lines.filter((l) => /^ {2}(\d+:\d+|-) +(error|warning|info) {2}/.test(l));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((l) => /^ {2}\S+ +error {4}/.test(l))).toBe(true);
      // Every error is listed: this layout cuts nothing short.
      expect(rows).toHaveLength(Number(/^✖ (\d+) problems/.exec(lines[totals] ?? '')?.[1]));
      expect(stdout).not.toContain('page-owner');
    },
    TIMEOUT,
  );

  it(
    '--format compact: every line is file:line:col  level  rule  message, the file openable from here',
    async () => {
      const { code, stdout } = await cli(
        '--format',
        'compact',
        '--fail-on',
        'never',
        '--max-warnings',
        '100000',
      );
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(500);
      for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+ {2}(error|warning|info) {2}\S+ {2}\S/);
      const files = new Set(lines.map((l) => l.slice(0, l.indexOf(':'))));
      for (const file of [...files].slice(0, 20)) expect(existsSync(join(ROOT, file))).toBe(true);
      expect(lines.some((l) => l.includes('  error  '))).toBe(true);
      expect(lines.some((l) => l.includes('  warning  '))).toBe(true);
    },
    TIMEOUT,
  );
});
