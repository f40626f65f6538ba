import type { Content, Root } from 'mdast';
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
    const key = normalizeKey(mdToString(node));
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
  // Day first with dots, as much of Europe writes it: 28.10.2026.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(value.trim());
  if (dotted) {
    const date = new Date(Date.UTC(Number(dotted[3]), Number(dotted[2]) - 1, Number(dotted[1])));
    if (date.getUTCDate() === Number(dotted[1]) && date.getUTCMonth() === Number(dotted[2]) - 1) return date;
  }
  if (!/\d{4}/.test(value)) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}
