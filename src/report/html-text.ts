/** Text and attribute escaping and small building blocks shared by the HTML report's modules. */

import { withoutBidiOverrides } from '../terminal.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// C0 controls (but tab and line breaks), DEL and lone surrogates are not text a browser should show.
function showable(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20) return c === '\t' || c === '\n' || c === '\r';
  return code !== 0x7f && !(code >= 0xd800 && code <= 0xdfff);
}

/** The five markup characters as entities: safe in HTML or XML text and in quoted attribute values. */
export function markupAsEntities(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const entitiesShowable = (text: string) => markupAsEntities(Array.from(text).filter(showable).join(''));

/**
 * Any string as HTML text or a quoted attribute value: markup characters as entities, controls dropped,
 * and bidirectional overrides shown as `\u202e`, as the console shows them: a browser would show the
 * text after one reversed.
 */
export function esc(text: string): string {
  return entitiesShowable(withoutBidiOverrides(text));
}

/**
 * A link target fit for `href`: http(s) URLs and relative paths only, so a page-provided
 * `javascript:` or `data:` URL is never a link. Undefined when the target is not one of those.
 * Judged as a browser reads it: leading controls and spaces trimmed, tabs and line breaks dropped
 * anywhere (so " javascript:" and "java\tscript:" are schemes too), and `\` taken for `/`.
 */
function safeHref(url: string): string | undefined {
  const read = url.replace(/^[\p{Cc} ]+/u, '').replace(/[\t\n\r]/g, '');
  if (!read) return undefined;
  // A target keeps its characters (the browser percent-encodes them): shown as text, it would lead elsewhere.
  if (/^https?:\/\//i.test(read)) return entitiesShowable(read);
  // A scheme is letters before the first colon that comes before any / ? #.
  if (/^[a-z][a-z0-9+.-]*:/i.test(read) || /^[\\/]{2}/.test(read)) return undefined;
  return entitiesShowable(read);
}

/** A link when the target is safe, else the text alone; `text` is escaped here. */
export function link(text: string, url: string): string {
  const target = safeHref(url);
  return target ? `<a href="${target}">${esc(text)}</a>` : esc(text);
}

/** One table; cells are HTML already escaped by the caller, `numeric` columns right-aligned. */
export function table(
  caption: string,
  head: readonly string[],
  rows: readonly string[][],
  numeric: readonly number[] = [],
): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  const th = head.map((h, i) => `<th scope="col"${cls(i)}>${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>${caption ? `<caption>${caption}</caption>` : ''}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The note under a table cut at `shown` of `total` rows. */
export function more(shown: number, total: number, what: string): string {
  return total > shown
    ? `<p class="note">Showing ${shown} of ${total} ${what}; the JSON report (<code>--format json</code>) has them all.</p>`
    : '';
}

const LEVEL_MARK: Record<string, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** A severity as a word with a shape, so colour is never the only signal. */
export function level(severity: string): string {
  return `<span class="level ${esc(severity)}"><span aria-hidden="true">${LEVEL_MARK[severity] ?? '•'}</span> ${esc(severity)}</span>`;
}

/** Pass or fail as a word with a shape. */
export function verdict(pass: boolean | null): string {
  if (pass === null) return '<span class="muted">n/a</span>';
  return pass
    ? '<span class="pass"><span aria-hidden="true">✔</span> meets target</span>'
    : '<span class="fail"><span aria-hidden="true">✖</span> below target</span>';
}
