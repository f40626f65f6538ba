import type { Heading, List, ListItem, Nodes } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import { findSections, headingKey } from './find-section.js';
import { pageRoster } from './task-roster.js';
import { walk } from './text.js';
import { compileRegex } from './values.js';

// Where a page's action items are not, or are besides its action-item sections and checkboxes (kept apart from
// task-items.ts to keep each module small).

/** A checkbox written with an ideographic space, as Japanese notes type it ("- [　] プレゼンの準備"): unchecked. */
export const WIDE_BOX = /^\[\u3000\][ \t\u3000]*/;

/** Whether a bullet is an unchecked box written with an ideographic space (`WIDE_BOX`). */
export function wideBox(item: ListItem): boolean {
  const first = item.children[0];
  return item.checked == null && first?.type === 'paragraph' && WIDE_BOX.test(mdToString(first));
}

/**
 * A point of the notes that goes over the last meeting's items ("### Status of the action items from the previous
 * meeting", "## Review of action items", "Follow-up on open actions"): the action-item list that stands before it
 * is the one read out for that review, copied to the top of the page, not this meeting's new items.
 */
export const REVIEW_POINT =
  /\b(?:status|review|recap|follow-?up) (?:of|on) (?:the )?(?:(?:open|pending|previous|last|outstanding) )?(?:action items?|action points?|actions|tasks)\b/;

/** Where the page's last review point (`REVIEW_POINT`) heading starts; -1 when it has none. */
export function lastReviewPoint(page: Page): number {
  let last = -1;
  for (const node of page.tree.children)
    if (node.type === 'heading' && REVIEW_POINT.test(mdToString(node).toLowerCase().replace(/\s+/g, ' ')))
      last = node.position?.start.offset ?? last;
  return last;
}

/**
 * Whether the page's status says it is the agenda published before the meeting ("Status: 📋 Proposed Agenda", a
 * minutes template's state before the meeting): the items it lists are the open ones to review, and it sets none.
 */
export function agendaByStatus(page: Page, agendaStatus: string | null): boolean {
  const status = page.fields.status?.value;
  return agendaStatus !== null && status !== undefined && compileRegex(agendaStatus).test(status);
}

/**
 * A sentence in which an attendee takes something on, written with the initials or first name the attendee line
 * gives ("AU will update the outputs before next week", "SN will clear the backup this week", "RP will be moving
 * the login node"): an action the meeting set, written as prose. Not "will not", "will have", "will need", nor
 * "will be" without a verb in -ing ("RC will be away"): `commitments` reads the words after "will" (no look-ahead,
 * so recheck judges the pattern by its automaton).
 */
export const WILL_DO =
  /(?:^|[.;!?] )(\p{Lu}{2,3}|\p{Lu}\p{Ll}+)(?: (?:and|&) (?:\p{Lu}{2,3}|\p{Lu}\p{Ll}+))? will (\p{Ll}+)(?: (\p{Ll}+))?/gu;

/** The words after "will" say what someone does: not "not", "have", "need", nor "be" without a verb in -ing. */
function doesSomething(verb: string, next: string | undefined): boolean {
  if (verb === 'be') return next?.endsWith('ing') === true;
  return verb !== 'not' && verb !== 'have' && verb !== 'need';
}

/**
 * The list items in which an attendee the page's roster lists (by first name or initials) takes something on
 * (`WILL_DO`): the action items of notes that write them in the discussion. Counted as outcomes by the
 * conditional rules' `tasks: true`; the `tasks` rule judges only the items of action-item sections and checklists.
 */
export function commitments(page: Page): ListItem[] {
  const roster = pageRoster(page.markdown);
  const found: ListItem[] = [];
  if (roster.size === 0) return found;
  walk(page.tree, (node: Nodes) => {
    if (node.type !== 'listItem' || node.children[0]?.type !== 'paragraph') return;
    const text = mdToString(node.children[0]).replace(/\s+/g, ' ');
    for (const m of text.matchAll(WILL_DO))
      if (roster.has(m[1] as string) && doesSomething(m[2] as string, m[3])) {
        found.push(node);
        return;
      }
  });
  return found;
}

/** The names of a topic's fields, as minutes set them in bold over each decision: "**Décision** :", "**Owner:**". */
const FIELD_NAME =
  /^(?:discussion|décision|decision|decisión|decisão|entscheidung|beschluss|responsable|responsible|owner|responsável|verantwortlich|échéance|due|due date|deadline|plazo|prazo|frist|statut|status|estado|context|contexte|contexto|notes?)$/i;

/**
 * A list whose every item is a bold field ("- **Discussion** : ...", "- **Responsable** : @Ilhan",
 * "- **Échéance** : next week"): the fields of one topic under a "Next steps" heading, not a list of tasks.
 * An owner in bold over a task ("- **Ana**: ship the ADR") is not a field name.
 */
export function fieldList(list: List): boolean {
  return (
    list.children.length >= 2 &&
    list.children.every((item) => {
      const first = item.children[0];
      if (first?.type !== 'paragraph') return false;
      const [label, after] = first.children;
      if (label?.type !== 'strong') return false;
      const name = mdToString(label);
      const colon = /:\s*$/.test(name) || (after?.type === 'text' && /^\s*:/.test(after.value));
      return colon && FIELD_NAME.test(name.replace(/\s*:\s*$/, '').trim());
    })
  );
}

/**
 * What an empty slot of a notes skeleton holds once its line breaks and spaces are gone: nothing, an ellipsis, a
 * dash, "TBD", "TODO", "XXX", or a bracketed slot ("[ ]" left by an empty "- [ ]", "[Action item]", "<owner>").
 * Case written out and no look-around, so recheck judges it by its automaton.
 */
export const EMPTY_SLOT =
  /^(?:\.{2,3}|…|[-_–—]{1,40}|[Tt][Bb][DdAaCc]|TODO|[Tt]odo|XXX?|xxx?|\[[\p{L} ]{0,40}\]|<[\p{L}][\p{L} ]{0,40}>)?$/u;

/** A line break or a non-breaking space written as HTML ("1. <br>", "&nbsp;"): no text of the item's own. */
const HTML_BLANK = /<br[ \t]{0,5}\/?>|&nbsp;/gi;

/**
 * An item of a copied skeleton never filled in: "1. <br>" … "4. <br>" under "## TODO", an empty "- [ ]", "- TBD". It
 * is no task to own, and no outcome of the meeting: counted as one, it hid that the notes are empty.
 */
export function emptySlot(item: ListItem): boolean {
  const text = item.children.map((child) => mdToString(child)).join(' ');
  return EMPTY_SLOT.test(text.replace(HTML_BLANK, ' ').trim());
}

/** The headings of the meeting's own agenda (an agenda for the next meeting is skipped as such, `nextAgenda`). */
export const AGENDA_SECTIONS = ['Agenda', 'Agenda items', '议程', '議程', '会议议程', '會議議程'];

/**
 * The agenda headings (`names`, as headings compare: "📝 Agenda", "Ordre du jour", "议程") of the page whose own
 * lists write the topics as checkboxes ("- [ ] Updates and any blockers"), as a template that writes its Agenda as
 * a checklist leaves them: every checkbox in such a section, up to its first sub-heading, is a topic to tick off,
 * nested ones too (the issues a topic goes through), on a page that keeps its tasks under an action-item heading of
 * its own (`ownActions`). Without one, the agenda's checkboxes are the meeting's tasks ("- [ ] Governance repo
 * (@kim)" under "Housekeeping:"); an agenda of plain bullets keeps a checkbox nested under a topic as a task.
 */
export function checklistAgendas(
  page: Page,
  ownActions: boolean,
  names: readonly string[] = AGENDA_SECTIONS,
): Set<Heading> {
  const keys = new Set(names.map(headingKey));
  const found = new Set<Heading>();
  if (!ownActions) return found;
  for (const section of findSections(page, names)) {
    // Exact names only: "## Agenda and notes" holds the whole meeting, its tasks too. A trailing emoji is no word.
    if (!keys.has(headingKey(section.title.replace(/(?<!\P{L})\P{L}+$/u, '')))) continue;
    // Its own lists, before any sub-heading: "# Agenda" over "## Notes" ends there.
    const end = section.nodes.findIndex((node) => node.type === 'heading');
    const own = section.nodes
      .slice(0, end < 0 ? undefined : end)
      .filter((node): node is List => node.type === 'list');
    if (own.some((list) => list.children.some((item) => typeof item.checked === 'boolean')))
      found.add(section.heading);
  }
  return found;
}
