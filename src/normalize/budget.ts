import { LazyLines, levelsLeftOf, moreWordsThan, OpenHtml, TextRuns } from './budget-lines.js';
import { writesFootnotes } from './markdown.js';

/**
 * What one page may cost before it reaches the Markdown parser. micromark recurses once per level of
 * block nesting (lists ~5,000 deep overflow the stack), rescans every open container on each line
 * (deep blockquotes are quadratic) and matches emphasis and strikethrough markers within a
 * paragraph in quadratic time (16,000 `*` in one paragraph: ~3 s; 32,000: ~12 s). A page over
 * budget is listed as unreadable with the reason instead of holding up, or ending, the run.
 * Within budget the cost is linear but not small: 512 KB of `*a` in paragraphs of 2,000 markers
 * takes ~10 s of CPU (~20 µs a marker; ordinary prose has one marker in a few hundred characters).
 * On a page that writes a footnote, the footnote syntax looks back from each `]` through the
 * paragraph's tokens before it (a token starts at most at each mark micromark may open a construct
 * on, and at each line): 40,000 `]` in a paragraph took 7 s; 1,000 after 200,000 `\!` escapes, 19 s.
 * Lazy lines (`maxLazyLookback`) are looked back from too: 40,000 lines after `> a` took 107 s, a
 * 1 MB page of 8,000 short lists between paragraphs 146 s. Setext headings copy the page's events so far
 * (5,000 in 20 KB: over 90 s); `[a]` pairs that are no link make the text resolver splice the paragraph's
 * events once each, footnotes or not (40,000 in a paragraph: 15 s). And every line and block costs
 * tokens whatever it says: some 3 KB and tens of µs a line, 12-17 KB a list item, paragraph, table row
 * or definition, so 400,000 `- a` (1.6 MB) ran the process out of memory (exit 134). Inline marks cost
 * tokens too, wherever they stand: 12-17 µs and 2-3 KB each for an escape or an entity, so a 5 MiB paragraph
 * of `\!` took 54 s and 4.1 GB, at V8's heap limit.
 */
export interface PageBudget {
  /** Size of the page's text in UTF-8 bytes. */
  maxBytes: number;
  /** Block nesting: blockquote markers plus nested list items on one line. */
  maxDepth: number;
  /** `*`, `_` and `~` in one paragraph (a run of non-blank lines outside code fences). */
  maxMarkersPerParagraph: number;
  /**
   * On a page that writes a footnote (`[^`): for each `]`, the marks and lines before it in its
   * paragraph, summed over the page. The marks are those a construct may start on: ! & * < [ \ ] _ ` ~
   */
  maxFootnoteLookback: number;
  /**
   * Lazy lines, which micromark handles by looking back: a line that goes on with a block quote's or
   * list item's paragraph without its marker or indent is checked against the paragraph's tokens so
   * far, and a line that starts a new block right after such a container moves the events of the whole
   * page so far. Summed over the page: the paragraph's lines before each of the first, and four times
   * the page's lines before each of the second (that pass costs more per line).
   */
  maxLazyLookback: number;
  /** Setext headings (text underlined with `=` or `-`): four times the page's lines before each, summed. */
  maxSetextLookback: number;
  /**
   * On a page without footnotes: for each `]` that closes a `[` in its paragraph (and opens no link
   * destination with `(`), the marks and lines before it in the paragraph, summed over the page.
   */
  maxPairLookback: number;
  /**
   * Lines and blocks: each line counts one, each line that opens a block (list item, paragraph, heading, table
   * row, definition, quote) four more, and each `|` on such a line (a table's cell) one more.
   */
  maxBlockUnits: number;
  /** Marks an inline construct may start on (! & * < [ \ ] _ ` ~) outside fenced code, over the page. */
  maxInlineMarks: number;
  /** Inline HTML left open (`<!--`, `<?`, `<!X`, CDATA): what the parser reads on from each opener (OpenHtml). */
  maxHtmlScan: number;
  /** Words on one line (GFM's table syntax tokenizes a paragraph's first line whole, some 4 µs a word). */
  maxLineWords: number;
  /** Lines inside lists and block quotes: each line that is not blank counts the square of the containers it stands in. */
  maxNestedLines: number;
  /** Lines of a paragraph that hold an inline mark: the paragraph's lines before each, summed (TextRuns). */
  maxTextRuns: number;
}

/**
 * No real handbook page comes near these (largest corpus page: 87 KB; deepest: 5; most markers in a
 * paragraph: 258; largest footnote look-back: 39,829, had every corpus page written a footnote; largest lazy
 * look-back: 290,648; setext: 44; pair: 3,482; most block units: 4,459; most inline marks: 1,685; nested lines: 764; text runs: 1,168). At its
 * limit the footnote or pair look-back adds a second or two to a paragraph that already costs seconds to
 * parse. The others were lowered in hardening 12 to about what 5 MiB of prose costs (seconds, hundreds
 * of MB): 10 million lines of lazy or setext look-back (1-3 s; 50 million took tens of seconds on a
 * loaded host), 100,000 block units (20,000 list items; 200,000 let 40,000 through, 11 s and 770 MB), and
 * 200,000 inline marks (100,000 escapes or 200,000 entities: 2-5 s and 300-700 MB). The margins over the
 * corpora are wider than tenfold on purpose: the look-backs grow with the square of a page's length (ten
 * times the count is only three times the page: a running log of 460 weekly sections, each a heading, a
 * paragraph and a list, reaches 3 million), and a wiki's pages run larger than a repository's (a 5,000-row
 * table of five columns is 55,000 units). A page over budget is refused every night, with exit 3.
 */
export const DEFAULT_PAGE_BUDGET: PageBudget = {
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 100,
  maxMarkersPerParagraph: 2_000,
  maxFootnoteLookback: 20_000_000,
  maxLazyLookback: 10_000_000,
  maxSetextLookback: 10_000_000,
  maxPairLookback: 20_000_000,
  maxBlockUnits: 100_000,
  maxInlineMarks: 200_000,
  maxHtmlScan: 100_000_000,
  maxLineWords: 600_000,
  maxNestedLines: 10_000_000,
  maxTextRuns: 50_000_000,
};

const FENCE = /^(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const MARKER = /[*_~]/g;
const CONSTRUCT_MARK = /[!&*<[\\\]_`~]/g;
const MARKS = '!&*<[\\]_`~';
/** A line that starts a block of its own, never a lazy continuation: a heading, a rule, a fence, HTML. */
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$|`{3}|~{3}|<)/;
/** A setext heading's underline, when it follows a paragraph's line. */
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const PIPE = /\|/g;

/** Columns of leading whitespace (a tab to the next multiple of 4) and where the text starts. */
function indentOf(line: string, from: number): { columns: number; at: number } {
  let columns = 0;
  let at = from;
  for (; at < line.length; at++) {
    const c = line.charCodeAt(at);
    if (c === 32) columns++;
    else if (c === 9) columns += 4 - (columns % 4);
    else break;
  }
  return { columns, at };
}

function lazyLimit(lineNo: number, budget: PageBudget): string {
  return `the page has too many lines that go on with a list or block quote without its marker or indent, or start a block right after one, by line ${lineNo}: the Markdown parser would look back over more than ${budget.maxLazyLookback} lines`;
}

function tooManyBlocks(lineNo: number, budget: PageBudget): string {
  return `the page has too many lines and blocks by line ${lineNo}: over ${budget.maxBlockUnits} (each line counts one, each list item, paragraph, heading, table row or other block four more, each table cell one)`;
}

function deepLine(lineNo: number, depth: number, budget: PageBudget): string {
  return `line ${lineNo} is nested ${depth} blocks deep, over the limit of ${budget.maxDepth}`;
}

/**
 * Why `markdown` is over `budget`, or undefined when it is within it. One pass over the lines, linear
 * in the text: quote markers are counted at the start of each line, list items by a stack of the
 * indents at which their markers stand (a marker indented deeper than the last opens a nested list;
 * one at or left of an open level closes it). Text lines never close levels: unindented lazy lines
 * between markers would otherwise hide a deep list, and overcounting needs ever deeper markers.
 */
export function overBudget(markdown: string, budget: PageBudget): string | undefined {
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > budget.maxBytes) return `the page is ${bytes} bytes, over the limit of ${budget.maxBytes}`;
  const lists: number[] = [];
  const footnotes = writesFootnotes(markdown);
  let fence: string | undefined;
  let markers = 0;
  let marks = 0; // marks and lines so far in the paragraph, for the footnote and pair look-backs
  let open = 0; // `[` not yet closed in the paragraph (or list item)
  let pairMarks = 0; // marks and lines so far in the paragraph or list item, for the pair look-back
  let lookback = 0;
  let units = 0;
  let inline = 0; // inline marks over the page, outside fenced code
  let setext = 0;
  let nested = 0;
  let afterBlank = true;
  let afterText = false; // the last line was a paragraph's, which a setext underline would end
  let lineNo = 0;
  const lazy = new LazyLines();
  const html = new OpenHtml();
  const runs = new TextRuns();
  const lines = markdown.split(/\r\n|\r|\n/);
  // Front matter is YAML (remark-frontmatter's `---` fences at the top), not Markdown: no inline tokens.
  const front =
    lines[0]?.trimEnd() === '---' ? lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---') + 1 : 0;
  for (const line of lines) {
    lineNo++;
    if (++units > budget.maxBlockUnits) return tooManyBlocks(lineNo, budget);
    let { columns, at } = indentOf(line, 0);
    const indent = columns;
    let quotes = 0;
    while (line.charCodeAt(at) === 62 /* > */) {
      quotes++;
      ({ at } = indentOf(line, at + 1));
      columns = 0;
    }
    if (quotes > budget.maxDepth) return deepLine(lineNo, quotes, budget);
    if (at >= line.length) {
      markers = 0; // a blank line ends the paragraph
      marks = 0;
      open = 0;
      pairMarks = 0;
      afterBlank = true;
      afterText = false;
      lazy.blank(quotes > 0);
      html.reset();
      runs.reset();
      continue;
    }
    // Each container a line stands in reads its prefix and walks its events again (the list's tokens when it
    // closes): 8,000 lines 99 lists deep cost 30 s and 1 GB, the same lines in one list 5 s.
    const within = quotes + levelsLeftOf(lists, columns);
    nested += within * within;
    if (nested > budget.maxNestedLines)
      return `the page has too many lines inside deep lists or block quotes by line ${lineNo}: over ${budget.maxNestedLines} (each line counts the square of the lists and quotes it stands in)`;
    const rest = line.slice(at);
    const fenceMark = FENCE.exec(rest)?.[1];
    if (fence !== undefined) {
      if (fenceMark?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (afterText && indent < 4 && SETEXT.test(rest)) {
      // The underline copies the page's events so far (EditMap.consume in micromark's setext-underline).
      setext += 4 * lineNo;
      if (setext > budget.maxSetextLookback)
        return `the page has too many setext headings (text underlined with = or -) by line ${lineNo}: the Markdown parser would copy more than ${budget.maxSetextLookback} lines`;
    }
    if (fenceMark) {
      fence = fenceMark;
      afterText = false;
      if (lazy.line(lineNo, quotes > 0, indent, true) > budget.maxLazyLookback)
        return lazyLimit(lineNo, budget);
      continue;
    }
    // Each marker on the line ("- - - x") opens one more level, at the column after it.
    let offset = at;
    let items = 0;
    for (;;) {
      const marker = LIST_MARKER.exec(line.slice(offset, offset + 12))?.[0];
      if (!marker) break;
      while (lists.length && (lists.at(-1) as number) >= columns) lists.pop();
      lists.push(columns);
      const next = indentOf(line, offset + marker.length);
      columns += marker.length + next.columns;
      offset = next.at;
      items++;
    }
    const depth = quotes + lists.length;
    if (depth > budget.maxDepth) return deepLine(lineNo, depth, budget);
    if (offset !== at) lazy.item(columns);
    const opened = quotes > 0 || offset !== at;
    const startsBlock = BLOCK_START.test(rest);
    if (lazy.line(lineNo, opened, indent, startsBlock) > budget.maxLazyLookback)
      return lazyLimit(lineNo, budget);
    // A line that opens a block costs the parser a tokenizer and its tokens; a paragraph's next line far less.
    const block = afterBlank || opened || startsBlock || rest.startsWith('[') || rest.includes('|');
    units += 4 * Math.max(items, block ? 1 : 0);
    // A table row's cells each cost about a line (20,000 columns, 240 KB: seconds).
    if (block) units += rest.match(PIPE)?.length ?? 0;
    if (units > budget.maxBlockUnits) return tooManyBlocks(lineNo, budget);
    afterBlank = false;
    afterText = items === 0 && !startsBlock;
    // Table rows are parsed cell by cell, so their markers never meet those of other rows.
    if (rest.startsWith('|')) {
      markers = 0;
      marks = 0;
    }
    // A list item's or heading's text is resolved on its own; a table row's cells too.
    if (items > 0 || startsBlock || rest.startsWith('|')) {
      open = 0;
      pairMarks = 0;
      html.reset();
      runs.reset();
    }
    markers += rest.match(MARKER)?.length ?? 0;
    if (markers > budget.maxMarkersPerParagraph)
      return `the paragraph at line ${lineNo} has over ${budget.maxMarkersPerParagraph} emphasis markers (*, _, ~)`;
    marks++;
    pairMarks++;
    let split = false; // a mark after text: it splits the line's text into side-by-side tokens (TextRuns)
    for (const { 0: mark, index } of rest.matchAll(CONSTRUCT_MARK)) {
      if (lineNo > front) inline++;
      if (index > 0 && !MARKS.includes(rest[index - 1] as string)) split = true;
      marks++;
      pairMarks++;
      if (mark === '[') open++;
      else if (mark !== ']') continue;
      else if (footnotes) lookback += marks;
      else if (open > 0) {
        open--;
        // A pair that is no link (`[a]`, `![a]`, `[a][b]`) makes the text resolver splice the paragraph's
        // events again; a link's `](` and a definition's `]:` were measured linear.
        const next = rest.charCodeAt(index + 1);
        if (next !== 40 /* ( */ && next !== 58 /* : */) lookback += pairMarks;
      }
    }
    if (footnotes && lookback > budget.maxFootnoteLookback)
      return `the page writes footnotes ([^) and has too many ] among other marks by its paragraph at line ${lineNo}: the footnote syntax would look back over more than ${budget.maxFootnoteLookback} marks`;
    if (!footnotes && lookback > budget.maxPairLookback)
      return `the page has too many […] pairs among other marks by its paragraph at line ${lineNo}: the Markdown parser would go back over more than ${budget.maxPairLookback} marks`;
    // Checked after the look-backs, which name the costlier shape when a line is over both.
    if (inline > budget.maxInlineMarks)
      return `the page has too many inline marks by line ${lineNo}: over ${budget.maxInlineMarks} of ! & * < [ \\ ] _ \` ~ outside code blocks, each of which the Markdown parser makes tokens for`;
    if (lineNo > front && runs.line(rest, split) > budget.maxTextRuns)
      return `the page has too many lines where an inline mark follows text in one paragraph by line ${lineNo}: the Markdown parser would splice the paragraph's tokens more than ${budget.maxTextRuns} lines' worth`;
    if (lineNo > front && html.line(rest) > budget.maxHtmlScan)
      return `the page has too much inline HTML left open (<!--, <?, <! without its end) by line ${lineNo}: the Markdown parser would read on from each opener over more than ${budget.maxHtmlScan} characters`;
    if (moreWordsThan(rest, budget.maxLineWords))
      return `line ${lineNo} has over ${budget.maxLineWords} words: the Markdown parser's table syntax makes tokens for each`;
  }
  return undefined;
}
