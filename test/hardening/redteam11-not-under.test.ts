import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// Eleventh round, held. Conditional rules' `not-under` (meeting-agenda: an agenda under "Next meeting" is the
// next meeting's) walks the page's headings once per alternative and finds each match's place by binary
// search. A meeting page of 15,000 headings, as many as the page budget lets through (each heading line is
// a block: 100,000 block units since hardening 12, 200,000 before, when the page had 30,000), every
// "### Agenda" under a "## Next meeting", is judged in the time its
// parsing takes, with the right answer: no agenda of its own. The same page with one agenda of its own at
// the end has none. The test's timeout is the only clock.

interface Report {
  findings: { ruleId: string; page: { path: string } }[];
  unreadable: { path: string }[];
}

const rulesOn = (report: Report, path: string) =>
  report.findings.filter((f) => f.page.path === path).map((f) => f.ruleId);

const NEXT = '## Next meeting\n\n### Agenda\n\nTopic to bring.\n\n'.repeat(5_000);

describe('not-under on a meeting page of 15,000 headings', () => {
  it('every agenda under "Next meeting" is the next meeting\'s; one of its own at the end counts', {
    timeout: 240_000,
  }, async () => {
    const root = tempTree({
      'handbook/meetings/2026-03-12-sync.md': `# Sync 2026-03-12\n\n${NEXT}`,
      'handbook/meetings/2026-03-19-sync.md': `# Sync 2026-03-19\n\n${NEXT}## Agenda\n\n- Release\n- Budget\n`,
    });
    const { stdout } = await runJson(join(root, 'handbook'));
    const report = JSON.parse(stdout) as Report;
    expect(report.unreadable).toEqual([]);
    expect(rulesOn(report, 'meetings/2026-03-12-sync.md')).toContain('meeting-agenda');
    expect(rulesOn(report, 'meetings/2026-03-19-sync.md')).not.toContain('meeting-agenda');
  });
});
