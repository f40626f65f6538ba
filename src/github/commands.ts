import { randomUUID } from 'node:crypto';

/**
 * One `$GITHUB_OUTPUT` entry: `name=value`, or GitHub's heredoc form with a random delimiter when
 * the value spans lines, so no value can end the entry early.
 */
export function outputEntry(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/**
 * `text` (a report or plan that quotes the wiki) between `::stop-commands::TOKEN` and `::TOKEN::`:
 * the runner runs no workflow command in between, so no line of it is one, whatever a page holds.
 * The token is new in every run, so text written before the run cannot end the block early.
 */
export function withoutCommands(text: string, token: string): string {
  if (!text) return text;
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}
