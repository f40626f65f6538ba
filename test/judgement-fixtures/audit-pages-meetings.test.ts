import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

/**
 * Patterns from the out-of-sample audit of open-source meeting minutes (a foundation's steering
 * committee, a project's sprint calls, a language team's planning meetings): outcomes written as a
 * vote or as "Name to do X", and the topics listed as "we discussed:". Each page is written for the
 * test; none is copied.
 */
const HANDBOOK = {
  // Outcomes the minutes do record.
  'minutes/2026-03-04-steering.md':
    '# Steering committee 2026-03-04\n\n## Agenda\n\n- Chair election\n\n## Minutes\n\n### Chair election\n\nVote?\n\n* Ana: +1\n* Ben: +1\n* Chen: +1\n* Dara: +1\n',
  'minutes/2026-03-11-steering.md':
    '# Steering committee 2026-03-11\n\n## Agenda\n\n- Meeting time\n\n## Minutes\n\nThe later slot suits more of the members in Asia.\n\nVotes on the change:\n\nYes: Ana, Ben, Chen\nAbstain: Dara\n',
  'minutes/2026-03-18-planning.md':
    '# Planning meeting 2026-03-18\n\n## Agenda\n\n- Open design notes\n\n## Design notes\n\n### Copy ergonomics note\n\n* Ines: the examples could be shorter\n* Kai: reads well overall\n* Ines to add the range examples\n* Assign to kai\n',
  'minutes/2026-03-25-sync.md':
    '# Parser sync 2026-03-25\n\n## Agenda\n\n- Error recovery\n\n## Notes\n\nThe recovery points are too coarse. Omar to write up the options before the next sync.\n',
  // The topics listed after the meeting stand for its agenda.
  'minutes/2026-04-01-paths-call.md':
    '# Paths call 2026-04-01\n\nIn this call we discussed:\n\n- Relative paths inside one object\n- Cycles between objects\n\n## Conclusions\n\nRelative paths stay inside their object.\n',
  // Traps: no outcome, and no agenda, whatever the phrasing suggests.
  'minutes/2026-04-08-retro.md':
    '# Retro 2026-04-08\n\n## Items to discuss\n\n- Release\n\n## Notes\n\n* Time to review the release notes was short.\n* Subject to review by legal, the blog post may change.\n* Nice to have: a calmer release day.\n',
  'minutes/2026-04-15-sync.md':
    '# Design sync 2026-04-15\n\n## Notes\n\nWhat we discussed was mostly the cache.\n\n- Evictions are too eager.\n\n## Decisions\n\n- Keep the cache size.\n',
};

describe('judgement fixtures: audited meeting minutes', () => {
  it('reads votes and "Name to do X" as outcomes, and a "we discussed:" list as the agenda', async () => {
    const root = tempTree(HANDBOOK);
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    const mine = new Set(['meeting-outcomes', 'meeting-agenda']);
    const found = (JSON.parse(stdout).findings as { ruleId: string; page: { file: string } }[])
      .filter((f) => mine.has(f.ruleId))
      .map((f) => `${f.ruleId} ${f.page.file}`);
    expect(found.sort()).toEqual([
      'meeting-agenda minutes/2026-04-15-sync.md',
      'meeting-outcomes minutes/2026-04-08-retro.md',
    ]);
  }, 60_000);
});
