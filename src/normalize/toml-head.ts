import { parse } from 'smol-toml';

/**
 * Hugo's TOML front matter (`+++` lines around `key = value` lines), which the Markdown parser leaves as the
 * page's first paragraph: at most 64 KiB, as front matter is a page's head, not its data.
 */
const TOML_HEAD = /^\uFEFF?\+\+\+[ \t]*\r?\n([\s\S]{0,65536}?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;

/** What a TOML head says of the page's kind: its title and its tags (`tags = ["Type:Minutes"]`). */
export interface TomlHead {
  title?: string;
  tags: string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * The title and tags of a Hugo page's TOML head: a site's minutes say what they are there ("第３回定例会議事録",
 * `Type:Minutes`) and nowhere else. A head TOML cannot read (a template's `{{ .Date }}` slot) says nothing.
 */
export function tomlHead(markdown: string): TomlHead {
  const head = TOML_HEAD.exec(markdown)?.[1];
  if (head === undefined) return { tags: [] };
  try {
    const data = parse(head);
    const title = typeof data.title === 'string' ? data.title.trim() : '';
    return { ...(title ? { title } : {}), tags: strings(data.tags) };
  } catch {
    return { tags: [] };
  }
}
