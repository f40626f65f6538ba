import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_BUDGET, overBudget } from '../../src/normalize/budget.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';
import { markdownFilesUnder } from '../helpers/markdown-files.js';

// Eighth round: the Markdown parser (micromark 4, initialize/document.js) looks back on each "lazy"
// line: a line that goes on with a block quote's or list item's paragraph without its `>` or indent
// is checked against the paragraph so far, and a line that starts a block right after such a
// container (a paragraph after a list and a blank line) moves the events of the whole page so far.
// Both are quadratic: 40,000 lazy lines after `> a` (80 KB) took 107 s of CPU, a 1 MB meeting page
// of 8,000 headings, each with a short list, 146 s (the "8,000 headings" of round 8: it is the
// lists). The page budget now counts that look-back before the parser runs, as it counts the
// footnote syntax's. Asserted by the budget's answer, never by a clock.

const classify = typeClassifier({});
const page = (markdown: string) =>
  buildPage(
    { source: 'markdown', id: 'p.md', url: 'p.md', path: 'p.md', markdown, fallbackTitle: 'p' },
    classify,
  );

const lazyQuote = (lines: number) => `> a\n${'b\n'.repeat(lines)}`;
const listsAfterParagraphs = (count: number) =>
  Array.from({ length: count }, (_, i) => `## Topic ${i}\n\nNotes ${i}.\n\n- item\n- [ ] task @bob\n\n`).join(
    '',
  );

describe('lazy lines the parser looks back from', () => {
  it.each([
    ['a block quote paragraph of 12,000 lines without their >', lazyQuote(12_000)],
    ['a list item paragraph of 12,000 unindented lines', `- a\n${'b\n'.repeat(12_000)}`],
    ['4,000 short lists between headings and paragraphs', listsAfterParagraphs(4_000)],
    ['4,000 lists each ended by a heading on the next line', '- x\n## H\n'.repeat(4_000)],
    ['4,000 block quotes between paragraphs', 'Para\n\n> q\n\n'.repeat(4_000)],
    ['4,000 list items ended by a line indented one space', '- item\n\n Para\n\n'.repeat(4_000)],
  ])('%s: unreadable with the reason, before the parser', (_what, markdown) => {
    // 50 million lines until hardening 12 lowered it (redteam12-inline-marks.test.ts).
    expect(overBudget(markdown, DEFAULT_PAGE_BUDGET)).toMatch(/look back over more than 10000000 lines/);
    expect(page(markdown).unreadable?.reason).toMatch(/without its marker or indent/);
  });

  it('the same text with its markers and indents is read', () => {
    expect(overBudget(`> a\n${'> b\n'.repeat(10_000)}`, DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(overBudget(`- a\n${'  b\n'.repeat(10_000)}`, DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(overBudget('- x\n- y\n\n  more of y\n'.repeat(4_000), DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(overBudget('```\n- x\n## H\n```\n'.repeat(4_000), DEFAULT_PAGE_BUDGET)).toBeUndefined();
  });

  it('a long page of ordinary lists, and one short lazy paragraph, are read', () => {
    expect(overBudget(listsAfterParagraphs(300), DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(overBudget(lazyQuote(1_000), DEFAULT_PAGE_BUDGET)).toBeUndefined();
  });

  it('every page of the example handbook and of the corpora is within the budget', () => {
    const roots = [
      join(import.meta.dirname, '../../examples'),
      join(import.meta.dirname, '../../../shared/corpora'),
    ];
    const over = markdownFilesUnder(roots).filter((file) =>
      overBudget(readFileSync(file, 'utf8'), DEFAULT_PAGE_BUDGET)?.includes('look back'),
    );
    expect(over).toEqual([]);
  });
});
