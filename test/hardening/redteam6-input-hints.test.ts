import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestPath } from '../../src/cli/input-hints.js';
import { tempTree } from '../helpers/cli.js';

// A path given on the command line that does not exist gets the nearest name of its folder as a guess
// ("did you mean docs/hr/leave.md?"), each name compared letter by letter. In a folder of many long
// names (100,000 of 200 letters took 100 s) the error waited for the guess. Past a budget of letter pairs
// (GUESS_CELLS, 50 million) the error now comes at once, without a guess; a folder of ordinary size keeps
// it. No stopwatch: the budget itself is asserted, with a missing name the guess would have found (60
// letters off one name, within reach) in a folder whose names cost past it.
const TAIL = 'x'.repeat(230);
const name = (i: number) => `${String(i).padStart(6, '0')}-${TAIL}.md`;
const MISSING = `000001-${'x'.repeat(170)}${'y'.repeat(60)}.md`;

function folderOf(count: number): string {
  const root = tempTree({});
  const folder = join(root, 'names');
  mkdirSync(folder);
  for (let i = 0; i < count; i++) writeFileSync(join(folder, name(i)), '');
  return folder;
}

describe('a missing path in a folder of many long names', () => {
  it('gets no guess past the budget, though a name is within reach', () => {
    // 2,000 names of 240 letters: some 116 million letter pairs.
    expect(nearestPath(join(folderOf(2_000), MISSING))).toBeUndefined();
  });

  it('gets that guess in a folder of a few such names, and a small folder its typo', () => {
    const few = folderOf(10);
    expect(nearestPath(join(few, MISSING))).toBe(join(few, name(1)));
    const root = tempTree({ 'small/leave.md': '# Leave\n' });
    expect(nearestPath(join(root, 'small', 'leaev.md'))).toBe(join(root, 'small', 'leave.md'));
  });
});
