import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestPath } from '../../src/cli/input-hints.js';
import { tempTree } from '../helpers/cli.js';

// A path given on the command line that does not exist gets the nearest name of its folder as a guess
// ("did you mean docs/hr/leave.md?"), each name compared letter by letter. In a folder of many long
// names (100,000 of 200 letters took 100 s; here 30,000 of 240) the error waited for the guess. Past a
// bound on that work the error comes at once, without a guess; a folder of ordinary size keeps it.
describe('a missing path in a folder of 30,000 long names', () => {
  it('is told at once, with no guess, and a small folder still gets one', { timeout: 300_000 }, () => {
    const root = tempTree({ 'small/leave.md': '# Leave\n' });
    const many = join(root, 'many');
    mkdirSync(many);
    const tail = 'x'.repeat(230);
    for (let i = 0; i < 30_000; i++)
      writeFileSync(join(many, `${String(i).padStart(6, '0')}-${tail}.md`), '');

    const start = performance.now();
    expect(nearestPath(join(many, `000001-${'y'.repeat(230)}.md`))).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(3_000);

    expect(nearestPath(join(root, 'small', 'leaev.md'))).toBe(join(root, 'small', 'leave.md'));
  });
});
