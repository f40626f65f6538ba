import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';

/**
 * What a second reading of the sixth audit's fixes found them getting wrong, on pages written for the
 * test: a status line that carries other bold fields, pages about meetings with a front matter date or
 * a year in a schedule, task headings that only mention "completed" or "review", a versioned
 * template, a Japanese record that decides "as follows", and slugs in numbered Docusaurus folders and
 * Hugo leaf bundles.
 */
const record = (title: string, status: string) =>
  [
    `# ${title}`,
    '',
    status,
    '',
    '## Context',
    '',
    'We need a store because the current one loses writes under load.',
    '',
    '## Decision',
    '',
    'We will use it because it is well supported.',
    '',
    '## Consequences',
    '',
    'Operations must run backups.',
    '',
  ].join('\n');

describe('a status among other bold fields', () => {
  it('is the status, not the next field', async () => {
    const root = tempTree({
      'docs/adr/0001-use-postgres.md': record(
        '1. Use Postgres',
        '**Status:** Accepted | **Date:** 2024-03-01',
      ),
      'docs/adr/0002-use-kafka.md': record('2. Use Kafka', '## Status\n\nAccepted | **Deciders:** Ana Lima'),
      'docs/adr/0003-use-redis.md': record(
        '3. Use Redis',
        '**Status:** Proposed | **Accepted** | Rejected\n\n**Date:** 2024-03-01',
      ),
    });
    expect(await ruleFindings([root], 'decision-status', true)).toEqual([]);
    expect(await ruleFindings([root], 'decision-lag')).toEqual([]);
  }, 60_000);
});

describe('pages about meetings in the meetings folder', () => {
  it('are not judged for a front matter date or a year in a schedule', async () => {
    const root = tempTree({
      'meetings/how-we-run-meetings.md':
        '---\ntitle: How we run meetings\ndate: 2023-04-01T10:00:00Z\n---\n\n# How we run meetings\n\nEvery meeting has a written agenda shared a day ahead.\n',
      'meetings/recurring.md':
        '# Recurring meetings\n\n- **When:** Mondays 10:00 CET, since March 2022\n- **Where:** the call link in the invite\n\nOne weekly sync and one monthly retrospective.\n',
      'meetings/sync.md':
        '---\ntitle: Sync\n---\n\n# Sync\n\n**Date:** 14 March 2024\n\nWe talked about the release.\n',
    });
    expect(await ruleFindings([root], 'meeting-agenda')).toEqual(['meetings/sync.md']);
    expect(await ruleFindings([root], 'meeting-outcomes')).toEqual(['meetings/sync.md']);
  }, 60_000);
});

describe('task headings', () => {
  it('that say the tasks are still to be completed or for a review still hold action items', async () => {
    const root = tempTree({
      'meetings/2026-03-14-sync.md': [
        '# Team sync 2026-03-14',
        '',
        '## Notes',
        '',
        'We talked about the release.',
        '',
        '## Action items to be completed before the release',
        '',
        '- Ana to update the migration guide.',
        '',
        '## Action items for the security review',
        '',
        '- Bruno to rotate the staging keys.',
        '',
        '## Completed tasks',
        '',
        '- Ana wrote the release notes.',
        '',
      ].join('\n'),
    });
    const found = await ruleFindings([root], 'action-items', true);
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toContain('migration guide');
    expect(found.join('\n')).toContain('staging keys');
  }, 60_000);
});

describe('a template whose title has a version', () => {
  it('stays a template', async () => {
    const root = tempTree({
      'docs/adr/adr-form-v2.md': record(
        'ADR Template (v2)',
        'Status: [Proposed | Accepted | Rejected]\n\nDate: YYYY-MM-DD',
      ),
      'docs/adr/0001-use-postgres.md': record(
        '1. Use Postgres',
        '**Status:** Accepted\n\n**Date:** 2024-03-01\n\n**Deciders:** Ana',
      ),
    });
    expect(await ruleFindings([root], 'decision-status')).toEqual([]);
    expect(await ruleFindings([root], 'decision-owner')).toEqual([]);
  }, 60_000);
});

describe('a Japanese record', () => {
  it('that decides "as follows" states no reason by that', async () => {
    const root = tempTree({
      'docs/adr/0001-db.md':
        '# 1. データベースの選定\n\nステータス: 承認済み\n日付: 2024-03-01\n決定者: 山田太郎\n\n## 背景\n\n新しいサービスのデータストアを決める。\n\n## 決定\n\n以下のように決定する。PostgreSQL を採用する。\n\n## 結果\n\n運用チームがバックアップを管理する。\n',
    });
    expect(await ruleFindings([root], 'decision-rationale')).toEqual(['docs/adr/0001-db.md']);
  }, 60_000);
});

describe('slugs', () => {
  it('in a numbered Docusaurus folder and on a Hugo leaf bundle are where the links find them', async () => {
    const docusaurus = tempTree({
      'docusaurus.config.js': "module.exports = { presets: [['classic', { docs: {} }]] };\n",
      'sidebars.js': 'module.exports = {};\n',
      'docs/intro.md': '# Intro\n\nSee [releasing](guides/release).\n',
      'docs/01-guides/02-deploy.md': '---\nslug: release\n---\n\n# Deploy\n\nHow we release.\n',
    });
    expect(await ruleFindings([`${docusaurus}/docs`], 'broken-link')).toEqual([]);
    const hugo = tempTree({
      'hugo.toml': 'title = "x"\n',
      'content/_index.md': '# Home\n\nSee [onboarding](posts/onboarding/).\n',
      'content/posts/my-post/index.md': '---\ntitle: Post\nslug: onboarding\n---\n\n# Post\n\nText.\n',
    });
    expect(await ruleFindings([`${hugo}/content`], 'broken-link')).toEqual([]);
  }, 60_000);
});
