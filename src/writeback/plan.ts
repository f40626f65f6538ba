import type { WriteAction, WritebackOutcome } from '../model/writeback.js';
import { maxOf } from '../push-all.js';
import { forTerminal } from '../terminal.js';
import { plural } from '../words.js';

/**
 * The write-back as people read it: in a dry run, every write it would make (which page, create
 * or update, which comments); otherwise what it wrote, for the job's log. Empty when nothing happened.
 */
export function formatPlan(outcome: WritebackOutcome): string {
  const lines: string[] = [];
  if (outcome.dryRun) {
    lines.push(
      outcome.actions.length
        ? `Dry run: nothing was written. ${plural(outcome.actions.length, 'planned write')}:`
        : 'Dry run: nothing was written, and a real run would write nothing either.',
    );
  } else if (outcome.actions.length || outcome.unwritten?.length) {
    lines.push('Write-back:');
  }
  const width = maxOf(
    outcome.actions.map((a) => a.kind.length),
    0,
  );
  for (const a of outcome.actions) {
    // Titles, URLs and details come from the wiki: one line each, so none can start a log line of its own.
    const where = a.page.url ? ` <${forTerminal(a.page.url)}>` : '';
    lines.push(
      `  ${a.kind.padEnd(width)}  ${a.target.padEnd(10)}  "${forTerminal(a.page.title)}"${where} (${forTerminal(a.detail)})`,
    );
  }
  for (const page of outcome.unwritten ?? []) {
    const not = outcome.dryRun ? 'would fail' : 'not written';
    lines.push(
      `  findings page  ${page.target}  "${forTerminal(page.title)}" ${not} (the warning below says why)`,
    );
  }
  if (outcome.deferred.length) {
    lines.push(
      `  ${outcome.deferred.length} page(s) wait for a comment (cap or cooldown)${outcome.unwritten?.length ? '.' : '; the findings page lists them.'}`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Writes a stop note names one by one; more are counted (the comment cap is 25 unless raised). */
const STOP_NOTE_NAMED = 50;

/**
 * What a run stopped during write-back (Ctrl-C, a cancelled job) had written: the ledger is not
 * saved, so it records none of it, but the wiki holds every comment posted. Each on a line of its
 * own that starts with the write's kind, never with a page's words. Undefined when nothing was written.
 */
export function writtenBeforeStop(actions: readonly WriteAction[]): string | undefined {
  if (!actions.length) return undefined;
  const lines = [
    `before it stopped, write-back made ${plural(actions.length, 'write')} the ledger does not record (the next run finds its comments and findings page by their marker and does not write them again):`,
  ];
  for (const a of actions.slice(0, STOP_NOTE_NAMED)) {
    const where = a.page.url ? ` <${forTerminal(a.page.url)}>` : '';
    lines.push(`  ${a.kind}  ${a.target}  "${forTerminal(a.page.title)}"${where}`);
  }
  if (actions.length > STOP_NOTE_NAMED) lines.push(`  and ${actions.length - STOP_NOTE_NAMED} more`);
  return lines.join('\n');
}
