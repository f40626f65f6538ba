import { fingerprint } from '../model/finding.js';
import type { Page } from '../model/page.js';
import { OPTIONAL_MARK } from './checks/fields.js';
import { findSections, headingKey } from './checks/find-section.js';
import { type SectionSpec, type SectionsOptions, sectionMatched } from './checks/sections.js';
import type { ActiveRule } from './load.js';
import type { SectionRecord } from './section-record.js';

/**
 * A template's word that its sections may go: "please delete any sections which are not relevant for
 * your RFC" (cds-snc's RFC template), "remove the sections that do not apply".
 */
export const DELETABLE_SECTIONS =
  /\b(?:delete|remove)\s{1,4}(?:any\s{1,4}|the\s{1,4})?sections?\s{1,4}(?:which|that)\s{1,4}(?:are\s{1,4}not\s{1,4}(?:relevant|applicable|needed)|(?:do\s{1,4}not|don't)\s{1,4}apply)\b/gi;

/** The end of the words before the sentence that say its opposite: "Do not remove sections that don't apply". */
export const NEGATION_BEFORE = /(?:\bnot|\bnever|n't)\s{1,4}$/i;

/** How far before the verb a negation is looked for: "do not", "never", "don't" and their spaces. */
const NEGATION_REACH = 12;

/** Whether a page tells its authors to delete the sections that do not apply (and not the opposite). */
export function saysSectionsMayGo(markdown: string): boolean {
  for (const match of markdown.matchAll(DELETABLE_SECTIONS)) {
    const before = markdown.slice(Math.max(0, match.index - NEGATION_REACH), match.index);
    if (!NEGATION_BEFORE.test(before)) return true;
  }
  return false;
}

/** Whether the rule's `never-deletable` names the section: a template cannot let it go. */
function neverDeletable(opts: SectionsOptions, spec: SectionSpec): boolean {
  const kept = new Set(opts['never-deletable'].map(headingKey));
  return [spec.heading, ...spec.aliases].some((name) => kept.has(headingKey(name)));
}

/** A template's section whose text opens by saying it is optional ("Optional section. Talk about any risks here."). */
const OPTIONAL_TEXT = /^\s*(?:optional|可选)(?:\s+section)?\s*[.,:;，。]/iu;

/**
 * Whether a template page marks the section optional on every heading it has for it (`### Positive
 * konsekvenser <!-- optional -->`, as MADR 2's template and its translations mark theirs), or opens its text so
 * (Open Data Hub's "## Risks" / "Optional section."): its records are not asked it, as if the template lacked
 * it. A section `never-deletable` names is still asked.
 */
export function optionalInTemplate(page: Page, spec: SectionSpec, opts: SectionsOptions): boolean {
  const sections = findSections(page, [spec.heading, ...spec.aliases]);
  return (
    sections.length > 0 &&
    sections.every((section) => OPTIONAL_MARK.test(section.title) || OPTIONAL_TEXT.test(section.text)) &&
    !neverDeletable(opts, spec)
  );
}

/**
 * Adds the missing-section findings a template that says its sections may be deleted would not give,
 * on the folder's records of that template's family (of no known family, for a template of none): a
 * missing section was deleted. An empty one is still reported, and so is a missing section the rule
 * names under `never-deletable` (a decision record keeps its Decision, whatever else may go).
 */
export function dropDeleted(
  rule: ActiveRule,
  records: readonly SectionRecord[],
  templates: readonly SectionRecord[],
  drop: Set<string>,
): void {
  // The templates' families first: a folder of 1,000 records and 1,000 such templates hashed each record's
  // findings once per template (4 million fingerprints, minutes).
  const deletable = templates.filter((template) => template.deletable);
  // Most folders have no such template: the rule's sections are not worked out for them (each folder
  // of a 5,000-page wiki's records did, after its crawl).
  if (deletable.length === 0) return;
  const opts = rule.options as SectionsOptions;
  const fallback = opts['default-family'];
  const plain = (family: string | undefined) => family === undefined || family === fallback;
  const specs = [...opts.sections, ...opts.families.flatMap((f) => f.sections)].filter(
    (spec) => !neverDeletable(opts, spec),
  );
  const families = new Set(deletable.map((template) => template.family));
  const plainTemplate = deletable.some((template) => plain(template.family));
  for (const record of records)
    if (families.has(record.family) || (plain(record.family) && plainTemplate))
      for (const spec of specs) drop.add(fingerprint(rule.id, record.key, sectionMatched(spec, true)));
}
