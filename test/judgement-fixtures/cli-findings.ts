import { runCli, tempTree } from '../helpers/cli.js';

/** The pages (or "page message") one rule reports when the CLI lints `args` on 2026-07-01, sorted. */
export async function ruleFindings(args: string[], rule: string, withMessage = false): Promise<string[]> {
  const { stdout } = await runCli(['run', ...args, '--format', 'json', '--now', '2026-07-01']);
  return (JSON.parse(stdout).findings as { ruleId: string; page: { file: string }; message: string }[])
    .filter((f) => f.ruleId === rule)
    .map((f) => (withMessage ? `${f.page.file} ${f.message}` : f.page.file))
    .sort();
}

const MEETING_RULES = ['action-items', 'meeting-agenda', 'meeting-outcomes'];

/**
 * The meeting rules' findings ("path rule: message") when the CLI lints this handbook on 2026-07-01,
 * with `config` written beside it as its handbook-lint.yml when given.
 */
export async function meetingFindings(handbook: Record<string, string>, config?: string): Promise<string[]> {
  const root = tempTree(config === undefined ? handbook : { ...handbook, 'handbook-lint.yml': config });
  const withConfig = config === undefined ? [] : ['-c', `${root}/handbook-lint.yml`];
  const { stdout } = await runCli(['run', root, ...withConfig, '--format', 'json', '--now', '2026-07-01']);
  return (JSON.parse(stdout).findings as { ruleId: string; message: string; page: { path: string } }[])
    .filter((f) => MEETING_RULES.includes(f.ruleId))
    .map((f) => `${f.page.path} ${f.ruleId}: ${f.message}`);
}

/** The lines of `meetingFindings` that one rule gave. */
export const of = (found: string[], rule: string) => found.filter((line) => line.includes(` ${rule}: `));
