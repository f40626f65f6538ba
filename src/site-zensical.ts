import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSiteFile } from './site-front-matter.js';
import { type MkdocsConfig, mkdocsNavigation } from './site-mkdocs.js';
import type { SiteNavigation } from './site-navigation.js';

/**
 * The navigation of a Zensical project (the successor of Material for MkDocs) in `folder`: its
 * `zensical.toml` sets MkDocs' settings in a `[project]` table (`docs_dir`, `nav`), which the MkDocs
 * reader turns into pages. Undefined when there is no such file or it cannot be read.
 */
export function zensicalNavigation(root: string, folder: string): SiteNavigation | undefined {
  const file = join(folder, 'zensical.toml');
  if (!existsSync(file)) return undefined;
  const config = readProjectSettings(readSiteFile(file));
  return config && mkdocsNavigation(root, folder, config);
}

/** A TOML value as far as the nav needs it: strings, arrays, inline tables; other scalars are undefined. */
type TomlValue = string | undefined | TomlValue[] | { [key: string]: TomlValue };

/** Nesting deeper than a nav is ever written is no nav: the read stops there. */
const MAX_NESTING = 64;

class NotRead extends Error {}

/** A character of a bare TOML key. Exported for the static ReDoS check. */
export const BARE_KEY = /^[\w-]$/;

/**
 * `docs_dir` and `nav` of the `[project]` table. Node reads no TOML and the nav is written with strings,
 * arrays and inline tables only (`nav = [{ "Home" = "index.md" }, { "About" = ["about/index.md"] }]`),
 * so this reads those and steps over the rest: table headers, keys, comments, strings of every kind
 * (a `"""` description may hold brackets), other scalars to the end of their value. Each character is
 * read once. A file it cannot follow (an unclosed string or bracket) gives no settings, as an invalid
 * `mkdocs.yml` gives none.
 */
export function readProjectSettings(text: string): MkdocsConfig | undefined {
  let at = 0;
  const fail = (): never => {
    throw new NotRead();
  };
  const space = (newlines: boolean): void => {
    while (at < text.length) {
      const char = text[at];
      if (char === ' ' || char === '\t' || char === '\r' || (newlines && char === '\n')) at++;
      else if (char === '#') {
        const end = text.indexOf('\n', at);
        at = end < 0 ? text.length : end;
      } else return;
    }
  };
  const string = (): string => {
    const quote = text[at] as '"' | "'";
    const triple = quote.repeat(3);
    if (text.startsWith(triple, at)) {
      const end = text.indexOf(triple, at + 3);
      if (end < 0) fail();
      // A closing run may hold one or two quotes of the string's own before the three.
      let close = end + 3;
      while (text[close] === quote && close < end + 5) close++;
      const value = text.slice(at + 3, close - 3);
      at = close;
      return value;
    }
    let end = at + 1;
    let value = '';
    let from = end;
    while (end < text.length && text[end] !== quote && text[end] !== '\n') {
      if (quote === '"' && text[end] === '\\') {
        value += text.slice(from, end) + (text[end + 1] ?? '');
        end += 2;
        from = end;
      } else end++;
    }
    if (text[end] !== quote) fail();
    value += text.slice(from, end);
    at = end + 1;
    return value;
  };
  const key = (): string => {
    const parts: string[] = [];
    for (;;) {
      space(false);
      const char = text[at];
      if (char === '"' || char === "'") parts.push(string());
      else {
        const start = at;
        while (at < text.length && BARE_KEY.test(text[at] as string)) at++;
        if (at === start) fail();
        parts.push(text.slice(start, at));
      }
      space(false);
      if (text[at] !== '.') return parts.join('.');
      at++;
    }
  };
  const value = (depth: number): TomlValue => {
    if (depth > MAX_NESTING) fail();
    space(false);
    const char = text[at];
    if (char === '"' || char === "'") return string();
    if (char === '[' || char === '{') {
      const table = char === '{';
      const close = table ? '}' : ']';
      const items: TomlValue[] = [];
      const entries: Record<string, TomlValue> = {};
      at++;
      for (;;) {
        space(true);
        if (at >= text.length) fail();
        if (text[at] === close) break;
        if (table) {
          const name = key();
          if (text[at] !== '=') fail();
          at++;
          entries[name] = value(depth + 1);
        } else items.push(value(depth + 1));
        space(true);
        if (text[at] === ',') at++;
        else if (text[at] !== close) fail();
      }
      at++;
      return table ? entries : items;
    }
    // A number, boolean or date: to the end of the value.
    const start = at;
    while (at < text.length && !',]}\n#'.includes(text[at] as string)) at++;
    if (at === start) fail();
    return undefined;
  };

  const settings: MkdocsConfig = {};
  let table = '';
  try {
    for (;;) {
      space(true);
      if (at >= text.length) return settings;
      if (text[at] === '[') {
        // `[project]`, `[project.theme]`, `[[project.theme.palette]]`: the table the next keys belong to.
        const array = text[at + 1] === '[';
        at += array ? 2 : 1;
        table = key();
        if (text[at] !== ']' || (array && text[at + 1] !== ']')) fail();
        at += array ? 2 : 1;
        continue;
      }
      const name = key();
      if (text[at] !== '=') fail();
      at++;
      const read = value(0);
      const full = table ? `${table}.${name}` : name;
      if (full === 'project.docs_dir') settings.docs_dir = read;
      else if (full === 'project.nav') settings.nav = read;
    }
  } catch (error) {
    if (error instanceof NotRead) return undefined;
    throw error;
  }
}
