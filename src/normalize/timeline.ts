import type { List, Nodes, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { normalizeKey, parseStrictDate } from './fields.js';
import { KEY_VALUE } from './key-value-lines.js';
import { stateInEnglish } from './state-words.js';

/** The states only a decision reaches, in English (`Aceito:` is Accepted): a project's `Completed:` is none. */
const DECIDED = new Set(['accepted', 'rejected', 'declined', 'withdrawn', 'superseded']);

/**
 * A record's state kept as a list of dated milestones under `## Timeline` (Cedar's RFC template:
 * `- Started: 2024-06-26`, `- Accepted: 2024-09-10`, `- Landed: TBD`), with no Status: the last decision
 * reached (DECIDED) with a date is the `status`, its date the `status-date`; `Started:` dates the record
 * (`start-date`). A milestone still to come (`TBD`) is none reached; a plan's milestones (`Beta:`,
 * `Completed:`) are no decision, and set no status.
 */
export function fromTimeline(tree: Root, fields: Record<string, Field>): void {
  const list = timelineList(tree);
  if (!list) return;
  let reached: { state: Field; day: Field } | undefined;
  for (const item of list.children) {
    const match = KEY_VALUE.exec(mdToString(item).split('\n')[0] ?? '');
    const [key = '', value = ''] = [match?.[1]?.trim(), match?.[2]?.trim()];
    const date = parseStrictDate(value);
    if (!date) continue;
    const position = item.position ? { position: item.position } : {};
    const day = { value: date.toISOString().slice(0, 10), ...position };
    if (normalizeKey(key) === 'started') fields['start-date'] ??= day;
    else if (DECIDED.has(stateInEnglish(key.toLowerCase())))
      reached = { state: { value: key, ...position }, day };
  }
  if (!reached || fields.status?.value.trim()) return;
  fields.status = reached.state;
  fields['status-date'] = reached.day;
}

/** The list right under a `## Timeline` heading, if the page has one. */
function timelineList(tree: Root): List | undefined {
  const nodes = tree.children;
  const index = nodes.findIndex(
    (node) => node.type === 'heading' && node.depth >= 2 && normalizeKey(mdToString(node)) === 'timeline',
  );
  const list = index < 0 ? undefined : nodes[index + 1];
  return list?.type === 'list' ? list : undefined;
}

/**
 * The nodes of a Timeline's milestones still to come, after one reached with its date ("- Accepted: 2024-09-10",
 * then "- Landed: TBD"): the record's process writes the date when it happens, so the TBD is its state, not a
 * slot left unfilled. Before any dated milestone (a template's "Started: (today's date)", "Accepted: TBD") they
 * are none.
 */
export function pendingMilestones(tree: Root): Nodes[] {
  const pending: Nodes[] = [];
  const add = (node: Nodes): void => {
    pending.push(node);
    if ('children' in node) for (const child of node.children) add(child);
  };
  let dated = false;
  for (const item of timelineList(tree)?.children ?? []) {
    const value = KEY_VALUE.exec(mdToString(item).split('\n')[0] ?? '')?.[2]?.trim() ?? '';
    if (parseStrictDate(value)) dated = true;
    else if (dated) add(item);
  }
  return pending;
}
