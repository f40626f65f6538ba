import { z } from 'zod';
import type { Field, Page } from '../../model/page.js';
import { fieldKey } from '../../normalize/field-keys.js';
import {
  fieldAnywhere,
  firstField,
  normalizeKey,
  OWNER_FIELDS,
  OWNER_SOURCES,
  PAGE_OWNER_SOURCES,
  parseDate,
  parseStrictDate,
} from '../../normalize/fields.js';
import { namesNobody } from '../../normalize/nobody.js';
import { notMaintained } from '../../normalize/stub.js';
import type { Hit, PageCheckKind } from '../check.js';
import { detectSpec, detects } from './section-families.js';
import { comparable, matchAllowed } from './values.js';

/**
 * A person's address in angle brackets (`author: <ana.ruiz@example.org>`, as mail headers write it): a
 * person, not a template's `<name>` slot. Not a template's own address left unchanged, whose mailbox
 * names the slot (`<your.name@example.com>`, `<email@company.com>`, `<firstname.lastname@…>`).
 */
export const ADDRESS =
  /^<(?!your|e-?mail@|(?:user)?name@|user@|first[._-]?name|someone@|you@)[^\s<>@]{1,64}@[^\s<>@]{1,255}>$/i;

const fieldSpec = z.strictObject({
  required: z.boolean().default(false),
  'one-of': z.array(z.string()).min(1).optional(),
  date: z.boolean().default(false),
  person: z.boolean().default(false),
  aliases: z.array(z.string()).default([]),
  /**
   * Aliases read only when their value is a date in a strict format (ISO, day first, a named month: see
   * parseStrictDate), else as absent: a key that also names other things (`Data:`).
   */
  'strict-dates': z.array(z.string()).default([]),
  /** Where a value must not come from (`codeowners`: who owns the files is not who decided). */
  'ignore-sources': z.array(z.string()).default([]),
  /**
   * Also read the field further down the page than metadata lines go: a `Policy Owner: Head of Security`
   * line or heading at the end of a policy, a `| Owners | cloud |` table row. Short values only, so prose
   * about owners ("The owner is responsible for...") does not count.
   */
  anywhere: z.boolean().default(false),
  /**
   * An `owner` inherited from the nearest parent page or folder index that names one also counts. Only the
   * whole site knows it, so the run settles such a missing owner after the crawl (src/owners.ts).
   */
  inherited: z.boolean().default(false),
  /** Records whose process keeps the value outside the page (an RFC's status in its pull request): not missing there. */
  'optional-when': detectSpec.optional(),
  /**
   * Not missing on the records of a folder of three or more where no record writes the field: the
   * folder's own template leaves it out (a team that decides by merging keeps no status). Judged
   * after the crawl, by the site stage (src/rules/folder-template.ts).
   */
  'unless-folder-omits': z.boolean().default(false),
});

const options = z.object({
  fields: z.record(z.string(), fieldSpec),
  /** No missing-field hit on pages that are no maintained document (redirects, symlinks, empty or retired pages). */
  'skip-unmaintained': z.boolean().default(false),
});

/** The `fields` rule keys after defaults. */
export type FieldsOptions = z.output<typeof options>;
export type FieldSpec = z.output<typeof fieldSpec>;

/**
 * Where a field may also come from: the platform's own owner/author beside the text's fields. An owner
 * read further down the text is left to `anywhere`, which knows its position; a source is named only
 * when it is outside the page (`codeowners`, `kep.yaml`).
 */
function platformValue(page: Page, name: string): Field | undefined {
  if (name === 'owner' && page.owner) {
    if (page.ownerSource === OWNER_SOURCES.page && !firstField(page.fields, OWNER_FIELDS)) return undefined;
    const outside = page.ownerSource && !PAGE_OWNER_SOURCES.has(page.ownerSource);
    return { value: page.owner, ...(outside ? { source: page.ownerSource } : {}) };
  }
  return name === 'author' && page.author ? { value: page.author } : undefined;
}

function lookup(page: Page, name: string, spec: FieldSpec): Field | undefined {
  const usable = (field: Field | undefined) =>
    field?.value.trim() && !(field.source && spec['ignore-sources'].includes(field.source))
      ? field
      : undefined;
  const strict = new Set(spec['strict-dates'].map(normalizeKey));
  for (const key of [name, ...spec.aliases].map(normalizeKey)) {
    const field = usable(page.fields[key]);
    if (field && !(strict.has(key) && !parseStrictDate(field.value))) return field;
  }
  return usable(platformValue(page, normalizeKey(name)));
}

/**
 * Whether the page's front matter could not be read although it writes this field (or an alias) as a key:
 * the front-matter rule reports the YAML, and the field is there for the author to see.
 */
function writtenInBrokenFrontMatter(page: Page, name: string, spec: FieldSpec): boolean {
  if (!page.problems.some((p) => p.code === 'front-matter')) return false;
  const yaml = page.tree.children[0];
  if (yaml?.type !== 'yaml') return false;
  const keys = new Set([name, ...spec.aliases].map(normalizeKey));
  return yaml.value.split(/\r?\n/).some((line) => {
    // A key is short: unbounded, a long line of words with no colon is tried from every space. So are
    // the spaces around it: a line of 400,000 spaces was tried from each of them against each other.
    const key = /^(?:-\s{1,80})?["']?([\w -]{1,80}?)["']?\s{0,80}:/.exec(line.trimStart())?.[1];
    return key !== undefined && keys.has(normalizeKey(key));
  });
}

/**
 * A team word alone, or the "development system", in the languages decision records are written in
 * (`Entscheider: Projektteam`, `Autores: Sistema de Desenvolvimento`, "the dev team", "équipe projet"):
 * nobody who can be asked about the decision. A team's handle (`@acme/platform`) or its own name
 * ("Platform team") says which team, and stays a person's stand-in.
 */
const TEAM_WORD =
  /^(?:(?:the|our|das|unser|o|a|el|la|le|l'|l’)\s?)?(?:(?:project|projekt|development|dev|engineering|entwicklungs|entwickler)[\s-]?)?(?:team|équipe|equipe|equipo)(?:\s(?:projet|de (?:projeto|proyecto|desenvolvimento|desarrollo|développement)))?$|^(?:o\s)?sistema de desenvolvimento$/u;

/**
 * Whether a value names someone: one of its comma-separated names does, so a template's nested items
 * left as written (`[list everyone involved in the decision], ...`) name nobody, nor a team word alone.
 */
function isPerson(value: string): boolean {
  return comparable(value)
    .split(',')
    .some((part) => {
      const text = part.trim();
      const slot = /^\[.*\]$|^<.*>$|^\{.*\}$/.test(text) && !ADDRESS.test(text);
      return /\p{L}/u.test(text) && !namesNobody(text) && !slot && !TEAM_WORD.test(text);
    });
}

function problemOf(value: string, spec: FieldSpec): string | undefined {
  const allowed = spec['one-of'];
  if (allowed && !matchAllowed(value, allowed)) return `is not one of ${allowed.join(', ')}`;
  if (spec.date && !parseDate(value)) return 'is not a date';
  if (spec.person && !isPerson(value)) return 'does not name a person';
  return undefined;
}

/** The field as the page writes it (under its name or an alias, or from the platform), if it does. */
export function findField(page: Page, name: string, spec: FieldSpec): Field | undefined {
  return (
    lookup(page, name, spec) ??
    (spec.anywhere
      ? fieldAnywhere(page.tree, new Set([name, ...spec.aliases].map(normalizeKey)), fieldKey)
      : undefined)
  );
}

/**
 * The fields judged folder by folder (`unless-folder-omits`) that the page writes, with any value or
 * as an empty slot its template gave it, or keeps outside the page by its own process
 * (`optional-when`): the folder's other records are asked them.
 */
export function folderFieldsWritten(page: Page, opts: FieldsOptions): string[] {
  const writes = ([name, spec]: [string, FieldSpec]) =>
    findField(page, name, spec) !== undefined ||
    [name, ...spec.aliases].some((key) => page.emptyFields.includes(normalizeKey(key))) ||
    (spec['optional-when'] !== undefined && detects(page, spec['optional-when']));
  return Object.entries(opts.fields)
    .filter((entry) => entry[1]['unless-folder-omits'] && writes(entry))
    .map(([name]) => name);
}

/** A value that is only a template's slot, in braces or angle brackets (`{list everyone involved}`, `<name>`). */
const SLOT = /^(?:\{.*\}|<.*>)$/;

/**
 * The fields judged folder by folder that the page writes only as its template's slot (`Deciders: {list
 * everyone involved in the decision}`): the template has the field, but the record did not fill it in.
 */
export function folderFieldsSlotted(page: Page, opts: FieldsOptions): string[] {
  return Object.entries(opts.fields)
    .filter(([name, spec]) => {
      const value = spec['unless-folder-omits'] ? findField(page, name, spec)?.value.trim() : undefined;
      return value !== undefined && SLOT.test(value) && !ADDRESS.test(value);
    })
    .map(([name]) => name);
}

/**
 * A template's mark that a field may be left out, on the field's line or, in front matter, on a comment
 * line above it: `<!-- optional -->`, `(optionnel)`, MADR's "# These are optional elements". Not one that
 * says the opposite: "(not optional)", "non-optional", "nicht optional", "no opcional", "non facoltativo".
 */
export const OPTIONAL_MARK =
  /(?:<!--|[([#])[^\n]{0,120}?(?<!\b(?:not|non|no|nicht|pas|never)(?:\s{1,3}|-))(?:\boption(?:al|nel|ell|eel)\b|\bopcional\b|\bfacoltativ|\bopzional|任意|可选|オプション)/iu;

/**
 * A front-matter comment that marks every key below it: "These are optional elements", "all fields are optional",
 * and MADR 4's "These are optional metadata elements" (a word or two between): read as marking only the key
 * right below it, the template let its records drop their status but not their date or deciders.
 */
const PLURAL_OPTIONAL =
  /\b(?:elements|fields|keys|entries)\b[^\n]{0,40}\boptional\b|\boptional\s{1,3}(?:[\w-]{1,30}\s{1,3}){0,2}(?:elements|fields|keys|entries)\b/i;

/**
 * The fields judged folder by folder that a template page writes on a line marked optional: a folder
 * whose records mostly leave such a field out is not asked it (src/rules/folder-template.ts).
 */
export function folderFieldsOptional(page: Page, opts: FieldsOptions): string[] {
  const lines = page.markdown.split(/\r?\n/);
  const first = page.tree.children[0];
  const frontMatterEnd = first?.type === 'yaml' ? (first.position?.end.line ?? 0) : 0;
  // A template's front matter holds placeholders YAML reads as mappings (`deciders: {list everyone}`),
  // so its keys are found by their lines.
  const frontMatterLine = (keys: Set<string>) => {
    for (let index = 1; index < frontMatterEnd - 1; index++) {
      const key = /^([\w -]{1,80}?)\s{0,80}:/.exec(lines[index] ?? '')?.[1];
      if (key !== undefined && keys.has(normalizeKey(key))) return index + 1;
    }
    return undefined;
  };
  const comment = (text: string) => /^\s*#/.test(text) && OPTIONAL_MARK.test(text);
  // In front matter, the comment lines right above a key mark it; one that speaks of the elements or
  // fields in the plural (MADR 3's "These are optional elements") marks every key below it.
  const markedAbove = (line: number) => {
    for (let index = line - 2; index > 0 && /^\s*#/.test(lines[index] ?? ''); index--)
      if (comment(lines[index] ?? '')) return true;
    return lines.slice(1, line - 1).some((text) => comment(text) && PLURAL_OPTIONAL.test(text));
  };
  const marked = (line: number) =>
    OPTIONAL_MARK.test(lines[line - 1] ?? '') || (line < frontMatterEnd && markedAbove(line));
  return Object.entries(opts.fields)
    .filter(([name, spec]) => {
      if (!spec['unless-folder-omits']) return false;
      const line =
        frontMatterLine(new Set([name, ...spec.aliases].map(normalizeKey))) ??
        findField(page, name, spec)?.position?.start.line;
      return line !== undefined && marked(line);
    })
    .map(([name]) => name);
}

/** The fields of a rule judged folder by folder. */
export function folderFields(opts: FieldsOptions): string[] {
  return Object.entries(opts.fields)
    .filter(([, spec]) => spec['unless-folder-omits'] && spec.required)
    .map(([name]) => name);
}

/** What a missing field's finding matched: its fingerprint's last part. */
export function missingMatched(name: string): string {
  return `${name} missing`;
}

/** Required fields with meaningful values (status, date, owner) are what makes a page findable and trustworthy. */
export const fieldsCheck: PageCheckKind<FieldsOptions> = {
  name: 'fields',
  values: ['field', 'found', 'allowed', 'problem'],
  options,
  run(page, opts): Hit[] {
    if (page.unreadable) return [];
    const hits: Hit[] = [];
    // A page with nothing to own needs no owner; a value it does write is still checked.
    const unmaintained = opts['skip-unmaintained'] && notMaintained(page) !== undefined;
    for (const [name, spec] of Object.entries(opts.fields)) {
      const allowed = (spec['one-of'] ?? []).join(', ');
      const field = findField(page, name, spec);
      if (!field) {
        const optionalHere = spec['optional-when'] && detects(page, spec['optional-when']);
        if (spec.required && !optionalHere && !unmaintained && !writtenInBrokenFrontMatter(page, name, spec))
          hits.push({
            data: { field: name, found: 'none', allowed, problem: 'is missing' },
            matched: missingMatched(name),
          });
        continue;
      }
      const problem = problemOf(field.value, spec);
      if (!problem) continue;
      hits.push({
        data: { field: name, found: field.value, allowed, problem },
        matched: `${name}: ${field.value}`,
        // A value read from a file beside the page says which, since the page has no line to point at.
        excerpt: field.source ? `${field.source}: ${field.value}` : field.value,
        ...(field.position ? { position: field.position } : {}),
      });
    }
    return hits;
  },
};
