import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordTemplateMarks } from '../../src/platforms/markdown/record-templates.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';
import { lintDecisionFolder } from './decision-folder.js';

// A second reading of the session's merged change (26): each defect it found, with the case that must still hold.

const NOW = ['--now', '2026-12-07'];

describe('review26: a record template types only the drafts of its series', () => {
  it('takes no guide numbered 00 or 0, no intro or welcome page, nothing in a templates folder for a draft', () => {
    const files = [
      '0000-template.md',
      'guides/00-introduction.md',
      'onboarding/0_welcome.md',
      'onboarding/0000-welcome.md',
      'templates/0000-meeting.md',
      'rfcs/react/0000-hover-button.md',
    ];
    const mark = recordTemplateMarks(files);
    expect(files.slice(1).filter((file) => mark(file) === 'series')).toEqual([
      'rfcs/react/0000-hover-button.md',
    ]);
  });

  it('finds a series template in any folder above the page, however many other folders have one', () => {
    const many = Array.from({ length: 2_000 }, (_, n) => `area${n}/X-0000-template.md`);
    const mark = recordTemplateMarks([
      ...many,
      'ODH-ADR-0000-template.md',
      'deep/a/b/c/ODH-ADR-0012-queue.md',
    ]);
    expect(mark('deep/a/b/c/ODH-ADR-0012-queue.md')).toBe('series');
    expect(mark('area7/X-0003-x.md')).toBe('series');
    expect(mark('area7/Y-0003-x.md')).not.toBe('series');
  });
});

describe('review26: the owner an index above names, only inside a repository', () => {
  const tree = (git: boolean) =>
    tempTree({
      ...(git ? { '.git/HEAD': 'ref: refs/heads/main\n' } : {}),
      'README.md': '# Home\n\nOwner: Ana Ruiz\n',
      'handbook/README.md': '# Handbook\n\n- [Leave](leave.md)\n',
      'handbook/leave.md': '# Leave\n\nAsk your lead.\n',
    });

  it('is not taken from a folder above a handbook that is in no repository (the home folder, the disk)', async () => {
    expect(await ruleFindings([join(tree(false), 'handbook')], 'page-owner')).not.toEqual([]);
  }, 60_000);

  it('is still taken inside a repository', async () => {
    expect(await ruleFindings([join(tree(true), 'handbook')], 'page-owner')).toEqual([]);
  }, 60_000);
});

describe('review26: a word nested under a task that says nobody has it yet', () => {
  const weekly = (owner: string) =>
    `# 定例会 2024-09-29\n\n## 出席者\n\nあゆむ、がぶ\n\n## 決定事項\n\n- 週次で進める。\n\n## アクション項目\n\n- ゾーンファイルについて調べる\n  - ${owner}\n`;
  const tasks = async (owner: string) =>
    of(await meetingFindings({ 'minutes/2024-09-29.md': weekly(owner) }), 'action-items').map((line) =>
      line.replace(/^\S+ action-items: /, ''),
    );

  it('"担当者未定" (owner undecided) and "미정" leave the task unowned; "あゆむ" owns it', async () => {
    for (const nobody of ['担当者未定', '미정']) {
      const found = await tasks(nobody);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/has no owner and due date/);
    }
    expect(await tasks('あゆむ')).toEqual(['Action item "ゾーンファイルについて調べる" has no due date.']);
  }, 60_000);
});

describe('review26: a given name after "by" is no due month', () => {
  const items = async (list: string) =>
    of(
      await meetingFindings({
        'minutes/2026-08-19.md': `# Minutes 2026-08-19\n\nAttendees: Jan, Ana\n\n## Agenda\n\n- Release\n\n## Decisions\n\n- Ship it.\n\n## Action items\n\n${list}`,
      }),
      'action-items',
    ).map((line) => line.replace(/^\S+ action-items: /, ''));

  it('"by Jan", "by Mar Garcia", "by May Chen" name a person; "by October" and "by May." are due', async () => {
    expect(
      await items(
        '- @ana: code review by Jan\n- @ana: notes by Mar Garcia\n- @ana: slides by May Chen\n- @ana: budget by October\n- @ana: survey by May.\n',
      ),
    ).toEqual([
      'Action item "@ana: code review by Jan" has no due date.',
      'Action item "@ana: notes by Mar Garcia" has no due date.',
      'Action item "@ana: slides by May Chen" has no due date.',
    ]);
  }, 60_000);
});

describe('review26: init beside a folder above that holds two configs', () => {
  it('writes its file and says nothing of the folder above it cannot choose between', async () => {
    const dir = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n',
      '.handbook-lint.yml': 'sources:\n  markdown:\n    root: docs\n',
      'docs/README.md': '# Docs\n',
    });
    const made = join(dir, 'docs', 'handbook-lint.yml');
    const run = await runCli(['init', '-o', made]);
    expect(run.code).toBe(0);
    expect(existsSync(made)).toBe(true);
  }, 60_000);
});

describe('review26: a field a template names after a number, a quote mark or an emoji', () => {
  it('is still asked of the records that leave it out', async () => {
    const record = (n: number, status: boolean) =>
      `# ${n}. Record ${n}\n\nDate: 2026-0${n}-01\n\nOwner: Ana Ruiz\n\n${status ? 'Status: Accepted\n\n' : ''}## Context\n\nBuilds are slow because jobs start cold.\n\n## Decision\n\nWe cache, because a warm cache halves the build.\n\n## Consequences\n\nThe cache needs a key.\n`;
    const pages = {
      'adr/template.md':
        '# [Title]\n\nDate: [YYYY-MM-DD]\n\nOwner: [name]\n\n> **Status:** one of Proposed, Accepted\n\n## Context\n\n[...]\n\n## Decision\n\n[...]\n\n## Consequences\n\n[...]\n',
      'adr/0001-a.md': record(1, true),
      'adr/0002-b.md': record(2, false),
      'adr/0003-c.md': record(3, false),
    };
    const { findings } = await lintDecisionFolder(pages, '2026-12-07');
    expect(findings.filter((f) => f.ruleId === 'decision-status').map((f) => f.page.file)).toEqual([
      'adr/0002-b.md',
      'adr/0003-c.md',
    ]);
  }, 60_000);
});

describe('review26: a findings file of ours checked out with CRLF line ends or a byte order mark', () => {
  it('is still ours without the ledger: rewritten, not refused', async () => {
    for (const head of [
      '# Handbook lint findings\r\n\r\nOld.\r\n',
      '\uFEFF# Handbook lint findings\n\nOld.\n',
    ]) {
      const dir = tempTree({
        'handbook/README.md': '# Handbook\n\nSee [the plan](missing.md).\n',
        'handbook/FINDINGS.md': head,
        'handbook-lint.yml':
          'sources:\n  markdown:\n    root: handbook\nfail-on: never\nwriteback:\n  findings-page:\n    markdown:\n      path: handbook/FINDINGS.md\n',
      });
      const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), ...NOW]);
      expect(run.code).toBe(0);
      expect(readFileSync(join(dir, 'handbook/FINDINGS.md'), 'utf8')).toContain('missing.md');
    }
  }, 60_000);
});
