import { describe, expect, it } from 'vitest';
import type { Page } from '../../../src/model/page.js';
import { tasksCheck } from '../../../src/rules/checks/tasks.js';
import { check, page } from './harness.js';

/** A page of meeting notes, the type whose checkboxes are action items wherever they stand. */
function notes(markdown: string, title?: string): Page {
  const built = page(markdown);
  return { ...built, type: 'meeting-notes', title: title ?? built.title };
}

describe('tasks', () => {
  it.each([
    ['a mention and a written due date', '- [ ] @alex: implement in backend (Due: March 7)'],
    ['an Owner label and a weekday', '- [ ] Owner: Sam - write the doc by Friday'],
    ['a leading bold name and an ISO date', '## Action items\n\n- **Ana**: ship it by 2026-06-10'],
    ['two leading names', '- [ ] Alex and Sam: migrate the wiki, due 2026-10-14'],
    [
      'a trailing handle, as minutes write it',
      '## Next steps\n\n- By 2026-07-01, collect numbers on parallel queries (mw)',
    ],
    ['a date in a sub-bullet', '## Action items\n\n- @ana: plan the launch\n  - Due: 2026-06-10'],
    ['a done item', '- [x] Write the doc'],
    ['a plain bullet outside action sections', '## Notes\n\n- We talked about hiring.'],
    ['an empty task', '- [ ] '],
  ])('no hit for %s', (_name, markdown) => {
    expect(check(tasksCheck, notes(markdown))).toEqual([]);
  });

  it.each([
    ['- [ ] Write the doc', 'owner and due date', 'Write the doc'],
    ['- [ ] @alex: write the doc', 'due date', '@alex: write the doc'],
    ['- [ ] Write the doc by Friday', 'owner', 'Write the doc by Friday'],
    ['- [ ] Note: check again by Friday', 'owner', 'Note: check again by Friday'],
    ['- [ ] Fix delays due to the outage @ana', 'due date', 'Fix delays due to the outage @ana'],
  ])('reports %j as missing %s', (markdown, missing, item) => {
    expect(check(tasksCheck, notes(markdown))).toEqual([
      { at: `1:1-1:${markdown.length + 1}`, missing, item },
    ]);
  });

  it('finds plain bullets under action headings (CometBFT/Rust minutes style) and points at each item', () => {
    const markdown =
      '# Steering meeting\n\n### Action items\n\n- gather statistics about where we spend our time\n- draw the graph (eddyb)\n';
    expect(check(tasksCheck, markdown)).toEqual([
      {
        at: '5:1-5:50',
        missing: 'owner and due date',
        item: 'gather statistics about where we spend our time',
      },
      { at: '6:1-6:25', missing: 'due date', item: 'draw the graph (eddyb)' },
    ]);
  });

  it('truncates long items for the message', () => {
    const text = 'Migrate every page of the engineering handbook to the new wiki and archive the old one';
    expect(check(tasksCheck, notes(`- [ ] ${text}`))).toMatchObject([
      { item: 'Migrate every page of the engineering handbook to the new w…' },
    ]);
  });

  it('honours include-checked, require-owner, require-due and sections', () => {
    expect(check(tasksCheck, notes('- [x] Write the doc'), { 'include-checked': true })).toMatchObject([
      { missing: 'owner and due date' },
    ]);
    expect(check(tasksCheck, notes('- [ ] Write the doc'), { 'require-due': false })).toMatchObject([
      { missing: 'owner' },
    ]);
    expect(check(tasksCheck, notes('- [ ] Write the doc'), { 'require-owner': false })).toMatchObject([
      { missing: 'due date' },
    ]);
    expect(check(tasksCheck, '## Follow-ups\n\n- Write the doc', { sections: ['Follow-ups'] })).toMatchObject(
      [{ at: '3:1-3:16' }],
    );
  });

  it('counts checkboxes as action items only in meeting notes that are not the agenda', () => {
    const checklist =
      '# KEP-1234: Faster apply\n\n## Release Signoff Checklist\n\n- [ ] (R) Design details are complete\n- [ ] e2e tests added\n';
    expect(check(tasksCheck, { ...page(checklist), type: 'decision' })).toEqual([]);
    expect(check(tasksCheck, page(checklist))).toEqual([]);
    const agenda =
      '# Compiler triage agenda 2026-05-14\n\n## Nominated issues\n\n- [ ] "ICE in const eval" #4021\n';
    expect(check(tasksCheck, notes(agenda))).toEqual([]);
    expect(check(tasksCheck, notes(agenda, 'Agenda and notes, 2026-05-14'))).toHaveLength(1);
    expect(check(tasksCheck, notes(agenda), { 'agenda-title': null })).toHaveLength(1);
    expect(
      check(tasksCheck, { ...page(checklist), type: 'kep' }, { 'checkbox-types': ['kep'] }),
    ).toHaveLength(2);
  });

  it('still finds the items under an action-item heading of a decision record or an agenda', () => {
    const record =
      '# ADR 12: Queue\n\n## Open questions\n\n- [ ] Do we shard?\n\n## Follow-ups\n\n- [ ] Benchmark the queue\n';
    expect(check(tasksCheck, { ...page(record), type: 'decision' })).toMatchObject([
      { at: '9:1-9:26', item: 'Benchmark the queue' },
    ]);
  });
});
