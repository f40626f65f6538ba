import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// A config names rules by id under `rules:`, `overrides[].rules` and `suppressions[].rule`; an id the
// rule packs do not have is an error at its key with the nearest id (`stale-pag: did you mean
// stale-page?`). The ninth round capped a file's schema problems at 100 placed and the rest counted
// (yaml-issues.ts: each is placed by reading the file's lines); unknown rule ids were placed by a path
// of their own, every one of them, each placement reading the file's lines and the mapping's keys
// before it: a config of 5,000 unknown ids took 2 s to refuse, 20,000 (430 KB) 41 s, 40,000 (870 KB,
// inside the 1 MB a config may have) minutes, and printed 120,000 lines. They are now placed up to the
// same 100 and counted. 10,000 unknown top-level keys held (100 placed, the rest counted).

const config = (body: string) => {
  const dir = tempTree({ 'handbook/a.md': '# A\n\nOwner: @ana\n', 'handbook-lint.yml': body });
  return `${dir}/handbook-lint.yml`;
};

const run = (file: string) => runCli(['run', '--config', file, '--format', 'json']);

const ids = (count: number, indent: string) =>
  Array.from({ length: count }, (_, i) => `${indent}stale-pag${i}: off\n`).join('');

describe('a config naming thousands of unknown rule ids', () => {
  it('40,000 unknown ids under rules: exit 2, the first 100 placed with their hint, the rest counted', {
    timeout: 120_000,
  }, async () => {
    const result = await run(
      config(`sources:\n  markdown:\n    root: handbook\nrules:\n${ids(40_000, '  ')}`),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'handbook-lint.yml:5:3  unknown rule id "stale-pag0" (did you mean "stale-page"?)',
    );
    expect(result.stderr.match(/unknown rule id/g)).toHaveLength(100);
    expect(result.stderr).toContain('and 39900 more problems');
  });

  it('18,000 overrides and suppressions of unknown rules: the same bound', { timeout: 120_000 }, async () => {
    const suppressions = Array.from(
      { length: 8_000 },
      (_, i) => `  - rule: stale-pag${i}\n    page: "x/**"\n    reason: r\n    expires: 2099-01-01\n`,
    ).join('');
    const result = await run(
      config(
        `sources:\n  markdown:\n    root: handbook\noverrides:\n  - paths: ["x/**"]\n    rules:\n${ids(10_000, '      ')}suppressions:\n${suppressions}`,
      ),
    );
    expect(result.code).toBe(2);
    expect(result.stderr.match(/unknown rule id/g)).toHaveLength(100);
    expect(result.stderr).toContain('and 17900 more problems');
  });

  it('held: 10,000 unknown top-level keys are 100 placed, the rest counted', {
    timeout: 60_000,
  }, async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `exlude${i}: x\n`).join('');
    const result = await run(config(`sources:\n  markdown:\n    root: handbook\n${keys}`));
    expect(result.code).toBe(2);
    expect(result.stderr.match(/unknown key/g)).toHaveLength(100);
    expect(result.stderr).toContain('and 9900 more problems');
  });

  it('a few unknown ids are each placed, as before', async () => {
    const result = await run(config(`sources:\n  markdown:\n    root: handbook\nrules:\n${ids(3, '  ')}`));
    expect(result.code).toBe(2);
    expect(result.stderr.match(/unknown rule id/g)).toHaveLength(3);
    expect(result.stderr).not.toContain('more problems');
  });
});
