import type { WritebackOutcome } from '../model/writeback.js';
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
  } else if (outcome.actions.length) {
    lines.push('Write-back:');
  }
  const width = Math.max(0, ...outcome.actions.map((a) => a.kind.length));
  for (const a of outcome.actions) {
    // Titles, URLs and details come from the wiki: one line each, so none can start a log line of its own.
    const where = a.page.url ? ` <${forTerminal(a.page.url)}>` : '';
    lines.push(
      `  ${a.kind.padEnd(width)}  ${a.target.padEnd(10)}  "${forTerminal(a.page.title)}"${where} (${forTerminal(a.detail)})`,
    );
  }
  if (outcome.deferred.length) {
    lines.push(
      `  ${outcome.deferred.length} page(s) wait for a comment (cap or cooldown); the findings page lists them.`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
