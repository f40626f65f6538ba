import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';

// Forms seen in real handbooks (a glossary of unwritten terms, a team page's "TODO: Add additional
// resources", KEPs' "(TODO add PR's here)") and in minutes, where the same word marks an action item.
const note = (files: Record<string, string>) => ruleFindings([tempTree(files)], 'todo-note', true);

describe('todo-note on real forms', () => {
  it('reports the notes an author left in a handbook page and a decision record', async () => {
    const found = await note({
      'team/assistants.md':
        '# Executive assistants\n\n## Resources\n\nTODO: Add additional resources\n\n- Team bios\n',
      'glossary.md':
        '# Glossary\n\n### keyword\n\nTODO\n\n### module\n\nA unit of code (TODO: link the RFC).\n',
      'adr/0004-sign-bytes.md':
        '# ADR 4: Sign bytes\n\nStatus: Accepted\n\n## Decision\n\n> TODO(thane)\n\nWe sign the canonical bytes.\n',
    });
    expect(found).toEqual([
      'adr/0004-sign-bytes.md Unfinished note left in the page: "TODO(thane)".',
      'glossary.md Unfinished note left in the page: "(TODO: link the RFC)".',
      'glossary.md Unfinished note left in the page: "TODO".',
      'team/assistants.md Unfinished note left in the page: "TODO: Add additional resources".',
    ]);
  }, 60_000);

  it('leaves meeting notes alone, where "TODO:" writes an action item, and the word in prose', async () => {
    const found = await note({
      'meetings/2018-01-09.md':
        '# Board meeting 2018-01-09\n\n## Agenda\n\n- Students\n\n## Notes\n\n- Students (TODO Ben: contact the mobility teams)\n\nTODO: method planning (we need a spec)\n',
      'minutes/triage/2026-q2.md':
        '# P-high issue review\n\n### Regression in SIMD\n\nCreation date: TODO\nNotes: probably downgrade.\n\n**TODO**\n',
      'process.md':
        '# Planning\n\nWe moved the TODO list to GitHub issues; a card goes into the TODO state once planned.\n\n## TODO\n\n- Decide the handshake version.\n',
    });
    expect(found).toEqual([]);
  }, 60_000);
});
