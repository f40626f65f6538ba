import type { LintResult } from '../model/result.js';
import { pushAll } from '../push-all.js';
import { forTerminal } from '../terminal.js';
import type { Palette } from './colors.js';
import { type GroupBy, groupedFindings } from './console-groups.js';
import { type PlaceOptions, unreadablePlace } from './console-paths.js';
import { summaryBlock, totalsLine } from './console-summary.js';
import { onlyErrors } from './summary.js';

/** How the console report is laid out (`--group-by`, `--quiet`) and where its paths start. */
export interface ConsoleOptions extends PlaceOptions {
  /** Default `rule`. */
  groupBy?: GroupBy;
  /** Errors only; warnings are still counted for `--max-warnings` by the caller. */
  quiet?: boolean;
  /** Grouped by rule, warnings and infos listed per rule before the rest is counted (default 20). */
  maxPerGroup?: number;
}

const DEFAULT_MAX_PER_GROUP = 20;

/**
 * The report for people: the summary first (metrics against targets, counts per rule with errors
 * first, the pages to fix first, totals and the change since the last run), then the findings
 * grouped, errors before warnings, then unreadable pages and the totals again, where a long report
 * ends on screen. What pages say is shown, never obeyed by the terminal.
 */
export function formatConsole(result: LintResult, colors: Palette, options: ConsoleOptions = {}): string {
  const shown = options.quiet ? onlyErrors(result) : result;
  // What --quiet leaves out, said once in the summary so nobody mistakes it for a clean run.
  const hidden = options.quiet ? result.summary : { ...result.summary, warnings: 0, infos: 0 };
  const lines = summaryBlock(shown, options, colors, hidden);
  if (shown.findings.length) {
    // Every error is listed: a page of 150,000 broken links makes more lines than a call takes arguments.
    lines.push('');
    pushAll(
      lines,
      groupedFindings(
        shown.findings,
        shown.rules,
        options.groupBy ?? 'rule',
        {
          ...options,
          maxPerGroup: options.maxPerGroup ?? DEFAULT_MAX_PER_GROUP,
        },
        colors,
      ),
    );
  }
  for (const page of shown.unreadable)
    lines.push(
      `${colors.yellow('unreadable')} ${forTerminal(`${unreadablePlace(page, options)}: ${page.reason}`)}`,
    );
  if (shown.unreadable.length) lines.push('');
  if (shown.findings.length) lines.push(totalsLine(shown.summary, shown.history, colors));
  const { baselined = 0, suppressed = 0 } = shown.accepted ?? {};
  const accepted = [
    ...(baselined ? [`${baselined} accepted by the baseline`] : []),
    ...(suppressed ? [`${suppressed} suppressed in the config`] : []),
  ];
  if (accepted.length) lines.push(colors.dim(`${accepted.join(', ')}.`));
  return `${lines.join('\n')}\n`;
}
