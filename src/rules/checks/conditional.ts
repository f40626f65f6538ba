import type { RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import type { Position } from '../../model/position.js';
import { cleanValue, normalizeKey } from '../../normalize/fields.js';
import { textLanguages } from '../../normalize/language.js';
import { wikiKey } from '../../platforms/urls.js';
import type { Hit, PageCheckKind } from '../check.js';
import type { RuleRegex } from '../regex.js';
import { type Alternative, type ConditionalOptions, describe, options } from './conditional-options.js';
import { findSections, headingNames, type Section } from './find-section.js';
import { lastAtOrBefore } from './last-before.js';
import { rosterTask } from './roster-tasks.js';
import { actionItems } from './task-items.js';
import { emptySlot } from './task-places.js';
import { listItemRanges, plainText, proseText, spanPosition, wordsBefore, wordsBeside } from './text.js';
import { compileRegex, countWords, truncate } from './values.js';

interface Holds {
  parts: string[];
  position?: Position;
}

function holds(page: Page, cond: ConditionalOptions['if'], prose: () => string): Holds | undefined {
  const parts: string[] = [];
  let position: Position | undefined;
  if (cond.type !== undefined) {
    if (page.type?.toLowerCase() !== cond.type.toLowerCase()) return undefined;
    parts.push(`the page is ${cond.type}`);
  }
  if (cond.field !== undefined) {
    const value = cleanValue(page.fields[normalizeKey(cond.field)]?.value ?? '');
    if (!value || (cond.matches !== undefined && !compileRegex(cond.matches).test(value))) return undefined;
    parts.push(`${cond.field} is ${truncate(value, 40)}`);
  }
  if (cond.title !== undefined) {
    if (!compileRegex(cond.title).test(page.title)) return undefined;
    parts.push(`the title matches ${truncate(cond.title, 40)}`);
  }
  if (cond.path !== undefined) {
    if (!compileRegex(cond.path).test(page.path)) return undefined;
    parts.push(`the path matches ${truncate(cond.path, 40)}`);
  }
  if (cond.text !== undefined) {
    const match = compileRegex(cond.text).exec(prose());
    if (!match) return undefined;
    parts.push(`the page has "${truncate(match[0], 40)}"`);
    position = spanPosition(page, match.index, match.index + match[0].length);
  }
  if (cond.link !== undefined) {
    const link = page.links.find((l) => compileRegex(cond.link as string).test(l.href));
    if (!link) return undefined;
    parts.push(`the page links to ${truncate(link.href, 60)}`);
    position = link.position ?? position;
  }
  return { parts, ...(position ? { position } : {}) };
}

// On Notion and Confluence every link to another page is a full URL; it is still a link within the handbook.
function isWikiLink(href: string): boolean {
  try {
    return wikiKey(new URL(href)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The languages whose phrases a page is read with: the configured ones, and those the page is written in
 * when its words tell them clearly and the rule has phrases for them (both halves of notes written half in each).
 */
function phraseLanguages(opts: ConditionalOptions, text: string): string[] {
  const languages = new Set(opts.languages);
  const own = opts['detect-language'] ? textLanguages(text) : [];
  for (const language of own) if (opts.phrases[language]?.length) languages.add(language);
  return [...languages];
}

/** Whether the page's words (not its code, URLs or HTML) have one of the phrases; case-sensitive, so a name is told from a word. */
function saysPhrase(page: Page, opts: ConditionalOptions): boolean {
  const text = plainText(page);
  return phraseLanguages(opts, text).some((lang) =>
    opts.phrases[lang]?.some((p) => compileRegex(p, 'm').test(text)),
  );
}

/** How many times the `if` text occurs (at least once: the condition held). */
function matches(cond: ConditionalOptions['if'], prose: () => string): number {
  if (cond.text === undefined) return 1;
  return Math.max(1, [...compileRegex(cond.text, 'im').matchAll(prose())].length);
}

/**
 * Whether an offset of the page stands under a heading that matches `source` (`not-under`): its own section's
 * heading or one above it, the page's title aside. The page's top-level headings are walked once, each offset
 * then found among them by a binary search.
 */
function underHeading(page: Page, source: string): (offset: number) => boolean {
  const regex = compileRegex(source);
  const title = page.tree.children.find((node) => node.type === 'heading');
  const marks: { offset: number; under: boolean }[] = [];
  const open: { depth: number; under: boolean }[] = [];
  for (const node of page.tree.children) {
    const offset = node.position?.start.offset;
    if (node.type !== 'heading' || offset === undefined) continue;
    while ((open.at(-1)?.depth ?? 0) >= node.depth) open.pop();
    const own = !(node === title && node.depth === 1) && regex.test(mdToString(node));
    const under = own || (open.at(-1)?.under ?? false);
    open.push({ depth: node.depth, under });
    marks.push({ offset, under });
  }
  return (offset) => lastAtOrBefore(marks, offset)?.under === true;
}

/**
 * A section that says only that nothing was settled: "None", "N/A", "Nothing", "결정 사항 없음" (no decisions),
 * "없음" (none), "미정" (undecided), as a copied template's "None" under every outcome heading says; or that it is
 * still to be written: "작성예정" under a general assembly's "## 의결 결과" before its results are in.
 */
export const NOTHING_SETTLED =
  /^(?:[-*+][ \t]*)?(?:(?:none|n\/a|nothing|nil|tbd)(?:[ \t]+(?:yet|so far|this (?:week|time)))?|(?:결정[ \t]?사항[ \t]?)?(?:없음|없습니다|미정|해당[ \t]?없음)|작성[ \t]?예정)[.。!]?$/iu;

/** A block's lines of text: a table's rows but its header, a list's items but a skeleton's empty slots. */
function saidLines(node: RootContent): string[] {
  if (node.type === 'table') return node.children.slice(1).map((row) => mdToString(row));
  if (node.type === 'list')
    return node.children.filter((item) => !emptySlot(item)).map((item) => mdToString(item));
  return [mdToString(node)];
}

/**
 * Whether a section says something: a table's header row aside (a template's "| 결정 | 이유 |" over empty cells
 * is the form left unfilled), a list of empty slots aside ("1. <br>", "- TBD", "2. …": the agenda never filled
 * in), and not only that nothing was settled.
 */
function says(section: Section): boolean {
  if (section.words === 0) return false;
  const text = section.nodes
    .filter((n) => n.type !== 'heading' && !(n.type === 'html' && n.value.trimStart().startsWith('<!--')))
    .flatMap(saidLines)
    .join('\n')
    .trim();
  // "1. <br>": a copied skeleton's empty slot holds a line break, no word.
  const said = text.replace(/<br[ \t]{0,5}\/?>/gi, ' ').trim();
  return countWords(said) > 0 && !NOTHING_SETTLED.test(said);
}

/** Whether one of the named sections has words, and is not under a `not-under` heading when `under` is given. */
function sectionHolds(page: Page, names: string, under: ((offset: number) => boolean) | undefined): boolean {
  // Any of them: a standing "Volunteers wanted" left empty this week does not hide the rest.
  const counts = (s: Section) => {
    const at = s.heading.position?.start.offset;
    return says(s) && !(under && at !== undefined && under(at));
  };
  return findSections(page, headingNames(names)).some(counts);
}

/** Whether the text matches; with a `not-under` test (`under`), somewhere not under such a heading. */
function textHolds(
  regex: RuleRegex,
  text: string,
  under: ((offset: number) => boolean) | undefined,
): boolean {
  if (!under) return regex.test(text);
  for (const match of regex.matchAll(text)) if (!under(match.index)) return true;
  return false;
}

function satisfied(
  page: Page,
  alt: Alternative,
  opts: ConditionalOptions,
  prose: () => string,
  at: Position | undefined,
): boolean {
  const linkWanted = alt.link !== undefined || alt.internal;
  const linkOk = (l: Page['links'][number]) =>
    (!alt.internal || l.kind !== 'external' || isWikiLink(l.href)) &&
    (alt.link === undefined || compileRegex(alt.link).test(l.href));
  if (linkWanted && !page.links.some(linkOk)) return false;
  const notUnder = alt['not-under'];
  const under = notUnder === undefined ? undefined : underHeading(page, notUnder);
  if (alt.section !== undefined && !sectionHolds(page, alt.section, under)) return false;
  if (alt.text !== undefined && !textHolds(compileRegex(alt.text), prose(), under)) return false;
  if (alt.tasks && actionItems(page).length === 0) return false;
  if (alt['roster-tasks'] && !rosterTask(page.markdown, prose(), under)) return false;
  if (alt.phrases && !saysPhrase(page, opts)) return false;
  if (alt.type !== undefined && page.type?.toLowerCase() !== alt.type.toLowerCase()) return false;
  const perMatch = alt['page-words'];
  if (perMatch !== undefined && countWords(plainText(page)) < perMatch * matches(opts.if, prose))
    return false;
  const inSection = alt['section-text'];
  if (inSection !== undefined && !compileRegex(inSection).test(sectionAt(page, at?.start.offset)))
    return false;
  const minWords = alt['context-words'];
  if (minWords !== undefined && wordsBeside(page, at?.start.offset) < minWords) return false;
  if (alt['item-links-page'] && !linksPageFromItem(page, at?.start.offset)) return false;
  const before = alt['written-before'];
  if (before !== undefined && wordsBefore(page, at?.start.offset) < before) return false;
  return alt.field === undefined || Boolean(page.fields[normalizeKey(alt.field)]?.value.trim());
}

/** Whether the list item holding an offset, or the item it is nested under, links to another page of the handbook. */
function linksPageFromItem(page: Page, offset: number | undefined): boolean {
  const ranges = listItemRanges(page, offset);
  return page.links.some((link) => {
    const at = link.position?.start.offset;
    const internal = link.kind !== 'external' || isWikiLink(link.href);
    return internal && at !== undefined && ranges.some((r) => r.start <= at && at < r.end);
  });
}

/** The Markdown of the section around an offset: from its heading to the next heading as high (sub-sections included). */
function sectionAt(page: Page, offset: number | undefined): string {
  if (offset === undefined) return '';
  const before = page.headings.filter((h) => (h.position?.start.offset ?? Infinity) <= offset).at(-1);
  const next = page.headings.find(
    (h) => (h.position?.start.offset ?? -1) > offset && (!before || h.depth <= before.depth),
  );
  return page.markdown.slice(before?.position?.start.offset ?? 0, next?.position?.start.offset);
}

/** Whether the page gives what the rule's `then` asks for, whatever its `if` and `unless` say (a template's slots). */
export function thenHolds(page: Page, opts: ConditionalOptions): boolean {
  let text: string | undefined;
  const prose = () => (text ??= proseText(page));
  return opts.then['any-of'].some((alt) => satisfied(page, alt, opts, prose, undefined));
}

/** If-then norms (Superseded links its successor, a video has a written summary) that no single check expresses. */
export const conditionalCheck: PageCheckKind<ConditionalOptions> = {
  name: 'conditional',
  values: ['condition', 'expected'],
  options,
  run(page, opts): Hit[] {
    if (page.unreadable) return [];
    let text: string | undefined;
    const prose = () => (text ??= proseText(page));
    const when = holds(page, opts.if, prose);
    const unless = opts.unless === undefined ? [] : Array.isArray(opts.unless) ? opts.unless : [opts.unless];
    if (!when || unless.some((cond) => holds(page, cond, prose))) return [];
    const alternatives = opts.then['any-of'];
    if (alternatives.some((alt) => satisfied(page, alt, opts, prose, when.position))) return [];
    const condition = when.parts.join(' and ') || 'always';
    // Two alternatives of one name (an action item as a list's item, or as a task table's row) are one to the reader.
    const expected = [...new Set(alternatives.map(describe))].join(', or ');
    return [
      {
        data: { condition, expected },
        matched: condition,
        ...(when.position ? { position: when.position } : {}),
      },
    ];
  },
};
