import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';

/**
 * Lints decision pages as one folder, with no config and a README that links each (so none is an
 * orphan), on the day `now`; the decision findings, and `on(file)`: that page's [rule, message] pairs.
 */
export async function lintDecisionFolder(pages: Record<string, string>, now: string) {
  const index = Object.keys(pages)
    .map((file) => `- [${file}](${file})`)
    .join('\n');
  const root = tempTree({ 'README.md': `# Decisions\n\n${index}\n`, ...pages });
  const result = await run(defaultConfig(root), { now: new Date(now) });
  const findings = result.findings.filter((f) => f.ruleId.startsWith('decision-'));
  const on = (file: string) => findings.filter((f) => f.page.file === file).map((f) => [f.ruleId, f.message]);
  return { result, findings, on };
}

/** A Nygard record titled `title` whose header is `header` (its lines under the title), complete otherwise. */
export const titledRecord = (title: string, ...header: string[]) =>
  [
    `# ${title}`,
    '',
    ...header,
    '',
    '## Context',
    '',
    'The export runs for an hour and blocks the other jobs.',
    '',
    '## Decision',
    '',
    'We run the export in a queue, because a queue keeps the other jobs running.',
    '',
    '## Consequences',
    '',
    'One more service to operate.',
    '',
  ].join('\n');

/** A Nygard record: its title, the lines under it (date, owner), its status and its three sections' text. */
export interface NygardParts {
  title: string;
  header?: readonly string[];
  status?: string;
  context: string;
  decision: string;
  /** Left out: the record has no Consequences section. */
  consequences?: string;
}

/** A Nygard record of `parts`, accepted unless its status says otherwise, as adr-tools and most ADR folders write it. */
export const nygardRecord = ({
  title,
  header = [],
  status = 'Accepted',
  context,
  decision,
  consequences,
}: NygardParts) =>
  [
    `# ${title}`,
    '',
    ...(header.length ? [...header, ''] : []),
    '## Status',
    '',
    status,
    '',
    '## Context',
    '',
    context,
    '',
    '## Decision',
    '',
    decision,
    '',
    ...(consequences === undefined ? [] : ['## Consequences', '', consequences, '']),
  ].join('\n');

/** The same record titled "7. Queue the exports". */
export const withHeader = (...header: string[]) => titledRecord('7. Queue the exports', ...header);

/** The rule names of `ruleFindings`-style tuples. */
export const rulesOf = (found: (readonly unknown[])[]) => found.map(([rule]) => rule);
