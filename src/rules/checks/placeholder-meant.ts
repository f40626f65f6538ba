import type { Nodes, Root } from 'mdast';
import { pendingMilestones } from '../../normalize/timeline.js';
import { numeralSlots, VALUE_WORD } from './placeholder-values.js';

/** A cell that says a table's entry is absent on purpose ("none", "n/a", "TBD (Chris)"): the table's TBDs are statuses. */
const NO_ENTRY = /^(?:none|n\/a|tbh|tbd\s*\(.*\)|[-–—])$/i;
/** A task tracker's upper-case state beside "TODO" in its column ("DONE", "IN PROGRESS"): the column is a status. */
const STATE_CELL = /^(?:DONE|DOING|IN[ _-]PROGRESS|BLOCKED|WIP|OPEN|CLOSED|COMPLETED?|NOT STARTED)$/;
/** A list item that tells the reader what to do: its slots name what to pick or type ("Resource: [Name of your team]"). */
const IMPERATIVE = /^(?:Add|Select|Enter|Type|Fill|Choose|Click|Set|Request|Pick|Search|Filter|Open)\b/;
const DATE_FORMAT = /^(?:YYYY-MM-DD|YYYY\/MM\/DD|DD\/MM\/YYYY|MM\/DD\/YYYY)\b/;

function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** A note word alone: a "## TODO" heading over a list is the author's list of work left, on a page that is no board. */
const NOTE_WORD = /^(?:TODO|FIXME)$/;

/** TODO named as a state in a sentence: "a card goes into the TODO state", "the TODO column". */
const STATE_NAMED = /\bTODO (?:state|column|lane|status|stage|label|view|tab)\b/;

/**
 * Whether the page is a board or a triage list: it writes TODO as an item's state besides its headings (a bold
 * line, a cell, an item), names it as one in a sentence, or heads another state's section ("## Done"), so its
 * "## TODO" is a column.
 */
function boardStates(node: Nodes): boolean {
  if (node.type === 'strong' || node.type === 'tableCell' || node.type === 'listItem')
    if (NOTE_WORD.test(textOf(node).trim())) return true;
  if (node.type === 'text' && STATE_NAMED.test(node.value)) return true;
  if (node.type === 'heading') return STATE_CELL.test(textOf(node).trim().toUpperCase());
  return 'children' in node && node.children.some(boardStates);
}

/** A list item's text that opens with a bracketed tag followed by its own words: "[OVH] Remove the redirects". */
const TAG_OPENING = /^\[[^\]\n]{1,30}\](?=\s+\S)/;

/**
 * Text nodes where template text is meant: a "- TBD" item after real items of its list (room for more), a TBD cell in a
 * column that writes "none" for an empty entry (a status), a Roman numeral (`numeralSlots`), a Timeline's milestone not
 * reached (`pendingMilestones`), a slot in a how-to step (what to type), an italic entry-format line (`_MM/DD/YYYY
 * Reason for change_`, the model for the next entry), a tag opening list items among three or more such tags (`tags`), and the text of headings and list items (`outline`), where a
 * template's stock sentence names or describes a section.
 */
export function meantNodes(
  root: Root,
  isSlot: (text: string) => boolean = () => false,
): Record<'values' | 'steps' | 'asked' | 'formats' | 'outline' | 'tags', Set<Nodes>> {
  const values = new Set<Nodes>();
  const steps = new Set<Nodes>();
  const asked = new Set<Nodes>();
  const formats = new Set<Nodes>();
  const outline = new Set<Nodes>();
  const tags = new Set<Nodes>();
  const tagged: { item: Nodes; tag: string; named: boolean }[] = [];
  const noteHeadings = new Set<Nodes>();
  let board: boolean | undefined;
  const mark = (into: Set<Nodes>, node: Nodes): void => {
    into.add(node);
    if ('children' in node) for (const child of node.children) mark(into, child);
  };
  const visit = (node: Nodes, underInstruction: boolean): void => {
    if (node.type === 'list') {
      const texts = node.children.map((item) => textOf(item).trim());
      node.children.forEach((item, k) => {
        const tag = TAG_OPENING.exec(texts[k] ?? '')?.[0];
        if (tag) tagged.push({ item, tag: tag.toLowerCase(), named: !isSlot(tag) });
        if (VALUE_WORD.test(texts[k] ?? '') && texts.some((t) => t !== '' && !VALUE_WORD.test(t)))
          mark(values, item);
        if (node.ordered) mark(steps, item);
        if (underInstruction) mark(asked, item);
        mark(outline, item);
        visit(item, IMPERATIVE.test(texts[k] ?? ''));
      });
      return;
    }
    if (node.type === 'table') {
      const rows = node.children.map((row) => row.children.map((cell) => textOf(cell).trim()));
      for (const [r, row] of rows.entries())
        for (const [c, text] of row.entries()) {
          const cell = node.children[r]?.children[c];
          const status = (other: string[]) =>
            NO_ENTRY.test(other[c] ?? '') || STATE_CELL.test(other[c] ?? '');
          if (cell && VALUE_WORD.test(text) && rows.some(status)) mark(values, cell);
        }
    }
    if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]?.type === 'emphasis') {
      if (DATE_FORMAT.test(textOf(node).trim())) mark(formats, node);
    }
    // "## TODO" names a section of open questions or tasks, not a title left unwritten; over a list of work
    // on a page that is no board (noteHeadings) it is its author's note of what is left.
    if (node.type === 'heading' && VALUE_WORD.test(textOf(node).trim()) && !noteHeadings.has(node))
      mark(values, node);
    if (node.type === 'heading') mark(outline, node);
    // A bold "**TODO**" alone under an item's notes is the item's state, as a triage list marks each issue
    // TODO or DONE; followed by its paragraph or list it labels them (a board's column); alone under a
    // heading with nothing after it it is a section never written.
    if ('children' in node)
      node.children.forEach((child, k) => {
        const only =
          child.type === 'paragraph' && child.children.length === 1 ? child.children[0] : undefined;
        const [before, after] = [node.children[k - 1], node.children[k + 1]];
        const labels = after?.type === 'paragraph' || after?.type === 'list';
        if (child.type === 'heading' && after?.type === 'list' && NOTE_WORD.test(textOf(child).trim())) {
          board ??= boardStates(root);
          if (!board) noteHeadings.add(child);
        }
        if (
          only?.type === 'strong' &&
          VALUE_WORD.test(textOf(only).trim()) &&
          ((before && before.type !== 'heading') || labels)
        )
          mark(values, child);
      });
    if ('children' in node) for (const child of node.children) visit(child, underInstruction);
  };
  visit(root, false);
  for (const node of [...numeralSlots(root), ...pendingMilestones(root)]) values.add(node);
  // A page whose list items open with three tags of their own or more ("[OVH] …", "[email] …", "[Github] …", in
  // one list or in the lists of its sections) sorts its steps by system, as a changelog's "[Added]" does; two of
  // them at least name no slot, so "[Name] …", "[Date] …", "[Owner] …" left in a copied agenda stay slots.
  const distinct = (list: typeof tagged) => new Set(list.map(({ tag }) => tag)).size;
  if (distinct(tagged) >= 3 && distinct(tagged.filter(({ named }) => named)) >= 2)
    for (const { item } of tagged) mark(tags, item);
  return { values, steps, asked, formats, outline, tags };
}
