import type { Field } from '../model/page.js';
import { NUMBERED_NAME } from './doc-type.js';
import { typesNoPage } from './lead-line.js';

/**
 * A numbered record's state as the last word of its file name, where a folder's process puts it
 * (`rfc257-addressable-expressions-draft.md`, renamed `-accepted.md`, then `-final.md`).
 */
const NAME_STATE =
  /[-_](draft|proposed|accepted|final|rejected|withdrawn|superseded|implemented)\.(?:md|mdx|markdown)$/i;

/**
 * Sets the `status` a numbered record's file name ends in, when the page states none itself. Not a
 * typing signal: `0003-final.md` is typed by what else it says, as a lead line's state is.
 */
export function nameStatus(file: string | undefined, fields: Record<string, Field>): void {
  const name = file?.slice(file.lastIndexOf('/') + 1) ?? '';
  const state = NUMBERED_NAME.test(name) ? NAME_STATE.exec(name)?.[1] : undefined;
  if (!state || 'status' in fields) return;
  const field = { value: state[0]?.toUpperCase() + state.slice(1).toLowerCase() };
  typesNoPage(field);
  fields.status = field;
}
