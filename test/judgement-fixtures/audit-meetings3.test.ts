import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

/**
 * Meeting notes as the third out-of-sample audit met them, written for the test: a steering council's
 * notes whose "## Action items" list is followed by "### Topic" discussion, minutes' shorthand for owners
 * ("Omar to book the venue", "Rosa - send the survey"), a topic bullet over its tasks, student teams'
 * notes ("**Meeting Plan:**", "## Required Tasks", "041321-kickoff.md", a retro's "Action Plan"), a
 * developer meeting's "### General topics", a numbered "III. Discussion items", and outcomes written as
 * "a consensus for", "tasked to" and "Moving forward".
 */
const HANDBOOK = {
  'meetings/2026-03-02-council.md': [
    '---',
    'date: 2026-03-02',
    'members:',
    '  - Rosa Lind',
    '  - Omar Haddad',
    '  - Ivo Berg',
    '---',
    '',
    '## Agenda',
    '',
    '- Venue',
    '- Budget',
    '',
    '## Action items',
    '',
    '- Rosa: draft the charter',
    '- Omar to book the venue by Friday',
    '- Rosa - send the survey',
    '- Ivo and Rosa- review the budget',
    '- Rosa will email the sponsors',
    '- Docs - refresh the onboarding page',
    '- Grants portal',
    '    - Omar: file the form',
    '    - Check the deadline',
    '',
    '### Action items discussion',
    '',
    '- Ivo is reviewing the survey draft',
    '',
    '### Budget',
    '',
    '- The venue costs more this year',
    '- Sponsors may cover the catering',
    '',
  ].join('\n'),
  'meetings/2026-03-09-dev.md':
    '# Dev meeting 2026-03-09\n\n### General topics\n\n*Add your name to your topic.*\n- Ana: flaky CI\n\n### Need decision\n\n- Loss names: there seems to be a consensus for `squared_error`.\n',
  'meetings/2026-03-16-dev.md':
    '# Dev meeting 2026-03-16\n\n## Agenda\n\n- Loss names\n\n## Notes\n\n- We have not reached a consensus on the loss names.\n',
  'meetings/2026-04-01-sync.md':
    '# Product sync 2026-04-01\n\n## Agenda\n\n- Plugins\n\n## Notes\n\nThe discussion led to the agreement for a follow-up session, and Qiang was tasked to prepare the pre-read.\n',
  'meetings/2026-02-10-sync.md':
    '# Product sync 2026-02-10\n\n## Key discussion points & decisions\n\n- We will ship the plugin API on Monday.\n',
  'meetings/2026-05-01-design.md':
    '# Design meeting 2026-05-01\n\n## Agenda\n\n- Data structure\n\n## Moving forward\n\nA prototype comes first.\n',
  'admin/meetings/041321-kickoff.md':
    '* **Meeting Title:** Kickoff\n* **Meeting Plan:**\n  - Pick the team name\n  - Sign the contract\n\n## Required Tasks\n\n- Set up the repository\n',
  'admin/meetings/012021-ta-sync.md':
    '# TA sync\n\nAgenda:\nWe asked the TA how the roles work; she suggested a whiteboard tool.\n\nThe team agreed to meet on Thursdays.\n',
  'admin/meetings/021021-standup.md': '# Standup\n\nEveryone shared their progress.\n',
  'admin/meetings/022221-retrospective.md':
    '# Retrospective (02/22/2021)\n\n## Agenda\n\n- Vote on the notes\n- Discuss the top three\n\n## Notes\n\n- Action Plan for the next sprint\n  - [Board](https://example.com/board)\n',
  'meetings/2026-01-04-monthly.md':
    '# Monthly meeting 2026-01-04\n\n## III. Discussion items and questions\n\n*Items for team input.*\n- Which tracker gets the bug reports?\n\n## Decisions\n\n- Bugs go to the main tracker.\n',
};

interface Finding {
  ruleId: string;
  message: string;
  page: { path: string };
}

async function findings(): Promise<Finding[]> {
  const root = tempTree(HANDBOOK);
  const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
  return (JSON.parse(stdout).findings as Finding[]).filter((f) =>
    ['action-items', 'meeting-agenda', 'meeting-outcomes'].includes(f.ruleId),
  );
}

describe('judgement fixtures: meeting notes of the third audit', () => {
  it('reads the action items, their owners and the outcomes minutes write', async () => {
    const found = (await findings()).map((f) => `${f.page.path} ${f.ruleId}: ${f.message}`);
    expect(found).toEqual([
      'admin/meetings/021021-standup.md meeting-agenda: Meeting notes have no written agenda; add an "Agenda" section listing the topics.',
      'admin/meetings/021021-standup.md meeting-outcomes: Meeting notes record no outcome; add a Decisions section, or an action item, or a "Decision:" or "Action:" line, or a sentence that records a decision or an action.',
      'admin/meetings/041321-kickoff.md action-items: Action item "Set up the repository" has no owner and due date.',
      'meetings/2026-02-10-sync.md meeting-agenda: Meeting notes have no written agenda; add an "Agenda" section listing the topics.',
      'meetings/2026-03-02-council.md action-items: Action item "Rosa: draft the charter" has no due date.',
      'meetings/2026-03-02-council.md action-items: Action item "Rosa - send the survey" has no due date.',
      'meetings/2026-03-02-council.md action-items: Action item "Ivo and Rosa- review the budget" has no due date.',
      'meetings/2026-03-02-council.md action-items: Action item "Rosa will email the sponsors" has no due date.',
      'meetings/2026-03-02-council.md action-items: Action item "Docs - refresh the onboarding page" has no owner and due date.',
      'meetings/2026-03-02-council.md action-items: Action item "Omar: file the form" has no due date.',
      'meetings/2026-03-02-council.md action-items: Action item "Check the deadline" has no owner and due date.',
      'meetings/2026-03-16-dev.md meeting-outcomes: Meeting notes record no outcome; add a Decisions section, or an action item, or a "Decision:" or "Action:" line, or a sentence that records a decision or an action.',
    ]);
  }, 60_000);
});
