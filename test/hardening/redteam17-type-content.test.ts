import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// Pages are typed by what they hold since the nineteenth round (sections, a date near the top, the first
// line), and a bold label can open a meeting's section. Three of the new readings ran from each character
// of a run and rescanned it: a label's trailing trim over a heading of spaces (85 s for this page), a
// month's name looked for from each letter of a one-word title (110 s), and the "Agreed:" label's trim.
const SPACES = ' '.repeat(400_000);
const PAGES = {
  'handbook/index.md': '# Home\n\n- [Word](word.md)\n- [Sync](meetings/2026-03-12-sync.md)\n',
  'handbook/word.md': `# ${'a'.repeat(400_000)}\n\nOwner: Ann\n`,
  'handbook/meetings/2026-03-12-sync.md': `# Sync 2026-03-12\n\n## Agenda\n\n- Release\n\n## Action items${SPACES}x\n\n- Ana to ship the release notes.\n\n**Agreed${SPACES}x**: ship\n\n- Bo to book the room.\n`,
};

interface Finding {
  ruleId: string;
  page: { path: string };
  message: string;
}

describe('runs of 400,000 spaces and letters where pages are typed by their content', () => {
  it('are read in seconds, and the tasks under them are still judged', { timeout: 120_000 }, async () => {
    const dir = tempTree(PAGES);
    const { stdout } = await runJson(`${dir}/handbook`);
    const report = JSON.parse(stdout) as { summary: { pages: number }; findings: Finding[] };
    expect(report.summary.pages).toBe(3);
    const tasks = report.findings.filter((f) => f.ruleId === 'action-items').map((f) => f.message);
    expect(tasks).toEqual([
      expect.stringContaining('Ana to ship the release notes'),
      expect.stringContaining('Bo to book the room'),
    ]);
  });
});
