import type { Palette } from '../report/colors.js';
import { forTerminal } from '../terminal.js';
import type { SyncResult } from './sync.js';

/** The one-line outcome a sync prints on standard output, for people and for cron logs. */
export function formatSyncSummary(result: SyncResult): string {
  const count = (n: number, what: string) => `${what} ${n}`;
  const parts = [
    count(result.written.length, result.dryRun ? 'would write' : 'written'),
    count(result.unchanged.length, 'unchanged'),
    count(result.deleted.length, result.dryRun ? 'would delete' : 'deleted'),
    count(result.unreadable.length, 'unreadable'),
  ];
  return `${result.dryRun ? 'Dry run: ' : ''}${result.out}: ${parts.join(', ')}\n`;
}

/** What goes to standard error: a dry run's planned writes and deletions, every page that could not be read, every warning. */
export function formatSyncDetails(result: SyncResult, colors: Palette): string {
  const lines = result.dryRun
    ? [
        ...result.written.map((file) => `write  ${forTerminal(file)}`),
        ...result.deleted.map((file) => `delete ${forTerminal(file)}`),
      ]
    : [];
  for (const page of result.unreadable) {
    const kept = page.kept ? 'kept its last good copy' : 'wrote its front matter only';
    lines.push(
      `${colors.yellow('warning')} ${forTerminal(`${page.file}: "${page.title}" could not be read (${page.reason}); ${kept}`)}`,
    );
  }
  for (const warning of result.warnings) lines.push(`${colors.yellow('warning')} ${forTerminal(warning)}`);
  return lines.map((line) => `${line}\n`).join('');
}
