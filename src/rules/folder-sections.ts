import { fingerprint } from '../model/finding.js';
import { headingKey } from './checks/find-section.js';
import { type SectionSpec, type SectionsOptions, sectionMatched } from './checks/sections.js';
import { dropDeleted } from './deletable-sections.js';
import type { ActiveRule } from './load.js';
import type { SectionRecord } from './section-record.js';

function options(rule: ActiveRule): SectionsOptions {
  return rule.options as SectionsOptions;
}

/** The family at least two and more than half of a folder's records follow, if there is one. */
function majority(records: readonly SectionRecord[]): string | undefined {
  const counts = new Map<string, number>();
  for (const { family } of records)
    if (family !== undefined) counts.set(family, (counts.get(family) ?? 0) + 1);
  for (const [family, count] of counts) if (count >= 2 && count * 2 > records.length) return family;
  return undefined;
}

/** The one family the folder's template pages follow, if they follow one. */
function templateFamily(folder: readonly SectionRecord[]): string | undefined {
  const families = new Set(folder.filter((record) => record.template).map((record) => record.family));
  const [family] = families;
  return families.size === 1 ? family : undefined;
}

function names(spec: SectionSpec): Set<string> {
  return new Set([spec.heading, ...spec.aliases].map(headingKey));
}

/** How a family judges one of the rule's own sections: asks for it, judges it only when written, or not at all. */
function judgement(spec: SectionSpec, family: readonly SectionSpec[]): 'required' | 'written' | 'none' {
  const own = names(spec);
  const same = family.filter((other) => [...names(other)].some((name) => own.has(name)));
  if (!same.length) return 'none';
  return same.some((other) => other.required) ? 'required' : 'written';
}

/**
 * Adds to `drop` the fingerprints of the findings `family` would not give on the folder's records of
 * no family: about a section of the rule's own that the family does not ask for (missing, or, when
 * it never judges it, written with a problem), unless another record of the family or of none
 * writes it.
 */
function dropUnasked(
  rule: ActiveRule,
  family: string,
  folder: readonly SectionRecord[],
  drop: Set<string>,
): void {
  const asked = options(rule)
    .families.filter((f) => f.name === family)
    .flatMap((f) => f.sections);
  // A record taken for the rule's default family (a family named like it that catches any outline of
  // its own) follows no template either: a PDEP with no Motivation heading in a folder of PDEPs.
  const fallback = options(rule)['default-family'];
  const unknown = (record: SectionRecord) =>
    record.family === undefined || (record.family === fallback && family !== fallback);
  // How many of the folder's records written to its template (the family's, or none) have each section.
  const written = new Map<string, number>();
  for (const record of folder)
    if (unknown(record) || record.family === family)
      for (const heading of record.writes) written.set(heading, (written.get(heading) ?? 0) + 1);
  const judged = options(rule).sections.map((spec) => ({ spec, how: judgement(spec, asked) }));
  for (const record of folder) {
    if (!unknown(record)) continue;
    for (const { spec, how } of judged) {
      const others = (written.get(spec.heading) ?? 0) - (record.writes.includes(spec.heading) ? 1 : 0);
      if (how === 'required' || others > 0) continue;
      drop.add(fingerprint(rule.id, record.key, sectionMatched(spec, true)));
      if (how === 'none') drop.add(fingerprint(rule.id, record.key, sectionMatched(spec, false)));
    }
  }
}

/** Fewer records than this show no convention of their own: a template could still leave nothing out. */
export const MIN_FOLDER_RECORDS = 3;

/** How many of the records write each heading or field. */
export function writtenCounts(records: readonly { writes: readonly string[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records)
    for (const name of record.writes) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/**
 * Adds the fingerprints of the missing-section findings on a folder's records of no known family
 * (no family, or the rule's default one) about a section of the rule's own that no record of the
 * folder writes: with no known family in the majority, the folder's records are its template.
 */
function dropUnwritten(rule: ActiveRule, folder: readonly SectionRecord[], drop: Set<string>): void {
  if (folder.length < MIN_FOLDER_RECORDS) return;
  const fallback = options(rule)['default-family'];
  const written = writtenCounts(folder);
  const unwritten = options(rule).sections.filter((spec) => !written.has(spec.heading));
  for (const record of folder)
    if (record.family === undefined || record.family === fallback)
      for (const spec of unwritten) drop.add(fingerprint(rule.id, record.key, sectionMatched(spec, true)));
}

/**
 * Adds the fingerprints of the missing-section findings on a folder's records of one family about a
 * section of that family none of its three or more records there writes: the folder's version of the
 * template has no such section (a summary kept as the paragraph under the title).
 */
function dropFamilyUnwritten(rule: ActiveRule, folder: readonly SectionRecord[], drop: Set<string>): void {
  // Pushed, not spread: copying the list for each record cost a folder of 20,000 records 12 s.
  const byFamily = new Map<string, SectionRecord[]>();
  for (const record of folder) {
    if (record.family === undefined) continue;
    const records = byFamily.get(record.family);
    if (records) records.push(record);
    else byFamily.set(record.family, [record]);
  }
  for (const [family, records] of byFamily) {
    if (records.length < MIN_FOLDER_RECORDS) continue;
    const written = new Set(records.flatMap((record) => record.familyWrites ?? []));
    const specs = options(rule)
      .families.filter((f) => f.name === family)
      .flatMap((f) => f.sections);
    for (const spec of specs)
      if (!written.has(spec.heading))
        for (const record of records) drop.add(fingerprint(rule.id, record.key, sectionMatched(spec, true)));
  }
}

/**
 * Adds the fingerprints of the missing-section findings on a folder's records about a section the
 * folder's template page of the same family (or, for records of no family, of none) does not have:
 * a proposal template that keeps its summary as the paragraph under the title, or names its
 * alternatives `Proposed Solution: Notable Alternatives`, is what its records were written to.
 */
function dropUntemplated(
  rule: ActiveRule,
  records: readonly SectionRecord[],
  templates: readonly SectionRecord[],
  drop: Set<string>,
): void {
  if (!templates.length) return;
  // The rule's default family is the one of records that follow no template we know: a template of
  // none is theirs (Spotify's RFC README shows a Status list and a "Suggestion" section).
  const fallback = options(rule)['default-family'];
  const plain = (family: string | undefined) => family === undefined || family === fallback;
  for (const record of records) {
    const own = templates.filter(
      (template) => template.family === record.family || (plain(template.family) && plain(record.family)),
    );
    if (!own.length) continue;
    const specs =
      record.family === undefined
        ? options(rule).sections
        : options(rule)
            .families.filter((f) => f.name === record.family)
            .flatMap((f) => f.sections);
    const written = (template: SectionRecord) =>
      plain(record.family)
        ? [...template.writes, ...(template.familyWrites ?? [])]
        : (template.familyWrites ?? []);
    const has = (heading: string) => own.some((template) => written(template).includes(heading));
    for (const spec of specs)
      if (!has(spec.heading)) drop.add(fingerprint(rule.id, record.key, sectionMatched(spec, true)));
  }
}

/**
 * Adds to `drop` the fingerprints of the section findings a folder's own template would not give
 * (one folder's records of one `sections` rule with families).
 */
export function dropSectionFindings(
  rule: ActiveRule,
  folder: readonly SectionRecord[],
  drop: Set<string>,
): void {
  const records = folder.filter((record) => !record.template);
  const templates = folder.filter((record) => record.template);
  dropUntemplated(rule, records, templates, drop);
  // With no known family in the majority, the folder's template says which family its records follow.
  const major = majority(records);
  const family =
    major === undefined || major === options(rule)['default-family']
      ? (templateFamily(folder) ?? major)
      : major;
  if (family !== undefined) dropUnasked(rule, family, records, drop);
  dropFamilyUnwritten(rule, records, drop);
  // Records of the default family follow no template we know: the folder's records are theirs.
  if (family === undefined || family === options(rule)['default-family']) dropUnwritten(rule, records, drop);
  keepTemplated(rule, records, templates, drop);
  dropSecondTemplate(rule, records, templates, drop);
  dropDeleted(rule, records, templates, drop);
}

/** How many of the rule's own sections a record writes to count as written to a second template (Context, Consequences). */
const MIN_SECOND_TEMPLATE_SECTIONS = 2;

/**
 * Adds the missing-section findings on a folder's records of no family about a section of the rule's
 * own that none of three or more such records writes, when other records of the folder follow the
 * template page's family: the folder keeps a second template (GSA's ADRs: a MADR-like template file and
 * a GitHub issue form of Context, Decision, Consequences, Stakeholders), and these were written to it.
 * With no record of the template's family, the template page is the only convention and still asks.
 */
function dropSecondTemplate(
  rule: ActiveRule,
  records: readonly SectionRecord[],
  templates: readonly SectionRecord[],
  drop: Set<string>,
): void {
  const family = templateFamily(templates);
  if (family === undefined || family === options(rule)['default-family']) return;
  if (!records.some((record) => record.family === family)) return;
  // Only records that write sections of their own show a second template: stubs (a title and fields)
  // and empty pages show none, and are still asked.
  const plain = records.filter(
    (record) => record.family === undefined && record.writes.length >= MIN_SECOND_TEMPLATE_SECTIONS,
  );
  if (plain.length < MIN_FOLDER_RECORDS) return;
  const written = writtenCounts(plain);
  for (const spec of options(rule).sections)
    if (!written.has(spec.heading))
      for (const record of plain) drop.add(fingerprint(rule.id, record.key, sectionMatched(spec, true)));
}

/**
 * Takes back from `drop` a missing-section finding about a section the folder's template page writes:
 * what the template has, its records are asked, whatever the folder's other records leave out.
 */
function keepTemplated(
  rule: ActiveRule,
  records: readonly SectionRecord[],
  templates: readonly SectionRecord[],
  drop: Set<string>,
): void {
  const written = new Set(
    templates.flatMap((template) => [...template.writes, ...(template.familyWrites ?? [])]),
  );
  if (!written.size) return;
  const specs = [...options(rule).sections, ...options(rule).families.flatMap((f) => f.sections)];
  for (const record of records)
    for (const spec of specs)
      if (written.has(spec.heading))
        drop.delete(fingerprint(rule.id, record.key, sectionMatched(spec, true)));
}
