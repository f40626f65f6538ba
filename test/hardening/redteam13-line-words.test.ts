import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_BUDGET, overBudget } from '../../src/normalize/budget.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';

// Thirteenth round. A line of short words (`ab ab ab …`) cost the parser about 4 µs a word: 5 MiB on one
// line some 7.5 s and 1.4 GB, three to four times what the same words over lines of 80 characters cost. A
// profile (node --cpu-prof, 1.2 million words) put three quarters of the time in the garbage collector,
// the rest in micromark's tokenizer, factory-space and GFM table's head row (`headRowData`): the table
// syntax tries a paragraph's first line as a table's head and tokenizes it whole, each word and space, before
// it gives up, and a single line is all first line. The fix at the cause is micromark-extension-gfm-table's;
// the budget now refuses a line of more than 600,000 words (`maxLineWords`, some 2 s and 600 MB, about what
// the other bounds allow; redteam10-long-field-lines holds a mebibyte of `x `, 524,288 words, on a line), where the largest
// corpus line holds 234 (a Rust triage agenda; the longest, 1,543 characters, a Sourcegraph page).

const WORDS = /^line \d+ has over 600000 words/;
const classify = typeClassifier({});
const page = (markdown: string) =>
  buildPage(
    { source: 'markdown', id: 'p.md', url: 'p.md', path: 'p.md', markdown, fallbackTitle: 'p' },
    classify,
  );

describe('a line of short words', () => {
  it('5 MiB of `ab ` on one line is unreadable with the reason, before the parser', () => {
    const markdown = `# T\n\n${'ab '.repeat(1_700_000)}\n`;
    expect(overBudget(markdown, DEFAULT_PAGE_BUDGET)).toMatch(WORDS);
    expect(page(markdown).unreadable?.reason).toMatch(WORDS);
    expect(overBudget(`# T\n\n- ${'a\t'.repeat(700_000)}\n`, DEFAULT_PAGE_BUDGET)).toMatch(WORDS);
  });

  it('the same words over lines of 80 characters, a run of spaces, and a line of 600,000 words are read', {
    timeout: 60_000,
  }, () => {
    expect(
      overBudget(`# T\n\n${`${'ab '.repeat(26)}ab\n`.repeat(60_000)}`, DEFAULT_PAGE_BUDGET),
    ).toBeUndefined();
    expect(
      overBudget(`# T\n\nStatus:${' '.repeat(1_000_000)}Accepted\n`, DEFAULT_PAGE_BUDGET),
    ).toBeUndefined();
    const line = `# T\n\n${'ab '.repeat(599_999)}ab\n`;
    expect(overBudget(line, DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(page(line).unreadable).toBeUndefined();
  });
});
