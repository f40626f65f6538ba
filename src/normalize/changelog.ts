import type { Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { normalizeKey, parseDate } from './fields.js';

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
export function fromChangelog(tree: Root, markdown: string, fields: Record<string, Field>): void {
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
