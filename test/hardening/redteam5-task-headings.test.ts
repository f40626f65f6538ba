import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// The headings over a meeting's tasks are read for work already done ("Completed tasks") after a
// look-back for a negation ("not done"). That look-back ran from every position of a run of spaces
// and rescanned the run: a heading of 100,000 spaces cost 43 s of CPU, this one of 400,000 minutes.
const NOTES = `# Sync 2026-03-12\n\n## Agenda\n\n- Release\n\n## Action items${' '.repeat(400_000)}x\n\n- Ana to ship the release notes.\n`;

describe('a meeting heading of 400,000 spaces', () => {
  it('is read in seconds, and the task under it is still judged', { timeout: 120_000 }, async () => {
    const dir = tempTree({ 'handbook/meetings/2026-03-12-sync.md': NOTES });
    const { stdout } = await runJson(`${dir}/handbook`);
    const findings = (JSON.parse(stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'action-items').map((f) => f.message)).toEqual([
      expect.stringContaining('Ana to ship the release notes'),
    ]);
  });
});
