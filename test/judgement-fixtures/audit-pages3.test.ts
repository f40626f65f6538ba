import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

/**
 * Patterns the third out-of-sample audit of the handbook-page rules met: an MkDocs site whose section
 * pages no page links to, as its sidebar comes from `mkdocs.yml`, and a GitBook's SUMMARY.md (its
 * table of contents) asked for an owner. Each page is written for the test; none is copied.
 */
const MKDOCS = {
  'mkdocs.yml': [
    'site_name: Team handbook',
    'nav:',
    '  - Home: index.md',
    '  - Ways of working:',
    '    - ways/index.md',
    '    - Testing: ways/testing.md',
    '    - Releases: ways/releases.md',
    '  - Source: https://example.com/repo',
    'markdown_extensions:',
    '  - pymdownx.superfences:',
    '      custom_fences:',
    '        - format: !!python/name:pymdownx.superfences.fence_code_format',
  ].join('\n'),
  'docs/index.md': '# Team handbook\n\nHow we work.\n',
  'docs/ways/index.md': '# Ways of working\n',
  'docs/ways/testing.md': '# Testing\n\nEvery change has a test.\n',
  'docs/ways/releases.md': '# Releases\n\nWe release on Tuesdays.\n',
  // In no nav and linked from no page: still the stray page to report.
  'docs/ways/old-releases.md': '# Old release process\n\nWe released monthly.\n',
};

async function findings(root: string, rule: string, withMessage = false): Promise<string[]> {
  const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
  return (JSON.parse(stdout).findings as { ruleId: string; page: { file: string }; message: string }[])
    .filter((f) => f.ruleId === rule)
    .map((f) => (withMessage ? `${f.page.file} ${f.message}` : f.page.file))
    .sort();
}

describe('judgement fixtures: audited handbook pages (third round)', () => {
  it("takes the pages MkDocs' nav lists as reached, and still reports a page in no nav and no link", async () => {
    const root = tempTree(MKDOCS);
    expect(await findings(root, 'orphan-page')).toEqual(['docs/ways/old-releases.md']);
    // Linting the docs folder reads mkdocs.yml beside it.
    expect(await findings(join(root, 'docs'), 'orphan-page')).toEqual(['ways/old-releases.md']);
  }, 60_000);

  it('takes every page of an MkDocs site without nav as reached: its sidebar lists them all', async () => {
    const root = tempTree({ ...MKDOCS, 'mkdocs.yml': 'site_name: Team handbook\n' });
    expect(await findings(root, 'orphan-page')).toEqual([]);
  }, 60_000);

  it('takes a next review the front matter schedules as the date the page is due, whatever its edits', async () => {
    const root = tempTree({
      'overdue.md': '---\ntitle: Caching\nauthors:\n  - Ana\nnext-review: 2025-11-01\n---\n\nHow we cache.\n',
      'scheduled.md':
        '---\nauthors: [Ana]\nlast_reviewed: 2024-01-10\nnext-review: 2026-09-01\n---\n# Testing\n\nEvery change has a test.\n',
      'unscheduled.md': '---\nauthors: [Ana]\nnext-review:\n---\n# Releases\n\nOn Tuesdays.\n',
    });
    expect(await findings(root, 'stale-page', true)).toEqual([
      'overdue.md Page may be out of date: its next review was due on 2025-11-01.',
    ]);
  }, 60_000);

  it("asks no owner of a GitBook's SUMMARY.md, its table of contents", async () => {
    const root = tempTree({
      'README.md': '# Engineering\n\nWelcome.\n',
      'SUMMARY.md': '# Summary\n\n* [Introduction](README.md)\n* [Testing](testing.md)\n',
      'testing.md': '---\nowner: ana\n---\n# Testing\n\nEvery change has a test.\n',
    });
    expect(await findings(root, 'page-owner')).toEqual([]);
  }, 60_000);

  it('follows a lower-case URL to a Hugo page whose folder is capitalised, as Hugo serves it; not a .md path, nor off Hugo', async () => {
    const pages = {
      'content/en/docs/Handbook/styleguide.md': '# Style guide\n\nWrite short sentences.\n',
      'content/en/docs/Handbook/templates.md': '# Templates\n\nCopy one.\n',
      'content/en/docs/Handbook/contributing.md':
        '# Contributing\n\nRead [the style guide](/docs/handbook/styleguide/) and [templates](../handbook/templates/), not [this](../handbook/templates.md).\n',
    };
    const hugo = tempTree({
      ...pages,
      'content/en/_index.md': '# Home\n',
      'content/en/docs/_index.md': '# Docs\n',
    });
    const hugoBroken = await runCli(['run', hugo, '--format', 'json', '--now', '2026-07-01']);
    expect(
      (JSON.parse(hugoBroken.stdout).findings as { ruleId: string; message: string }[])
        .filter((f) => f.ruleId === 'broken-link')
        .map((f) => f.message),
    ).toEqual(['Broken link ../handbook/templates.md: no such page. Did you mean templates.md?']);
    // A plain folder (no Hugo section pages) is read as GitHub reads it: paths match case exactly.
    const plain = tempTree(pages);
    expect(await findings(plain, 'broken-link')).toEqual([
      'content/en/docs/Handbook/contributing.md',
      'content/en/docs/Handbook/contributing.md',
      'content/en/docs/Handbook/contributing.md',
    ]);
  }, 60_000);

  it("reports a broken link in an HTML block on its own line and column, not the block's first line", async () => {
    const root = tempTree({
      'offices.md': [
        '# Offices',
        '',
        '<table>',
        '  <tr><td>Lisbon</td></tr>',
        '  <tr><td><a href="lisbon.md">Lisbon office</a></td></tr>',
        '</table>',
        '',
        '- Mail',
        '  <div>',
        '  <a href="mail.md">Mailroom</a>',
        '  </div>',
        '',
      ].join('\n'),
    });
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    const broken = (
      JSON.parse(stdout).findings as {
        ruleId: string;
        position: { start: { line: number; column: number }; end: { line: number; column: number } };
      }[]
    )
      .filter((f) => f.ruleId === 'broken-link')
      .map(
        (f) =>
          `${f.position.start.line}:${f.position.start.column}-${f.position.end.line}:${f.position.end.column}`,
      );
    expect(broken).toEqual(['5:11-5:31', '10:3-10:21']);
  }, 60_000);
});
