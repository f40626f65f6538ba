import { isAbsolute, relative } from 'node:path';
import { stringify } from 'yaml';
import type { ActiveRule, Selector } from '../rules/load.js';
import { forTerminal, linesForTerminal } from '../terminal.js';
import { TOOL_NAME } from '../version.js';

type Bold = (text: string) => string;

/** A block of the rule file's text (an example page, the options), indented under its heading. */
function indent(text: string, by = '    '): string {
  return linesForTerminal(text)
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line ? `${by}${line}` : line))
    .join('\n');
}

function selectorText(selector: Selector): string {
  return Object.entries(selector)
    .map(([key, values]) => `${key} ${(values as string[]).join(', ')}`)
    .join('; ');
}

/** A rule file under the working folder by its relative path, else in full (the default pack's, in the package). */
function shownPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path && !path.startsWith('..') && !isAbsolute(path) ? path : file;
}

const markdownOf = (example: string | { markdown: string }) =>
  typeof example === 'string' ? example : example.markdown;

/**
 * One rule's documentation, from its rule file as the run reads it (with the config's level and
 * options): what it checks, how to fix a finding, its options, an example it reports and one it
 * accepts, and how to turn it off.
 */
export function formatRuleDocs(rule: ActiveRule, bold: Bold): string {
  const id = forTerminal(rule.id);
  const lines = [
    `${bold(id)}  ${rule.configuredLevel}  (check: ${rule.kind.name}; ${forTerminal(shownPath(rule.file))})`,
    '',
    forTerminal(rule.description),
  ];
  if (rule.fix) lines.push('', `Fix: ${forTerminal(rule.fix)}`);
  if (rule.link) lines.push(`More: ${forTerminal(rule.link)}`);
  const only = selectorText(rule.appliesTo);
  const not = selectorText(rule.excludes);
  if (only || not) lines.push('');
  if (only) lines.push(`Applies to: ${forTerminal(only)}`);
  if (not) lines.push(`Not applied to: ${forTerminal(not)}`);
  const options = rule.options as Record<string, unknown> | undefined;
  if (options && Object.keys(options).length)
    lines.push('', `Options (under rules.${id} in the config):`, indent(stringify(options)));
  const reported = rule.examples.invalid[0];
  if (reported) {
    lines.push('', 'Reported:', indent(reported.markdown));
    for (const error of reported.errors) lines.push(`  → ${forTerminal(error)}`);
  }
  const accepted = rule.examples.valid[0];
  if (accepted) lines.push('', 'Accepted:', indent(markdownOf(accepted)));
  lines.push(
    '',
    `Its level in the config (error, warning, info or off):  rules: { ${id}: off }`,
    `Off on one page:  <!-- ${TOOL_NAME}-disable-file ${id} -->`,
  );
  return `${lines.join('\n')}\n`;
}
