import type { Root } from 'mdast';
import type { Field } from '../model/page.js';
import { fieldKey } from './field-keys.js';
import type { FrontMatter } from './front-matter.js';

const BROKEN_KEY_VALUE = /^([A-Za-z_][\w -]{0,39}?)\s*:(?:\s+(?!\s)((?:[^\S\n\r\u2028\u2029]*\S)*?))?\s*$/;
const BROKEN_ITEM = /^\s+-\s+(?!\s)((?:[^\S\n\r\u2028\u2029]*\S)+?)\s*$/;

/** A YAML scalar without the quotes around it. */
const unquoted = (text: string) => text.trim().replace(/^(["'])(.*)\1$/, '$2');

/** Top-level `key: value` lines of front matter the YAML reader refused (a colon in a value, a repeated key): what is written there still counts. */
export function fromBrokenFrontMatter(
  tree: Root,
  frontMatter: FrontMatter,
  fields: Record<string, Field>,
): void {
  const node = tree.children[0];
  if (!frontMatter.problem || node?.type !== 'yaml') return;
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lines = node.value.split('\n');
  for (const [index, text] of lines.entries()) {
    const match = BROKEN_KEY_VALUE.exec(text);
    if (!match?.[1]) continue;
    // A quote left open swallows the lines below it: nothing after it reads as written.
    if (/^(["'])(?!.*\1$)/.test(match[2] ?? '')) break;
    const key = fieldKey(match[1]);
    // A flow sequence (`decision-makers: [Jonas Hagberg]`) is its items, as the YAML reader gives them.
    let value = unquoted(match[2] ?? '').replace(/^\[([^[\]]*)\]$/, (_, items: string) =>
      items.split(',').map(unquoted).filter(Boolean).join(', '),
    );
    if (!value) {
      const items: string[] = [];
      // By index, not over a copy of the rest: a copy per key line is quadratic in the lines.
      for (let k = index + 1; k < lines.length; k++) {
        const item = BROKEN_ITEM.exec(lines[k] ?? '');
        if (!item?.[1]) break;
        items.push(unquoted(item[1]));
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
