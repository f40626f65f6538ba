import { posix } from 'node:path';
import { type Finding, fingerprint } from '../model/finding.js';
import type { Page } from '../model/page.js';
import type { SitePage } from '../site.js';
import { conditionalCheck } from './checks/conditional.js';
import type { ConditionalOptions } from './checks/conditional-options.js';
import {
  type FieldsOptions,
  fieldsCheck,
  folderFields,
  folderFieldsWritten,
  missingMatched,
} from './checks/fields.js';
import { headingKey } from './checks/find-section.js';
import {
  familyOf,
  type SectionSpec,
  type SectionsOptions,
  sectionMatched,
  sectionsCheck,
  writesSection,
} from './checks/sections.js';
import { levelFor, type PathOverride, ruleApplies } from './engine.js';
import type { ActiveRule } from './load.js';

/**
 * What a rule judged against the folder's own template saw on a page, carried from the page stage to
 * the site stage: for a `sections` rule with `families`, the family it took the page for (none: the
 * rule's own `sections` judged it) and which of those own sections the page writes; for a `fields`
 * rule, which of its `unless-folder-omits` fields the page writes; for a `conditional` rule with
 * `unless-folder-omits`, whether it holds on the page (`writes: [HOLDS]`).
 */
export interface TemplateRecord {
  rule: string;
  family?: string;
  /** Headings of the rule's own `sections` the page has, under any of their names; or field names. */
  writes: string[];
  /** The page is the folder's template (document type `template`): what it writes, its records are asked. */
  template?: true;
  /** Headings of its family's sections the page has (a `sections` record of a family). */
  familyWrites?: string[];
}

function options(rule: ActiveRule): SectionsOptions {
  return rule.options as SectionsOptions;
}

function fieldOptions(rule: ActiveRule): FieldsOptions {
  return rule.options as FieldsOptions;
}

/** The document type of a folder's template page (`0000-template.md`, `TEMPLATE.md`). */
const TEMPLATE_TYPE = 'template';

/** What a `conditional` record writes when its rule holds on it. */
const HOLDS = 'holds';

function conditionalByFolder(rule: ActiveRule): boolean {
  return rule.kind === conditionalCheck && (rule.options as ConditionalOptions)['unless-folder-omits'];
}

/** What each of the page's rules judged per folder saw (page stage: it needs the full page and its findings). */
export function recordTemplates(
  page: Page,
  rules: readonly ActiveRule[],
  overrides: readonly PathOverride[],
  findings: readonly Finding[],
): TemplateRecord[] {
  if (page.unreadable) return [];
  const records: TemplateRecord[] = [];
  for (const rule of rules) {
    const sections = rule.kind === sectionsCheck && options(rule).families.length > 0;
    const fields = rule.kind === fieldsCheck && folderFields(fieldOptions(rule)).length > 0;
    const conditional = conditionalByFolder(rule);
    if (!(sections || fields || conditional)) continue;
    if (fields && page.type === TEMPLATE_TYPE) {
      records.push({ rule: rule.id, writes: folderFieldsWritten(page, fieldOptions(rule)), template: true });
      continue;
    }
    if (!ruleApplies(rule, page) || levelFor(rule, page, overrides) === 'off') continue;
    if (fields) {
      records.push({ rule: rule.id, writes: folderFieldsWritten(page, fieldOptions(rule)) });
      continue;
    }
    if (conditional) {
      const fails = findings.some((finding) => finding.ruleId === rule.id);
      records.push({ rule: rule.id, writes: fails ? [] : [HOLDS] });
      continue;
    }
    const family = familyOf(page, options(rule));
    const written = (specs: readonly SectionSpec[]) =>
      specs.filter((spec) => writesSection(page, spec)).map((spec) => spec.heading);
    const writes = written(options(rule).sections);
    records.push(
      family === undefined
        ? { rule: rule.id, writes }
        : { rule: rule.id, family: family.name, writes, familyWrites: written(family.sections) },
    );
  }
  return records;
}

const INDEX_FILE = /^(?:readme|index|_index)\.(?:md|markdown)$/i;

/**
 * A folder a process sorts its records into by their state (`rfcs/approved/`, `adr/_superseded/`,
 * `archive/`): its records keep the template of the folder above.
 */
const STATE_FOLDER =
  /^_?(?:superseded|deprecated|obsolete|rejected|retired|withdrawn|archived?|approved|accepted|implemented|proposed|drafts?|deferred|postponed|declined|abandoned|active|final|completed)$/i;

/** A folder of one year's records (`decisions/2024/`, `minutes/2025/`): the same log as the years beside it. */
const YEAR_FOLDER = /^(?:19|20)\d\d$/;

/** A folder of templates inside the records' folder (`adr/templates/`): its template is theirs. */
const TEMPLATES_FOLDER = /^_?(?:templates?|page_templates)$/i;

/**
 * The folder whose records a page is compared with: a Markdown file's folder (the folder above for
 * a record that is its folder's index, `0017-x/README.md`, one sorted into a state's or a year's
 * folder, or a template in the records' `templates/` folder), a wiki page's parent page or database.
 * A wiki page whose parent is not known is compared with no other page.
 */
function folderOf(page: SitePage): string {
  if (page.source !== 'markdown' || page.file === undefined)
    return `${page.source}:${page.parent ?? page.key}`;
  let folder = posix.dirname(page.file);
  if (INDEX_FILE.test(posix.basename(page.file))) folder = posix.dirname(folder);
  const name = posix.basename(folder);
  if (STATE_FOLDER.test(name) || YEAR_FOLDER.test(name) || TEMPLATES_FOLDER.test(name))
    folder = posix.dirname(folder);
  return `markdown:${folder}`;
}

/** The family at least two and more than half of a folder's records follow, if there is one. */
function majority(records: readonly TemplateRecord[]): string | undefined {
  const counts = new Map<string, number>();
  for (const { family } of records)
    if (family !== undefined) counts.set(family, (counts.get(family) ?? 0) + 1);
  for (const [family, count] of counts) if (count >= 2 && count * 2 > records.length) return family;
  return undefined;
}

/** The family of the folder's records, if most of them follow one. */
function folderFamily(folders: ReadonlyMap<string, readonly Placed[]>, folder: string): string | undefined {
  return majority(folders.get(folder) ?? []);
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

interface Placed extends TemplateRecord {
  key: string;
}

/**
 * Adds to `drop` the fingerprints of the findings `family` would not give on the folder's records of
 * no family: about a section of the rule's own that the family does not ask for (missing, or, when
 * it never judges it, written with a problem), unless another record of the family or of none
 * writes it.
 */
function dropUnasked(rule: ActiveRule, family: string, folder: readonly Placed[], drop: Set<string>): void {
  const asked = options(rule)
    .families.filter((f) => f.name === family)
    .flatMap((f) => f.sections);
  // A record taken for the rule's default family (a family named like it that catches any outline of
  // its own) follows no template either: a PDEP with no Motivation heading in a folder of PDEPs.
  const fallback = options(rule)['default-family'];
  const unknown = (record: TemplateRecord) =>
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
const MIN_FOLDER_RECORDS = 3;

/** How many of the records write each heading or field. */
function writtenCounts(records: readonly TemplateRecord[]): Map<string, number> {
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
function dropUnwritten(rule: ActiveRule, folder: readonly Placed[], drop: Set<string>): void {
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
function dropFamilyUnwritten(rule: ActiveRule, folder: readonly Placed[], drop: Set<string>): void {
  const byFamily = new Map<string, Placed[]>();
  for (const record of folder)
    if (record.family !== undefined)
      byFamily.set(record.family, [...(byFamily.get(record.family) ?? []), record]);
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
 * Adds the fingerprints of the missing-field findings on a folder's records about a field none of
 * them writes, unless the folder's template asks for it (its records left it out).
 */
function dropOmittedFields(rule: ActiveRule, folder: readonly Placed[], drop: Set<string>): void {
  const records = folder.filter((record) => !record.template);
  if (records.length < MIN_FOLDER_RECORDS) return;
  const written = writtenCounts(folder);
  for (const name of folderFields(fieldOptions(rule)))
    if (!written.has(name))
      for (const record of records) drop.add(fingerprint(rule.id, record.key, missingMatched(name)));
}

/** Adds the keys of a folder's records when its rule holds on none of its three or more. */
function omittedByFolder(folder: readonly Placed[], keys: Set<string>): void {
  if (folder.length < MIN_FOLDER_RECORDS || folder.some((record) => record.writes.length > 0)) return;
  for (const record of folder) keys.add(record.key);
}

/**
 * Records judged against their folder's own template, folder by folder (site stage).
 *
 * `sections` rules: a record of no detected family in a folder whose records mostly follow one family
 * (records sorted into a state's folder, `approved/`, `_superseded/`, count in the folder above) is
 * judged as that family would judge it: a finding about one of the rule's own
 * sections stays only if that family also asks for the section, or if another record of the folder,
 * of that family or of none, writes it (the folder's template has it). In a folder of three or more
 * records with no known family in the majority, a section none of them writes is not asked of them;
 * nor is a section of a family that none of the folder's three or more records of that family writes.
 *
 * `fields` rules: a field marked `unless-folder-omits` that none of a folder's three or more records
 * writes, nor its template page, is not reported missing on them.
 *
 * `conditional` rules with `unless-folder-omits`: a rule that holds on none of a folder's three or
 * more pages is not reported on them (the folder keeps its agendas elsewhere).
 */
export class FolderTemplates {
  /** Rule id -> folder -> its records. */
  private readonly folders = new Map<string, Map<string, Placed[]>>();

  add(page: SitePage, records: readonly TemplateRecord[]): void {
    if (!records.length) return;
    const folder = folderOf(page);
    for (const record of records) {
      const folders = this.folders.get(record.rule) ?? new Map<string, Placed[]>();
      this.folders.set(record.rule, folders);
      const entry = { ...record, key: page.key };
      const list = folders.get(folder);
      if (list) list.push(entry);
      else folders.set(folder, [entry]);
    }
  }

  /** The findings without those the folder's own template would not give. */
  judge(findings: Finding[], rules: readonly ActiveRule[]): Finding[] {
    const drop = new Set<string>();
    /** Rule id -> keys of the pages none of whose findings of that rule stay. */
    const pages = new Map<string, Set<string>>();
    for (const [id, folders] of this.folders) {
      const rule = rules.find((r) => r.id === id);
      if (!rule) continue;
      for (const [folder, records] of folders) {
        if (conditionalByFolder(rule)) {
          const keys = pages.get(id) ?? new Set<string>();
          pages.set(id, keys);
          omittedByFolder(records, keys);
          continue;
        }
        if (rule.kind === fieldsCheck) {
          dropOmittedFields(rule, records, drop);
          continue;
        }
        const family = folderFamily(folders, folder);
        if (family !== undefined) dropUnasked(rule, family, records, drop);
        dropFamilyUnwritten(rule, records, drop);
        // Records of the default family follow no template we know: the folder's records are theirs.
        if (family === undefined || family === options(rule)['default-family'])
          dropUnwritten(rule, records, drop);
      }
    }
    const dropped = (finding: Finding) =>
      drop.has(finding.fingerprint) || pages.get(finding.ruleId)?.has(finding.page.key) === true;
    return drop.size || pages.size ? findings.filter((finding) => !dropped(finding)) : findings;
  }
}
