import type { Nodes } from 'mdast';

/**
 * A slot word between double underscores, as shared notes templates write them ("Notetaker: __Name__",
 * "- __Names__"): Markdown shows it bold, so the text alone cannot tell it from a label. Capitalized only,
 * so Python's `__name__` in prose is left alone; asterisks (`**Owner**`) are labels.
 */
const UNDERSCORED_SLOT =
  /^(?:Names?|Dates?|Owners?|Titles?|Authors?|Notetaker|Moderator|Lead|Team|Project|Links?|URL|E-?mail|Description|Summary|Details|Person|People|Role)$/;

/** A text node that is a slot word wrapped in `__`, with its span in the page's Markdown. */
export function underscoredSlot(
  markdown: string,
  node: Nodes,
): { text: string; start: number; end: number } | undefined {
  if (node.type !== 'text' || !UNDERSCORED_SLOT.test(node.value)) return undefined;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  if (markdown.slice(start - 2, start) !== '__' || markdown.slice(end, end + 2) !== '__') return undefined;
  // "__Role__: Admin" labels a step, as "__Create Bucket__:" labels the next one: bold, not a blank.
  if (markdown[end + 2] === ':') return undefined;
  return { text: `__${node.value}__`, start: start - 2, end: end + 2 };
}

/**
 * A fill-in instruction in italics as a value's whole text, as Portuguese and Spanish handbooks leave it ("**Responsável**:
 * _preencher_", a table cell `| _preencher_ |`): the value still owed. In a sentence ("é preciso _preencher_ o
 * formulário") the italics stress a verb.
 */
const ITALIC_FILL =
  /^(?:(?:a|por) )?(?:preencher|completar|rellenar|compl[ée]ter|remplir|fill in|to fill|to be filled)$/i;

/** A text node that is an italic fill-in word standing alone after a label or in a cell, with its span. */
function italicBlank(
  markdown: string,
  node: Nodes,
): { text: string; start: number; end: number } | undefined {
  if (node.type !== 'text' || !ITALIC_FILL.test(node.value.trim())) return undefined;
  const start = (node.position?.start.offset ?? 0) - 1;
  const end = (node.position?.end.offset ?? 0) + 1;
  const mark = markdown[start];
  if (start < 0 || (mark !== '_' && mark !== '*') || markdown[end - 1] !== mark) return undefined;
  if (markdown[start - 1] === mark || markdown[end] === mark) return undefined;
  const lineStart = markdown.lastIndexOf('\n', start) + 1;
  const lineEnd = markdown.indexOf('\n', end);
  const before = markdown.slice(lineStart, start);
  const after = markdown.slice(end, lineEnd === -1 ? undefined : lineEnd);
  const labelled = /^\s*(?:[-*+]\s+)?$|[:：]\**\s*$|\|\s*$/.test(before);
  return labelled && /^\s*(?:\||$)/.test(after)
    ? { text: markdown.slice(start, end), start, end }
    : undefined;
}

/** A slot its markup makes one: a `__Name__` slot word or an italic fill-in word (`_preencher_`). */
export function markedSlot(
  markdown: string,
  node: Nodes,
): { text: string; start: number; end: number } | undefined {
  return underscoredSlot(markdown, node) ?? italicBlank(markdown, node);
}
