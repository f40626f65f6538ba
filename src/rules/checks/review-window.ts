import { parseDate } from '../../normalize/fields.js';

/**
 * "(August 21 ... September 4, 2026)", "(Aug 21 – Sep 4)", "(2026-08-21 to 2026-09-04)": a range in
 * brackets. Each side is a date or two, never 200 characters: unbounded, a long run of ` - ` in
 * brackets is tried from every dash.
 */
const WINDOW =
  /\(([^()]{0,200}?\S)\s*(?:\.{2,3}|…|–|—|\s-\s|\bto\b|\bthrough\b|\buntil\b)\s*([^()]{0,200}?)\)/i;

/**
 * The last day of a review window written into a status ("Active review (Aug 21 … Sep 4, 2026)"),
 * or undefined when the status has none. An end without a year borrows the start's.
 */
export function reviewWindowEnd(status: string): Date | undefined {
  const match = WINDOW.exec(status);
  if (!match?.[1] || !match[2]) return undefined;
  const [, start, end] = match;
  const year = /\b\d{4}\b/.exec(end)?.[0] ?? /\b\d{4}\b/.exec(start)?.[0];
  if (!year) return undefined;
  const endDay = parseDate(/\d{4}/.test(end) ? end : `${end}, ${year}`);
  return endDay && new Date(Date.UTC(endDay.getFullYear(), endDay.getMonth(), endDay.getDate()));
}
