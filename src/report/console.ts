import type { Finding } from '../model/finding.js';
import { forTerminal } from '../terminal.js';
import type { Palette } from './colors.js';
import type { LintResult } from './result.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The report for people: findings grouped by page, aligned columns, totals last; what pages say is shown, never obeyed by the terminal. */
export function formatConsole(result: LintResult, colors: Palette): string {
  const byPage = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byPage.get(finding.page.key) ?? [];
    list.push(finding);
    byPage.set(finding.page.key, list);
  }
  const lines: string[] = [];
  for (const findings of byPage.values()) {
    const page = findings[0]?.page;
    if (!page) continue;
    lines.push(
      page.file !== undefined
        ? colors.underline(forTerminal(page.file))
        : `${colors.underline(forTerminal(page.path))}  ${colors.dim(forTerminal(page.url))}`,
    );
    const rows = findings.map((f) => [
      f.position ? `${f.position.start.line}:${f.position.start.column}` : '-',
      f.severity,
      forTerminal(f.message),
      forTerminal(f.ruleId),
    ]);
    const width = Math.max(...rows.map((r) => (r[0] ?? '').length));
    for (const [where = '', severity = '', message = '', ruleId = ''] of rows) {
      const color = severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue;
      lines.push(
        `  ${colors.dim(where.padEnd(width))}  ${color(severity.padEnd(7))}  ${message}  ${colors.dim(ruleId)}`,
      );
    }
    lines.push('');
  }
  for (const page of result.unreadable)
    lines.push(`${colors.yellow('unreadable')} ${forTerminal(`${page.path}: ${page.reason}`)}`);
  if (result.unreadable.length) lines.push('');
  const s = result.summary;
  const h = result.history;
  // Compared with the previous run in the ledger; the first run has nothing to compare with.
  const since = h?.previousRun
    ? `; ${h.newCount} new, ${h.fixed.length} fixed since the run of ${h.previousRun.slice(0, 10)}`
    : '';
  if (s.findings === 0) {
    lines.push(`No problems in ${plural(s.pages, 'page')}${since}.`);
  } else {
    const counts = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${s.infos ? `, ${plural(s.infos, 'info')}` : ''}`;
    const mark = s.errors ? colors.red('✖') : colors.yellow('⚠');
    lines.push(
      colors.bold(
        `${mark} ${plural(s.findings, 'problem')} (${counts}) in ${s.pagesWithFindings} of ${plural(s.pages, 'page')}${since}`,
      ),
    );
  }
  const accepted = result.accepted;
  if (accepted && accepted.baselined + accepted.suppressed > 0) {
    lines.push(
      colors.dim(
        `${accepted.baselined} accepted by the baseline, ${accepted.suppressed} suppressed in the config.`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
