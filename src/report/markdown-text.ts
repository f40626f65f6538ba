import type { FindingPage } from '../model/finding.js';
import { withoutBidiOverrides } from '../terminal.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Each run of whitespace that breaks a line, as one space. Runs are taken whole: `\s*[\r\n]+\s*` read a
 * run of spaces with no line break from each of its spaces (a title of 100,000 spaces: 20 s of report).
 */
const oneLine = (text: string) => text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run));

/**
 * Page-derived text as literal Markdown: no HTML, no emphasis, no links, no code, never a table break, and
 * bidirectional overrides shown as `\u202e` (as the console shows them), which would show what follows reversed.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(withoutBidiOverrides(text)).replace(/[\\`*_[\]|~<>&]/g, (c) => ENTITIES[c] ?? `\\${c}`);
}

/** The project's own text (rule descriptions and fixes, written with `code`) in a table cell: only keeps the table intact. */
export function escapeCell(text: string): string {
  return oneLine(text).replace(/[|<>&]/g, (c) => ENTITIES[c] ?? `\\${c}`);
}

/** Characters that end a link destination or a table cell, percent-encoded. */
export function safeUrl(url: string): string {
  return url.replace(/[\s()<>|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function href(page: FindingPage, linkBase: string): string {
  if (page.key.startsWith('markdown:') && page.file !== undefined) {
    const base = linkBase && !linkBase.endsWith('/') ? `${linkBase}/` : linkBase;
    return safeUrl(base + page.file.split('/').map(encodeURIComponent).join('/'));
  }
  return safeUrl(page.url);
}

/** A link to the page, titled with its (escaped) title. */
export function pageLink(page: FindingPage, linkBase: string): string {
  const text = escapeMarkdown(page.title || page.path);
  const target = href(page, linkBase);
  return target ? `[${text}](${target})` : text;
}

/** A GitHub-flavored table: header, alignment row (`---`, `--:`, `:-:`), rows. */
export function table(head: string[], align: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
