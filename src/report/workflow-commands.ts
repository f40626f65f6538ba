import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import { withoutBidiOverrides } from '../terminal.js';

// GitHub's workflow command encoding (the same as @actions/core): a message may not contain raw
// line breaks or '%'; a property additionally may not contain ':' or ',', which separate them.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A workflow command line, e.g. `::error file=a.md,line=3,title=rule::message`, escaped per GitHub's rules. */
export function workflowCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

const ANNOTATION: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * The annotation for a Markdown finding, shown on the file in the run and in pull requests;
 * `file` is the path from the repository root. Columns are sent only for one-line spans, the only
 * ones GitHub places by column. Without a file (a wiki page), the annotation is the run's, unplaced.
 */
export function annotation(finding: Finding, file: string | undefined): string {
  const p = file === undefined ? undefined : finding.position;
  const oneLine = p !== undefined && p.start.line === p.end.line;
  return workflowCommand(
    ANNOTATION[finding.severity],
    {
      file,
      line: p?.start.line,
      endLine: p?.end.line,
      col: oneLine ? p.start.column : undefined,
      endColumn: oneLine ? p.end.column : undefined,
      title: finding.ruleId,
    },
    // The file is named as the repository names it (GitHub places the annotation by it); the message
    // quotes page text, which a right-to-left override would show reversed.
    withoutBidiOverrides(finding.message),
  );
}
