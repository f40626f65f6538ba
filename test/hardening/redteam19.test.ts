import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// Nineteenth round: notices a machine can read, and the last silent limits.
// 1. The run's notices (a walk stopped at its depth, a refused site file, unread .mdx pages, ...) reached
//    standard error only: a nightly job keeping the JSON report (or SARIF) could not tell part of the wiki
//    was left out.

const NOW = ['--now', '2026-06-01'];
const FLAGS = ['--fail-on', 'never', ...NOW];
const RLO = '\u202e';

/** What these tests read of the JSON report. */
interface JsonReport {
  summary: { pages: number };
  notices?: { code: string; message: string }[];
  findings: { ruleId: string; page: { title: string; path: string } }[];
}

/** What these tests read of a SARIF log. */
interface SarifLog {
  runs: {
    invocations: {
      toolExecutionNotifications?: {
        level: string;
        message: { text: string };
        descriptor?: { id: string };
      }[];
    }[];
  }[];
}

const json = async (args: string[]) => {
  const run = await runCli(['run', ...args, '--format', 'json', ...FLAGS]);
  expect(run.stderr).not.toMatch(/internal error/);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
};

describe('the JSON report and SARIF carry the run notices', () => {
  // An unread .mdx page whose name holds a right-to-left override, and a config path that matches no page.
  const handbook = () => {
    const root = tempTree({
      'docs/index.md': '# Home\n\nSee [the guide](guide.md).\n',
      'docs/guide.md': '# Guide\n\nNotes.\n',
      [`docs/red${RLO}gpj.mdx`]: '# Page\n',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n    exclude: ["docs/guide.md"]\n',
    });
    return { root, config: join(root, 'handbook-lint.yml') };
  };

  it('--format json lists them with a code, in the order the console prints them, raw', async () => {
    const { config } = handbook();
    const { run, report } = await json(['--config', config]);
    const printed = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('warning '))
      .map((line) => line.slice('warning '.length));
    expect(report.notices?.map((n) => n.code)).toEqual(['crawl', 'paths']);
    expect(report.notices?.[0]?.message).toContain(`1 .mdx file (red${RLO}gpj.mdx) was not read`);
    expect(report.notices?.[1]?.message).toContain('did you mean "guide.md"');
    // The console shows the override as text; the report keeps the name as it is.
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('red\\u202egpj.mdx');
    expect(printed[0]).not.toContain(RLO);
    // Stable: a second run says the same, in the same order.
    expect((await json(['--config', config])).report.notices).toEqual(report.notices);
  });

  it('--format sarif has them as tool execution notifications, by their code', async () => {
    const { root, config } = handbook();
    const out = join(root, 'report.sarif');
    const run = await runCli(['run', '--config', config, '--format', 'sarif', '-o', out, ...FLAGS]);
    expect(run.stderr).not.toMatch(/internal error/);
    const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
    const told = log.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(told.map((n) => n.descriptor?.id)).toEqual(['notice/crawl', 'notice/paths']);
    expect(told[0]).toMatchObject({ level: 'warning' });
    expect(told[0]?.message.text).toContain(`red${RLO}gpj.mdx`);
  });

  it('a run with nothing to tell has an empty list, and SARIF no notifications', async () => {
    const root = tempTree({ 'index.md': '# Home\n\nSee [the guide](guide.md).\n', 'guide.md': '# Guide\n' });
    const { run, report } = await json([root]);
    expect(report.notices).toEqual([]);
    expect(run.stderr).not.toMatch(/^warning /m);
    const out = join(root, 'report.sarif');
    await runCli(['run', root, '--format', 'sarif', '-o', out, ...FLAGS]);
    const log = JSON.parse(readFileSync(out, 'utf8')) as SarifLog;
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications).toBeUndefined();
  });
});
