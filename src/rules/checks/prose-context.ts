import type { Html, InlineCode, Nodes, Text } from 'mdast';

/** A sentence that explains a format ("use the format YYYY-MM-DD", Dutch "het formaat DD-MM-JJJJ") mentions it; it
 * does not leave it unfilled. */
const FORMAT_WORDS =
  /\bforma{1,2}t|\be\.g\.|\bi\.e\.|\bexamples?\b|\bsamples?\b|\btemplates?\b|\bsuch as\b|\blike\b|\bin the form\b/gi;
/** Text after a mention of an example or template, up to the next heading, is the example: "use the template below". */
const INTRODUCES_EXAMPLE = /\b(?:examples?|samples?|templates?|scripts?)\b/i;
/**
 * "Script" is a program too ("placed inside a separate .py script", "# Data Script Strategy"): it introduces one to
 * read out only as a heading's last word ("## Call script") or in a paragraph ending in a colon.
 */
const EXAMPLE_NAMED = /\b(?:examples?|samples?|templates?)\b/i;
const SCRIPT_NAMED = /\bscripts?:?$/i;
/** A `Key: value` line, its key of a few words (`Name`, `Author(s)`). */
const FIELD_LINE = /^(\p{L}[\p{L}\p{N} ()'’/-]{0,40}):[ \t]+\S[^\n]*$/u;
/** A block that is one `{{…}}` prompt and nothing else. */
const PROMPT_BLOCK = /^\s*\{\{[^{}]*\}\}\s*$/;
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?](?=\s|$)|\n/g;
const WRAPPERS: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '(': ')' };
/** An HTML tag that is a slot, not markup: `<insert title>`, or a bare `<link>` (HTML's own has attributes). */
const SLOT_TAG = /^<(?:insert\b[^>]*|link)>$/i;
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** A text node (or `<insert ...>` tag) where a placeholder may be, with the plain text of its paragraph. */
export interface Candidate {
  node: Text | Html;
  block: { text: string };
  /** Where the node's value starts in its block's plain text. */
  at: number;
  /** Under a heading that introduces an example ("## Example content"), where template text is shown. */
  example: boolean;
  /** The text of the nearest heading above the node ("Next Meeting"), empty above the first. */
  heading: string;
}

/**
 * The prose outside examples, and that under an example heading marked as such: code, inline code and HTML
 * never hold placeholders, except an `<insert title>` or `<link>` tag.
 */
export function proseCandidates(root: Nodes): Candidate[] {
  const found: Candidate[] = [];
  // "## Example content" covers its sub-sections; "Use the template below:" covers the rest of its section.
  let exampleHeading: number | undefined;
  let exampleParagraph = false;
  // A quoted message may run over several paragraphs and lists ("Hi team! ... - item ... see you!"), never past a heading.
  let quoteOpen = false;
  let heading = '';
  const visit = (node: Nodes, block: { text: string; quoted?: boolean } | undefined): void => {
    if (node.type === 'heading') {
      exampleParagraph = false;
      quoteOpen = false;
      if (exampleHeading !== undefined && node.depth <= exampleHeading) exampleHeading = undefined;
    }
    const isBlock = BLOCKS.has(node.type);
    // An HTML block (`<insert title>` on its own line) is its own sentence.
    const own = isBlock || (!block && node.type === 'html') ? { text: '', quoted: quoteOpen } : block;
    if (own && (node.type === 'text' || node.type === 'html' || node.type === 'inlineCode')) {
      const prose = node.type === 'text' || (node.type === 'html' && SLOT_TAG.test(node.value.trim()));
      if (prose && !exampleParagraph && !own.quoted)
        found.push({ node, block: own, at: own.text.length, example: exampleHeading !== undefined, heading });
      own.text += readable(node);
    }
    if ('children' in node) for (const child of node.children) visit(child, own);
    if (node.type === 'heading' && own) heading = own.text;
    if (isBlock && own && node.type !== 'heading' && opensOrCloses(own.text)) quoteOpen = !quoteOpen;
    // A template's prompt that names examples ("{{This section is optional if there are no prior examples}}") shows none.
    if (!isBlock || !own || !INTRODUCES_EXAMPLE.test(own.text) || PROMPT_BLOCK.test(own.text)) return;
    const text = own.text.trimEnd();
    // A header field whose value names a template ("- Name: RFC template changes") is the page's own, no caption.
    const field = FIELD_LINE.exec(text);
    if (field && !INTRODUCES_EXAMPLE.test(field[1] ?? '') && !text.endsWith(':')) return;
    if (
      !EXAMPLE_NAMED.test(text) &&
      !(node.type === 'heading' ? SCRIPT_NAMED.test(text) : text.endsWith(':'))
    )
      return;
    if (node.type === 'heading') exampleHeading ??= node.depth;
    else exampleParagraph = true;
  };
  visit(root, undefined);
  return found;
}

/** An inline directive (`<!-- handbook-lint-… -->`), in an HTML comment or typed as text in a wiki. */
const DIRECTIVE = /<!--\s*handbook-lint-[\s\S]*?-->/g;

/**
 * What a node adds to its block's text: a directive is not text after a placeholder, or adding one
 * would change what it is about. Blanked in text, so offsets within the node still hold.
 */
function readable(node: Text | Html | InlineCode): string {
  if (node.type === 'inlineCode' || !node.value.includes('<!--')) return node.value;
  // Only up to the last `-->`, where any directive ends: unclosed openers are not searched to the end from each.
  const end = node.value.lastIndexOf('-->') + 3;
  const head = node.value.slice(0, end).replace(DIRECTIVE, (directive) => directive.replace(/[^\n]/g, ' '));
  return head + node.value.slice(end);
}

/** Whether a block leaves a quote open, or closes one an earlier block opened. */
function opensOrCloses(text: string): boolean {
  const count = (mark: string) => text.split(mark).length - 1;
  return count('"') % 2 === 1 || count('“') !== count('”');
}

/**
 * What the context checks look up in a block, found once per block: its sentence ends, quote marks and
 * `{{…}}` tokens. A block of a megabyte holds thousands of placeholders, and each was looked up from
 * the block's start (quadratic: 10,000 `YYYY-MM-DD` in a paragraph cost 76 s).
 */
interface BlockMarks {
  text: string;
  ends: number[];
  straight: number[];
  opening: number[];
  closing: number[];
  tokens: { start: number; end: number }[];
  tokenStarts: number[];
  sentence?: { from: number; to: number; text: string; formatWords?: { start: number; end: number }[] };
}

let lastBlock: BlockMarks | undefined;

function marksOf(text: string): BlockMarks {
  if (lastBlock?.text === text) return lastBlock;
  const at = (mark: string) => [...text.matchAll(new RegExp(mark, 'g'))].map((m) => m.index);
  const tokens = [...templateTokens(text)];
  lastBlock = {
    text,
    ends: [...text.matchAll(SENTENCE_END)].map((m) => m.index),
    straight: at('"'),
    opening: at('“'),
    closing: at('”'),
    tokens,
    tokenStarts: tokens.map((token) => token.start),
  };
  return lastBlock;
}

/** How many of the sorted `positions` are below `value`. */
function below(positions: readonly number[], value: number): number {
  let [low, high] = [0, positions.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((positions[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where the sentence around a span starts and ends in `text` (untrimmed), found by binary search. */
export function sentenceBounds(text: string, start: number, end: number): { from: number; to: number } {
  const marks = marksOf(text);
  const before = below(marks.ends, start);
  const after = below(marks.ends, end);
  const from = before > 0 ? (marks.ends[before - 1] as number) + 1 : 0;
  const to = after < marks.ends.length ? (marks.ends[after] as number) + 1 : text.length;
  return { from, to };
}

/** The sentence of `text` around a span, for context checks, excerpts and fingerprints. */
export function sentenceAround(text: string, start: number, end: number): string {
  const marks = marksOf(text);
  const { from, to } = sentenceBounds(text, start, end);
  if (marks.sentence?.from !== from || marks.sentence.to !== to)
    marks.sentence = { from, to, text: text.slice(from, to).trim() };
  return marks.sentence.text;
}

// A quote may close in a later paragraph (a quoted message over several paragraphs), so an open quote is enough.
function insideQuotes(text: string, start: number): boolean {
  const marks = marksOf(text);
  if (below(marks.straight, start) % 2 === 1) return true;
  // The last of each at or before `start`, as lastIndexOf(mark, start) finds it.
  const last = (positions: readonly number[]) => (positions[below(positions, start + 1) - 1] ?? -1) as number;
  return last(marks.opening) > last(marks.closing);
}

/**
 * The `{{…}}` tokens of `text`, left to right, as `/\{\{[^}]*\}\}/g` finds them. A `{{` whose first `}`
 * does not close it fails for every `{{` before that `}` too, so the search goes on after it: the
 * pattern tried a run of `{` from each of them to its end.
 */
function* templateTokens(text: string): Generator<{ start: number; end: number }> {
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{', from);
    const close = open < 0 ? -1 : text.indexOf('}', open + 2);
    if (close < 0) return;
    if (text[close + 1] === '}') yield { start: open, end: close + 2 };
    from = text[close + 1] === '}' ? close + 2 : close + 1;
  }
}

/** Whether the match is talked about rather than left in: quoted, in parentheses, in a template token, or in a sentence about formats. */
export function describesFormat(block: string, start: number, end: number): boolean {
  const close = WRAPPERS[block.charAt(start - 1)];
  if (close !== undefined && block.charAt(end) === close) return true;
  if (insideQuotes(block, start)) return true;
  // Tokens do not overlap: only the last one starting before `end` can reach past `start`.
  const { tokens, tokenStarts } = marksOf(block);
  const token = tokens[below(tokenStarts, end) - 1];
  // The token itself is what was matched (an RFC template's `{{Describe …}}` prompt): it is the slot.
  const whole = token?.start === start && token.end === end;
  if (token && token.end > start && !whole) return true;
  sentenceAround(block, start, end);
  const sentence = marksOf(block).sentence as NonNullable<BlockMarks['sentence']>;
  // Once per sentence: the matches of a sentence of a megabyte each read it again.
  sentence.formatWords ??= [...block.slice(sentence.from, sentence.to).matchAll(FORMAT_WORDS)].map((m) => ({
    start: sentence.from + m.index,
    end: sentence.from + m.index + m[0].length,
  }));
  // The match's own words aside: "[Describe the problem, e.g. in two sentences]" is a slot, not a sentence about formats.
  const [first, last] = [sentence.formatWords[0], sentence.formatWords.at(-1)];
  return first !== undefined && last !== undefined && (first.start < start || last.end > end);
}
