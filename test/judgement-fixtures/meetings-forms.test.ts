import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

/**
 * Agendas, outcomes and action items written in the other forms real minutes use (each one a wrong
 * finding the labellers reported), beside pages that still lack them.
 */
const HANDBOOK = {
  // Agendas in other forms: none of these lacks an agenda.
  'meetings/2026-03-02-ops.md':
    '# Ops weekly, 2026-03-02\n\nAgenda: restore drill · cost report\n\n## Notes\n\n- Drill took 41 minutes.\n\n## Decisions\n\n- Keep the drill monthly.\n',
  'meetings/2026-03-09-ops.md':
    '# Ops weekly, 2026-03-09\n\n**Agenda**\n\n1. Paging tool\n2. Budget\n\n## Notes\n\n- Budget on plan.\n\n**Decisions**\n\n- Move rotations on 2026-03-20.\n',
  'meetings/2026-03-16-ops.md':
    '# Ops weekly, 2026-03-16\n\nAgenda and live notes: [shared doc](https://docs.example.com/d/ops-0316)\n\n## Outcome\n\n- The old pager is switched off in April.\n',
  'meetings/2026-03-23-product.md':
    '---\nagenda: Release trains, Pricing in Mexico\n---\n# Product review, 2026-03-23\n\n## Notes\n\n- Release trains stay fortnightly.\n\n### Follow-ups\n\n- Oskar drafts the pricing ADR.\n',
  'meetings/2026-03-30-retro.md':
    '# Retro, 2026-03-30\n\n## What went well\n\n- Shipped on time.\n\n## What did not go well\n\n- Late release notes.\n\n## Actions\n\n- Rafael: write notes earlier, by 2026-04-06\n',
  'minutes/triage-meeting/2026-04-02.md':
    '---\ntitle: 2026.04.02\ntype: docs\n---\n# 2026-04-02\n\n## Volunteers wanted\n\n## Backport nominations\n\n- Fix ICE in const eval #4021\n  - Backport accepted\n- Revert the lint change #4033\n  - Assigned to @kim\n',
  'minutes/triage-meeting/_index.md': '---\ntitle: Triage meeting\ntype: docs\n---\n\n# Triage meetings\n',
  'minutes/design-meeting/2026-04-03-queries.md':
    '# Queries design meeting, 2026-04-03\n\n## Motivation\n\nQueries are slow to add.\n\n## Notes from the meeting\n\n- There was a general consensus to split the crate first.\n',
  'minutes/design-meeting/2026-04-10-interning.md':
    '# Interning, 2026-04-10\n\nThe later sections were prepared before the meeting.\n\n## Ideas rejected\n\n- Interning every place.\n',
  // Pages about meetings are not the notes of one: no agenda or outcome is due.
  'meetings/meeting-guide.md':
    '---\nowner: Dana\n---\n# Meeting guide\n\n- Post the agenda a day ahead.\n- Record decisions under Decisions.\n',
  // A broadcast decides nothing.
  'meetings/2026-04-13-all-hands.md':
    '# All hands, 2026-04-13\n\n## Agenda\n\n- Q1 numbers\n\n## Notes\n\nRevenue is on plan.\n',
  // An open question under an ADR's TODO is no action item.
  'decisions/0016-protocol-versions.md':
    '# ADR 016: Protocol versions\n\nStatus: Accepted\n\n## TODO\n\n- How to / should we version the handshake itself\n- Should ABCI be versioned on its own?\n- clarify how to handle slashing when the chain id changes\n',
  // Real problems.
  'meetings/2026-04-20-ops.md':
    '# Ops weekly, 2026-04-20\n\n## Notes\n\n- We talked through the paging tool options again without settling on one.\n',
};

describe('judgement fixtures: agendas and outcomes in other forms', () => {
  it('reads them, and still finds the notes that lack them', async () => {
    const root = tempTree(HANDBOOK);
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-05-01']);
    const mine = new Set(['action-items', 'meeting-outcomes', 'meeting-agenda']);
    const found = (
      JSON.parse(stdout).findings as {
        ruleId: string;
        page: { file: string };
        message: string;
        position: { start: { line: number } } | null;
      }[]
    )
      .filter((f) => mine.has(f.ruleId))
      .map((f) => `${f.ruleId} ${f.page.file}${f.position ? `:${f.position.start.line}` : ''}`);
    expect(found.sort()).toEqual([
      'action-items decisions/0016-protocol-versions.md:9',
      'action-items meetings/2026-03-23-product.md:12',
      'meeting-agenda meetings/2026-04-20-ops.md',
      'meeting-outcomes meetings/2026-04-20-ops.md',
    ]);
  });

  it('says an owned follow-up lacks only its date', async () => {
    const root = tempTree({ 'meetings/2026-03-23-product.md': HANDBOOK['meetings/2026-03-23-product.md'] });
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-05-01']);
    const messages = (JSON.parse(stdout).findings as { ruleId: string; message: string }[])
      .filter((f) => f.ruleId === 'action-items')
      .map((f) => f.message);
    expect(messages).toEqual(['Action item "Oskar drafts the pricing ADR." has no due date.']);
  });
});

describe('judgement fixtures: ideas that still need discussion', () => {
  it('are not action items', async () => {
    const root = tempTree({
      'minutes/2026-04-03-backend.md':
        '# Backend design meeting, 2026-04-03\n\n## Agenda\n\n- Codegen\n\n## Next steps\n\nThings we do now:\n\n- @ana: move the codegen crate (due 2026-04-20)\n\nWe may also want to do these soon but we need additional discussion:\n\n- Run the tests in the new mode\n- Form a working group\n',
    });
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-05-01']);
    const found = (JSON.parse(stdout).findings as { ruleId: string }[]).filter(
      (f) => f.ruleId === 'action-items',
    );
    expect(found).toEqual([]);
  });
});
