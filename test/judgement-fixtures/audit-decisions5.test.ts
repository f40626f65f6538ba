import { describe, expect, it } from 'vitest';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests: the shapes of real decision folders from the fifth out-of-sample audit
// (a hold-out set) whose findings were judged wrong, linted with no config.
const pages: Record<string, string> = {
  // A foundation's RFCs: a `## Status` section holding a list named item by item, and lifecycle
  // words of their own (demonstrated, adopted); the design under "Tutorial", the alternatives
  // weighed with the drawbacks.
  'rfcs/0041-receipts/README.md': `# 0041: Receipts\n- Authors: Ana Ruiz\n- Start Date: 2026-01-10\n\n## Status\n\n- Status: [ACCEPTED](/README.md#accepted)\n- Status Date: 2026-03-02\n- Status Note: Replaces an older draft.\n\n## Summary\n\nHow an agent confirms it got a message.\n\n## Motivation\n\nSenders cannot tell a lost message from a slow one.\n\n## Tutorial\n\nThe receiver answers with a receipt naming the message.\n\n## Drawbacks and Alternatives\n\nOne more message per exchange; a flag on the next reply instead was weighed and dropped.\n\n## Unresolved questions\n\nNone.\n`,
  'rfcs/0042-timing/README.md': `# 0042: Message timing\n- Authors: Ana Ruiz\n- Start Date: 2026-02-01\n\n## Status\n\n- Status: PROPOSED\n- Status Date: 2026-02-01\n- Status Note: Not implemented yet.\n\n## Summary\n\nTiming hints on messages.\n\n## Motivation\n\nReceivers cannot tell stale messages.\n\n## Tutorial\n\nA decorator with send and expiry times.\n\n## Rationale and alternatives\n\nHeaders per transport; rejected as transport-bound.\n`,
  'rfcs/0043-acks/README.md': `# Aries RFC 0043: Acks\n\n- Authors: Ana Ruiz\n- Status: [DEMONSTRATED](/README.md#demonstrated)\n- Since: 2026-04-01\n- Start Date: 2026-03-01\n\n## Summary\n\nAcknowledgement messages.\n\n## Motivation\n\nParties want closure at the end of a flow.\n\n## Tutorial\n\nAn ack names the thread it closes.\n\n## Drawbacks and Alternatives\n\nNone identified.\n`,
  // An e-commerce folder's conventions note and a draft, beside a record.
  'adr/_readme.md': `Conventions for records:\n - File names are lower case with underscores.\n - The name starts with the creation date: \`YYYY_MM_DD_topic.md\`.\n`,
  'adr/2026_02_24_service_names.md': `# Service names\n\n* Status: drafted\n* Date: 2026-02-24\n\n## Context and Problem Statement\n\nServices are named in three styles, so autowiring needs attributes.\n\n## Considered Options\n\n### Dotted ids\n\n* Good, because it is the common style\n\n### Class names\n\n* Good, because autowiring works\n\n## Decision Outcome\n\nChosen option: "Class names", because autowiring then needs no attributes.\n`,
  // A French MADR folder whose template file name is upper case.
  'decisions/TEMPLATE.md': `---\nstatut: {proposé | accepté | rejeté}\ndate: {AAAA-MM-JJ}\ndécideurs: {liste des personnes}\n---\n\n# {titre court}\n\n## Contexte et problématique\n\n{Décrivez le contexte.}\n\n## Options envisagées\n\n- {option 1}\n\n## Décision\n\nOption choisie : "{option 1}", parce que {justification}.\n`,
  // A company's MADR variant that asks Why / What / How.
  'docs/decisions/0004-http-client.md': `# Move the HTTP client into the core\n\nStatus: Accepted\nDate: 2026-05-04\nDeciders: Platform squad\n\n## Why\n\nEach IDE configures its own HTTP client, so proxies and timeouts behave differently per IDE.\n\n### Decision Drivers\n\n* One behaviour in every IDE\n\n## What\n\n### Considered Options\n\n* Keep the client in each IDE\n* Move it into the core\n\n### Option Retained\n\nWe retained "move it into the core", because it can then be tested once.\n\n### Consequences\n\n* The client interface is deprecated.\n`,
  // Records a folder moves aside when they retire, announcing it at the top instead of in a Status line.
  'adr/_superseded/2026-01-10-feature-flags.md': `---\ntitle: Feature flags\ndate: 2026-01-10\narea: core\n---\n\n## Superseded by [Flags per major version](../2026-06-01-flags-per-major.md)\n\n## Context\n\nUnfinished features must be switchable, because the main branch ships weekly.\n\n## Decision\n\nEach feature gets a flag named after its ticket.\n\n## Consequences\n\nFlags must be removed when the feature ships.\n`,
  'adr/_superseded/2026-02-11-autowiring.md': `---\ntitle: Autowiring\ndate: 2026-02-11\narea: core\n---\n\n## Superseded as this was advice for plugin authors\n\n## Context\n\nThe container can wire services by type, so most configuration is redundant.\n\n## Decision\n\nAutowiring is enabled, because most definitions are redundant.\n\n## Consequences\n\nLess configuration to keep.\n`,
  'adr/2026-06-01-flags-per-major.md': `---\ntitle: Flags per major version\ndate: 2026-06-01\nstatus: accepted\n---\n\n## Context\n\nFlags outlived their features, because nobody owned their removal.\n\n## Decision\n\nFlags are grouped by the major version that removes them.\n\n## Consequences\n\nA release checklist removes them.\n`,
  // A Nygard folder with a record moved aside into a subfolder of its own: judged by the folder's template.
  'records/0001-queue.md': `# 1. Use a queue\n\nDate: 2026-01-05\nOwner: Dana Whit\n\n## Status\n\nAccepted\n\n## Context\n\nJobs are lost on restart because they live in memory.\n\n## Decision\n\nJobs go through a queue.\n\n## Consequences\n\nOne more service to run.\n`,
  'records/0002-retries.md': `# 2. Retry with backoff\n\nDate: 2026-02-05\nOwner: Dana Whit\n\n## Status\n\nAccepted\n\n## Context\n\nThe mail API drops bursts, so sends fail in batches.\n\n## Decision\n\nRetry with exponential backoff.\n\n## Consequences\n\nSlower sends under load.\n`,
  'records/archive/0003-cron.md': `# 3. Run jobs from cron\n\nDate: 2025-11-05\nOwner: Dana Whit\nStatus: Deprecated\n\n## Context\n\nNightly reports need a scheduler, because nobody runs them by hand.\n\n## Decision\n\nA cron entry per report.\n`,
  // A MADR record whose Decision Drivers are written but whose outcome is left empty.
  'madr/0007-search.md': `# Search index\n\n* Status: proposed\n* Deciders: Dana Whit\n* Date: 2026-11-20\n\n## Context and Problem Statement\n\nSearch reads every file, so large folders time out.\n\n## Decision Drivers\n\n* Answers under a second\n\n## Considered Options\n\n* An index on disk\n* A search service\n\n## Decision Outcome\n\n### Positive Consequences\n\n### Negative Consequences\n`,
};

describe('decision records from the hold-out folders of the fifth audit', async () => {
  const { on } = await lintDecisionFolder(pages, '2026-12-01T00:00:00Z');
  const rules = (file: string) => on(file).map(([rule]) => rule);

  it('reads the Status item of a list under a Status heading, and lifecycle words of real processes', () => {
    expect(on('rfcs/0041-receipts/README.md')).toEqual([]);
    expect(on('rfcs/0042-timing/README.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-02-01.'],
    ]);
    expect(rules('rfcs/0043-acks/README.md')).not.toContain('decision-status');
    expect(rules('adr/2026_02_24_service_names.md')).not.toContain('decision-status');
  });

  it('takes a proposal’s Tutorial for its design and a Drawbacks and Alternatives section for its alternatives', () => {
    expect(on('rfcs/0043-acks/README.md')).toEqual([]);
  });

  it('takes a folder’s _readme.md and upper-case TEMPLATE.md for no record', () => {
    expect(on('adr/_readme.md')).toEqual([]);
    expect(on('decisions/TEMPLATE.md')).toEqual([]);
  });

  it('takes a Why section for the context', () => {
    expect(on('docs/decisions/0004-http-client.md')).toEqual([]);
  });

  it('judges a record moved into a subfolder by the template of the folder above', () => {
    expect(on('records/archive/0003-cron.md')).toEqual([
      ['decision-sections', 'Section "Consequences" is missing (expected in a decision record).'],
    ]);
  });

  it('takes no Decision Drivers section for the decision', () => {
    expect(on('madr/0007-search.md')).toEqual([
      ['decision-sections', 'Section "Decision Outcome" is empty (expected in a MADR record).'],
    ]);
  });

  it('reads a retired record’s banner as its status, and asks for its successor', () => {
    expect(
      on('adr/_superseded/2026-01-10-feature-flags.md').filter(([rule]) => rule !== 'decision-owner'),
    ).toEqual([]);
    // No owner finding: none of the folder's records (those moved aside count in adr/) names one, so
    // its template has no owner field (the eighth round's folder judgement).
    expect(rules('adr/_superseded/2026-02-11-autowiring.md')).toEqual(['decision-superseded-link']);
  });
});
