/**
 * What the page budget (budget.ts) counts line by line beyond a line's marks: lazy lines, inline HTML left
 * open, and words.
 */

/**
 * What `maxLazyLookback` counts, line by line: whether the last line was in a block quote or list item
 * (one with its marker, or a list item's text indented as far as the item's), and the paragraph so far.
 */
export class LazyLines {
  private inContainer = false;
  /** Where the last list item's text starts; a line indented that far goes on with the item. */
  private itemColumn = 0;
  private afterBlank = false;
  private paragraphLines = 0;
  total = 0;

  blank(inQuote: boolean): void {
    if (inQuote) this.inContainer = true;
    else this.afterBlank = true;
    this.paragraphLines = 0;
  }

  item(textColumn: number): void {
    this.itemColumn = textColumn;
  }

  /** Counts a line that is not blank; returns the sum so far. */
  line(lineNo: number, marked: boolean, indent: number, startsBlock: boolean): number {
    const goesOn = marked || (this.itemColumn > 0 && indent >= this.itemColumn);
    if (goesOn) this.inContainer = true;
    else if (this.inContainer && (this.afterBlank || startsBlock)) {
      // A new block right after the container: micromark moves the page's events so far.
      this.total += 4 * lineNo;
      this.inContainer = false;
      this.itemColumn = 0;
    } else if (this.inContainer) this.total += this.paragraphLines;
    this.afterBlank = false;
    this.paragraphLines++;
    return this.total;
  }
}

/**
 * How many open list levels (the columns of their markers, rising) a line whose text starts at `columns` stands in:
 * those whose marker stands left of it.
 */
export function levelsLeftOf(lists: readonly number[], columns: number): number {
  let levels = lists.length;
  while (levels > 0 && (lists[levels - 1] as number) >= columns) levels--;
  return levels;
}

/** A link reference definition's start (`[a]: …`): a block of its own, whose text is not resolved as a paragraph's. */
const DEFINITION = /^\[[^\]]{0,999}\]:/;

/**
 * What `maxTextRuns` counts, line by line: micromark's text resolver merges each run of side-by-side `data`
 * tokens with a splice of the paragraph's events, and a mark that starts no construct after text on its line
 * (`a & b`, `a <a href="x`) splits the line's text into such a run. So each line of a paragraph where a mark
 * follows text costs the paragraph's lines: counted as the lines before it. A mark after a mark or at the
 * line's start (`\<!-- x -->`) leaves one `data` token, and definitions were measured linear.
 */
export class TextRuns {
  private lines = 0;
  total = 0;

  /** A blank line, or a line that starts a block of its own: the next text is resolved on its own. */
  reset(): void {
    this.lines = 0;
  }

  /** Counts a line of a paragraph, heading or cell (`split`: a mark follows text on it); returns the sum so far. */
  line(text: string, split: boolean): number {
    if (DEFINITION.test(text)) this.reset();
    else if (split) this.total += this.lines;
    this.lines++;
    return this.total;
  }
}

/** The inline HTML micromark reads on to a terminator, and the terminators: `-->`, `?>`, `]]>` and `>`. */
const HTML_SCAN = /<!--|<\?|<!\[CDATA\[|<![A-Za-z]|-->|\?>|\]\]>|>/g;
/** What a line crossed costs the scan, in characters: a line ending in inline HTML costs some 60 of them. */
const LINE_COST = 64;

/**
 * What `maxHtmlScan` counts, line by line: micromark reads an inline comment (`<!--`), instruction (`<?`),
 * declaration (`<!X`) or CDATA section on from its opener to its terminator, or, when none comes, through the
 * rest of the paragraph, and then starts again after the `<`. So each opener left open costs the paragraph's
 * rest: a line's characters, and some 64 more for its ending, for each opener still open when it ends. A
 * terminator ends every opener of its kind before it (each scan stops at the first).
 */
export class OpenHtml {
  private comments = 0;
  private instructions = 0;
  private declarations = 0;
  private cdata = 0;
  total = 0;

  /** A blank line, or a line that starts a block of its own: the next text is read on its own. */
  reset(): void {
    this.comments = 0;
    this.instructions = 0;
    this.declarations = 0;
    this.cdata = 0;
  }

  /** Counts a line of a paragraph, heading or cell; returns the sum so far. */
  line(text: string): number {
    for (const [mark] of text.matchAll(HTML_SCAN)) {
      if (mark === '<!--') this.comments++;
      else if (mark === '<?') this.instructions++;
      else if (mark === '<![CDATA[') this.cdata++;
      else if (mark.startsWith('<!')) this.declarations++;
      else {
        // Every terminator ends in `>`, which ends a declaration.
        this.declarations = 0;
        if (mark === '-->') this.comments = 0;
        else if (mark === '?>') this.instructions = 0;
        else if (mark === ']]>') this.cdata = 0;
      }
    }
    const open = this.comments + this.instructions + this.declarations + this.cdata;
    this.total += open * (text.length + LINE_COST);
    return this.total;
  }
}

/** Whether a line holds more than `max` words (runs of spaces and tabs between text); counted only when it could. */
export function moreWordsThan(text: string, max: number): boolean {
  if (text.length <= 2 * max) return false;
  let words = 0;
  let inSpace = true;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    const space = c === 32 || c === 9;
    if (!space && inSpace && ++words > max) return true;
    inSpace = space;
  }
  return false;
}
