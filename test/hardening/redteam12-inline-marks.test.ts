import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_BUDGET, overBudget } from '../../src/normalize/budget.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';
import { runJson, tempTree } from '../helpers/cli.js';

// Twelfth round. The page budget counted blocks, lines and look-backs, not the inline marks a paragraph
// is made of, and the Markdown parser (micromark 4) makes tokens for each: an escape costs some 12 µs and
// 2 KB, an entity 17 µs and 3 KB, a `]` or `!` that opens nothing a few µs and under 1 KB. A 5 MiB
// paragraph of `\!` (2.6 million escapes) was read: 54 s and 4.1 GB of memory, at V8's heap limit (a
// little more and the run ends with exit 134); 5 MiB of `]` some 12 s and 3 GB. The page is now refused
// with the reason when it has over 200,000 marks outside fenced code (the corpora's most: 1,685).
//
// The block and look-back bounds of hardening 11 were also lowered: 200,000 block units let 40,000 list
// items through (11 s, 770 MB on a loaded host), now 100,000; 50 million lines of lazy or setext
// look-back cost tens of seconds on a loaded host, now 10 million. Asserted by the budget's answer,
// never by a clock.

const classify = typeClassifier({});
const page = (markdown: string) =>
  buildPage(
    { source: 'markdown', id: 'p.md', url: 'p.md', path: 'p.md', markdown, fallbackTitle: 'p' },
    classify,
  );

const INLINE = /^the page has too many inline marks by line \d+: over 200000 of /;

describe('a page of many inline marks', () => {
  it.each([
    ['a 5 MiB paragraph of escapes (2.6 million `\\!`)', '\\!'.repeat(2_600_000)],
    ['150,000 escapes in lines of 40', `# Escapes\n\n${`${'\\!'.repeat(40)}\n`.repeat(3_750)}`],
    ['250,000 entities', '&amp;'.repeat(250_000)],
    ['300,000 code spans', '`a` '.repeat(300_000)],
    ['a 5 MiB run of `]`', ']'.repeat(5_000_000)],
    ['250,000 `<` in lines of 50', `${'a < b '.repeat(50)}\n`.repeat(5_000)],
  ])('%s: unreadable with the reason, before the parser', { timeout: 60_000 }, (_what, markdown) => {
    expect(overBudget(markdown, DEFAULT_PAGE_BUDGET)).toMatch(INLINE);
    expect(page(markdown).unreadable?.reason).toMatch(INLINE);
  });

  it('60,000 typed directives, 5 MB of prose and a fenced block of a million marks are read', {
    timeout: 60_000,
  }, () => {
    const typed = `# Page\n\nText.\n\n${'\\<!-- handbook-lint-disable-line foo -->\n'.repeat(60_000)}`;
    expect(overBudget(typed, DEFAULT_PAGE_BUDGET)).toBeUndefined();
    const prose = 'The team writes its decisions down, with a reason and an owner, before the meeting.\n';
    expect(overBudget(prose.repeat(60_000), DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(
      overBudget(`\`\`\`\n${'\\!&amp;'.repeat(500_000)}\n\`\`\`\n`, DEFAULT_PAGE_BUDGET),
    ).toBeUndefined();
    expect(page('Use `a*b` and \\* and &amp; here.\n\n'.repeat(10_000)).unreadable).toBeUndefined();
  });

  it('marks in front matter are YAML, not counted (its own cap is 1 MiB); the same marks below it are', () => {
    const marks = `nested: ${'['.repeat(300_000)}\n`;
    expect(overBudget(`---\n${marks}---\n# Page\n`, DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(overBudget(`---\ntitle: x\n---\n${marks}`, DEFAULT_PAGE_BUDGET)).toMatch(INLINE);
    expect(overBudget(`---\n${marks}`, DEFAULT_PAGE_BUDGET)).toMatch(INLINE);
  });

  it('a run with a page of 300,000 escapes reports it unreadable and lints the rest', {
    timeout: 120_000,
  }, async () => {
    const root = tempTree({
      'README.md': '# Home\n\nOwner: Ann\n\nSee [the escapes](escapes.md).\n',
      'escapes.md': `# Escapes\n\n${'\\!'.repeat(300_000)}\n`,
    });
    const result = await runJson(root);
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.unreadable).toEqual([
      expect.objectContaining({ path: 'escapes.md', reason: expect.stringMatching(INLINE) }),
    ]);
    expect(report.summary.pages).toBe(2);
  });
});

describe('the lowered block and look-back bounds', () => {
  it.each([
    [
      '25,000 list items',
      '- a\n'.repeat(25_000),
      /^the page has too many lines and blocks by line \d+: over 100000 /,
    ],
    ['a paragraph of 120,000 one-letter lines', 'a\n'.repeat(120_000), /too many lines and blocks/],
    [
      '2,000 lists each ended by a heading',
      '- x\n## H\n'.repeat(2_000),
      /look back over more than 10000000 lines/,
    ],
    ['2,000 setext headings', 'a\n=\n'.repeat(2_000), /would copy more than 10000000 lines/],
  ])('%s (read before): unreadable with the reason', (_what, markdown, reason) => {
    expect(overBudget(markdown, DEFAULT_PAGE_BUDGET)).toMatch(reason);
    expect(page(markdown).unreadable?.reason).toMatch(reason);
  });

  it('a running log of 600 weekly sections, 15,000 list items and 300 setext headings are read', () => {
    const weeks = Array.from(
      { length: 600 },
      (_, i) => `## Week ${i}\n\nNotes ${i}.\n\n- item\n- [ ] task @bob\n\n`,
    );
    expect(overBudget(weeks.join(''), DEFAULT_PAGE_BUDGET)).toBeUndefined();
    expect(overBudget('- a\n'.repeat(15_000), DEFAULT_PAGE_BUDGET)).toBeUndefined();
    const sections = 'Section\n=======\n\nText of the section.\n\n'.repeat(300);
    expect(overBudget(sections, DEFAULT_PAGE_BUDGET)).toBeUndefined();
  });
});
