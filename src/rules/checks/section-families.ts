import { z } from 'zod';
import { matchesGlob } from '../../glob.js';
import type { Page } from '../../model/page.js';
import { normalizeKey } from '../../normalize/fields.js';
import { findSection, sectionDepth } from './find-section.js';
import { compileRegex, regexSource } from './values.js';

/** How a record shows which template family it follows: its title, its headings, or a phrase. */
export const detectSpec = z
  .strictObject({
    titles: z.array(regexSource).default([]),
    headings: z.array(z.string()).default([]),
    /** How many of `headings` must be present (default 1). */
    'min-headings': z.number().int().positive().default(1),
    /** Headings whose presence rules the family out (a Nygard ADR has no options section). */
    'unless-headings': z.array(z.string()).default([]),
    /** Globs on the page's path that rule the family out (a proposal family's headings in an `adr/` record). */
    'unless-paths': z.array(z.string()).default([]),
    text: regexSource.optional(),
    /** Fields the page carries, wherever read from (a KEP's `kep-number` in its kep.yaml). */
    fields: z.array(z.string()).default([]),
  })
  .refine((d) => d.titles.length || d.headings.length || d.text || d.fields.length, {
    message: 'a detector needs titles, headings, text or fields',
  });

/** Detector and required sections of one template family, in a rule's `families:`. */
export function familySpec<S extends z.ZodTypeAny>(section: S) {
  return z.strictObject({
    name: z.string().min(1),
    detect: detectSpec,
    sections: z.array(section).default([]),
  });
}

type Detect = z.output<typeof detectSpec>;

/** A family's heading counts only as one of the page's own sections: "### Context: RPC issues" inside a Discussion is none. */
function hasHeading(page: Page, name: string): boolean {
  const section = findSection(page, [name]);
  return section !== undefined && section.heading.depth <= sectionDepth(page);
}

/** Whether the page follows the family: any one of its title, field, heading or text detectors hits. */
export function detects(page: Page, detect: Detect): boolean {
  if (detect['unless-paths'].some((glob) => matchesGlob(page.path, glob))) return false;
  if (detect['unless-headings'].some((name) => hasHeading(page, name))) return false;
  if (detect.titles.some((source) => compileRegex(source).test(page.title))) return true;
  if (detect.fields.some((name) => page.fields[normalizeKey(name)])) return true;
  if (detect.headings.length) {
    const present = detect.headings.filter((name) => hasHeading(page, name)).length;
    if (present >= Math.min(detect['min-headings'], detect.headings.length)) return true;
  }
  return detect.text !== undefined && compileRegex(detect.text).test(page.markdown);
}
