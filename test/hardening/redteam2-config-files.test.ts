import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

const SLOW_MS = 60_000;

/** What every refusal here must look like: exit 2, the file named with line and column, no internals. */
function expectClearError(run: { code: number; stderr: string }, file: string, why: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`${file}:1:1  `);
  expect(run.stderr).toMatch(why);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('config and rule files that are no files, or far too large', () => {
  it('a folder given as the config is a clear error, not an internal one', async () => {
    const dir = tempTree({ 'a.md': '# A\n' });
    const folder = join(dir, 'handbook-lint.yml');
    mkdirSync(folder);
    expectClearError(await runCli(['run', '--config', folder, dir]), folder, /is a folder/);
  });

  it('a folder named like a rule file in a rule folder is a clear error', async () => {
    const dir = tempTree({ 'a.md': '# A\n', 'rules/.keep': '' });
    const folder = join(dir, 'rules', 'sneaky.yml');
    mkdirSync(folder);
    writeFileSync(join(dir, 'c.yml'), `rule-folders: [${join(dir, 'rules')}]\n`);
    expectClearError(await runCli(['run', '--config', join(dir, 'c.yml'), dir]), folder, /is a folder/);
  });

  it(
    'a config of megabytes is refused by its size before it is parsed (12 MB took 85 s to parse)',
    async () => {
      const dir = tempTree({ 'a.md': '# A\n' });
      const file = join(dir, 'big.yml');
      writeFileSync(file, `fail-on: never\nx:\n${'  - a\n'.repeat(2_000_000)}`);
      expectClearError(await runCli(['run', '--config', file, dir]), file, /12\.0 MB.*at most 1 MB/);
    },
    SLOW_MS,
  );

  it('a rule file of megabytes is refused by its size', async () => {
    const dir = tempTree({ 'a.md': '# A\n' });
    const file = join(dir, 'rules', 'huge.yml');
    mkdirSync(join(dir, 'rules'));
    writeFileSync(file, `id: huge\n# ${'x'.repeat(3_000_000)}\n`);
    writeFileSync(join(dir, 'c.yml'), `rule-folders: [${join(dir, 'rules')}]\n`);
    expectClearError(await runCli(['run', '--config', join(dir, 'c.yml'), dir]), file, /3\.0 MB/);
  });
});

describe('a baseline file that parses but is no baseline', () => {
  it.each([
    ['null', 'null'],
    ['a list', '[]'],
    [
      'entries that are no objects',
      '{"schemaVersion": 1, "tool": {"name": "handbook-lint"}, "findings": [null, 3]}',
    ],
  ])('%s is a clear error (exit 2), not an internal one', async (_, text) => {
    const dir = tempTree({
      'handbook/a.md': '# A\n',
      'baseline.json': text,
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: handbook\nbaseline: baseline.json\n',
    });
    const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `Baseline file ${join(dir, 'baseline.json')} is not a handbook-lint baseline`,
    );
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('a folder given as the baseline says it cannot be read', async () => {
    const dir = tempTree({
      'handbook/a.md': '# A\n',
      'baseline.json/.keep': '',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: handbook\nbaseline: baseline.json\n',
    });
    const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot be read (EISDIR)');
  });
});
