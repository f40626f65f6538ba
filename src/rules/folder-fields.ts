import { fingerprint } from '../model/finding.js';
import { type FieldsOptions, folderFields, missingMatched } from './checks/fields.js';
import { offeredForm } from './checks/template-fields.js';
import { MIN_FOLDER_RECORDS, writtenCounts } from './folder-sections.js';
import type { ActiveRule } from './load.js';

const fieldOptions = (rule: ActiveRule) => rule.options as FieldsOptions;

/** What a `fields` rule saw on one page of a folder (folder-template.ts records it). */
export interface FieldRecord {
  key: string;
  writes: string[];
  template?: true;
  optional?: string[];
  slots?: string[];
  offers?: Record<string, string[]>;
  chosen?: Record<string, string>;
  unnamed?: string[];
}

/**
 * Adds the fingerprints of the missing-field findings on a folder's records about a field none of
 * them writes, unless the folder's template asks for it (its records left it out); and about a field
 * the template marks optional, or leaves out, that fewer than half of them write (the team took the
 * template at its word: a French MADR folder whose `Décideurs: … <!-- optionnel -->` one record of four
 * fills in).
 */
export function dropOmittedFields(rule: ActiveRule, folder: readonly FieldRecord[], drop: Set<string>): void {
  const records = folder.filter((record) => !record.template);
  const optional = new Set(folder.flatMap((record) => record.optional ?? []));
  // The folder's template shows its convention however few records follow it yet: a Rust-style
  // `00000-template.md` with no author field, and the one record written from it.
  const templated = records.length < folder.length;
  const judged = records.length > 0 && (records.length >= MIN_FOLDER_RECORDS || templated);
  // Its `<!-- optional -->` marks, kept in a record copied from it, show which fields it lets go, however
  // few the records; what none of so few records writes is still asked.
  if (!judged && !(records.length > 0 && optional.size > 0)) return;
  const written = writtenCounts(folder);
  // Filled in: a slot left as the template wrote it (`{list everyone …}`) fills in nothing.
  const writtenByRecords = writtenCounts(
    records.map((record) => ({ writes: record.writes.filter((name) => !record.slots?.includes(name)) })),
  );
  // A field the folder's template leaves out is the house style even where a record or two adds it (one
  // Spanish record of six with an `## Estado` the README's template has not): asked only once most write it.
  const templates = folder.filter((record) => record.template);
  const templateOmits = (name: string) =>
    templated && templates.every((template) => template.unnamed?.includes(name));
  const fewWrite = (name: string) => (writtenByRecords.get(name) ?? 0) * 2 < records.length;
  const omitted = (name: string) =>
    (judged && !written.has(name)) || ((optional.has(name) || templateOmits(name)) && fewWrite(name));
  for (const name of folderFields(fieldOptions(rule)))
    if (omitted(name))
      for (const record of records) drop.add(fingerprint(rule.id, record.key, missingMatched(name)));
}

/**
 * Adds the fingerprints of the findings on a folder's records about a value the folder's template lists for
 * the field (`Status: **Vorschlag** / **Abgeschlossen**`): the team's own lifecycle, in words the rule's list
 * lacks. A value the template does not list is still judged by the rule's.
 */
export function dropOfferedValues(rule: ActiveRule, folder: readonly FieldRecord[], drop: Set<string>): void {
  const offered = new Map<string, Set<string>>();
  for (const [name, values] of folder.flatMap((record) => Object.entries(record.offers ?? {})))
    offered.set(name, new Set([...(offered.get(name) ?? []), ...values]));
  if (!offered.size) return;
  for (const record of folder)
    for (const [name, value] of Object.entries(record.chosen ?? {}))
      if (offered.get(name)?.has(offeredForm(value)))
        drop.add(fingerprint(rule.id, record.key, `${name}: ${value}`));
}

const MARKDOWN_FOLDER = 'markdown:';

/**
 * Adds the fingerprints of the missing-field findings about a field that none of a site's three or more
 * records writes, nor a template, when its records sit in Markdown folders too small each to show their
 * convention (dropOmittedFields judges the larger ones): a site keeping its records in a folder per
 * language or component (`es/adr/`, `backend/adr/`) writes them all from one template. Not a wiki's pages,
 * each of which may stand alone.
 */
export function dropOmittedAcrossFolders(
  rule: ActiveRule,
  folders: ReadonlyMap<string, readonly FieldRecord[]>,
  drop: Set<string>,
): void {
  const all = [...folders]
    .filter(([folder]) => folder.startsWith(MARKDOWN_FOLDER))
    .flatMap(([, entries]) => entries);
  const records = all.filter((record) => !record.template);
  if (records.length < MIN_FOLDER_RECORDS) return;
  const written = writtenCounts(all);
  for (const name of folderFields(fieldOptions(rule)))
    if (!written.has(name))
      for (const record of records) drop.add(fingerprint(rule.id, record.key, missingMatched(name)));
}
