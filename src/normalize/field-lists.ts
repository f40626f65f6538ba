import type { List, Paragraph } from 'mdast';
import type { Field } from '../model/page.js';
import { fieldKey } from './field-keys.js';
import { cleanValue } from './fields.js';

/** Reads `Key: value` from one line: the key as written and the value, or nothing. */
export type KeyValueReader = (line: string) => readonly [key: string, value: string] | undefined;

/**
 * A value with its HTML comments cut out: a template's `<!-- required -->` after a key marks the key as
 * one to fill, it is never the key's value. By index, not by a lazy pattern, which looked for the close
 * from each `<!--` of a line of them. A comment left open runs to the end of the line.
 */
export function withoutComments(value: string): string {
  let kept = '';
  let from = 0;
  for (;;) {
    const open = value.indexOf('<!--', from);
    if (open < 0) return (kept + value.slice(from)).trim();
    kept += value.slice(from, open);
    const close = value.indexOf('-->', open + 4);
    if (close < 0) return kept.trim();
    from = close + 3;
  }
}

/**
 * A key's value as written after it, without what is no value: HTML comments, and the second colon of
 * a key whose bold closes before it (`* **Owners:**:`).
 */
export function ownValue(value: string): string {
  return withoutComments(value).replace(SECOND_COLON, '');
}

/** The colon a bold key writes after its bold (`**Owners:**:`), and the spaces after it. */
export const SECOND_COLON = /^[:：]\s*/u;

/** The first line of a paragraph as the page writes it (bold, links and comments kept). */
function firstLine(node: Paragraph, markdown: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  const text = markdown.slice(start, end);
  const newline = text.indexOf('\n');
  return newline < 0 ? text : text.slice(0, newline);
}

/** A state word alone on an item, maybe set in bold (`proposed`, `**accepted**`): a template's option. */
const BARE_STATE = /^(\*\*|__)?([\p{L}-]{1,40})\1$/u;

/** A sentence (four words or more, ended by a stop): prose under a key, never its value. By split, not by a pattern of repeated words. */
const isSentence = (text: string): boolean => /[.!?]$/.test(text) && text.split(/\s+/).length >= 4;

/**
 * The status a nested list under `Status` gives: of a template's options (two or more bare state words),
 * the one set in bold, as `chosenState` reads `a | **b** | c`, or none (a copy that chose no state is
 * not Proposed); of a history (`proposed: 2024-01-02`, `accepted: 2024-02-01`), the last state.
 */
function nestedStatus(texts: readonly string[], read: KeyValueReader): string | undefined {
  if (texts.length > 1 && texts.every((text) => BARE_STATE.test(text))) {
    const picked = texts.flatMap((text) => (BARE_STATE.exec(text)?.[1] ? [text] : []));
    return picked.length === 1 ? cleanValue(picked[0] ?? '') : '';
  }
  const states = texts.map((text) => read(text));
  if (!states.length || !states.every((state) => state && /^\d{4}-\d\d-\d\d\b/.test(ownValue(state[1]))))
    return undefined;
  return cleanValue(states.at(-1)?.[0] ?? '');
}

/**
 * Keys a header list writes with their values as a nested list (a MADR-derived template's
 * `* Decider(s): <!-- required -->` over `  * Ana Ruiz`, `* Date(s):` over `  * drafted: 2019-10-29`,
 * `* **Owners:**:` over `  * @ana`): the key takes its items, each item's first line (a team's members
 * nested under it stay out), or the value of an item that is itself `state: date`; joined with commas, so
 * a date field reads the first. `status` reads its own way (nestedStatus). Earlier places win: a key the
 * fields already hold is left. `only`: the keys read (below a section heading, the metadata keys only,
 * and not over prose: a Context's `- Status:` bullet over a sentence is no status field).
 */
export function fromNestedLists(
  list: List,
  markdown: string,
  fields: Record<string, Field>,
  read: KeyValueReader,
  only?: ReadonlySet<string>,
): void {
  for (const item of list.children) {
    const [head, nested] = item.children;
    if (head?.type !== 'paragraph' || nested?.type !== 'list') continue;
    const keyed = read(firstLine(head, markdown));
    if (!keyed || ownValue(keyed[1])) continue;
    const key = fieldKey(keyed[0]);
    if (!key || key in fields || (only && !only.has(key))) continue;
    const texts = nested.children.map((sub) =>
      sub.children[0]?.type === 'paragraph' ? firstLine(sub.children[0], markdown).trim() : '',
    );
    if (only && texts.some(isSentence)) continue;
    const status = key === 'status' ? nestedStatus(texts, read) : undefined;
    const values =
      status !== undefined
        ? [status].filter(Boolean)
        : texts.flatMap((text) => {
            const inner = read(text);
            // `https://…` is no `key: value`.
            const value =
              inner?.[1] && !inner[1].startsWith('//') ? ownValue(inner[1]) : withoutComments(text);
            return cleanValue(value) || [];
          });
    if (!values.length) continue;
    fields[key] = { value: values.join(', '), ...(head.position ? { position: head.position } : {}) };
  }
}
