import type { Page } from '../../model/page.js';
import { fieldKey } from '../../normalize/field-keys.js';
import { type FieldsOptions, findField } from './fields.js';

/**
 * What a line of a template names as a key: a heading (`## Estado`, `## 1. Status`, `## 📌 Status`), a `Key:` line
 * in the body or the front matter, in bold, quoted, or as a list item or table cell (`| **Date** |`, `1. **Status**:`).
 */
const KEY_LINE =
  /^\s{0,8}(?:>\s{0,4})?(?:[-*|]\s{0,4})?(?:\d{1,3}[.)]\s{1,4})?(?:#{1,6}\s{1,4})?(?:\d{1,3}[.)]\s{1,4})?(?:[^\p{L}\p{N}\s*_#|>]{1,4}\s{0,2})?[*_]{0,2}([\p{L}][\p{L}\p{M}\p{N} ()_-]{0,40}?)[*_]{0,2}\s{0,4}(?::|\||$)/u;

/**
 * The fields judged by folder that a template page never names, under any of their keys or their
 * translations: a Spanish README template of Contexto, Decisión and Consecuencias has no status, a
 * foundation's template no date. A field its front matter holds as a slot (`date: {YYYY-MM-DD}`) is named.
 */
export function folderFieldsUnnamed(page: Page, opts: FieldsOptions): string[] {
  const named = new Set<string>();
  for (const line of page.markdown.split(/\r?\n/)) {
    const key = KEY_LINE.exec(line)?.[1];
    if (key !== undefined) named.add(fieldKey(key));
  }
  return Object.entries(opts.fields)
    .filter(([, spec]) => spec['unless-folder-omits'] && spec.required)
    .filter(([name, spec]) => ![name, ...spec.aliases].some((key) => named.has(fieldKey(key))))
    .map(([name]) => name);
}

/**
 * Where a template lists the values its records choose from: `Status: **Vorschlag** / **Abgeschlossen**`,
 * `{proposed | accepted}`, "Draft, Accepted or Rejected", `Aktiv oder Ersetzt`.
 */
const ALTERNATIVES = /\s*(?:[/|,]|\s(?:or|oder|ou|o|of|eller|или|または|或)\s)\s*/iu;

/** Markup around a listed value: emphasis, brackets, braces, quotes, backticks. */
const AROUND = /^[\s*_`"'[\]{}()<>]+|[\s*_`"'[\]{}()<>.]+$/gu;

/** A value as compared with a template's list: without its markup, in lower case. */
export const offeredForm = (value: string) => value.replace(AROUND, '').toLowerCase();

/**
 * The values a template page lists for each of a rule's fields judged by folder that take one of a list
 * (`one-of`): two or more short alternatives, so a template's lone slot (`Status: TBD`) offers nothing a
 * record left unfilled could pass with. A folder's records that choose one of them speak its own lifecycle
 * (a German folder's "Vorschlag", a Hungarian "Elfogadva") even where the rule's words do not.
 */
export function folderFieldsOffered(page: Page, opts: FieldsOptions): Record<string, string[]> {
  const offered: Record<string, string[]> = {};
  for (const [name, spec] of Object.entries(opts.fields)) {
    if (!spec['unless-folder-omits'] || !spec['one-of']) continue;
    const listed = (findField(page, name, spec)?.value ?? '').split(ALTERNATIVES).map(offeredForm);
    const values = listed.filter((value) => /^\p{L}[\p{L}\p{M} -]{0,30}$/u.test(value));
    if (values.length >= 2 && values.length === listed.length) offered[name] = values;
  }
  return offered;
}

/** The values a record writes for a rule's fields judged by folder that take one of a list, as written. */
export function folderFieldsChosen(page: Page, opts: FieldsOptions): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const [name, spec] of Object.entries(opts.fields)) {
    const value =
      spec['unless-folder-omits'] && spec['one-of'] ? findField(page, name, spec)?.value : undefined;
    if (value) chosen[name] = value;
  }
  return chosen;
}
