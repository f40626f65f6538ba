import { describe, expect, it } from 'vitest';
import { re2Problem } from '../../src/rules/regex.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * Second reading of the seventeenth page round (fix17-pages): neighbours of each change that must still get
 * their finding, and variants of each fixed case that must now pass too. Each page is written for the test.
 */
describe('review30: pages17 (docsify, issue templates, Netlify CMS, books above, [TBD], reviewed:, under construction)', () => {
  // --- docsify: _sidebar.md, _navbar.md, _coverpage.md; folder links ------------------------------------------

  const docsifyInDocs = {
    'README.md': '# Project\n\nThe handbook is in [docs](docs/README.md).\n',
    'docs/index.html': '<div id="app"></div>\n',
    'docs/README.md': '# Handbook\n\nWelcome.\n',
    'docs/_sidebar.md':
      '- [Home](/)\n- [Hiring](hiring/)\n- [Rituals](rituals/)\n  - [Retro](rituals/retro.md)\n',
    'docs/_navbar.md': '- [Blog](https://example.org)\n',
    'docs/_coverpage.md': '# Handbook\n\n[Start](README.md)\n',
    'docs/hiring/README.md': '# Hiring\n\nHow we hire.\n',
    'docs/rituals/retro.md': '# Retro\n\nEvery other Friday.\n',
    'docs/rituals/demo.md': '# Demo\n\nEvery month.\n',
  };

  it('a docsify site kept in `docs/`: its sidebar, top bar and cover are navigation, never orphans', async () => {
    const root = tempTree(docsifyInDocs);
    expect(await findings([root], 'orphan-page')).toEqual(['docs/rituals/demo.md']);
  });

  it('a docsify site kept in `docs/`: a folder link with a trailing slash needs the folder’s README', async () => {
    const root = tempTree(docsifyInDocs);
    expect(await findings([root], 'broken-link', true)).toEqual([
      'docs/_sidebar.md Broken link rituals/: no such page.',
    ]);
  });

  it('a docsify sidebar’s link to a missing page is still broken', async () => {
    const root = tempTree({
      'README.md': '# Team\n\nHello.\n',
      '_sidebar.md': '- [Leave](leave.md)\n- [Pay](pay)\n',
      'leave.md': '# Leave\n\n25 days.\n',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      '_sidebar.md Broken link pay: no such page.',
    ]);
  });

  it('a page named like a sidebar but with another name (`sidebar.md`) is still a page that can be an orphan', async () => {
    const root = tempTree({
      'README.md': '# Team\n\n- [Leave](leave.md)\n',
      'leave.md': '# Leave\n\n25 days.\n',
      'notes/sidebar.md': '# Sidebar ideas\n\nA list of links.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['notes/sidebar.md']);
  });

  it('a docsify sub-folder linted alone: a folder link in it needs the folder’s README, as in the whole-site run', async () => {
    const root = tempTree({
      'index.html': '<div id="app"></div>\n',
      'README.md': '# Handbook\n\nWelcome.\n',
      '_sidebar.md': '- [Rituals](rituals/)\n',
      'rituals/README.md': '# Rituals\n\n- [Team](team/)\n- [Retro](retro.md)\n',
      'rituals/retro.md': '# Retro\n\nFridays.\n',
      'rituals/team/standup.md': '# Standup\n\nDaily.\n',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'rituals/README.md Broken link team/: no such page.',
    ]);
    expect(await findings([`${root}/rituals`], 'broken-link', true)).toEqual([
      'README.md Broken link team/: no such page.',
    ]);
  });

  it.skip('a GitHub wiki’s `_Sidebar.md`, `_Footer.md` and `Home.md` are its navigation (judgement, not this round: GitHub wikis, their `[[Page]]` links and Home page, are a generator the tool does not know yet; before fix17 too)', async () => {
    const root = tempTree({
      'Home.md': '# Home\n\nWelcome.\n',
      '_Sidebar.md': '* [[Home]]\n* [Leave](Leave-policy)\n* [[Travel]]\n',
      '_Footer.md': 'Edit this wiki on GitHub.\n',
      'Leave-policy.md': '# Leave\n\n25 days.\n',
      'Travel.md': '# Travel\n\nBook early.\n',
      'Stray.md': '# Stray\n\nNothing links here.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['Stray.md']);
  });

  // --- issue and pull request templates -------------------------------------------------------------------------

  it('issue templates under `.github/`, and a root PULL_REQUEST_TEMPLATE.md, are no orphans; a stray page still is', async () => {
    const form =
      '---\nname: Bug\nabout: Report a bug\nlabels: bug\n---\n\n## Steps\n\n<!-- what you did -->\n';
    const root = tempTree({
      'README.md': '# Rules\n\n- [Leave](leave.md)\n',
      'leave.md': '# Leave\n\n25 days.\n',
      '.github/ISSUE_TEMPLATE/bug.md': form,
      '.github/PULL_REQUEST_TEMPLATE/policy.md': '## Which policy\n\n<!-- name it -->\n',
      'PULL_REQUEST_TEMPLATE.md': '## What changes\n\n<!-- why -->\n',
      'expenses.md': '# Expenses\n\nKeep receipts.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['expenses.md']);
  });

  it('GitLab’s issue and merge request templates (`.gitlab/issue_templates/`) are templates too', async () => {
    const root = tempTree({
      'README.md': '# Rules\n\n- [Leave](leave.md)\n',
      'leave.md': '# Leave\n\n25 days.\n',
      '.gitlab/issue_templates/Leave request.md': '## Dates\n\n<!-- first and last day -->\n',
      '.gitlab/merge_request_templates/Policy change.md': '## Which policy\n\n<!-- name it -->\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual([]);
  });

  it('a page about issue templates is no template: it still needs an owner', async () => {
    const root = tempTree({
      'README.md': '# Dev guide\n\n- [Issues](issues.md)\n',
      'issues.md': '# Writing issues\n\nPick the issue template that fits, then fill in every section.\n',
    });
    expect(await findings([root], 'page-owner')).toContain('issues.md');
  });

  // --- Netlify CMS entries --------------------------------------------------------------------------------------

  const entry = (title: string) => `---\ntemplateKey: entry\ntitle: ${title}\n---\n\n${title} as we do it.\n`;

  it('on a Netlify CMS site a page linked from the home page is reached; one linked by nothing, without the key, is not', async () => {
    const root = tempTree({
      'README.md': '# Site\n\nRead [about us](content/about.md).\n',
      'content/about.md': '# About\n\nWho we are.\n',
      'content/entries/holidays.md': entry('Holidays'),
      'content/notes/scratch.md': '# Scratch\n\nOld notes.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['content/notes/scratch.md']);
  });

  it('a Netlify CMS entry whose `templateKey` is quoted or spaced is reached; `templateKey` named in the body is not the key', async () => {
    const root = tempTree({
      'content/entries/a.md': '---\ntitle: A\ntemplateKey: "entry"\n---\n\nA.\n',
      'content/entries/b.md': '---\ntitle: B\ntemplateKey : entry\n---\n\nB.\n',
      'content/entries/c.md': '---\ntitle: C\n---\n\nSet templateKey: entry in the front matter.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['content/entries/c.md']);
  });

  it('a Netlify CMS entry still needs its owner', async () => {
    const root = tempTree({ 'content/entries/holidays.md': entry('Holidays') });
    expect(await findings([root], 'page-owner')).toEqual(['content/entries/holidays.md']);
  });

  // --- a book's navigation above a linted sub-folder ----------------------------------------------------------

  const book = {
    'SUMMARY.md':
      '# Summary\n\n* [Intro](README.md)\n* [Expenses](process/company/expenses.md)\n* [Pay rules](process/company/pay%20rules.md)\n<!-- * [Old](process/company/old.md) -->\n',
    'README.md': '# Book\n\nAll of it.\n',
    'process/company/expenses.md': '# Expenses\n\nKeep the receipts.\n',
    'process/company/pay rules.md': '# Pay rules\n\nPaid monthly.\n',
    'process/company/old.md': '# Old\n\nNo longer listed.\n',
  };

  it('a GitBook entry whose path has an encoded space reaches its page in a sub-folder run as in a whole-book run', async () => {
    const root = tempTree(book);
    const whole = (await findings([root], 'orphan-page')).map((file) => file.replace('process/company/', ''));
    expect(await findings([`${root}/process/company`], 'orphan-page')).toEqual(whole);
  });

  it('an entry commented out of SUMMARY.md reaches nothing, in a sub-folder run as in a whole-book run', async () => {
    const root = tempTree(book);
    expect(await findings([root], 'orphan-page')).toEqual(['process/company/old.md']);
    expect(await findings([`${root}/process/company`], 'orphan-page')).toContain('old.md');
  });

  it('a docsify sub-folder linted alone: its sidebar above reaches the listed pages only', async () => {
    const root = tempTree({
      'index.html': '<div id="app"></div>\n',
      'README.md': '# Handbook\n\nWelcome.\n',
      '_sidebar.md': '- [Retro](/rituals/retro)\n- [Standup](rituals/standup.md)\n',
      'rituals/retro.md': '# Retro\n\nFridays.\n',
      'rituals/standup.md': '# Standup\n\nDaily.\n',
      'rituals/demo.md': '# Demo\n\nMonthly.\n',
    });
    expect(await findings([`${root}/rituals`], 'orphan-page')).toEqual(['demo.md']);
  });

  it('a folder with no book above it, linted alone, still reports its orphans', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Process](process/index.md)\n',
      'process/index.md': '# Process\n\n- [Expenses](expenses.md)\n',
      'process/expenses.md': '# Expenses\n\nKeep receipts.\n',
      'process/stray.md': '# Stray\n\nNothing links here.\n',
    });
    expect(await findings([`${root}/process`], 'orphan-page')).toEqual(['stray.md']);
  });

  // --- todo-note: [TBD] -------------------------------------------------------------------------------------------

  it('[TBD], [TODO] in a heading or a line, bold or lower case, is an unfinished note', async () => {
    const root = tempTree({
      'README.md': '# Book\n\n- [Growth](growth.md)\n- [Perks](perks.md)\n- [Leave](leave.md)\n',
      'growth.md': '# Growth **[TBD]**\n\nA talk on salaries.\n',
      'perks.md': '# Perks\n\n## Gym [TODO]\n\nAsk the office.\n',
      'leave.md': '# Leave\n\n[tbd] how to carry days over\n',
    });
    const found = await findings([root], 'todo-note');
    expect(found).toContain('growth.md');
    expect(found).toContain('perks.md');
  });

  it('a title marked [WIP], as pull request titles are, is an unfinished page too', async () => {
    const root = tempTree({
      'README.md': '# Book\n\n- [Sabbatical](sabbatical.md)\n',
      'sabbatical.md': '# [WIP] Sabbatical\n\nAfter two years.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'sabbatical.md Unfinished note left in the page: "[WIP] Sabbatical".',
    ]);
  });

  it.skip('a [TBD] cell of a status table (another row says "none") is a status, not a note (judgement: the placeholder check marks a status table’s bare TBD cells, not bracketed ones; the rule file cannot see a table)', async () => {
    const root = tempTree({
      'README.md': '# Perks\n\n| Perk | Owner |\n| --- | --- |\n| Gym | [TBD] |\n| Pool | none |\n',
    });
    expect(await findings([root], 'todo-note')).toEqual([]);
  });

  it('a style guide that tells writers to mark titles with [TBD] has no note of its own', async () => {
    const root = tempTree({
      'README.md': '# Book\n\n- [Style](style.md)\n',
      'style.md': '# Writing style\n\nMark a page that is not written yet with [TBD] in its title.\n',
    });
    expect(await findings([root], 'todo-note')).toEqual([]);
  });

  it.skip("a link to the TODO list (`[TODO](todo.md)`) is no note (judgement, not this round: the bare-TODO value pattern reported it before fix17 too; a link's text is not told apart from a value)", async () => {
    const root = tempTree({
      'README.md': '# Book\n\n- [TODO](todo.md)\n',
      'todo.md': '# Things to do\n\n* Paint the door\n',
    });
    expect(await findings([root], 'todo-note')).toEqual([]);
  });

  it.skip("a real TODO note in a GitBook SUMMARY.md, not a page title, is still reported (judgement: GitBook shows only SUMMARY.md's headings and lists, so a paragraph there is as unseen as a comment; telling a linked title's [TBD] apart needs the link in the placeholder check)", async () => {
    const root = tempTree({
      'README.md': '# Book\n\nAll of it.\n',
      'SUMMARY.md':
        '# Summary\n\n* [Intro](README.md)\n\nTODO: add the leave pages once HR has signed them off.\n',
    });
    expect(await findings([root], 'todo-note')).toEqual(['SUMMARY.md']);
  });

  it('the bracket and under-construction patterns stay linear', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const rule = parse(readFileSync(new URL('../../rules/todo-note.yml', import.meta.url), 'utf8')) as {
      patterns: string[];
    };
    const added = rule.patterns.filter((p) => /TBD|onstruction|rogress/.test(p));
    // The bracketed mark, the two unfinished-page lines, the Japanese 【TBD】 mark (nineteenth round), the
    // missing-link note "(link TBD)" (twenty-second round) and "(tbd.)" (twenty-third round).
    expect(added).toHaveLength(6);
    // Those RE2 runs are linear by construction (values.ts); the one with lookaround runs on RegExp.
    const onRegExp = added.filter((pattern) => re2Problem(pattern) !== undefined);
    expect(onRegExp).toHaveLength(1);
    for (const pattern of onRegExp) expect(verdict(new RegExp(pattern))).toBe('safe');
  }, 120_000);

  // --- todo-note: under construction -----------------------------------------------------------------------------

  it('"Under Construction" in title case and "This page is a work in progress." are unfinished pages too', async () => {
    const root = tempTree({
      'README.md': '# Book\n\n- [A](a.md)\n- [B](b.md)\n',
      'a.md': '# Benefits\n\n🚧 Under Construction 🚧\n',
      'b.md': '# Travel\n\nThis page is a work in progress.\n',
    });
    expect(await findings([root], 'todo-note')).toEqual(['a.md', 'b.md']);
  });

  it('a "Work in progress" heading over a team’s list of current projects is no note', async () => {
    const root = tempTree({
      'README.md': '# Team\n\n- [Board](board.md)\n',
      'board.md': '# Board\n\n## Work in progress\n\n* The new payroll export\n* The office move\n',
    });
    expect(await findings([root], 'todo-note')).toEqual([]);
  });

  // --- stale-page: reviewed: -------------------------------------------------------------------------------------

  const reviewedPage = (fields: string) => `---\ntitle: Page\n${fields}---\n\nText.\n`;

  it('an old `reviewed:` date with a `next-review:` still ahead is not stale; with it past, it is', async () => {
    const root = tempTree({
      'mkdocs.yml': 'site_name: Playbook\n',
      'docs/index.md': '# Playbook\n\n- [A](a.md)\n- [B](b.md)\n',
      'docs/a.md': reviewedPage('reviewed: 2025-01-10\nnext-review: 2026-09-01\n'),
      'docs/b.md': reviewedPage('reviewed: 2025-01-10\nnext-review: 2026-01-01\n'),
    });
    expect(await findings([root], 'stale-page')).toEqual(['docs/b.md']);
  });

  it('`reviewed:` naming a reviewer, or empty, is no date and does not stop the run', async () => {
    const root = tempTree({
      'mkdocs.yml': 'site_name: Playbook\n',
      'docs/index.md': '# Playbook\n\n- [A](a.md)\n- [B](b.md)\n- [C](c.md)\n',
      'docs/a.md': reviewedPage('reviewed: Alex Doe\n'),
      'docs/b.md': reviewedPage('reviewed:\n'),
      'docs/c.md': reviewedPage('Reviewed: 2024-12-01\n'),
    });
    expect(await findings([root], 'stale-page')).toEqual(['docs/c.md']);
  });
});
