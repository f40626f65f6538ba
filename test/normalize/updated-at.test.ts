import { execFileSync } from 'node:child_process';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// A page Jekyll or Hugo published in 2019 (`date:`) and edited in git last month.
const NOW = '2026-12-05';
const EDITED = '2026-11-10T12:00:00Z';
const OLD = new Date('2019-03-01T00:00:00Z');

function committed(files: Record<string, string>): string {
  const root = tempTree(files);
  const env = { ...process.env, GIT_AUTHOR_DATE: EDITED, GIT_COMMITTER_DATE: EDITED };
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { stdio: 'ignore', env });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=Ana', '-c', 'user.email=ana@example.com', 'commit', '-q', '-m', 'Edit');
  return root;
}

async function staleFindings(root: string): Promise<string[]> {
  const run = await runCli(['run', root, '--format', 'json', '--now', NOW, '--fail-on', 'never']);
  const report = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] };
  return report.findings.filter((f) => f.ruleId === 'stale-page').map((f) => f.message);
}

const page = (frontMatter: string) => `---\n${frontMatter}\nowner: "@ana"\n---\n# Expenses\n\nHow we pay.\n`;

describe('when a page was last updated', () => {
  it('takes a later commit over a written publish date', async () => {
    expect(await staleFindings(committed({ 'expenses.md': page('date: 2019-03-01') }))).toEqual([]);
  });

  it('takes a later commit over a written edit date', async () => {
    expect(await staleFindings(committed({ 'expenses.md': page('updated: 2019-03-01') }))).toEqual([]);
  });

  it('keeps a stated review date, however recent the last commit', async () => {
    expect(await staleFindings(committed({ 'expenses.md': page('last_reviewed: 2019-03-01') }))).toEqual([
      'Page may be out of date: it was last updated on 2019-03-01, more than 180 days ago.',
    ]);
  });

  it('takes a written date over a file time when no commit records an edit', async () => {
    const root = tempTree({ 'expenses.md': page('date: 2019-03-01') });
    utimesSync(join(root, 'expenses.md'), new Date(EDITED), new Date(EDITED));
    expect(await staleFindings(root)).toEqual([
      'Page may be out of date: it was last updated on 2019-03-01, more than 180 days ago.',
    ]);
  });

  it('takes the file time when the page writes no date', async () => {
    const root = tempTree({ 'expenses.md': page('title: Expenses') });
    utimesSync(join(root, 'expenses.md'), OLD, OLD);
    expect(await staleFindings(root)).toEqual([
      'Page may be out of date: it was last updated on 2019-03-01, more than 180 days ago.',
    ]);
  });
});
