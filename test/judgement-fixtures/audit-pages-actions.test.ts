import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

/**
 * Action items as the out-of-sample audit met them in a student team's meeting notes: grouped under a
 * bullet per person ("- **Hiroto**" over Hiroto's checkboxes), and tasks that open with a verb and a
 * plural noun ("Document changes to the operator"), which read like "Name does". Written for the test.
 */
const HANDBOOK = {
  'meeting-notes/2026-05-06-team-sync.md':
    '# Team sync 2026-05-06\n\n## Agenda\n\n- Milestone review\n\n## Action items\n\n- **Ines**\n    - [ ] Write the incident report by 2026-05-13\n    - [ ] Submit the demo video\n- Kai Moreau:\n    - [ ] Refactor the driver code by Friday\n    - [ ] Attend the retro (Thursday 4-6 PM)\n- follow up with the lab\n    - ask about the spare boards\n\n## Later\n\n- [ ] Document changes to the operator\n- [ ] Omar reviews the wiring diagram by 2026-05-20\n',
};

describe('judgement fixtures: audited action items', () => {
  it('takes the owner from a bullet that groups items by person, and a leading verb for no owner', async () => {
    const root = tempTree(HANDBOOK);
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    const found = (JSON.parse(stdout).findings as { ruleId: string; message: string }[])
      .filter((f) => f.ruleId === 'action-items')
      .map((f) => f.message);
    expect(found).toEqual([
      'Action item "Submit the demo video" has no due date.',
      'Action item "follow up with the lab" has no owner and due date.',
      'Action item "Document changes to the operator" has no owner and due date.',
    ]);
  }, 60_000);
});
