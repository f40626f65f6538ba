import { z } from 'zod';
import type { Page } from '../../model/page.js';
import { normalizeKey } from '../../normalize/fields.js';
import type { Hit, PageCheckKind } from '../check.js';
import type { RuleRegex } from '../regex.js';
import { findSection, type Section } from './find-section.js';
import { detects, familySpec } from './section-families.js';
import { compileRegex, countWords, regexSource } from './values.js';

const sectionSpec = z.strictObject({
  heading: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  required: z.boolean().default(true),
  /** 0 lets a section be empty, for a rule that only judges content another rule requires (a stated reason). */
  'min-words': z.number().int().nonnegative().optional(),
  pattern: regexSource.optional(),
  'pattern-name': z.string().optional(),
  /** Other sections where `pattern` also counts (a "because" in the Context states the reason too). */
  'pattern-in': z.array(z.string()).default([]),
  /**
   * Sections that meet `pattern` by existing with content (a Rationale or Motivation section), or with
   * at least `min-words` of it on a page that has none of the `without` sections (a Context that sets
   * out the problem is the reason for a record that weighs no options: it solves that problem).
   */
  'satisfied-by': z
    .array(
      z.union([
        z.string(),
        z.strictObject({
          heading: z.string().min(1),
          'min-words': z.number().int().positive().default(1),
          /** What its text must state: a need or a problem the decision answers, a gain it brings. */
          pattern: regexSource.optional(),
          /**
           * What the section judged must state for this one to count: a Context's unused thing is the reason
           * for a Decision that removes it, not for one that adopts it.
           */
          'section-pattern': regexSource.optional(),
          without: z.array(z.string()).default([]),
        }),
      ]),
    )
    .default([]),
});

const options = z.object({
  /** The sections of a record no family detects. */
  sections: z.array(sectionSpec).default([]),
  /** What to call such a record in messages. */
  'default-family': z.string().default('record'),
  /** Template families, first detected wins: each record is judged against its own family's sections. */
  families: z.array(familySpec(sectionSpec)).default([]),
  /**
   * Sections (a heading or alias of a section spec) a folder's template that says its sections may be
   * deleted still asks for: src/rules/deletable-sections.ts.
   */
  'never-deletable': z.array(z.string()).default([]),
});

/** The `sections` rule keys after defaults. */
export type SectionsOptions = z.output<typeof options>;
/** One section a family (or the fallback) asks for. */
export type SectionSpec = z.output<typeof sectionSpec>;

/** What a finding about a section is told apart by (its fingerprint's matched text): missing, or there with a problem. */
export function sectionMatched(spec: SectionSpec, missing: boolean): string {
  return `${spec.heading} ${missing ? 'missing' : 'section'}`;
}

/** Whether the page has a heading for the section, by any of its names. */
export function writesSection(page: Page, spec: SectionSpec): boolean {
  return findSection(page, [spec.heading, ...spec.aliases]) !== undefined;
}

/** The family `page` follows, the first detected; undefined when none is and the rule's own `sections` apply. */
export function familyOf(page: Page, opts: SectionsOptions): SectionsOptions['families'][number] | undefined {
  return opts.families.find((f) => detects(page, f.detect));
}

/** Fewest words a field needs to stand for a section: a sentence, not a placeholder (`context: TBD`). */
const FIELD_SECTION_MIN_WORDS = 3;

/**
 * A section's prose kept in a field of its name instead of under a heading: ADR site themes (Lullabot's
 * gatsby-theme-adr and its 11ty successor) take the record's `context:` from its front matter and
 * render it above the body, which then starts at `## Decision`.
 */
export function fieldSection(page: Page, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = page.fields[normalizeKey(name)]?.value;
    if (value && countWords(value) >= FIELD_SECTION_MIN_WORDS) return value;
  }
  return undefined;
}

/** The prose of a section by any of its names: under its heading, or in a field of its name. */
function sectionText(page: Page, names: readonly string[]): string {
  return findSection(page, names)?.text ?? fieldSection(page, names) ?? '';
}

/** A line break inside a paragraph, between two words: the character before it, kept. */
export const WRAPPED = /(\S)[^\S\n]*\n[^\S\n]*(?=\S)/g;

/**
 * Whether the text matches, as written or with its lines run together: a phrase the author's editor
 * wrapped ("results\nin a secure system") is the phrase. As written too, for patterns that read a line's start.
 */
function matchesProse(pattern: RuleRegex, text: string): boolean {
  return pattern.test(text) || (text.includes('\n') && pattern.test(text.replace(WRAPPED, '$1 ')));
}

/** A template's slot in braces, opened by a word (`{option 1}`, `{justification. e.g., …}`); bounded, so each `{` is read a line's length at most. */
export const SLOT = /\{\p{L}[^{}\n]{0,300}\}/gu;

/** The text without its HTML comments (`* … <!-- numbers of options can vary -->`): read by position, not by a lazy pattern. */
function uncommented(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', at)) {
    const close = text.indexOf('-->', open + 4);
    // An opener never closed is no comment (Markdown shows it as text): the rest is kept.
    if (close < 0) break;
    out += text.slice(at, open);
    at = close + 3;
  }
  return out + text.slice(at);
}

/**
 * The text as its author wrote it: without the lines that hold a template's slot of several words
 * (`Chosen option: "{option 1}", because {justification …}`: an unfilled copy's "because" gives no
 * reason) nor the template's comments. A slot of one word may be code (`{tenant}`), and is kept.
 */
function filledIn(text: string): string {
  const shown = text.includes('<!--') ? uncommented(text) : text;
  if (!shown.includes('{')) return shown;
  const unfilled = (line: string) => (line.match(SLOT) ?? []).some((slot) => /\s/.test(slot));
  return shown
    .split('\n')
    .filter((line) => !unfilled(line))
    .join('\n');
}

/** Whether the record gives what `pattern` asks for anywhere the spec credits it. */
function statesPattern(page: Page, section: Section, spec: SectionSpec): boolean {
  const pattern = compileRegex(spec.pattern ?? '');
  if (matchesProse(pattern, filledIn(section.text))) return true;
  const words = (name: string) => countWords(filledIn(sectionText(page, [name])));
  const satisfies = (by: SectionSpec['satisfied-by'][number]) =>
    typeof by === 'string'
      ? words(by) > 0
      : words(by.heading) >= by['min-words'] &&
        (by.pattern === undefined ||
          matchesProse(compileRegex(by.pattern), filledIn(sectionText(page, [by.heading])))) &&
        (by['section-pattern'] === undefined ||
          matchesProse(compileRegex(by['section-pattern']), filledIn(section.text))) &&
        !by.without.some((name) => findSection(page, [name]) !== undefined);
  if (spec['satisfied-by'].some(satisfies)) return true;
  return spec['pattern-in'].some((name) => matchesProse(pattern, filledIn(sectionText(page, [name]))));
}

/**
 * A section whose whole text is a note that it is still to write (adr-tools' stub "TODO"): unwritten, as an empty
 * one is; todo-note reports the note itself.
 */
const UNWRITTEN = /^[*_]{0,2}(?:TODO|TBD|FIXME)[.:!]?[*_]{0,2}$/;

function problemOf(page: Page, section: Section, spec: SectionSpec): string | undefined {
  const min = spec['min-words'];
  if (section.words === 0) return min === 0 ? undefined : 'is empty';
  // A rule that leaves an empty section to another (min-words 0) leaves an unwritten one to it too.
  if (min === 0 && UNWRITTEN.test(section.text.trim())) return undefined;
  if (min !== undefined && section.words < min)
    return `has ${section.words} words (at least ${min} expected)`;
  if (spec.pattern && !statesPattern(page, section, spec)) {
    return `does not state ${spec['pattern-name'] ?? `anything matching /${spec.pattern}/`}`;
  }
  return undefined;
}

/** The family the page follows and the sections it asks for; the rule's own `sections` otherwise. */
function sectionsFor(page: Page, opts: SectionsOptions): { family: string; specs: SectionSpec[] } {
  const family = opts.families.find((f) => detects(page, f.detect));
  return family
    ? { family: family.name, specs: family.sections }
    : { family: opts['default-family'], specs: opts.sections };
}

/**
 * Required headings with real content: a record without Context or Decision cannot be understood later.
 * With `families`, each record is held to its own template's sections (MADR, Nygard, KEP, RFC).
 */
export const sectionsCheck: PageCheckKind<SectionsOptions> = {
  name: 'sections',
  values: ['family', 'section', 'min', 'pattern-name', 'words', 'problem'],
  options,
  run(page, opts): Hit[] {
    if (page.unreadable) return [];
    const hits: Hit[] = [];
    const { family, specs } = sectionsFor(page, opts);
    for (const spec of specs) {
      const data = {
        family,
        section: spec.heading,
        min: spec['min-words'] ?? 1,
        'pattern-name': spec['pattern-name'] ?? '',
      };
      const names = [spec.heading, ...spec.aliases];
      // An empty heading whose content went under another of its names ("## Consequences" then "## Positive") is not empty.
      const first = findSection(page, names);
      const section =
        first?.words === 0
          ? (names.map((name) => findSection(page, [name])).find((s) => (s?.words ?? 0) > 0) ?? first)
          : first;
      if (!section) {
        if (spec.required && !fieldSection(page, names))
          hits.push({
            data: { ...data, words: 0, problem: 'is missing' },
            matched: sectionMatched(spec, true),
          });
        continue;
      }
      const problem = problemOf(page, section, spec);
      if (!problem) continue;
      hits.push({
        data: { ...data, words: section.words, problem },
        matched: sectionMatched(spec, false),
        excerpt: section.title,
        ...(section.heading.position ? { position: section.heading.position } : {}),
      });
    }
    return hits;
  },
};
