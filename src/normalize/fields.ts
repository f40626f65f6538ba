import type { Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { namedMonthDate } from './month-names.js';

/** Field keys are compared normalized: "Policy Owner" and `policy_owner` are the same field. */
export function normalizeKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Strips Markdown emphasis and link syntax from a short value: `**Accepted**` is `Accepted`. No pattern
 * rereads the text from each character of a run (a value can be a line of megabytes): every `[` before
 * the same `]` is a link or none is, so a `[` that is none is kept with the rest of its bracket; a target
 * is read at most 2,000 characters (a browser's longest URL) for its `)`; the end is trimmed from the
 * start of its run only.
 */
export function cleanValue(value: string): string {
  return value
    .replace(
      /\[([^\]]*)\]\[[^\]]{0,2000}\]|\[([^\]]*)\]\([^)]{0,2000}\)|\[[^\]]*/g,
      (kept, a: string | undefined, b: string | undefined) => a ?? b ?? kept,
    )
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/^[*_`\s]+|(?<![*_`\s])[*_`\s]+$/g, '')
    .trim();
}

/** A metadata value as field text: dates as YYYY-MM-DD, lists joined with commas, mappings dropped. */
export function frontMatterValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (Array.isArray(value))
    return value
      .map((v) => frontMatterValue(v) ?? '')
      .filter(Boolean)
      .join(', ');
  if (typeof value === 'object') return undefined;
  return String(value);
}

/** Field names that name a page's owner, most specific first. */
export const OWNER_FIELDS = [
  'owner',
  'owners',
  'policy-owner',
  'page-owner',
  'dri',
  'maintainer',
  'maintainers',
  'maintained-by',
  // `maintainedBy`, as fleetdm.com's handbook names its pages' owner.
  'maintainedby',
  // Misspelt as whole sites write it, consistently (`mantained_by:` on every page of a Hugo handbook).
  'mantained-by',
  'maintaned-by',
];

/**
 * Where a page's owner came from, as reports show it (`ownerSource`). The page's own: its front matter,
 * a line, heading or table row in its text (`page`), an HTML meta tag (`meta-tag`: the page's own, which its
 * folder's pages do not inherit from an index page), a wiki property (a Notion people property), the
 * owner the wiki records (Confluence's page owner; a mirrored page's `wiki:` owner: `platform`), or a
 * metadata file beside it (its name, `kep.yaml`). Inherited, resolved after the crawl (src/owners.ts):
 * the nearest parent page (`parent`) or folder index (`folder-index`) that names one, then `codeowners`,
 * then the last editor when the config allows it (`last-editor`).
 */
export const OWNER_SOURCES = {
  frontMatter: 'front-matter',
  page: 'page',
  metaTag: 'meta-tag',
  property: 'property',
  platform: 'platform',
  parent: 'parent',
  folderIndex: 'folder-index',
  codeowners: 'codeowners',
  lastEditor: 'last-editor',
} as const;

/** A value stated anywhere on the page names someone in a few words; a sentence about owners does not. */
const SHORT_VALUE_WORDS = 6;
// The value is read a word at a time (spaces, then a non-space: what `.+?` matches, up to its last
// non-space) after all the spaces before it: `.+?` before the trailing spaces reread the spaces after
// each character, which a line with a long run of them made hours of work. A key in any script
// (`决策者：`), its colon full-width or not.
const LINE_FIELD =
  /^[\s\u00a0]*(?:[-*+]\s+)?(\p{L}[\p{L}\p{N} _/-]{0,39}?)\s*[:：]\s*(?!\s)((?:[^\S\n\r\u2028\u2029]*\S)+?)[\s\u00a0]*$/u;

function shortValue(value: string): string | undefined {
  const text = value.replace(/[*_`]/g, '').trim();
  return text && text.split(/\s+/).length <= SHORT_VALUE_WORDS && !/[.!?]$/.test(text) ? text : undefined;
}

/**
 * The field's value from a `Key: value` line, heading or two-cell table row anywhere on the page (not in
 * code): a policy's `**Policy Owner:** Head of Security` at its end, a service page's `| Owners | cloud |`.
 * `keyOf` makes a written key comparable with `keys` (a rule's fields pass `fieldKey`: `**决策者**:` is `deciders`).
 */
export function fieldAnywhere(
  tree: Root,
  keys: ReadonlySet<string>,
  keyOf: (written: string) => string = normalizeKey,
): Field | undefined {
  let found: Field | undefined;
  const visit = (node: RootContent | Root): void => {
    if (found) return;
    if (node.type === 'paragraph' || node.type === 'heading') {
      const text = mdToString(node);
      // Most paragraphs hold no colon: the key pattern, in any script, is not tried on them.
      if (!text.includes(':') && !text.includes('：')) return;
      for (const line of text.split('\n')) {
        const match = LINE_FIELD.exec(line);
        const value = match?.[2] && shortValue(match[2]);
        if (match?.[1] && value && keys.has(keyOf(match[1]))) {
          found = { value, ...(node.position ? { position: node.position } : {}) };
          return;
        }
      }
      return;
    }
    // A key and its value: a row of more cells is data (a table of scores per rule), not a field.
    if (node.type === 'tableRow' && node.children.length === 2) {
      const [key, cell] = node.children.map((c) => mdToString(c).trim());
      const value = cell && shortValue(cell);
      if (key && value && keys.has(keyOf(key.replace(/:$/, ''))))
        found = { value, ...(node.position ? { position: node.position } : {}) };
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

/** Owner sources that are the page itself or its wiki's own record, not a file or rule beside it. */
export const PAGE_OWNER_SOURCES: ReadonlySet<string> = new Set([
  OWNER_SOURCES.frontMatter,
  OWNER_SOURCES.page,
  OWNER_SOURCES.metaTag,
  OWNER_SOURCES.property,
  OWNER_SOURCES.platform,
]);

/**
 * Field names that state when the page was last reviewed, most meaningful first: also the names
 * site generators give them (the GOV.UK Tech Docs Template's `last_reviewed_on`, a CMS's
 * `last_reviewed_at`, a playbook's `reviewed:` beside its `reviewer:` and `next-review:`).
 */
export const REVIEWED_FIELDS = [
  'last-reviewed',
  'last-verified',
  'last-reviewed-on',
  'last-reviewed-at',
  'reviewed',
];

/** Field names that carry a written edit or publish date, most meaningful first. */
export const UPDATED_FIELDS = ['updated', 'last-updated', 'date'];

/** The first present field of `names`. */
export function firstField(fields: Record<string, Field>, names: readonly string[]): Field | undefined {
  for (const name of names) {
    const field = fields[name];
    if (field?.value) return field;
  }
  return undefined;
}

/**
 * A numeric date's year: two digits are read as Date reads them (`3/15/99` is 1999), 50-99 in the 1900s.
 * All in this century made a page last reviewed on `03/15/99` reviewed in 2099: never stale.
 */
function fullYear(written: string): number {
  const year = Number(written);
  if (written.length !== 2) return year;
  return year + (year < 50 ? 2000 : 1900);
}

/** A day number's English ordinal suffix, after one or two digits only (`5th`, `21st`; not `2024th`). */
export const ORDINAL_DAY = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)\b/;

/**
 * Parses the dates handbooks write (`2026-03-01`, ISO timestamps, "March 7, 2026", "7 de marzo de 2026"); undefined if none.
 * `dayFirst`: the page is written in a language that puts the day first (`11/03/2026` is 11 March in French).
 */
export function parseDate(value: string, dayFirst = false): Date | undefined {
  // Year first with slashes too (`2026/05/05`): Date reads that as the local day, not UTC's.
  const iso = /^(\d{4})(?:-(\d{2})-(\d{2})|\/(\d{1,2})\/(\d{1,2})(?!\d))/.exec(value.trim());
  if (iso) {
    const [month, day] = [Number(iso[2] ?? iso[4]) - 1, Number(iso[3] ?? iso[5])];
    const date = new Date(Date.UTC(Number(iso[1]), month, day));
    // Date.UTC rolls a day that does not exist over (`2026-02-30` is 2 March): no date, as `30.02.2026` is none.
    return date.getUTCMonth() === month && date.getUTCDate() === day ? date : undefined;
  }
  // Numeric day-month dates: dotted ones are day-first by convention (28.10.2026), others when the
  // day cannot be a month or the page's language writes the day first; one that is no valid day-first
  // date is read as before (10.28.2026).
  const numeric = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/.exec(value.trim());
  if (numeric && (numeric[2] === '.' || Number(numeric[1]) > 12 || dayFirst)) {
    const year = fullYear(numeric[4] as string);
    const [day, month] = [Number(numeric[1]), Number(numeric[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return date;
  }
  // One both ways round with a two-digit year (`12/02/26`) is still a date: read month-first, as Date
  // reads one with four digits; which way a handbook writes them the date alone does not say.
  if (numeric?.[4]?.length === 2 && numeric[2] !== '.') {
    const [month, day, year] = [Number(numeric[1]), Number(numeric[3]), fullYear(numeric[4])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return date;
  }
  if (!/\d{4}/.test(value)) return undefined;
  const named = namedMonthDate(value);
  if (named) return named;
  // An English ordinal day ("September 5th, 2024", "5th September 2024"): Date reads the day without its suffix.
  const parsed = new Date(value.replace(ORDINAL_DAY, '$1'));
  if (Number.isNaN(parsed.getTime())) return undefined;
  // Date takes the words before a year for nothing: "EU customers 2024" would be 1 January 2024. A year
  // with no month and no day beside it is a date only alone (`2024`).
  const yearOnly = (value.match(/\d+/g) ?? []).length === 1 && !ENGLISH_MONTH.test(value);
  return yearOnly && /\p{L}/u.test(value) ? undefined : parsed;
}

/** An English month's name or abbreviation, which Date reads beside a year (`March 2024`, `Sep 2024`). */
export const ENGLISH_MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/**
 * A date in a strict format only: ISO (`2024-03-05`), numeric with the day first (`05/03/2024`,
 * `5.3.24`), or a day, a month named in a language the rules read and a year (`5 de março de 2024`);
 * never Date's free reading, which takes "EU customers 2024" for 1 January 2024. For keys that also
 * name other things (Portuguese `Data:` is a date, an English record's `Data: customer PII` is not),
 * written where the day comes first.
 */
export function parseStrictDate(value: string): Date | undefined {
  const text = value.trim();
  if (/^\d{4}(?:-\d{2}-\d{2}|\/\d{1,2}\/\d{1,2}(?!\d))/.test(text)) return parseDate(text);
  const numeric = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/.exec(text);
  if (!numeric) return namedMonthDate(text);
  const [day, month, year] = [Number(numeric[1]), Number(numeric[3]), fullYear(numeric[4] as string)];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}
