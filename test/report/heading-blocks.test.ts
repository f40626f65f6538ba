import { describe, expect, it } from 'vitest';
import { matchHeadingBlocks } from '../../src/report/location.js';

const heading = (text: string) => ({ depth: 2, text, slug: text.toLowerCase() });

describe('Notion heading blocks for the Markdown headings', () => {
  it('keeps the headings matched by text when one other differs, even if the blocks are in another order', () => {
    const headings = [heading('Context'), heading('Decision by @Ana'), heading('Consequences')];
    const blocks = [
      { id: 'b-consequences', text: 'Consequences' },
      { id: 'b-context', text: 'Context' },
      { id: 'b-decision', text: 'Decision by Ana Lima' },
    ];
    expect(matchHeadingBlocks(headings, blocks)).toEqual(['b-context', undefined, undefined]);
  });

  it('gives an unmatched heading the block at its position when the counts agree', () => {
    const headings = [heading('Context'), heading('Decision by @Ana'), heading('Consequences')];
    const blocks = [
      { id: 'b-context', text: 'Context' },
      { id: 'b-decision', text: 'Decision by Ana Lima' },
      { id: 'b-consequences', text: 'Consequences' },
    ];
    expect(matchHeadingBlocks(headings, blocks)).toEqual(['b-context', 'b-decision', 'b-consequences']);
  });
});
