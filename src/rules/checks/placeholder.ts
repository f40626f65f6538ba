import type { Html, Nodes, Text } from 'mdast';
import { z } from 'zod';
import type { Hit, PageCheckKind } from '../check.js';
import { spanPosition, valueOffsets } from './text.js';
import { regexSource, truncate } from './values.js';

// A bracket right after a word or `#` is code ("#[link]", "Range[Inclusive]"); one followed by "(" or "[" is a link the parser could not resolve.
const NOT_LINKISH = '(?<![\\w#\\]!])\\[';
const END = '\\](?![(\\[])';
const TEMPLATE_VERB =
  '(?:Add|Insert|Enter|Fill(?: in)?|Describe|Write|List|Explain|Summari[sz]e|Replace|Include|Provide|Paste|Specify|Choose|Select|Outline|Link to)\\b';
const TEMPLATE_NOUN =
  '(?:[Nn]ame|[Dd]ate|[Tt]itle|[Oo]wner|[Ll]ink|UR[LI]|[Ee]-?mail|[Tt]ime|[Dd]escription|[Ss]ummary|[Nn]otes|[Dd]etails|[Pp]erson|[Aa]uthor|[Dd]eadline|[Rr]ole)';

/**
 * Template text that a filled-in copy no longer contains. Bracketed text only counts when it reads like
 * an instruction ("[Add your notes]", "[Team name]", "[Date]"): "[Beta]", "[Types team]" or "#[link]" are
 * real tags and code. Case-sensitive, so "tbd" in prose is left alone.
 */
export const DEFAULT_PLACEHOLDERS = [
  `${NOT_LINKISH}(?:${TEMPLATE_VERB}[^\\]\\n]{0,60}|[^\\]\\n]{0,40}\\b[Yy]our\\b[^\\]\\n]{0,40}|(?:[\\w'’-]+ ){0,3}${TEMPLATE_NOUN}|Team|Project|Company|Product|Customer)${END}`,
  '\\b(?:YYYY-MM-DD|YYYY/MM/DD|DD/MM/YYYY|MM/DD/YYYY)\\b',
  '\\bTBD\\b',
  '\\b[Ll]orem ipsum\\b',
  '[<{][Ii]nsert\\b[^>}]*[>}]',
];

/** A sentence that explains a format ("use the format YYYY-MM-DD") mentions it; it does not leave it unfilled. */
const TALKS_ABOUT_FORMAT =
  /\bformat|\be\.g\.|\bi\.e\.|\bexamples?\b|\bsamples?\b|\btemplates?\b|\bsuch as\b|\blike\b|\bin the form\b/i;
/** Text after a mention of an example or template, up to the next heading, is the example: "use the template below". */
const INTRODUCES_EXAMPLE = /\b(?:examples?|samples?|templates?|scripts?)\b/i;
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?](?=\s|$)|\n/g;
const TEMPLATE_TOKEN = /\{\{[^}]*\}\}/g;
const WRAPPERS: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '(': ')' };
const INSERT_TAG = /^<insert\b[^>]*>$/i;
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

const options = z.object({
  patterns: z.array(regexSource).default(DEFAULT_PLACEHOLDERS),
  'ignore-patterns': z.array(regexSource).default([]),
});

/** The `placeholder` rule keys after defaults. */
export type PlaceholderOptions = z.output<typeof options>;

interface Candidate {
  node: Text | Html;
  block: { text: string };
  /** Where the node's value starts in its block's plain text. */
  at: number;
}

// Only prose outside examples: code, inline code and HTML never hold placeholders, except an `<insert title>` tag.
function candidates(root: Nodes): Candidate[] {
  const found: Candidate[] = [];
  let inExample = false;
  const visit = (node: Nodes, block: { text: string } | undefined): void => {
    if (node.type === 'heading') inExample = false;
    const own = BLOCKS.has(node.type) ? { text: '' } : block;
    if (own && (node.type === 'text' || node.type === 'html' || node.type === 'inlineCode')) {
      const prose = node.type === 'text' || (node.type === 'html' && INSERT_TAG.test(node.value.trim()));
      if (prose && !inExample) found.push({ node, block: own, at: own.text.length });
      own.text += node.value;
    }
    if ('children' in node) for (const child of node.children) visit(child, own);
    if (own && own !== block && INTRODUCES_EXAMPLE.test(own.text)) inExample = true;
  };
  visit(root, undefined);
  return found;
}

function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const boundary of text.matchAll(SENTENCE_END)) {
    if (boundary.index < start) from = boundary.index + 1;
    else if (boundary.index >= end) {
      to = boundary.index + 1;
      break;
    }
  }
  return text.slice(from, to).trim();
}

function insideQuotes(text: string, start: number, end: number): boolean {
  const straight = (text.slice(0, start).match(/"/g)?.length ?? 0) % 2 === 1 && text.indexOf('"', end) >= 0;
  const curly = text.lastIndexOf('“', start) > text.lastIndexOf('”', start) && text.indexOf('”', end) >= 0;
  return straight || curly;
}

/** Whether the match is talked about rather than left in: quoted, in parentheses, in a template token, or in a sentence about formats. */
function describesFormat(block: string, start: number, end: number): boolean {
  const close = WRAPPERS[block.charAt(start - 1)];
  if (close !== undefined && block.charAt(end) === close) return true;
  if (insideQuotes(block, start, end)) return true;
  for (const token of block.matchAll(TEMPLATE_TOKEN))
    if (token.index < end && token.index + token[0].length > start) return true;
  return TALKS_ABOUT_FORMAT.test(sentenceAround(block, start, end));
}

/** Template text left in a page ("[Name]", "YYYY-MM-DD", "TBD"): a copy that was never filled in. */
export const placeholderCheck: PageCheckKind<PlaceholderOptions> = {
  name: 'placeholder',
  options,
  run(page, opts): Hit[] {
    if (page.unreadable) return [];
    const patterns = opts.patterns.map((source) => new RegExp(source, 'gu'));
    const ignore = opts['ignore-patterns'].map((source) => new RegExp(source, 'u'));
    const hits: Hit[] = [];
    for (const { node, block, at } of candidates(page.tree)) {
      const matches = patterns
        .flatMap((re) => [...node.value.matchAll(re)])
        .sort((a, b) => a.index - b.index);
      if (matches.length === 0) continue;
      const offsets = valueOffsets(page, node);
      let taken = 0;
      for (const match of matches) {
        const start = match.index;
        const end = start + match[0].length;
        // Patterns overlap ("[Date]" is also "[... name]"-like); the first match wins.
        if (start < taken || !offsets || match[0] === '') continue;
        taken = end;
        if (describesFormat(block.text, at + start, at + end) || ignore.some((re) => re.test(match[0])))
          continue;
        const sentence = sentenceAround(block.text, at + start, at + end);
        hits.push({
          data: { placeholder: match[0] },
          position: spanPosition(page, offsets[start] ?? 0, (offsets[end - 1] ?? 0) + 1),
          excerpt: truncate(sentence, 120),
          matched: `${match[0]} in ${truncate(sentence, 80)}`,
        });
      }
    }
    return hits;
  },
};
