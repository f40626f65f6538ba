import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// Two pages without an owner (two warnings; the home page needs none) and one broken link (one error).
const handbook = () =>
  tempTree({
    'index.md': '# Home\n\nSee [guide](guide.md), [faq](faq.md) and [gone](gone.md).\n',
    'guide.md': '# Guide\n\nBack [home](index.md).\n',
    'faq.md': '# FAQ\n\nBack [home](index.md).\n',
  });

describe('console flags on the command line', () => {
  it('--max-warnings N: exit 1 above N, 0 at N; stated on standard error', async () => {
    const root = handbook();
    const over = await runCli(['run', root, '--fail-on', 'never', '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('2 warnings, more than --max-warnings 1.');
    const at = await runCli(['run', root, '--fail-on', 'never', '--max-warnings', '2']);
    expect(at.code).toBe(0);
    expect(at.stderr).not.toContain('--max-warnings');
  });

  it('--format compact names files from the working directory', async () => {
    const root = handbook();
    const { code, stdout } = await runCli(['run', root, '--format', 'compact']);
    expect(code).toBe(1);
    const base = relative(process.cwd(), root);
    expect(stdout).toContain(`${join(base, 'index.md')}:3:`);
    expect(stdout).toContain(`${join(base, 'guide.md')}:1:1  warning  page-owner  `);
    expect(stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('--quiet in JSON keeps only errors', async () => {
    const { stdout } = await runCli(['run', handbook(), '--format', 'json', '--quiet']);
    const report = JSON.parse(stdout) as { findings: { severity: string }[]; summary: { warnings: number } };
    expect(report.findings.map((f) => f.severity)).toEqual(['error']);
    expect(report.summary.warnings).toBe(0);
  });

  it('rejects a --group-by or --max-warnings it does not know, naming the choices', async () => {
    const group = await runCli(['run', handbook(), '--group-by', 'team']);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('--group-by must be one of rule, page, owner; got "team"');
    const max = await runCli(['run', handbook(), '--max-warnings', 'ten']);
    expect(max.code).toBe(2);
    expect(max.stderr).toContain('--max-warnings takes a whole number, not "ten"');
  });
});
