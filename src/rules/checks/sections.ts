import { z } from 'zod';
import type { Hit, PageCheckKind } from '../check.js';
import { findSection, type Section } from './find-section.js';
import { compileRegex, regexSource } from './values.js';

const sectionSpec = z.strictObject({
  heading: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  required: z.boolean().default(true),
  /** 0 lets a section be empty, for a rule that only judges content another rule requires (a stated reason). */
  'min-words': z.number().int().nonnegative().optional(),
  pattern: regexSource.optional(),
  'pattern-name': z.string().optional(),
});

const options = z.object({ sections: z.array(sectionSpec).min(1) });

/** The `sections` rule keys after defaults. */
export type SectionsOptions = z.output<typeof options>;
type SectionSpec = z.output<typeof sectionSpec>;

function problemOf(section: Section, spec: SectionSpec): string | undefined {
  const min = spec['min-words'];
  if (section.words === 0) return min === 0 ? undefined : 'is empty';
  if (min !== undefined && section.words < min)
    return `has ${section.words} words (at least ${min} expected)`;
  if (spec.pattern && !compileRegex(spec.pattern).test(section.text)) {
    return `does not state ${spec['pattern-name'] ?? `anything matching /${spec.pattern}/`}`;
  }
  return undefined;
}

/** Required headings with real content: a record without Context or Decision cannot be understood later. */
export const sectionsCheck: PageCheckKind<SectionsOptions> = {
  name: 'sections',
  options,
  run(page, opts): Hit[] {
    if (page.unreadable) return [];
    const hits: Hit[] = [];
    for (const spec of opts.sections) {
      const data = {
        section: spec.heading,
        min: spec['min-words'] ?? 1,
        'pattern-name': spec['pattern-name'] ?? '',
      };
      const section = findSection(page, [spec.heading, ...spec.aliases]);
      if (!section) {
        if (spec.required)
          hits.push({
            data: { ...data, words: 0, problem: 'is missing' },
            matched: `${spec.heading} missing`,
          });
        continue;
      }
      const problem = problemOf(section, spec);
      if (!problem) continue;
      hits.push({
        data: { ...data, words: section.words, problem },
        matched: `${spec.heading} section`,
        excerpt: section.title,
        ...(section.heading.position ? { position: section.heading.position } : {}),
      });
    }
    return hits;
  },
};
