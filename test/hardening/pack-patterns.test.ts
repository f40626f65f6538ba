import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// Text built to make a backtracking pattern rescan the rest of the page from every position: one
// run of letters two million long, and tags that never close (`<iframe `, `<a href="x `, `<b id="x `),
// a hundred thousand of each. With the video-summary pattern's and the HTML anchor and link
// patterns' old unbounded repeats, each of these cost minutes to hours; now the page takes seconds.
const open = (tag: string) => tag.repeat(100_000);
const HOSTILE = `# Recordings\n\n${'a'.repeat(2_000_000)} zoom.us/rec/x\n\n${open('<iframe ')}\n\n${open('<a href="x ')}\n\n${open('<b id="x ')}\n`;

describe('patterns over page text, on a page built to be slow', () => {
  it('finish: the run reports the page and its unsummarised video', { timeout: 120_000 }, async () => {
    const dir = tempTree({ 'handbook/index.md': HOSTILE });
    const { code, stdout } = await runCli([
      'run',
      `${dir}/handbook`,
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { summary: { pages: number }; findings: { ruleId: string }[] };
    expect(report.summary.pages).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toContain('video-summary');
  });
});
