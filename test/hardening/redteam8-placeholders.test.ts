import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// The placeholder rule reports each unfilled slot with the sentence around it (placeholder.ts,
// prose-context.ts). Eighth round: a pull request's page of one paragraph holding thousands of
// slots. Each slot's context was read from the paragraph's start: its sentence (every sentence end
// before it), its quotes (every `"` before it), its template tokens and line, and its excerpt
// collapsed the whole paragraph's whitespace before cutting 120 characters. 5,000 `YYYY-MM-DD` in a
// paragraph (55 KB) cost 16 s, 10,000 76 s and 2.4 GB, 150,000 (1.6 MB) ended the process out of
// memory after two minutes. The context is now found once per paragraph. The test's timeout is its
// only clock; what it asserts is the answer.

interface Report {
  findings: { ruleId: string; message: string; excerpt?: string }[];
}

const placeholders = async (markdown: string) =>
  (JSON.parse((await runJson(tempTree({ 'page.md': markdown }))).stdout) as Report).findings.filter(
    (f) => f.ruleId === 'placeholder',
  );

describe('a paragraph of thousands of placeholders', () => {
  it('40,000 dates left as YYYY-MM-DD in one paragraph are each reported, quoted from the start of their sentence', {
    timeout: 60_000,
  }, async () => {
    const found = await placeholders(`# Dates\n\nOwner: @ana\n\n${'YYYY-MM-DD '.repeat(40_000)}\n`);
    expect(found).toHaveLength(40_000);
    const excerpt = `${'YYYY-MM-DD '.repeat(11).slice(0, 119).trimEnd()}…`;
    expect(new Set(found.map((f) => f.excerpt))).toEqual(new Set([excerpt]));
  });

  it('40,000 TBD values on one line, with quotes and template tokens among them, keep their judgement', {
    timeout: 60_000,
  }, async () => {
    // Quoted and in a `{{…}}` token a slot is talked about; a TBD is a slot only where it is the line's value.
    const line = `${'"YYYY-MM-DD" {{ YYYY-MM-DD }} TBD, '.repeat(10_000)}Due: TBD\n`;
    const found = await placeholders(`# Plan\n\nOwner: @ana\n\n${line}\nStatus: TBD\n`);
    expect(found.map((f) => f.message)).toEqual([
      'Unfilled template text "TBD".',
      'Unfilled template text "TBD".',
    ]);
  });

  it('40,000 "[Your name]" slots in one sentence that speaks to the reader are judged once each', {
    timeout: 60_000,
  }, async () => {
    // 5,000 took 2.8 s, 10,000 13 s: the sentence was read again for each slot.
    const found = await placeholders(`# Post\n\nOwner: @ana\n\nYou send ${'[Your name] '.repeat(40_000)}\n`);
    expect(found).toEqual([]);
  });

  it('sentences still set the excerpt apart', async () => {
    const found = await placeholders(
      '# Notes\n\nOwner: @ana\n\nThe launch is on YYYY-MM-DD. Ask [Name] about it! Use the format YYYY-MM-DD here.\n',
    );
    expect(found.map((f) => f.excerpt)).toEqual(['The launch is on YYYY-MM-DD.', 'Ask [Name] about it!']);
  });
});
