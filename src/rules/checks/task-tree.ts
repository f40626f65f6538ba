import type { ListItem, Nodes } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import { lastAtOrBefore } from './last-before.js';
import { givesDate } from './task-dates.js';
import { walk } from './text.js';

// Where an action item's date comes from when the item does not write it: the tree of tasks it stands in, or
// the line that introduces its list.

/** The item's first line: its own text, not the steps nested under it. */
function headOf(item: ListItem): string {
  const first = item.children[0];
  return first?.type === 'paragraph' ? mdToString(first) : '';
}

function nested(item: ListItem): ListItem[] {
  return item.children.flatMap((child) => (child.type === 'list' ? child.children : []));
}

/** Whether a checkbox below the item, at any depth, gives a date. */
function dateBelow(item: ListItem): boolean {
  return nested(item).some(
    (child) => (typeof child.checked === 'boolean' && givesDate(headOf(child))) || dateBelow(child),
  );
}

/**
 * A checkbox that heads a tree of checkboxes whose steps carry the dates ("- [ ] Course project" over "- [ ]
 * Strategy (2023/11/29 18:00まで)", "- [ ] Report (2023/11/29 18:00まで)"): it names the whole project, not a
 * task of its own; its steps are judged. One that gives a date of its own is a task with steps.
 */
export function treeHead(item: ListItem): boolean {
  return typeof item.checked === 'boolean' && !givesDate(headOf(item)) && dateBelow(item);
}

/**
 * Whether a task the item is nested under, at any depth, gives a date (`parents` maps each nested item to the
 * one it stands under): a step of "- [ ] Report (due 2026-06-01)" is due by then, as a step of an owned task is
 * its owner's.
 */
export function datedByAncestor(item: ListItem, parents: ReadonlyMap<ListItem, ListItem>): boolean {
  for (let up = parents.get(item); up; up = parents.get(up)) if (givesDate(headOf(up))) return true;
  return false;
}

/** A paragraph that introduces the list after it: it ends with a colon. */
const INTRODUCES = /:\s*$/;

/**
 * Each list item with the paragraph that introduces its list ("The following actions are to be performed before
 * the hackathon:"): a date it gives is the date of every item of that list.
 */
export function leadIns(page: Page): Map<ListItem, string> {
  const leads = new Map<ListItem, string>();
  walk(page.tree, (node: Nodes) => {
    if (!('children' in node) || node.type === 'paragraph') return;
    node.children.forEach((child, i) => {
      const before = node.children[i - 1];
      if (child.type !== 'list' || before?.type !== 'paragraph') return;
      const text = mdToString(before);
      if (INTRODUCES.test(text)) for (const item of child.children) leads.set(item, text);
    });
  });
  return leads;
}

/**
 * A heading that says by when its items are due, relative to the meeting: "## Tareas próxima semana", "### Action
 * points for the next meeting", "# 次回までのTODO", Hungarian "# Teendők a hétre" (to do over the week, until the
 * next weekly meeting). Not a date in a heading, often the day the items were set, nor "this
 * week", which in a heading names the meeting's own week ("Topics of this week", "Updates this week").
 */
export const WHEN_HEADING =
  /\b(?:next|following|coming) (?:week|meeting|call|sprint|session)\b|\bpr[óo]xima (?:semana|reuni[óo]n)|\bnächste[nrs]? (?:woche|treffen|sitzung)\b|\bprochaine (?:semaine|réunion)\b|次回|来週|(?<!\p{L})(?:a|a jövő|a következő) hétre(?!\p{L})/u;

/** A heading's text in lower case with single spaces, as WHEN_HEADING and REVIEW_POINT read it (no `i` flag). */
function spaced(node: Nodes): string {
  return mdToString(node).toLowerCase().replace(/\s+/g, ' ');
}

/** Whether the heading an item stands under says by when it is due (`WHEN_HEADING`); headings walked once. */
export function dueByHeading(page: Page): (item: ListItem) => boolean {
  const marks: { offset: number; when: boolean }[] = [];
  for (const node of page.tree.children)
    if (node.type === 'heading' && node.position?.start.offset !== undefined)
      marks.push({ offset: node.position.start.offset, when: WHEN_HEADING.test(spaced(node)) });
  return (item) => lastAtOrBefore(marks, item.position?.start.offset ?? -1)?.when === true;
}

/**
 * A list's last line that is only its deadline: "- Abgabe 28.04.19" (submission), "- Deadline: 2026-05-01", "- Entrega
 * 12/05", "- Fecha límite: 3 de mayo", "- Prazo 10/06". A line that says more ("Abgabe vorbereiten") is a task.
 */
const DEADLINE_LINE =
  /^[ \t]*(?:abgabe(?:termin)?|deadline|entrega|fecha[ \t]+l[ií]mite|due(?:[ \t]+date)?|prazo)[ \t]*[:：–-]?[ \t]*(?:(?:am|bis|by|on|el|em|até)[ \t]+)?(\S[^\n]{0,40})$/i;

/** A date that is the whole rest of the line: "28.04.19", "12/05", "2026-05-01". */
const DATE_ONLY = /^(?:\d{1,2}[./-]\d{1,2}(?:[./-](?:\d{4}|\d{2}))?\.?|(?:19|20)\d\d-\d\d-\d\d)$/;

/** Whether the rest of a deadline line is its date alone (a short written date: "3 de mayo", "May 3"). */
function dateOnly(rest: string): boolean {
  const text = rest.trim();
  return DATE_ONLY.test(text) || (givesDate(text) && text.split(/\s+/).length <= 4);
}

/**
 * The lists that close with their deadline (DEADLINE_LINE): that line is the list's due date, no task, and the
 * other items of the list are due by it.
 */
export function listDeadlines(page: Page): { deadlines: Set<ListItem>; dated: Set<ListItem> } {
  const deadlines = new Set<ListItem>();
  const dated = new Set<ListItem>();
  walk(page.tree, (node: Nodes) => {
    if (node.type !== 'list' || node.children.length < 2) return;
    const last = node.children.at(-1);
    const rest = last && DEADLINE_LINE.exec(headOf(last))?.[1];
    if (!last || rest === undefined || !dateOnly(rest)) return;
    deadlines.add(last);
    for (const item of node.children.slice(0, -1)) dated.add(item);
  });
  return { deadlines, dated };
}
