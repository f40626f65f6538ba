import { describe, expect, it } from 'vitest';
import { LINK_TARGET } from '../../src/site-book-above.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the seventeenth (hold-out) audit of the handbook-page rules met: a docsify handbook whose sidebar
 * (`_sidebar.md`) links folders, a Gatsby + Netlify CMS site whose entries carry `templateKey:`, a
 * repository of work rules with GitHub issue templates beside them, a GitBook linted one sub-folder at a
 * time, and GitBook titles marked "[TBD]". Each page is written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (seventeenth round)', () => {
  const docsify = {
    'README.md': '# Team handbook\n\nWho we are.\n',
    '_sidebar.md':
      '- [Home](/)\n- [Hiring](hiring)\n  - [Process](hiring/process.md)\n- [Rituals](rituals)\n  - [Retro](rituals/retro.md)\n',
    'hiring/README.md': '# Hiring\n\nHow we hire.\n',
    'hiring/process.md': '# Process\n\nThree interviews.\n',
    'rituals/retro.md': '# Retro\n\nEvery other Friday.\n',
    'rituals/one-on-one.md': '# One-on-ones\n\nEvery week.\n',
  };

  it('docsify’s `_sidebar.md` is its navigation, not a page nothing links to', async () => {
    const root = tempTree(docsify);
    expect(await findings([root], 'orphan-page')).not.toContain('_sidebar.md');
    expect(await findings([root], 'orphan-page')).not.toContain('hiring/process.md');
  });

  it('a docsify folder link serves the folder’s README: broken without one, and it reaches no other page', async () => {
    const root = tempTree(docsify);
    expect(await findings([root], 'broken-link', true)).toEqual([
      '_sidebar.md Broken link rituals: no such page.',
    ]);
    expect(await findings([root], 'orphan-page')).toEqual(['rituals/one-on-one.md']);
  });

  it('a folder link in a repository no generator publishes still opens its listing', async () => {
    const root = tempTree({
      'README.md': '# Team handbook\n\n- [Rituals](rituals)\n',
      'rituals/retro.md': docsify['rituals/retro.md'],
      'rituals/one-on-one.md': docsify['rituals/one-on-one.md'],
    });
    expect(await findings([root], 'broken-link')).toEqual([]);
    expect(await findings([root], 'orphan-page')).toEqual([]);
  });

  it('GitHub issue templates are filled in from the issue chooser, not linked', async () => {
    const form = (name: string) =>
      `---\nname: ${name}\nabout: Ask for ${name.toLowerCase()}\nlabels: request\n---\n\n## Dates\n\n<!-- the first and last day -->\n`;
    const root = tempTree({
      'README.md': '# Work rules\n\nSee [how rules change](changes.md).\n',
      'changes.md': '# How rules change\n\nOpen a pull request.\n',
      'travel-rules.md': '# Travel rules\n\nBook through the office.\n',
      'ISSUE_TEMPLATE/01_leave.md': form('Leave'),
      'docs/pull_request_template.md': '## What changes\n\n<!-- the rule and why -->\n',
      'issues/open-questions.md': '# Open questions\n\nWho approves travel?\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['issues/open-questions.md', 'travel-rules.md']);
  });

  it('Netlify CMS entries (`templateKey:`) are listed by the site’s queries; a page without one is still an orphan', async () => {
    const entry = (title: string) =>
      `---\ntemplateKey: entry\nsection: welcome\ntitle: ${title}\ndate: 2018-11-01\n---\n\n${title} as we do it.\n`;
    const root = tempTree({
      'content/entries/welcome/holidays.md': entry('Holidays'),
      'content/entries/devs/git-flow.md': entry('Git flow'),
      'content/entries/devs/draft.md': '---\ntitle: Draft\n---\n\nNot published.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['content/entries/devs/draft.md']);
  });

  it('a GitBook section linted alone is listed by the book’s SUMMARY.md above it', async () => {
    const root = tempTree({
      'SUMMARY.md':
        '# Table of contents\n\n* [Intro](README.md)\n\n## Process\n\n* [Expenses](process/company/expenses.md)\n* [\\[TBD\\] Growth](process/company/growth.md)\n',
      'README.md': '# Our book\n\nEverything we do.\n',
      'process/company/expenses.md': '# Expenses\n\nKeep the receipts.\n',
      'process/company/growth.md': '# Growth\n\nTo come.\n',
      'process/company/stray.md': '# Stray\n\nNobody lists this.\n',
    });
    expect(await findings([`${root}/process/company`], 'orphan-page')).toEqual(['stray.md']);
    // The table of contents is read with one pattern: a line of a megabyte is read once.
    expect(verdict(LINK_TARGET)).toBe('safe');
  }, 60_000);

  it('a title marked [TBD] is an unfinished page; TBD as a cell’s value or in a sentence is no note', async () => {
    const root = tempTree({
      'README.md': '# Book\n\nWhat we do.\n',
      'SUMMARY.md':
        '# Summary\n\n* [\\[TBD\\] Growth](growth.md)\n* [\\[TBD\\] Sabbatical](sabbatical.md)\n* [Plan](plan.md)\n',
      'growth.md': '# \\[TBD\\] Growth\n\nA talk on salaries.\n',
      'sabbatical.md': '# [TBD] Sabbatical\n\n* After two years.\n',
      'plan.md':
        '# Plan\n\n| Step | When |\n| --- | --- |\n| Hire | TBD |\n\nThe date is TBD until the budget is set.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'growth.md Unfinished note left in the page: "[TBD] Growth".',
      'sabbatical.md Unfinished note left in the page: "[TBD] Sabbatical".',
    ]);
  });

  it('a playbook’s `reviewed:` date is the page’s last review: long past, the page is stale whatever its file’s date', async () => {
    const header = (reviewed: string) =>
      `---\ntitle: Writing pages\nauthors:\n- A. Writer\nreviewed: ${reviewed}\nreviewer:\nnext-review:\n---\n\nWrite short pages.\n`;
    const root = tempTree({
      'mkdocs.yml': 'site_name: Playbook\n',
      'docs/index.md': '# Playbook\n\n- [Old](old.md)\n- [Fresh](fresh.md)\n- [Flag](flag.md)\n',
      'docs/old.md': header('2025-09-29'),
      'docs/fresh.md': header('2026-05-02'),
      'docs/flag.md': header('true'),
    });
    expect(await findings([root], 'stale-page', true)).toEqual([
      'docs/old.md Page may be out of date: it was last updated on 2025-09-29, more than 180 days ago.',
    ]);
  });

  it('a page that says only that it is under construction is unfinished; a sentence about works is no note', async () => {
    const root = tempTree({
      'README.md':
        '# Handbook\n\n- [Onboarding](onboarding.md)\n- [Accueil](accueil.md)\n- [Office](office.md)\n',
      'onboarding.md': '# Onboarding\n\n🚧 Under construction 🚧\n',
      'accueil.md': '# Accueil\n\n*Page en construction*\n',
      'office.md': '# Office\n\nThe second floor is under construction until May.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'accueil.md Unfinished note left in the page: "Page en construction".',
      'onboarding.md Unfinished note left in the page: "🚧 Under construction 🚧".',
    ]);
  });

  const i18nSite = {
    'docs/index.fr.md':
      '# Accueil\n\n[Publier](meta/publish.md), [le venv](meta/setup.md#activer-le-venv), [ancre](meta/setup.md#set-up-the-venv), [absente](meta/missing.md)\n',
    'docs/index.en.md':
      '# Home\n\n[Publish](meta/publish.md) and [the venv](meta/setup.md#set-up-the-venv)\n',
    'docs/meta/publish.fr.md': '# Publier\n\nOuvrir une demande.\n',
    'docs/meta/setup.fr.md': '# Installation\n\n## Activer le venv\n\nPuis lancer.\n',
    'docs/meta/setup.en.md': '# Setup\n\n## Set up the venv\n\nThen run.\n',
  };

  it('mkdocs-static-i18n serves a link to `x.md` from the page’s own language’s copy, else the default language’s', async () => {
    const config =
      'site_name: Wiki\nplugins:\n  - i18n:\n      languages:\n        - locale: fr\n          default: true\n        - locale: en\n';
    const root = tempTree({ 'mkdocs.yml': config, ...i18nSite });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'docs/index.fr.md Broken link meta/missing.md: no such page.',
      'docs/index.fr.md Broken link meta/setup.md#set-up-the-venv: no heading or anchor "#set-up-the-venv" on that page.',
    ]);
  });

  it('without the i18n plugin a link to `x.md` needs that file', async () => {
    const root = tempTree({ 'mkdocs.yml': 'site_name: Wiki\n', ...i18nSite });
    const found = await findings([root], 'broken-link', true);
    expect(found).toContain('docs/index.en.md Broken link meta/publish.md: no such page.');
    expect(found).toHaveLength(6);
  });
});
