import type { RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';

/** Marks that say a task, or a list of tasks, is done: nothing is left to own or date. */

/** A done mark closing an item ("- DONE (ish)"), cut before the owners in brackets are looked for. */
export const MARKED_DONE_TAIL = /\s[-–—]\s*DONE\b[^\n]{0,80}$/u;

/**
 * An item the notes mark done ("Banking [K] - DONE (ish)", "set up the account - DONE (but it's frozen)", "(done)"):
 * nothing is left to own or date. "DONE" as a mark only: opening the item ("DONE: …", "[DONE] …"), in brackets,
 * after a dash, or closing the item; not a word of the task ("the definition of DONE", "not DONE yet", "the DONE
 * checklist"). "done" after a dash or in brackets ending the item.
 */
export const MARKED_DONE =
  /^\s{0,40}(?:\[\s{0,9}DONE\s{0,9}\]|DONE\s{0,9}[:\-–—])|[([]\s{0,9}DONE\s{0,9}[)\]]|\s[-–—]\s{0,9}DONE(?!\p{L})|(?<!(?:[Nn]ot|[Oo]f|[Tt]he)\s)(?<!\p{L})DONE[.!]?\s{0,9}$|(?:\s[-–—]\s*|[([]\s*)(?:[Dd]one|[Cc]ompleted)\s*[)\]]?[.!]?\s*$/u;

/**
 * A check mark that opens or closes the item ("Minutes dort speichern ✔️", "✅ Docker project set up", "… ☑"), as
 * notes mark a task done without a checkbox (`MARKED_DONE`'s word).
 */
export const CHECK_MARK = /^[ \t]{0,40}[✅✔☑✓][\uFE0E\uFE0F]?|[✅✔☑✓][\uFE0E\uFE0F]?[ \t]{0,9}$/u;

/**
 * A heading over work already done ("### Tasks realizadas", "Completed tasks", "Actions taken", "Tareas hechas",
 * "Erledigte Aufgaben"): the sprint's report, not what is still to do. Not "Tasks não realizadas", "Tasks not
 * yet done", "Actions to be taken". The look-back starts at a word boundary and spans at most three spaces:
 * from every position of a long run of spaces it rescanned the run (a heading of 100,000 spaces cost 43 s).
 */
export const DONE_WORK =
  /\b(?<!\b(?:não|nao|no|not|nicht|pas|niet|non|un|be|yet|ser|serem|noch)\s{1,3})(?:done|completed|finished|taken|realizad[ao]s|conclu[ií]d[ao]s|hech[ao]s|terminad[ao]s|erledigt(?:e|en)?|termin[ée]e?s|réalisée?s|afgerond|gedaan)\b/iu;

/**
 * An action-item section's nodes without its sub-sections over work done ("## Actions" over "### Open" and "###
 * Done", "### Erledigt"): those items are finished, as a checked box is, and need no owner or date any more.
 */
export function withoutDoneWork(nodes: RootContent[]): RootContent[] {
  const open: RootContent[] = [];
  let doneDepth: number | undefined;
  for (const node of nodes) {
    if (node.type === 'heading' && (doneDepth === undefined || node.depth <= doneDepth))
      doneDepth = DONE_WORK.test(mdToString(node)) ? node.depth : undefined;
    if (doneDepth === undefined) open.push(node);
  }
  return open;
}
