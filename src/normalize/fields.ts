import type { Content, Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import type { FrontMatter } from './front-matter.js';

/** Headings whose first paragraph is a field value (`## Status` then `Accepted`). */
const FIELD_HEADINGS = new Set([
  'status',
  'date',
  'owner',
  'owners',
  'author',
  'authors',
  'deciders',
  'approver',
]);

/** How far into a page's body (below any front matter) `Key: value` lines still count as metadata rather than prose. */
const FIELD_LINES_MAX = 25;

const KEY_VALUE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 _/-]{0,39}?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*(.*?)\s*$/;

/** Field keys are compared normalized: "Policy Owner" and `policy_owner` are the same field. */
export function normalizeKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Strips Markdown emphasis and link syntax from a short value: `**Accepted**` is `Accepted`. */
export function cleanValue(value: string): string {
  return value
    .replace(
      /\[([^\]]*)\]\[[^\]]*\]|\[([^\]]*)\]\([^)]*\)/g,
      (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '',
    )
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/^[*_`\s]+|[*_`\s]+$/g, '')
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

function fromFrontMatter(frontMatter: FrontMatter, fields: Record<string, Field>): void {
  for (const [key, raw] of Object.entries(frontMatter.data)) {
    const value = frontMatterValue(raw);
    if (value === undefined) continue;
    const line = frontMatter.keyLines[key];
    fields[normalizeKey(key)] = {
      value,
      ...(line ? { position: { start: { line, column: 1 }, end: { line, column: key.length + 2 } } } : {}),
    };
  }
}

/** Top-level `key: value` lines of front matter the YAML reader refused (a colon in a value, a repeated key): what is written there still counts. */
function fromBrokenFrontMatter(tree: Root, frontMatter: FrontMatter, fields: Record<string, Field>): void {
  const node = tree.children[0];
  if (!frontMatter.problem || node?.type !== 'yaml') return;
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lines = node.value.split('\n');
  for (const [index, text] of lines.entries()) {
    const match = /^([A-Za-z_][\w -]{0,39}?)\s*:(?:\s+(.*?))?\s*$/.exec(text);
    if (!match?.[1]) continue;
    // A quote left open swallows the lines below it: nothing after it reads as written.
    if (/^(["'])(?!.*\1$)/.test(match[2] ?? '')) break;
    const key = normalizeKey(match[1]);
    let value = (match[2] ?? '').replace(/^(["'])(.*)\1$/, '$2');
    if (!value) {
      const items: string[] = [];
      for (const next of lines.slice(index + 1)) {
        const item = /^\s+-\s+(.+?)\s*$/.exec(next);
        if (!item?.[1]) break;
        items.push(item[1].replace(/^(["'])(.*)\1$/, '$2'));
      }
      value = items.join(', ');
    }
    if (!key || !value || key in fields) continue;
    const line = firstLine + index;
    fields[key] = {
      value,
      position: { start: { line, column: 1 }, end: { line, column: match[1].length + 2 } },
    };
  }
}

/** Headings of a record's dated history: "- 2019-05-10: Initial draft (@alice)". */
const CHANGELOG_HEADINGS = new Set(['changelog', 'change-log', 'revision-history', 'document-history']);

/** A date at the start of a changelog entry: 2019-05-10, 10-05-2019, 10.05.19, 17-Apr-2023, Nov 4, 2022, 20 April 2021. */
const ENTRY_DATE =
  /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{1,2}[- ][A-Za-z]{3,9}[- ],?\s*\d{4}|[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b/;

/** Who wrote a changelog entry: its @handles, a trailing "(Erik Grinaker)" or "(jmalicevic)", or "... by EB". */
function entryAuthor(text: string): string | undefined {
  const handles = [...text.matchAll(/(?<![\w.])@([A-Za-z0-9][\w-]*)/g)].map((m) => `@${m[1]}`);
  if (handles.length) return [...new Set(handles)].join(', ');
  const paren = /\(([^()]+)\)\.?\s*$/.exec(text)?.[1]?.trim();
  if (
    paren &&
    (/^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){1,3}$/u.test(paren) || /^[a-z][a-z0-9_-]{2,}$/.test(paren))
  )
    return paren;
  return /\bby (\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*){0,3}|[a-z][a-z0-9_-]{2,})\.?\s*$/u.exec(text)?.[1];
}

/**
 * A record's Changelog dates it and names its author: the earliest entry's date is `changelog-date`,
 * the people that entry names are `changelog-author` (later entries name editors and reviewers).
 */
function fromChangelog(tree: Root, markdown: string, fields: Record<string, Field>): void {
  const nodes = tree.children;
  const index = nodes.findIndex(
    (node) =>
      node.type === 'heading' && node.depth >= 2 && CHANGELOG_HEADINGS.has(normalizeKey(mdToString(node))),
  );
  const heading = nodes[index];
  if (index < 0 || heading?.type !== 'heading') return;
  const found: { raw: string; text: string; line: number }[] = [];
  for (const node of nodes.slice(index + 1)) {
    if (node.type === 'heading' && node.depth <= heading.depth) break;
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) continue;
    markdown
      .slice(start.offset, end.offset)
      .split('\n')
      .forEach((raw, i) => {
        // Top-level entries only: an indented line is a detail of the entry above.
        if (i > 0 && /^\s{2,}/.test(raw)) return;
        // An entry may be a list item, a line, or a dated sub-heading ("### November 2nd 2018").
        const text = raw.replace(/^\s*(?:[-*+]\s+|#+\s+)?/, '').replace(/^[*_]+/, '');
        const match = ENTRY_DATE.exec(text);
        if (match?.[1])
          found.push({ raw: match[1], text: text.slice(match[0].length), line: start.line + i });
      });
  }
  // One writer, one convention: a "18-02-2020" entry makes its neighbour "07-03-2019" day-first too.
  const dayFirst = found.some((entry) => Number(/^(\d{1,2})[./-]\d{1,2}[./-]/.exec(entry.raw)?.[1]) > 12);
  const entries = found.flatMap((entry, order) => {
    const numeric = dayFirst ? /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(entry.raw) : null;
    const raw = numeric
      ? `${numeric[3]}-${numeric[2]?.padStart(2, '0')}-${numeric[1]?.padStart(2, '0')}`
      : entry.raw;
    const date = parseDate(raw.replace(/(\d)(?:st|nd|rd|th)\b/, '$1'));
    return date ? [{ ...entry, date, order }] : [];
  });
  entries.sort((a, b) => a.date.getTime() - b.date.getTime() || a.order - b.order);
  const first = entries[0];
  if (!first) return;
  const position = { start: { line: first.line, column: 1 }, end: { line: first.line, column: 1 } };
  fields['changelog-date'] ??= { value: first.date.toISOString().slice(0, 10), position };
  const author = entryAuthor(first.text);
  if (author) fields['changelog-author'] ??= { value: author, position };
}

function fromKeyValueLines(node: Content, markdown: string, fields: Record<string, Field>): void {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return;
  const lines = markdown.slice(start.offset, end.offset).split('\n');
  lines.forEach((text, index) => {
    const match = KEY_VALUE.exec(text);
    if (!match?.[1] || !match[2]) return;
    const key = normalizeKey(match[1]);
    const value = cleanValue(match[2]);
    if (!key || !value || key in fields) return;
    const line = start.line + index;
    const column = (index === 0 ? start.column : 1) + (text.length - text.trimStart().length);
    fields[key] = {
      value,
      position: { start: { line, column }, end: { line, column: column + text.trim().length } },
    };
  });
}

function fromHeadingSections(tree: Root, fields: Record<string, Field>): void {
  const nodes = tree.children;
  nodes.forEach((node, index) => {
    if (node.type !== 'heading') return;
    // "## Author(s)" is the Authors heading.
    const key = normalizeKey(mdToString(node).replace(/\(s\)/gi, 's'));
    if (!FIELD_HEADINGS.has(key) || key in fields) return;
    const next = nodes[index + 1];
    if (!next || (next.type !== 'paragraph' && next.type !== 'list')) return;
    const value = cleanValue((mdToString(next).split('\n')[0] ?? '').trim());
    if (!value) return;
    fields[key] = { value, ...(next.position ? { position: next.position } : {}) };
  });
}

/**
 * Collects a page's fields from every place handbooks write them: front matter, `Key: value` and
 * `**Key:** value` lines near the top, `* Status: **X**` bullets, and `## Status` + first paragraph.
 * Earlier places win.
 */
export function extractFields(tree: Root, markdown: string, frontMatter: FrontMatter): Record<string, Field> {
  const fields: Record<string, Field> = {};
  fromFrontMatter(frontMatter, fields);
  fromBrokenFrontMatter(tree, frontMatter, fields);
  // Front matter does not use up those lines: a long one must not hide the `Key: value` lines below it.
  const first = tree.children[0];
  const bodyStart = first?.type === 'yaml' ? (first.position?.end.line ?? 0) : 0;
  for (const node of tree.children) {
    if (node.position && node.position.start.line - bodyStart > FIELD_LINES_MAX) break;
    if (node.type === 'heading' && node.depth >= 2) break;
    if (node.type === 'paragraph' || node.type === 'list' || (node.type === 'heading' && node.depth > 1)) {
      fromKeyValueLines(node, markdown, fields);
    }
  }
  fromHeadingSections(tree, fields);
  fromChangelog(tree, markdown, fields);
  return fields;
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
];

/**
 * Where a page's owner came from, as reports show it (`ownerSource`). The page's own: its front matter,
 * a line, heading or table row in its text (`page`), a wiki property (a Notion people property), the
 * owner the wiki records (Confluence's page owner; a mirrored page's `wiki:` owner: `platform`), or a
 * metadata file beside it (its name, `kep.yaml`). Inherited, resolved after the crawl (src/owners.ts):
 * the nearest parent page (`parent`) or folder index (`folder-index`) that names one, then `codeowners`,
 * then the last editor when the config allows it (`last-editor`).
 */
export const OWNER_SOURCES = {
  frontMatter: 'front-matter',
  page: 'page',
  property: 'property',
  platform: 'platform',
  parent: 'parent',
  folderIndex: 'folder-index',
  codeowners: 'codeowners',
  lastEditor: 'last-editor',
} as const;

/** A value stated anywhere on the page names someone in a few words; a sentence about owners does not. */
const SHORT_VALUE_WORDS = 6;
const LINE_FIELD = /^[\s\u00a0]*(?:[-*+]\s+)?([A-Za-z][A-Za-z0-9 _/-]{0,39}?)\s*:\s*(.+?)[\s\u00a0]*$/;

function shortValue(value: string): string | undefined {
  const text = value.replace(/[*_`]/g, '').trim();
  return text && text.split(/\s+/).length <= SHORT_VALUE_WORDS && !/[.!?]$/.test(text) ? text : undefined;
}

/**
 * The field's value from a `Key: value` line, heading or two-cell table row anywhere on the page (not in
 * code): a policy's `**Policy Owner:** Head of Security` at its end, a service page's `| Owners | cloud |`.
 */
export function fieldAnywhere(tree: Root, keys: ReadonlySet<string>): Field | undefined {
  let found: Field | undefined;
  const visit = (node: RootContent | Root): void => {
    if (found) return;
    if (node.type === 'paragraph' || node.type === 'heading') {
      for (const line of mdToString(node).split('\n')) {
        const match = LINE_FIELD.exec(line);
        const value = match?.[2] && shortValue(match[2]);
        if (match?.[1] && value && keys.has(normalizeKey(match[1]))) {
          found = { value, ...(node.position ? { position: node.position } : {}) };
          return;
        }
      }
      return;
    }
    if (node.type === 'tableRow') {
      const [key, cell] = node.children.map((c) => mdToString(c).trim());
      const value = cell && shortValue(cell);
      if (key && value && keys.has(normalizeKey(key.replace(/:$/, ''))))
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
  OWNER_SOURCES.property,
  OWNER_SOURCES.platform,
]);

/** Field names that carry a review or edit date, most meaningful first. */
export const UPDATED_FIELDS = ['last-reviewed', 'last-verified', 'updated', 'last-updated', 'date'];

/** The first present field of `names`. */
export function firstField(fields: Record<string, Field>, names: readonly string[]): Field | undefined {
  for (const name of names) {
    const field = fields[name];
    if (field?.value) return field;
  }
  return undefined;
}

/** Parses the dates handbooks write (`2026-03-01`, ISO timestamps, "March 7, 2026"); undefined if none. */
export function parseDate(value: string): Date | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) {
    const date = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  // Numeric day-month dates: dotted ones are day-first by convention (28.10.2026), others when the
  // day cannot be a month; one that is no valid day-first date is read as before (10.28.2026).
  const numeric = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/.exec(value.trim());
  if (numeric && (numeric[2] === '.' || Number(numeric[1]) > 12)) {
    const year = Number(numeric[4]) + (numeric[4]?.length === 2 ? 2000 : 0);
    const [day, month] = [Number(numeric[1]), Number(numeric[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return date;
  }
  if (!/\d{4}/.test(value)) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}
