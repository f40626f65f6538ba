import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

/**
 * Pages written after the cases issue 14 judged on real handbooks: each is either a real problem the
 * meeting, action-item, video and placeholder rules must find, or a trap they must leave alone.
 */
const HANDBOOK = {
  // Traps.
  'minutes/triage-agenda-2026-05-14.md':
    '# Compiler triage meeting agenda 2026-05-14\n\n## Announcements\n\n- Release on Thursday; backport PR approved by @kim.\n\n## Nominated issues\n\n- [ ] "ICE in const eval" #4021\n- [ ] "Slow incremental builds" #4033\n',
  'minutes/2026-05-21-wg-sync.md':
    '# Working group sync, 2026-05-21\n\n## Agenda\n\n- New working group\n\n## Notes\n\n- The new diagnostics working group was proposed. No objections, the WG was ratified.\n- Antoine will send the announcement email.\n',
  'minutes/2026-05-28-parser-wg.md':
    '# Parser working group, 2026-05-28\n\n## Agenda\n\n- Error recovery\n\n## Notes\n\n- We planned the quarter: error recovery first, then incremental parsing, then the new test harness.\n- Both failing PRs need a rebase on the new token type before review; Kai reviews them this week.\n- **Action:** @ines shares the error recovery design by 2026-06-04.\n\nRecording: [parser sync](https://www.youtube.com/watch?v=abc123)\n',
  'decisions/0012-event-queue.md':
    '# ADR 12: Event queue\n\nStatus: Accepted\n\n## Context\n\nWe need durable events.\n\n## Decision\n\nUse a queue, because replays matter.\n\n## Consequences\n\nMore infrastructure.\n\n## Release sign-off checklist\n\n- [ ] (R) Approvers have approved the design\n- [ ] e2e tests added\n',
  'guides/architecture.md':
    '# Architecture\n\n<iframe src="https://link.excalidraw.com/readonly/abc" width="100%"></iframe>\n\n<!-- <iframe src="https://www.loom.com/embed/old"></iframe> -->\n',
  'company/offsite.md':
    '# Offsite\n\nLocation: TBD, we vote on Friday.\n\n| Role | Person |\n| --- | --- |\n| Host | TBD (open role) |\n\nThe schedule is still TBD, but it will be three days.\n',
  // Real problems.
  'minutes/2026-06-04-leads.md':
    '# Leads sync, 2026-06-04\n\n## Agenda\n\n- Support load\n\n## Notes\n\n- Tickets were up after the release. Everyone agreed this is a real gap; we ran out of time.\n- The backport is not yet decided.\n',
  'minutes/2026-06-11-retro.md':
    '# Retro, 2026-06-11\n\n## Agenda\n\n- Release\n\n## Notes\n\n- [ ] Write the postmortem\n\n## Decisions\n\n- Freeze merges on release day.\n',
  'guides/runbook.md':
    '# Runbook\n\n## Failover\n\nThe database fails over on its own within two minutes. Check that the API reconnected and post in the incident channel. Then watch the error rate for a while.\n\nIdris recorded the last drill: [failover drill](https://www.loom.com/share/drill).\n',
  'company/review.md': '# Quarterly review\n\nOwner: TBD\n\n## Metrics\n\nTBD\n',
};

describe('judgement fixtures: meetings, action items, videos, placeholders', () => {
  it('finds the real problems and leaves the traps alone', async () => {
    const root = tempTree(HANDBOOK);
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    const mine = new Set([
      'action-items',
      'meeting-outcomes',
      'meeting-agenda',
      'video-summary',
      'placeholder',
    ]);
    const found = (
      JSON.parse(stdout).findings as { ruleId: string; page: { file: string }; excerpt?: string }[]
    )
      .filter((f) => mine.has(f.ruleId))
      .map((f) => `${f.ruleId} ${f.page.file}`);
    expect(found.sort()).toEqual([
      'action-items minutes/2026-06-11-retro.md',
      'meeting-outcomes minutes/2026-06-04-leads.md',
      'placeholder company/review.md',
      'placeholder company/review.md',
      'video-summary guides/runbook.md',
    ]);
  });
});
