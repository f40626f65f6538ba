import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// The placeholder rule spares a "[Your name]" slot in a sentence that speaks to the reader ("You send
// [Your name]"): it tells them what to write (placeholder.ts toldToReader). The eighth round made a
// sentence of 40,000 *identical* slots cheap (one verdict per sentence and slot); its report left
// thousands of *distinct* slots ("[Your name 1]", "[Your name 2]", …), each of which read the whole
// sentence again: 10,000 in one sentence cost 10 s, 40,000 minutes. The sentence's "you" words are
// now found once. The test's timeout is its only clock; what it asserts is the answer.

interface Report {
  findings: { ruleId: string; message: string; excerpt?: string }[];
}

const placeholders = async (markdown: string) =>
  (JSON.parse((await runJson(tempTree({ 'page.md': markdown }))).stdout) as Report).findings.filter(
    (f) => f.ruleId === 'placeholder',
  );

const slots = (count: number) => Array.from({ length: count }, (_, i) => `[Your name ${i}]`).join(' ');

describe('a sentence of thousands of distinct [Your …] slots', () => {
  it('40,000 distinct slots in a sentence that speaks to the reader are each judged told, none reported', {
    timeout: 60_000,
  }, async () => {
    expect(await placeholders(`# Post\n\nOwner: @ana\n\nYou send ${slots(40_000)}\n`)).toEqual([]);
  });

  it('a slot whose sentence says "you" only inside other slots is still told (as before), one alone is not', async () => {
    const found = await placeholders(
      `# Post\n\nOwner: @ana\n\n${slots(3)} go here.\n\nSigned [Your name].\n\nYou sign [Your name] here.\n`,
    );
    expect(found.map((f) => f.excerpt)).toEqual(['Signed [Your name].']);
  });
});
