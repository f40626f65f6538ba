import type { ListItem, Paragraph, PhrasingContent } from 'mdast';

/**
 * A line numbered by an emoji, as student teams number a to-do list without list markup (":one: Fix the title  ",
 * "2️⃣ Rename the app", "🔟 …"): GitHub's shortcodes and the keycap emoji.
 */
const EMOJI_NUMBER =
  /^[ \t]{0,3}(?::(?:zero|one|two|three|four|five|six|seven|eight|nine|keycap_ten):|[0-9]\uFE0F?\u20E3|\u{1F51F})[ \t]*/u;

/** The paragraph's inline nodes by source line; a text node that runs over lines is cut at each line end. */
function nodesByLine(paragraph: Paragraph): Map<number, PhrasingContent[]> {
  const lines = new Map<number, PhrasingContent[]>();
  const add = (line: number, node: PhrasingContent) => {
    const nodes = lines.get(line);
    if (nodes) nodes.push(node);
    else lines.set(line, [node]);
  };
  for (const node of paragraph.children) {
    const line = node.position?.start.line;
    if (line === undefined || node.type === 'break') continue;
    if (node.type !== 'text') add(line, node);
    else for (const [i, value] of node.value.split('\n').entries()) add(line + i, { type: 'text', value });
  }
  return lines;
}

/**
 * A paragraph under an action-item heading whose every line opens with an emoji number, as its action items: one
 * item a line, as if each were a list item (`markdown` is the page's source, for each line's position). A
 * paragraph of prose there, or one line of it so numbered, is no list: it gives none.
 */
export function emojiNumberedItems(paragraph: Paragraph, markdown: string): ListItem[] {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return [];
  const source = markdown.slice(start.offset, end.offset).split('\n');
  if (source.length < 2 || !source.every((line) => EMOJI_NUMBER.test(line))) return [];
  const lines = nodesByLine(paragraph);
  let offset = start.offset;
  return source.map((text, i) => {
    const line = start.line + i;
    const column = i === 0 ? start.column : 1;
    const lineStart = { line, column, offset };
    const lineEnd = { line, column: column + text.trimEnd().length, offset: offset + text.trimEnd().length };
    offset += text.length + 1;
    const [first, ...rest] = lines.get(line) ?? [];
    const children: PhrasingContent[] =
      first?.type === 'text'
        ? [{ type: 'text', value: first.value.replace(EMOJI_NUMBER, '') }, ...rest]
        : (lines.get(line) ?? []);
    return {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [{ type: 'paragraph', children, position: { start: lineStart, end: lineEnd } }],
      position: { start: lineStart, end: lineEnd },
    };
  });
}
