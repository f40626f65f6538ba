import type { ListItem, Nodes, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import { findSections } from './find-section.js';
import { decidedBullet, decisionLabel, labelSections } from './label-sections.js';
import { DONE_WORK, withoutDoneWork } from './task-done.js';
import { emojiNumberedItems } from './task-lines.js';
import { instructionLists, taskListLeadIn, topicLabel } from './task-lists.js';
import { boldLabelOnly, nextAgenda, notAgendas, notAnAction, OWNER_LABEL, ownerLine } from './task-notes.js';
import {
  agendaByStatus,
  checklistAgendas,
  commitments,
  emptySlot,
  fieldList,
  lastReviewPoint,
  wideBox,
} from './task-places.js';
import { pagePeople } from './task-signals.js';
import { walk } from './text.js';
import { compileRegex } from './values.js';

/** Headings under which a plain bullet is an action item, as meeting notes and templates write them. */
export const ACTION_SECTIONS = [
  'Action items',
  'Action points',
  'Actions',
  'Next steps',
  // "## Next Actions"; not a working group's "Call to Action", open calls to everyone more often than tasks.
  'Next actions',
  'Next action',
  'To do',
  'Todo',
  'To-do', // "## TO-DO", "## To-Do": the hyphen stays in a heading's key.
  'TODOs',
  'Follow-ups',
  'Follow ups',
  'Follow-up items',
  'Open items', // What AI-summarised minutes leave to do after the meeting.
  // "## Required Tasks" over who does what by the next meeting, as student teams' notes write it.
  'Tasks',
  'Required tasks',
  // Spanish and Japanese minutes: "## Acciones Pendientes", "# TODOと分担" (to-dos and who takes them).
  // A minutes template's "## Action summary" over its table of actions (task-table.ts reads its columns).
  'Action summary',
  'Acciones pendientes',
  'Tareas',
  // Commitments, as Portuguese and Spanish minutes call who does what by when ("## Compromissos", "## ✅ Compromisos /
  // Tareas"), French "Actions à mener" and German "Aufgaben".
  'Compromissos',
  'Compromisos',
  'Actions à mener',
  'Aufgaben',
  'TODOと分担',
];

/**
 * Page types whose task checkboxes are action items wherever they stand. Elsewhere a checklist is a
 * process gate ("- [ ] (R) approvers have approved" in a KEP, an ADR's open questions, an onboarding
 * list): only the items under an action-item heading count there.
 */
export const CHECKBOX_TYPES = ['meeting-notes'];

/**
 * A title that says the page is the agenda published before the meeting ("T-compiler Meeting Agenda
 * 2021-03-04"), not its notes: its checkboxes are topics to tick off, and it cannot record outcomes yet.
 */
export const AGENDA_TITLE = '^(?!.*\\b(?:notes|minutes|recap)\\b).*\\bagenda\\b';

/** A status that says the page is the agenda published before the meeting ("Status: 📋 Proposed Agenda"). */
export const AGENDA_STATUS = '\\bagenda\\b';

/** A lead-in that says the list below is not agreed yet. */
const TENTATIVE =
  /\b(?:needs?\s+(?:more|additional|further)\s+discussion|not\s+(?:yet\s+)?(?:agreed|decided)|to\s+be\s+discussed|ideas\s+for\s+later)\b/i;

/**
 * A heading over the last meeting's action items, read out to see how they went ("### Action Items Review",
 * "Action items from the last meeting", "Previous action items"), or the agenda point over them ("- Review
 * action points from last meeting", "- Review pending action points"): they were set, with or without owner
 * and date, where they were agreed. Not "Action items for the security review" or "prior to launch".
 */
export const PAST_ITEMS =
  /\b(?:(?:action items?|actions|tasks|to-?dos?)\s+(?:review(?:ed)?|recap)|(?:review|recap)\s+(?:of\s+)?(?:the\s+)?(?:(?:last|previous|open|pending)\s+)?(?:action items?|action points?|actions|tasks)|(?:previous|prior)\s+(?:action items?|action points?|actions|tasks|items|to-?dos?)|carried over|from\s+(?:the\s+)?(?:last|previous)\s+(?:meeting|call|sync|session|week))\b/i;

/** Where a page's action items are: the headings that hold them, and when a checkbox anywhere is one. */
export interface ActionItemPlaces {
  sections: readonly string[];
  checkboxTypes: readonly string[];
  agendaTitle: string | null;
  /** A regex for a status that makes the page an agenda, which sets no action items (null: none does). */
  agendaStatus: string | null;
  /** Whether an attendee's "AU will update ..." in a bullet counts (`commitments`): for outcomes, not to judge. */
  commitments?: boolean;
  /** The meeting's agenda headings (default `AGENDA_SECTIONS`): as a checklist, its boxes are topics, no tasks. */
  agendaSections?: readonly string[];
}

/** The defaults the `tasks` rule keys start from; conditional rules' `tasks: true` uses them as they are. */
export const DEFAULT_PLACES: ActionItemPlaces = {
  sections: ACTION_SECTIONS,
  checkboxTypes: CHECKBOX_TYPES,
  agendaTitle: AGENDA_TITLE,
  agendaStatus: AGENDA_STATUS,
  commitments: true,
};

function checkboxesAreItems(page: Page, places: ActionItemPlaces): boolean {
  const type = page.type?.toLowerCase();
  if (!type || !places.checkboxTypes.some((t) => t.toLowerCase() === type)) return false;
  return !(places.agendaTitle && compileRegex(places.agendaTitle).test(page.title));
}

/**
 * The page's action items in document order: the top-level bullets of sections named like `sections`
 * (their sub-bullets are details, not items of their own), plus GFM task items (`- [ ]`) anywhere on
 * pages whose type keeps action items in checklists. `people` are the names the page gives (`pagePeople`).
 */
export function actionItems(
  page: Page,
  places: ActionItemPlaces = DEFAULT_PLACES,
  people: ReadonlySet<string> = pagePeople(page.markdown),
): ListItem[] {
  const items = new Set<ListItem>();
  if (agendaByStatus(page, places.agendaStatus)) return [];
  const sections = [...findSections(page, places.sections), ...labelSections(page, places.sections)];
  const reviewAt = lastReviewPoint(page);
  const reviewed = new Set(
    sections.map((s) => s.heading).filter((h) => (h.position?.start.offset ?? Infinity) < reviewAt),
  );
  const agendas = checklistAgendas(page, sections.length > 0, places.agendaSections);
  if (checkboxesAreItems(page, places))
    for (const node of checklistNodes(page, sections.length > 0, reviewed, agendas))
      addCheckboxes(node, items, sections.length > 0);
  // The sub-headings after an action-item section's own list are the notes' next topics, even one named
  // like an action-item section ("### Action items discussion" under "## Action items").
  const topics = new Set<RootContent>();
  for (const section of sections) {
    if (
      topics.has(section.heading) ||
      DONE_WORK.test(section.title) ||
      PAST_ITEMS.test(section.title) ||
      reviewed.has(section.heading)
    )
      continue;
    const listed = itemNodes(section.nodes);
    for (const node of section.nodes.slice(listed.length)) if (node.type === 'heading') topics.add(node);
    const nodes = withoutDoneWork(listed);
    // "Instructions:" over "1. Clone the repo": steps everyone took in the room, not tasks.
    const steps = instructionLists(nodes);
    nodes.forEach((node, i) => {
      if (node.type === 'paragraph')
        for (const item of emojiNumberedItems(node, page.markdown))
          if (!notAnAction(item, people)) items.add(item);
      if (node.type !== 'list' || fieldList(node) || steps.has(node)) return;
      // "We may also want to do these soon but we need additional discussion:" introduces ideas, not tasks.
      // "**Decisions**" over its list in a "Next steps and decisions" section: what was decided, no tasks.
      const before = nodes[i - 1];
      if (
        before?.type === 'paragraph' &&
        (TENTATIVE.test(mdToString(before)) || decisionLabel(mdToString(before)))
      )
        return;
      for (const item of node.children) {
        if (notAnAction(item, people) || decidedBullet(item)) continue;
        // "- **Hiroto**" over Hiroto's own list, "- Sovereign Tech Fund" over its tasks, "1. **Next Innovation
        // Day**" over its own: the items are the nested ones. A numbered item over its list ("2. Decisions
        // needed") is a part of the notes' outline, not a topic.
        const label =
          ownerLabel(item) !== undefined ||
          taskListLeadIn(item) ||
          (node.ordered !== true && topicLabel(item));
        const detached =
          item === node.children.at(-1) && ['paragraph', 'list'].includes(nodes[i + 1]?.type ?? '');
        if (!label && !boldLabelOnly(item, detached)) items.add(item);
        else for (const nested of nestedItems(item)) if (!notAnAction(nested, people)) items.add(nested);
      }
    });
  }
  if (places.commitments) for (const item of commitments(page)) items.add(item);
  const offset = (item: ListItem) => item.position?.start.offset ?? 0;
  return [...items].filter((item) => !emptySlot(item)).sort((a, b) => offset(a) - offset(b));
}

/**
 * A heading over the roll call ("## Voting member attendance", "Attendees", "Apologies"), also as Portuguese,
 * Spanish, German, French and Dutch minutes write it ("Checklist de Participantes", "Anwesende").
 */
const ROLL_CALL =
  /\b(?:attendance|attendees|attending|present|participants|roll[ -]?call|apologies|absent|quorum|participantes|presentes|asistentes|presenças?|asistencia|anwesend(?:e|heit)?|teilnehmer(?:innen)?|présents|aanwezig(?:en)?)\b/iu;

/**
 * The page's top-level nodes whose checkboxes are tasks: not the roll call, where minutes tick off who
 * attended ("- [x] Daniel Heckenberg, Animal Logic", "- [ ] Ken Museth, OpenVDB": an unticked name is an
 * absent member, not an open task), nor the next meeting's agenda, whose boxes are topics to tick off
 * then ("- [ ] Find volunteers"), nor the last meeting's items under review (`reviewed`), nor a `wishlist` under
 * a question (`ASKS`), sub-headings included; nor an agenda written as a checklist (`agendas`) to the next heading.
 */
function checklistNodes(
  page: Page,
  wishlist: boolean,
  reviewed: ReadonlySet<RootContent>,
  agendas: ReadonlySet<RootContent>,
): RootContent[] {
  const kept: RootContent[] = [];
  let skippedDepth: number | undefined;
  let inAgenda = false;
  for (const node of page.tree.children) {
    if (node.type === 'heading') {
      if (skippedDepth !== undefined && node.depth > skippedDepth) continue;
      const text = mdToString(node);
      const skip = ROLL_CALL.test(text) || nextAgenda(text) || PAST_ITEMS.test(text) || reviewed.has(node);
      skippedDepth = skip || (wishlist && ASKS.test(text)) ? node.depth : undefined;
      inAgenda = agendas.has(node);
    } else if (skippedDepth === undefined && !inAgenda) kept.push(node);
  }
  return notAgendas(kept, page.markdown);
}

/**
 * A line that asks what the project wants ("What numerical solvers do we want in PlasmaPy?"): the checkboxes under
 * it are a wishlist, ticked as each lands, on a page that keeps its tasks under an Action Items heading of its own.
 */
export const ASKS = /^\s*(?:what|which|who|how|should\s+we|do\s+we)\b[^?\n]{0,200}\?/i;

/**
 * Adds the task checkboxes in a node to `items` (not under a question, `wishlist`, when the page has action items
 * of its own), not those under an agenda point that reviews the last meeting's
 * items ("- Review action points from last meeting" over "- [ ] Find the list … **JT Nelson**"): those were set
 * then. The point itself, a plain bullet, is a topic; a checkbox that says so ("- [ ] Review previous actions") is
 * a task of its own and stays one, with whatever it holds.
 */
function addCheckboxes(node: Nodes, items: Set<ListItem>, wishlist: boolean): void {
  if (node.type === 'listItem') {
    const lead = node.children[0]?.type === 'paragraph' ? mdToString(node.children[0]) : '';
    if (typeof node.checked === 'boolean' || wideBox(node)) items.add(node);
    else if (PAST_ITEMS.test(lead) || (wishlist && ASKS.test(lead))) return;
  }
  if ('children' in node) for (const child of node.children) addCheckboxes(child, items, wishlist);
}

/**
 * The nodes of an action-item section that hold its items. A section that lists its items before its
 * first sub-heading ends there: the sub-headings after that list are the notes' next topics ("## Action
 * items" over "### Budget" and its discussion). A section without a list of its own groups its items
 * under sub-headings ("### Backend", "### Frontend"), so all of them count.
 */
function itemNodes(nodes: RootContent[]): RootContent[] {
  const firstHeading = nodes.findIndex((node) => node.type === 'heading');
  if (firstHeading < 0) return nodes;
  const own = nodes.slice(0, firstHeading);
  return own.some((node) => node.type === 'list') ? own : nodes;
}

/** The owner a label bullet names, if the bullet is one: no checkbox, a nested list, nothing but the name. */
export function ownerLabel(item: ListItem): string | undefined {
  if (typeof item.checked === 'boolean') return undefined;
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph' || !rest.some((child) => child.type === 'list')) return undefined;
  const marked =
    (first.children.length === 1 && first.children[0]?.type === 'strong') ||
    /^\s*@|:\s*$/.test(mdToString(first));
  const text = mdToString(first);
  return marked && OWNER_LABEL.test(text) ? text.replace(/:\s*$/, '').trim() : undefined;
}

function nestedItems(item: ListItem): ListItem[] {
  return item.children.flatMap((child) => (child.type === 'list' ? child.children : []));
}

/** Each list item nested in another, with the item it is nested in ("- [ ] Governance repo (@ckerr)" over its steps). */
export function parentItems(page: Page): Map<ListItem, ListItem> {
  const parents = new Map<ListItem, ListItem>();
  walk(page.tree, (node: Nodes) => {
    if (node.type === 'listItem') for (const nested of nestedItems(node)) parents.set(nested, node);
  });
  return parents;
}

/**
 * Each list item that sits under an owner label bullet or an owner's name line, with the owner it names; a name
 * line names one of the `roster` (the page's attendees).
 */
export function labelledOwners(page: Page, roster: ReadonlySet<string> = new Set()): Map<ListItem, string> {
  const owners = new Map<ListItem, string>();
  walk(page.tree, (node: Nodes) => {
    if (node.type === 'listItem') {
      const owner = ownerLabel(node);
      if (owner !== undefined) for (const nested of nestedItems(node)) owners.set(nested, owner);
    }
    if (!('children' in node) || node.type === 'paragraph') return;
    node.children.forEach((child, i) => {
      const next = node.children[i + 1];
      const owner = ownerLine(child, roster);
      if (owner !== undefined && next?.type === 'list')
        for (const item of next.children) owners.set(item, owner);
    });
  });
  return owners;
}
