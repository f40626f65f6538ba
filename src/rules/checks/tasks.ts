import type { ListItem } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { z } from 'zod';
import type { Hit, PageCheckKind } from '../check.js';
import { dashOwner } from './task-dash-owner.js';
import {
  ACTION_SECTIONS,
  AGENDA_STATUS,
  AGENDA_TITLE,
  actionItems,
  CHECKBOX_TYPES,
  labelledOwners,
  parentItems,
} from './task-items.js';
import { ownerNestedUnder } from './task-lists.js';
import { personHeadings, personSections } from './task-notes.js';
import { AGENDA_SECTIONS, agendaByStatus, WIDE_BOX } from './task-places.js';
import {
  CHECK_MARK,
  givesDate,
  MARKED_DONE,
  namesOwner,
  ownerInProse,
  pagePeople,
  pageRoster,
} from './task-signals.js';
import { tableTasks } from './task-table.js';
import { datedByAncestor, dueByHeading, leadIns, listDeadlines, treeHead } from './task-tree.js';
import { regexSource, truncate } from './values.js';

const options = z.object({
  sections: z.array(z.string()).default(ACTION_SECTIONS),
  'checkbox-types': z.array(z.string()).default(CHECKBOX_TYPES),
  // The meeting's agenda headings: written as a checklist, their checkboxes are topics, not tasks.
  'agenda-sections': z.array(z.string()).default(AGENDA_SECTIONS),
  // null: no title makes a page an agenda.
  'agenda-title': regexSource.nullable().default(AGENDA_TITLE),
  // null: no status makes a page an agenda.
  'agenda-status': regexSource.nullable().default(AGENDA_STATUS),
  'require-owner': z.boolean().default(true),
  'require-due': z.boolean().default(true),
  'include-checked': z.boolean().default(false),
});

/** The `tasks` rule keys after defaults. */
export type TasksOptions = z.output<typeof options>;

/**
 * An open question ("How to / should we version ABCI itself?") in a TODO list is something to decide, not an
 * action item someone owns.
 */
const QUESTION =
  /^\s*(?:(?:how|what|why|when|where|which|who|whether)\b|(?:should|shall|do|does|can|could|would|is|are)\s+(?:we|i|it|they|this|there)\b)|\?\s*$/i;

/**
 * An Action items section left at "None" ("N/A", "Nothing", "Nenhuma", "Ninguna", "Aucune", "Keine", Japanese "無し",
 * "特になし", Korean "없음"), or at "Not sure" (the note-taker's word that no next step was set): the meeting set no
 * action item, which is no item without an owner.
 */
export const NO_ITEM =
  /^\s*(?:none|n\/?a|nil|nothing|-+|—|nenhum[ao]?|ningun[ao]?|aucune?|keine?|geen|not sure(?: yet)?|unsure|unclear|(?:特に)?(?:無し|なし|ナシ)|없음)(?:\s*[.。])?\s*$/iu;

/** A bullet sign typed at the start of an item's text, after the list's own marker. */
const TYPED_BULLET = /^[ \t]*[•◦▪‣][ \t]*/;

/** An item struck through ("~~Move the scripts~~ Update: they stay"): cancelled, not open. */
function struckThrough(item: ListItem): boolean {
  const first = item.children[0];
  const lead =
    first?.type === 'paragraph' ? first.children.find((child) => mdToString(child).trim()) : undefined;
  return lead?.type === 'delete';
}

/**
 * The item's first line (`head`), all its text (`full`) and, when it opens with a bold title ("**Blog post** -
 * Jonas will draft it"), the text after the title (`body`).
 */
function texts(item: ListItem): { head: string; full: string; body?: string } {
  const first = item.children[0];
  // "[　] プレゼンの準備": the box typed with an ideographic space is no part of the task, nor a bullet typed
  // after the list's own ("- • Criar testes").
  const head =
    first?.type === 'paragraph' ? mdToString(first).replace(WIDE_BOX, '').replace(TYPED_BULLET, '') : '';
  const full = item.children.map((child) => mdToString(child)).join('\n');
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'strong') return { head, full };
  const body = first.children
    .slice(1)
    .map((child) => mdToString(child))
    .join('')
    .replace(/^[\s:–—-]+/, '');
  return { head, full, body };
}

/** A name in bold: "**Robert Vinluan**", "**Martin**", "**Martin de Lasa**", "**Jean-Christophe Morin**". */
export const BOLD_NAME = /^\p{Lu}[\p{L}'’.-]{0,40}(?:\s(?:\p{Ll}{1,3}\s)?\p{Lu}[\p{L}'’.-]{0,40}){0,2}$/u;

/** Text between the task and the name after it: spaces, brackets, a full stop ("… namespaced. **Robert Vinluan**"). */
export const BETWEEN = /^[\s[\]().,;]*$/;

/**
 * The owner in bold after the task, as working groups' minutes write it: "Pull together notes on … **Robert
 * Vinluan**", on the item's wrapped next line too, or in brackets ("[**Martin**]"). Words set in bold close a line
 * for stress as well ("… before the release **Friday Night**"), so it names the owner only when the page names
 * that person (`people`: by first name, or by initials, "**JT Nelson**").
 */
function boldOwnerAfter(item: ListItem, people: ReadonlySet<string>): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const last = first.children.findLast((child) => !(child.type === 'text' && BETWEEN.test(child.value)));
  if (last?.type !== 'strong') return false;
  const name = mdToString(last).trim();
  return BOLD_NAME.test(name) && people.has(name.split(/[\s-]/)[0] as string);
}

/** Action items nobody owns or that have no date do not get done; in async teams nobody is in the room to notice. */
export const tasksCheck: PageCheckKind<TasksOptions> = {
  name: 'tasks',
  values: ['missing', 'item'],
  options,
  run(page, opts): Hit[] {
    if (page.unreadable) return [];
    const hits: Hit[] = [];
    const places = {
      sections: opts.sections,
      checkboxTypes: opts['checkbox-types'],
      agendaTitle: opts['agenda-title'],
      agendaStatus: opts['agenda-status'],
      agendaSections: opts['agenda-sections'],
    };
    const parents = parentItems(page);
    const roster = pageRoster(page.markdown);
    const people = pagePeople(page.markdown, roster);
    // A bold line names an owner only when it is an attendee's name: "- Backend: the queue is slow." in the notes
    // makes Backend one of `people`, and "**Backend**" over a list is its topic.
    const owners = labelledOwners(page, roster);
    const personSection = personSections(page.tree, personHeadings(page.tree, people, roster));
    // A step of a task someone owns ("- [ ] Governance repo (@ckerr)" over "- [ ] add the README") is theirs.
    const ownedByParent = (item: ListItem) => {
      const parent = parents.get(item);
      const head = parent && texts(parent).head;
      return head !== undefined && namesOwner(head, head, people, roster);
    };
    const leads = leadIns(page);
    const headingSaysWhen = dueByHeading(page);
    const closing = listDeadlines(page);
    for (const item of actionItems(page, places, people)) {
      if (item.checked === true && !opts['include-checked']) continue;
      if (treeHead(item) || closing.deadlines.has(item)) continue;
      const { head, full, body } = texts(item);
      if (!full.trim() || QUESTION.test(head) || NO_ITEM.test(full) || struckThrough(item)) continue;
      // Marked done in its text ("- DONE (ish)"), as a checked box is: nothing left to own or date. With an open
      // box, only a mark that closes it ("- [ ] (幸坂) フィルター機能と認証をつなげる ✅", a team ticking off its list
      // so); one that opens it ("- [ ] ✅ Set up CI") is the list's decoration.
      const mark = item.checked == null ? CHECK_MARK : /[✅✔☑✓][\uFE0E\uFE0F]?[ \t]{0,9}$/u;
      if (MARKED_DONE.test(head) || mark.test(head)) continue;
      const personal = personSection(item);
      const noOwner =
        opts['require-owner'] &&
        !owners.has(item) &&
        !ownedByParent(item) &&
        !namesOwner(head, full, people, roster) &&
        !dashOwner(head, people) &&
        !ownerInProse(head, body, people) &&
        !boldOwnerAfter(item, people) &&
        !ownerNestedUnder(item.children.slice(1)) &&
        !personal;
      const noDue =
        opts['require-due'] &&
        !givesDate(full) &&
        !personal?.plan &&
        !datedByAncestor(item, parents) &&
        !givesDate(leads.get(item) ?? '') &&
        !closing.dated.has(item) &&
        !headingSaysWhen(item);
      if (!noOwner && !noDue) continue;
      const missing = noOwner && noDue ? 'owner and due date' : noOwner ? 'owner' : 'due date';
      const text = truncate(head || full);
      hits.push({
        data: { missing, item: text },
        excerpt: text,
        matched: `task ${truncate(head || full, 200)}`,
        ...(item.position ? { position: item.position } : {}),
      });
    }
    // An action table's rows ("| Issue | For | Action | Timescale |"): the columns give the owner and the date.
    if (agendaByStatus(page, opts['agenda-status'])) return hits;
    for (const { row, task, owner, due } of tableTasks(page, opts.sections)) {
      const noOwner = opts['require-owner'] && !owner;
      const noDue = opts['require-due'] && !due && !givesDate(task);
      if (!noOwner && !noDue) continue;
      const missing = noOwner && noDue ? 'owner and due date' : noOwner ? 'owner' : 'due date';
      const text = truncate(task);
      hits.push({
        data: { missing, item: text },
        excerpt: text,
        matched: `task ${truncate(task, 200)}`,
        ...(row.position ? { position: row.position } : {}),
      });
    }
    return hits;
  },
};
