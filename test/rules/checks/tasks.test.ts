import { describe, expect, it } from 'vitest';
import { tasksCheck } from '../../../src/rules/checks/tasks.js';
import { check } from './harness.js';

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
    expect(check(tasksCheck, markdown)).toEqual([]);
  });

  it.each([
    ['- [ ] Write the doc', 'owner and due date', 'Write the doc'],
    ['- [ ] @alex: write the doc', 'due date', '@alex: write the doc'],
    ['- [ ] Write the doc by Friday', 'owner', 'Write the doc by Friday'],
    ['- [ ] Note: check again by Friday', 'owner', 'Note: check again by Friday'],
    ['- [ ] Fix delays due to the outage @ana', 'due date', 'Fix delays due to the outage @ana'],
  ])('reports %j as missing %s', (markdown, missing, item) => {
    expect(check(tasksCheck, markdown)).toEqual([{ at: `1:1-1:${markdown.length + 1}`, missing, item }]);
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
    expect(check(tasksCheck, `- [ ] ${text}`)).toMatchObject([
      { item: 'Migrate every page of the engineering handbook to the new w…' },
    ]);
  });

  it('honours include-checked, require-owner, require-due and sections', () => {
    expect(check(tasksCheck, '- [x] Write the doc', { 'include-checked': true })).toMatchObject([
      { missing: 'owner and due date' },
    ]);
    expect(check(tasksCheck, '- [ ] Write the doc', { 'require-due': false })).toMatchObject([
      { missing: 'owner' },
    ]);
    expect(check(tasksCheck, '- [ ] Write the doc', { 'require-owner': false })).toMatchObject([
      { missing: 'due date' },
    ]);
    expect(check(tasksCheck, '## Follow-ups\n\n- Write the doc', { sections: ['Follow-ups'] })).toMatchObject(
      [{ at: '3:1-3:16' }],
    );
  });
});
