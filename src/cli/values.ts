import { closest } from '../closest.js';
import { HandbookLintError } from '../errors.js';
import { forTerminal } from '../terminal.js';

/** Whether year-month-day names a day of the calendar: `new Date` rolls 2024-02-30 over into March. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The run's clock: today, or the `--now` date (a time may follow after `T`) for reproducible runs; shared with the GitHub Action. */
export function parseNow(value: string | undefined, label = '--now'): Date {
  if (value === undefined) return new Date();
  const date = new Date(value);
  const day = /^(\d{4})-(\d{2})-(\d{2})(?=$|T)/.exec(value);
  if (
    !day ||
    Number.isNaN(date.getTime()) ||
    !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))
  ) {
    throw new HandbookLintError(
      'USAGE',
      `${label} takes a date like 2026-06-01, not "${forTerminal(value)}"`,
    );
  }
  return date;
}

/**
 * One of the allowed values (in any case: Vale writes `JSON`), or a usage error naming them and the
 * value meant: a near spelling, the one it begins (`warn`), or what `others` says of another tool's
 * name for it. `label` names the setting as the user wrote it (`--format`, the Action's `Input format`).
 * Shared with the GitHub Action.
 */
export function choice<T extends string>(
  label: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  others: Readonly<Record<string, string>> = {},
): T {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  const exact = allowed.find((name) => name === lower);
  if (exact) return exact;
  const begun = allowed.filter((name) => lower.length > 1 && name.startsWith(lower));
  const near = closest(lower, allowed) ?? (begun.length === 1 ? begun[0] : undefined);
  const hint = Object.hasOwn(others, lower) ? `; ${others[lower]}` : near ? `; did you mean ${near}?` : '';
  throw new HandbookLintError(
    'USAGE',
    `${label} must be one of ${allowed.join(', ')}; got "${forTerminal(value)}"${hint}`,
  );
}

/** `--wait-lock SECONDS` in milliseconds; absent = do not wait. */
export function parseWaitLock(value: string | undefined): number {
  if (value === undefined) return 0;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(seconds)) {
    throw new HandbookLintError('USAGE', `--wait-lock takes a number of seconds, not "${value}"`);
  }
  return seconds * 1000;
}
