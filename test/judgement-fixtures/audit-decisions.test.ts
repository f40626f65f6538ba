import { describe, expect, it } from 'vitest';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests: the shapes of real ADR folders outside the labelled corpora whose
// findings the out-of-sample audit judged wrong, linted with no config.
const body = (context: string, decision: string) =>
  `## Context\n\n${context}\n\n## Decision\n\n${decision}\n\n## Consequences\n\nSome migration work.\n`;

const pages: Record<string, string> = {
  // A one-row table under field-name headers holds the status and date.
  'adr/adr012-job-queue.md': `# ADR012: Adopt a job queue\n\n| Created    | Status   |\n| ---------- | -------- |\n| 2025-02-03 | Accepted |\n\nOwner: Dana Whit\n\n${body(
    'Cron jobs overlap because nothing locks them.',
    'Run jobs from one queue so that a job runs once.',
  )}`,
  'adr/adr013-stale-open.md': `# ADR013: Shared fixtures\n\n| Created    | Status |\n| ---------- | ------ |\n| 2024-01-15 | Open   |\n\nOwner: Dana Whit\n\n${body(
    'Each suite builds its own data because nothing is shared.',
    'Share fixtures so that suites agree.',
  )}`,
  // A one-row data table under the title is no header block: its Type sets no page type.
  'notes/adr014-formats.md': `# ADR014: Image formats\n\n| Type | Size   |\n| ---- | ------ |\n| JPEG | 2 MB   |\n\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'Uploads arrive in many formats because nothing converts them.',
    'Convert uploads to one format so that previews work.',
  )}`,
  // Reasons stated as problems in the Context or as benefits in the Decision.
  'adr/0020-mock-requests.md': `# 20. Mock requests\n\nDate: 2025-03-01\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'Mocking network calls is painful, and every suite does it its own way.',
    'Mock requests with one library.',
  )}`,
  'adr/0021-date-library.md': `# 21. Date library\n\nDate: 2025-03-02\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'Dates are formatted by hand in each package.',
    'Use one date library. It improves on the old one with immutable values and results in smaller bundles.',
  )}`,
  'adr/0022-config-name.md': `# 22. Config file name\n\nDate: 2025-03-03\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'The current name is too common and clashes with other tools.',
    'Rename the file to tool-config.',
  )}`,
  'adr/0023-date-format.md': `# 23. Date format\n\nDate: 2025-03-04\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'Day-first dates are easily confused with month-first ones.',
    'Write dates as YYYY-MM-DD.',
  )}`,
  'adr/0024-state-backend.md': `# 24. State backend\n\nDate: 2025-03-05\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'The hosted backend costs too much and its lock-in is no longer acceptable; object storage would be a large saving.',
    'Move state to object storage.',
  )}`,
  'adr/0025-log.md': `# 25. Keep a decision log\n\nDate: 2025-03-06\nStatus: Accepted\nOwner: Dana Whit\n\n## Decision\n\nKeep decision records in the repository.\n\n## Discussion\n\nThere is a need for one place new members can read past choices.\n\n## Consequences\n\nRecords need upkeep.\n`,
  'adr/0029-address-ranges.md': `# 29. Address ranges\n\nDate: 2025-03-10\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'The new VPN reaches the old network, whose ranges conflict with ours.',
    'Move staging to 10.12.0.0/16.',
  )}`,
  'adr/0030-asset-pipeline.md': `# 30. Asset pipeline\n\nDate: 2025-03-11\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'Assets are copied by hand.',
    'Build assets with Boot. It has built-in support for file watchers.',
  )}`,
  // A stated task is no reason for the option chosen: still reported.
  'adr/0026-pick-a-tool.md': `# 26. Pick a build tool\n\nDate: 2025-03-07\nStatus: Accepted\nOwner: Dana Whit\n\n${body(
    'We need to build the web app.',
    'Use the bundler named Quick.',
  )}`,
  // Nygard's layout with a Status section, missing its Consequences.
  'adr/0027-domain-policy.md': `# 27. Domain policy\n\nDate: 2025-03-08\nOwner: Dana Whit\n\n## Status\n\nAccepted\n\n## Context\n\nLook-alike domains get flagged as phishing, because browsers block them.\n\n## Decision\n\nServe public pages from the main domain only.\n`,
  // A Changelog marks a longer template that weighs alternatives: judged as a plain record (in a
  // folder of its own: among the Nygard records above it would be judged by their template).
  'adr/cometbft/0028-sync-protocol.md': `# 28. Sync protocol\n\nDate: 2025-03-09\nOwner: Dana Whit\n\n## Changelog\n\n- 2025-03-09: First draft\n\n## Context\n\nNodes sync slowly because they replay every block.\n\n## Decision\n\nSync from snapshots.\n\n## Status\n\nAccepted\n`,
  // An evolution proposal that writes its design under "Proposed Approach".
  'proposals/0031-drop-operators.md': `# Drop the increment operators\n\n* Proposal: SE-0031\n* Author: Dana Whit\n* Status: **Implemented in 3.0**\n* Date: 2025-03-12\n\n## Introduction\n\nThe operators confuse new readers.\n\n## Motivation\n\nThey save two characters at most.\n\n## Proposed Approach\n\nRemove both operators in the next major release.\n\n## Alternatives considered\n\nKeep them.\n`,
  // MADR 1 named the options Considered Alternatives.
  'decisions/0032-logging.md': `# Use one logging facade\n\nStatus: accepted\nDate: 2025-03-13\nDeciders: Dana Whit\n\n## Context and Problem Statement\n\nThe old logging library breaks on the new runtime.\n\n## Considered Alternatives\n\n* Facade A\n* Facade B\n\n## Decision Outcome\n\nChosen option: Facade A, because it needs the fewest changes.\n`,
};

describe('decision records from ADR folders outside the labelled corpora', async () => {
  const { on } = await lintDecisionFolder(pages, '2025-06-01T00:00:00Z');

  it('reads the status and date from a one-row table under metadata headers, and no fields from a data table', () => {
    expect(on('adr/adr012-job-queue.md')).toEqual([]);
    // Still a decision record (its title says so), whose missing date is reported.
    expect(on('notes/adr014-formats.md')).toEqual([
      ['decision-date', 'Decision record date is missing (found: none).'],
    ]);
    expect(on('adr/adr013-stale-open.md')).toEqual([
      ['decision-lag', 'Decision has been Open for more than 14 days, since 2024-01-15.'],
    ]);
  });

  it('takes a stated problem, a benefit or a need discussed as the reason', () => {
    for (const file of [
      'adr/0020-mock-requests.md',
      'adr/0021-date-library.md',
      'adr/0022-config-name.md',
      'adr/0023-date-format.md',
      'adr/0024-state-backend.md',
      'adr/0025-log.md',
      'adr/0029-address-ranges.md',
      'adr/0030-asset-pipeline.md',
    ])
      expect(on(file).filter(([rule]) => rule === 'decision-rationale')).toEqual([]);
  });

  it('still reports a Decision whose Context only names the task', () => {
    expect(on('adr/0026-pick-a-tool.md')).toEqual([
      ['decision-rationale', 'The Decision section does not state a reason for the choice.'],
    ]);
  });

  it('takes a Proposed Approach section for the design of a proposal, and MADR 1 Considered Alternatives for its options', () => {
    expect(on('proposals/0031-drop-operators.md')).toEqual([]);
    expect(on('decisions/0032-logging.md')).toEqual([]);
  });

  it("judges a record with Nygard's Status section by his template, and a Changelog record by the plain one", () => {
    expect(on('adr/0027-domain-policy.md')).toEqual([
      ['decision-sections', 'Section "Consequences" is missing (expected in a Nygard ADR).'],
    ]);
    expect(on('adr/cometbft/0028-sync-protocol.md').map(([, message]) => message)).toEqual([
      'Section "Options considered" is missing (expected in a decision record).',
      'Section "Consequences" is missing (expected in a decision record).',
    ]);
  });
});
