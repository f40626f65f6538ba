import { z } from 'zod';
import type { Hit, PageCheckKind } from '../check.js';
import { commentNotes } from './comment-notes.js';
import { homeFrontMatterHits } from './placeholder-home.js';
import { standInLinkHits } from './placeholder-links.js';
import { meantNodes } from './placeholder-meant.js';
import { DEFAULT_PLACEHOLDERS } from './placeholder-patterns.js';
import {
  DEFAULT_VALUE_PLACEHOLDERS,
  PLACEHOLDER_BODY,
  plannedLabel,
  TO_WRITE_BODY,
  VALUE_WORD,
  wholeSections,
} from './placeholder-values.js';
import { describesFormat, proseCandidates, sentenceAround, sentenceBounds } from './prose-context.js';
import { STOCK_SENTENCES } from './stock-templates.js';
import { spanPosition, valueOffsets } from './text.js';
import { markedSlot } from './underscored-slot.js';
import { compileRegex, regexSource, truncate } from './values.js';

export { DEFAULT_PLACEHOLDERS, UNNAMED } from './placeholder-patterns.js';
export { DEFAULT_VALUE_PLACEHOLDERS } from './placeholder-values.js';

/** Before the match on its line: nothing, or a label ending in a colon or a dash. */
const LABEL_BEFORE = /^(?:.*[:\-–—]\s*|\s*)$/u;

/** Whether the span is the whole value of its line: "TBD", "Owner: TBD", "- **Review:** TBD." */
function standsAlone(block: string, start: number, end: number): boolean {
  // What follows first, only as far as it goes: the line around each of thousands of matches on one long line was read whole for every match.
  CLOSING_RUN.lastIndex = end;
  CLOSING_RUN.exec(block);
  const stop = CLOSING_RUN.lastIndex;
  if (stop < block.length && !block.slice(end, stop).includes('\n')) return false;
  const lineStart = block.lastIndexOf('\n', start - 1) + 1;
  return LABEL_BEFORE.test(block.slice(lineStart, start));
}

/** After the match on its line, nothing but closing punctuation: the run of those from a position, line breaks included. */
const CLOSING_RUN = /[\s.!…]*/uy;

const YOUR = /\byour\b/i;
const YOU = /\byou(?:r|'ll|'d)?\b/gi;

/** A "[Your name]" slot in a sentence that speaks to the reader ("You can have packages addressed to [Your
 * name], 35th floor"): it tells them what to write there. Alone ("[Add your notes]") it is still unfilled. */
function toldToReader(block: string, start: number, end: number): boolean {
  if (!YOUR.test(block.slice(start, end))) return false;
  const { from, to } = sentenceBounds(block, start, end);
  // The sentence's "you" words found once: a sentence of thousands of distinct slots ("[Your name 1]",
  // "[Your name 2]", …) was read again for each (10,000 in one sentence: 10 s).
  if (told.block !== block || told.from !== from) {
    const you = [...block.slice(from, to).matchAll(YOU)].map((m) => ({
      start: from + m.index,
      end: from + m.index + m[0].length,
    }));
    told = { block, from, you };
  }
  // The slot's own words aside, the sentence says "you" somewhere: the first or the last such word is outside it.
  const first = told.you[0];
  const last = told.you[told.you.length - 1];
  return first !== undefined && last !== undefined && (first.start < start || last.end > end);
}

let told: { block: string; from: number; you: { start: number; end: number }[] } = {
  block: '',
  from: -1,
  you: [],
};

const options = z.object({
  patterns: z.array(regexSource).default(DEFAULT_PLACEHOLDERS),
  'value-patterns': z.array(regexSource).default(DEFAULT_VALUE_PLACEHOLDERS),
  'ignore-patterns': z.array(regexSource).default([]),
  /** Read, in any case, only as the whole text of a section or page (a paragraph, a quoted one, a list of one item). */
  'section-patterns': z.array(regexSource).default([PLACEHOLDER_BODY, TO_WRITE_BODY]),
  /** Whether slots made by markup are template text: "__Name__", an italic "_preencher_", a "[form](/)" link. */
  'underscored-slots': z.boolean().default(true),
  /**
   * What follows a bracketed slot in a form's statement ("[Employee Name] certifies that ..."): the page is
   * a form each signer fills in, and that slot is its field wherever the page writes it.
   */
  'form-statements': z.array(regexSource).default([]),
  /**
   * Document types where `patterns` are how a task is written ("TODO: Ben calls the venue" in minutes), and a
   * label's "TODO" a field a script or the meeting fills in ("Creation date: TODO" on a generated agenda): only a
   * section left as a bare value word ("## Attendees" then "* TODO") is unfinished there.
   */
  'section-only-types': z.array(z.string()).default([]),
  /** Whether `patterns` are read in the HTML comments of a page with nothing but headings and comments. */
  'stub-comments': z.boolean().default(false),
  /** Fields (normalized names) that make such a page no stub a reader lands on (`redirect-to`: it sends them on). */
  'stub-except-fields': z.array(z.string()).default([]),
  /** Read with `patterns` in an HTML comment inside the text (an author's note there); none: such comments are skipped. */
  'inline-comment-patterns': z.array(regexSource).default([]),
});

/** How far after a slot its form statement is looked for. */
const FORM_REACH = 60;

/** The `placeholder` rule keys after defaults. */
export type PlaceholderOptions = z.output<typeof options>;

/** Template text left in a page ("[Name]", "YYYY-MM-DD", "TBD"): a copy that was never filled in. */
export const placeholderCheck: PageCheckKind<PlaceholderOptions> = {
  name: 'placeholder',
  values: ['placeholder'],
  options,
  run(page, opts): Hit[] {
    if (page.unreadable) return [];
    const sectionOnly = opts['section-only-types'].includes(page.type ?? '');
    const patterns = (sectionOnly ? [] : opts.patterns).map((source) => compileRegex(source, ''));
    // The stock sentences are a section's unfilled text only as a paragraph of their own (stock-templates.ts).
    const stock = compileRegex(STOCK_SENTENCES, '');
    const values = opts['value-patterns'].map((source) => compileRegex(source, ''));
    const anyCase = opts['value-patterns'].map((source) => compileRegex(source, 'i'));
    const sections = wholeSections(page.tree);
    const bodies = wholeSections(page.tree, true);
    const sectionPatterns = opts['section-patterns'].map((source) => compileRegex(source, 'i'));
    const ignore = opts['ignore-patterns'].map((source) => compileRegex(source, ''));
    const statements = opts['form-statements'].map((source) => compileRegex(source, ''));
    const fields = new Set<string>();
    const hits: Hit[] = [
      ...commentNotes(page, opts, patterns, ignore),
      ...homeFrontMatterHits(page, patterns),
      ...(opts['underscored-slots'] ? standInLinkHits(page) : []),
    ];
    const meant = meantNodes(page.tree, (text) => patterns.some((re) => re.test(text)));
    for (const { node, block, at, example, heading } of proseCandidates(page.tree)) {
      // Under an "Example" heading template text is shown, but a section left as a bare "TBD" is a section
      // never written ("## Example workflow", "### Daily workflow", "TBD": the team's own workflow).
      if (meant.formats.has(node) || (example && !sections.has(node))) continue;
      const underscored = opts['underscored-slots'] && !example ? markedSlot(page.markdown, node) : undefined;
      if (underscored) {
        hits.push({
          data: { placeholder: underscored.text },
          position: spanPosition(page, underscored.start, underscored.end),
          excerpt: truncate(block.text, 120),
          matched: `${underscored.text} in ${truncate(block.text, 80)}`,
        });
        continue;
      }
      const alone = (m: RegExpExecArray) => standsAlone(block.text, at + m.index, at + m.index + m[0].length);
      // In a how-to step a bracketed slot names what to type; alone on its line it is still an unfilled item.
      const slot = (m: RegExpExecArray) =>
        m[0].startsWith('[') &&
        (meant.asked.has(node) ||
          (meant.tags.has(node) && !node.value.slice(0, m.index).trim()) ||
          (meant.steps.has(node) && !alone(m)) ||
          toldToReader(block.text, at + m.index, at + m.index + m[0].length));
      const matches = [
        ...(example ? [] : patterns)
          .filter((re) => re !== stock || !meant.outline.has(node))
          .flatMap((re) => [...re.matchAll(node.value)].filter((m) => !slot(m))),
        ...(meant.values.has(node) ||
        (sectionOnly && !(sections.has(node) && VALUE_WORD.test(node.value.trim())))
          ? []
          : (sections.has(node) ? anyCase : values).flatMap((re) =>
              [...re.matchAll(node.value)].filter(
                (m) => alone(m) && !plannedLabel(block.text, at + m.index, heading),
              ),
            )),
        ...(bodies.has(node) ? sectionPatterns : []).flatMap((re) => [...re.matchAll(node.value)]),
      ].sort((a, b) => a.index - b.index);
      if (matches.length === 0) continue;
      const offsets = valueOffsets(page, node);
      let taken = 0;
      for (const match of matches) {
        const start = match.index;
        const end = start + match[0].length;
        // Patterns may overlap ("{insert YYYY-MM-DD}"); the first match wins.
        if (start < taken || !offsets || match[0] === '') continue;
        taken = end;
        if (describesFormat(block.text, at + start, at + end) || ignore.some((re) => re.test(match[0])))
          continue;
        const after = block.text.slice(at + end, at + end + FORM_REACH);
        if (match[0].startsWith('[') && statements.some((re) => re.test(after))) fields.add(match[0]);
        const sentence = sentenceAround(block.text, at + start, at + end);
        hits.push({
          // A note wrapped over a soft line break is quoted on one line, as the page shows it.
          data: { placeholder: match[0].replace(/\n/g, ' ') },
          position: spanPosition(page, offsets[start] ?? 0, (offsets[end - 1] ?? 0) + 1),
          excerpt: truncate(sentence, 120),
          matched: `${match[0]} in ${truncate(sentence, 80)}`,
        });
      }
    }
    return fields.size === 0 ? hits : hits.filter((hit) => !fields.has(String(hit.data?.placeholder)));
  },
};
