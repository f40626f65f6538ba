import { runCli } from '../helpers/cli.js';

/** The pages (or "page message") one rule reports when the CLI lints `args` on 2026-07-01, sorted. */
export async function ruleFindings(args: string[], rule: string, withMessage = false): Promise<string[]> {
  const { stdout } = await runCli(['run', ...args, '--format', 'json', '--now', '2026-07-01']);
  return (JSON.parse(stdout).findings as { ruleId: string; page: { file: string }; message: string }[])
    .filter((f) => f.ruleId === rule)
    .map((f) => (withMessage ? `${f.page.file} ${f.message}` : f.page.file))
    .sort();
}
