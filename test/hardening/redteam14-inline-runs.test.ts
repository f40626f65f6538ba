import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_BUDGET, overBudget } from '../../src/normalize/budget.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';

// Fourteenth round. Hardening 13 measured, on a loaded host, inline HTML that crosses a line (`a <a href="x b`
// on each of a paragraph's lines) at four times the cost for twice the lines, and left it unconfirmed. Measured
// again (three runs each, load 10-13 on two cores, beside plain lines `a bb cc dd ee` in the same minutes):
// 10,000 lines 4 s (plain 1.8 s), 40,000 lines 19-22 s (plain 5-7 s), 80,000 lines 47-70 s (plain 7-8 s). It is
// quadratic, and not the HTML: `a & bb cc` and `a < bb cc` cost the same. A profile (node --cpu-prof, 40,000
// lines) put 12 of 16 s in micromark's text resolver (`resolveAllText`), which merges each run of side-by-side
// `data` tokens with a splice of the paragraph's events: a mark that starts no construct after text on a line
// splits that line's text into such a run, so each such line moves the rest of the paragraph. The page budget
// now counts, for each line of a paragraph where a mark follows text, the paragraph's lines before it
// (`maxTextRuns`, 50 million: 10,000 such lines in one paragraph, some 4 s loaded); the most a corpus page
// reaches is 1,168. Lines where the mark starts the text (`\<!-- directive -->`, measured linear) and link
// definitions are not counted; the same lines as separate paragraphs are read.

const RUNS = /^the page has too many lines where an inline mark follows text in one paragraph by line \d+/;
const classify = typeClassifier({});
const page = (markdown: string) =>
  buildPage(
    { source: 'markdown', id: 'p.md', url: 'p.md', path: 'p.md', markdown, fallbackTitle: 'p' },
    classify,
  );
const paragraph = (line: string, lines: number) => `# T\n\n${`${line}\n`.repeat(lines)}`;

describe('a paragraph whose lines each hold a mark after text', () => {
  it.each([
    ['inline HTML crossing lines', 'a <a href="x b'],
    ['a tag without its end', 'a <a b'],
    ['an ampersand', 'a & bb cc'],
    ['a lone <', 'a < bb cc'],
  ])('%s, 40,000 lines: unreadable with the reason, before the parser', (_what, line) => {
    const markdown = paragraph(line, 40_000);
    expect(overBudget(markdown, DEFAULT_PAGE_BUDGET)).toMatch(RUNS);
    expect(page(markdown).unreadable?.reason).toMatch(RUNS);
  });

  it('9,000 such lines, the same lines as paragraphs, directives and definitions are read', {
    timeout: 120_000,
  }, () => {
    expect(page(paragraph('a <a href="x b', 9_000)).unreadable).toBeUndefined();
    expect(overBudget(`# T\n\n${'a & bb cc\n\n'.repeat(15_000)}`, DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(
      overBudget(paragraph('\\<!-- handbook-lint-disable-line foo -->', 60_000), DEFAULT_PAGE_BUDGET),
    ).toBeUndefined();
    expect(overBudget(paragraph('[a]: https://example.com/a', 15_000), DEFAULT_PAGE_BUDGET)).toBeUndefined();
  });
});
