import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ActionEnv, runAction } from '../../src/github/action.js';
import { tempTree } from '../helpers/cli.js';

// GitHub shows no step summary over 1 MiB ("upload aborted"); a handbook page can make the findings
// page far longer: here 600 broken links, each to a 5,000-character target the message quotes.
describe("the GitHub Action's step summary", () => {
  it('stays within 1 MiB, listing the findings that fit and counting the rest', async () => {
    const target = 'a/'.repeat(2_500);
    const links = Array.from({ length: 600 }, (_, i) => `[link ${i}](${target}${i}.md)`).join('\n\n');
    const workspace = tempTree({
      'handbook/index.md': `# Home\n\n${links}\n`,
      'summary.md': '',
      'output.txt': '',
    });
    const env: ActionEnv = {
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'),
      GITHUB_OUTPUT: join(workspace, 'output.txt'),
      RUNNER_TEMP: workspace,
      INPUT_PATH: 'handbook',
      INPUT_NOW: '2026-06-01',
      'INPUT_FAIL-ON': 'never',
    };
    const code = await runAction(env, { stdout: () => {}, stderr: () => {} });
    expect(code).toBe(0);
    const summary = readFileSync(join(workspace, 'summary.md'));
    expect(summary.length).toBeLessThanOrEqual(1024 * 1024);
    expect(summary.toString('utf8')).toMatch(/…and \d+ more findings? not listed here/);
    // The report file keeps every finding the Markdown report lists.
    const report = readFileSync(join(workspace, 'handbook-lint', 'handbook-lint.md'));
    expect(report.length).toBeGreaterThan(1024 * 1024);
  }, 60_000);
});
