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
