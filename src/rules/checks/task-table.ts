import type { Table, TableRow } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import { findSections } from './find-section.js';

// Action items kept in a table under an action-item heading, one row each: a minutes template's "## Action summary"
// over "| Issue | For | Action | Timescale |". The columns say what each cell is.

/**
 * Column names, lower case: the task, who does it, by when; also as Portuguese, Spanish, French and German minutes
 * head them ("| Compromissos | Responsável | Data |", "| Descripción | Responsable | Fecha límite |").
 */
const ACTION_COLUMNS = new Set([
  'action',
  'actions',
  'action item',
  'task',
  'what',
  'compromisso',
  'compromissos',
  'compromiso',
  'compromisos',
  'tarefa',
  'tarea',
  'descrição',
  'descripción',
  'tâche',
  'aufgabe',
]);
const OWNER_COLUMNS = new Set([
  'for',
  'owner',
  'owners',
  'who',
  'assignee',
  'responsible',
  'responsável',
  'responsable',
  'verantwortlich',
]);
const DUE_COLUMNS = new Set([
  'timescale',
  'due',
  'due date',
  'deadline',
  'when',
  'by when',
  'data',
  'prazo',
  'fecha',
  'fecha límite',
  'échéance',
  'frist',
]);

/** A status column ("| Status |", "| Stand |", "| Estado |") whose cell may say a row is finished. */
const STATUS_COLUMNS = new Set(['status', 'stand', 'estado', 'état', 'statut']);

/** A row its status cell marks finished ("done", "erledigt", "✅"): nothing is left to own or date. */
const FINISHED =
  /^\s*(?:done|closed|completed|finished|erledigt|abgeschlossen|fertig|conclu[ií]d[ao]|hech[ao]|termin[ée]e?|[✅✔☑✓][\uFE0E\uFE0F]?)\s*$/iu;

/** A cell left as the template wrote it ("who", "what", "when") or empty says nothing. */
export const TEMPLATE_CELL = /^\s*(?:(?:who|what|when|update|-+|—)\s*)?$/i;

/**
 * A due cell that says the date is still to be set ("offen" in a German protocol's "| Deadline | Status |" row,
 * "TBD", "open", "noch offen", "a definir"): no due date. Not a relative one, "nächster Termin" (by the next meeting).
 */
const DUE_LEFT_OPEN =
  /^\s*(?:noch[ \t]+)?(?:offen|open|tbd|tbc|t\.b\.d\.?|n\/?a|unklar|unknown|\?+|pendiente|por[ \t]+definir|a[ \t]+definir|à[ \t]+définir|미정|未定)\s*$/iu;

/** One row of an action table: its task, and whether its owner and due cells say something. */
export interface TableTask {
  row: TableRow;
  task: string;
  owner: boolean;
  due: boolean;
}

function columns(table: Table): { action: number; owner: number; due: number; status: number } | undefined {
  const names = (table.children[0]?.children ?? []).map((cell) => mdToString(cell).trim().toLowerCase());
  const action = names.findIndex((n) => ACTION_COLUMNS.has(n));
  const owner = names.findIndex((n) => OWNER_COLUMNS.has(n));
  const due = names.findIndex((n) => DUE_COLUMNS.has(n));
  const status = names.findIndex((n) => STATUS_COLUMNS.has(n));
  return action >= 0 && owner >= 0 && due >= 0 ? { action, owner, due, status } : undefined;
}

/**
 * The rows of the tables with an action, an owner and a due column under the page's action-item headings
 * (`sections`); a row whose action cell is empty or the template's ("what") is none.
 */
export function tableTasks(page: Page, sections: readonly string[]): TableTask[] {
  const tasks: TableTask[] = [];
  for (const section of findSections(page, sections))
    for (const node of section.nodes) {
      if (node.type !== 'table') continue;
      const at = columns(node);
      if (!at) continue;
      for (const row of node.children.slice(1)) {
        const cell = (i: number) => (row.children[i] ? mdToString(row.children[i]) : '');
        const task = cell(at.action).trim();
        if (TEMPLATE_CELL.test(task) || (at.status >= 0 && FINISHED.test(cell(at.status)))) continue;
        tasks.push({
          row,
          task,
          owner: !TEMPLATE_CELL.test(cell(at.owner)),
          due: !TEMPLATE_CELL.test(cell(at.due)) && !DUE_LEFT_OPEN.test(cell(at.due)),
        });
      }
    }
  return tasks;
}
