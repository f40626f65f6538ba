import type { LintResult } from '../model/result.js';
import { onlyErrors } from './summary.js';
import { annotation, workflowCommand } from './workflow-commands.js';

/** What `--format github` needs to place Markdown findings on their files. */
export interface GithubOptions {
  /** The Markdown root from the repository root, posix ('' when they are the same): GitHub places annotations by that path. */
  markdownRoot: string;
  /** `--quiet`: errors only. */
  quiet?: boolean;
}

const fromRepository = (root: string, file: string) => (root ? `${root}/${file}` : file);

/**
 * GitHub's workflow commands, one annotation per finding (`::error file=docs/a.md,line=3,...::message`),
 * for a plain CLI run in a workflow: the annotations the Action prints, without the Action. A wiki
 * finding has no file in the repository: it names its page's link in the message. Unreadable pages
 * are errors on their file. Every message is escaped, so no page text becomes a workflow command.
 */
export function formatGithub(result: LintResult, options: GithubOptions): string {
  const shown = options.quiet ? onlyErrors(result) : result;
  const lines = shown.findings.map((f) =>
    f.page.file !== undefined && f.page.key.startsWith('markdown:')
      ? annotation(f, fromRepository(options.markdownRoot, f.page.file))
      : annotation({ ...f, message: `${f.location?.url ?? f.page.url} ${f.message}` }, undefined),
  );
  for (const page of result.unreadable) {
    const file = page.key.startsWith('markdown:')
      ? fromRepository(options.markdownRoot, page.path)
      : undefined;
    const message = file === undefined ? `${page.path}: ${page.reason}` : page.reason;
    lines.push(workflowCommand('error', { file, title: 'unreadable' }, message));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
