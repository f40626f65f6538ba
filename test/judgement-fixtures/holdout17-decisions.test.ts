import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';
import { lintDecisionFolder, rulesOf, withHeader } from './decision-folder.js';

/**
 * Decision records as the seventeenth out-of-sample round met them, written for the test (the pages
 * themselves are other people's text): a decision folder's index in an i18n site's language suffix, and an
 * index named as record zero.
 */

const NOW = '2026-12-01';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, fields: string[] = []) => classify({ path, title: 'x', labels: [], fields });

/** A decision folder's index in one language: its title and a list of the records. */
const listing = (title: string) =>
  [
    `# ${title}`,
    '',
    'The decisions taken for the service.',
    '',
    '* [1. Queue the exports](0001-queue.md)',
    '',
  ].join('\n');

describe('judgement fixtures: the seventeenth round, an index in a language suffix', () => {
  it('types a decision folder’s `index.es.md`, `README.pt-BR.md` and `_index.zh-Hans.md` as its index', () => {
    for (const path of [
      'docs/adr/index.es.md',
      'docs/adr/index.en.md',
      'adr/README.pt-BR.md',
      'rfcs/_index.zh-Hans.md',
    ])
      expect(typeOf(path, ['status']), path).toBe('index');
  });

  it('judges no decision rule on the index in each language', async () => {
    const { findings } = await lintDecisionFolder(
      {
        'adr/index.es.md': listing('Registro de decisiones'),
        'adr/index.en.md': listing('Decision records'),
        'adr/0001-queue.md': withHeader('Status: Accepted', 'Date: 2026-05-02', 'Owner: Ana Ruiz'),
      },
      NOW,
    );
    expect(findings.map((f) => f.page.file)).toEqual([]);
  });

  it('still types a translated record, and a page with another suffix, in a decision folder', async () => {
    expect(typeOf('adr/0001-queue.es.md', ['status'])).toBe('decision');
    expect(typeOf('adr/index.draft.md')).toBe('decision');
    const { on } = await lintDecisionFolder({ 'adr/0001-queue.es.md': withHeader('Date: 2026-05-02') }, NOW);
    expect(rulesOf(on('adr/0001-queue.es.md'))).toContain('decision-status');
  });

  it('keeps a numbered proposal’s translated page its record, not an index', () => {
    expect(typeOf('rfcs/0042-faster-installs/index.fr.md')).toBe('decision');
    expect(typeOf('proposals/0042-faster-installs/README.fr.md', ['status'])).toBe('decision');
  });
});

describe('judgement fixtures: the seventeenth round, an index named as record zero', () => {
  it('types `ADR-000-索引.md`, `0000-index.md` and `adr_000_Übersicht.md` as the folder’s index', () => {
    for (const path of [
      'docs/ADR/ADR-000-索引.md',
      'docs/adr/0000-index.md',
      'adr/adr_000_Übersicht.md',
      'rfcs/000-índice.md',
    ])
      expect(typeOf(path), path).toBe('index');
  });

  it('judges no decision rule on the index, which lists the records and no status', async () => {
    const index = ['# ADR-000 Index', '', '## Records', '', '- [ADR-001](ADR-001-queue.md)', ''].join('\n');
    const { findings } = await lintDecisionFolder(
      {
        'ADR/ADR-000-索引.md': index,
        'ADR/ADR-001-queue.md': withHeader('Status: Accepted', 'Date: 2026-05-02', 'Owner: Ana Ruiz'),
      },
      NOW,
    );
    expect(findings.map((f) => f.page.file)).toEqual([]);
  });

  it('still types a numbered record about an index, or numbered other than zero, as a record', async () => {
    expect(typeOf('docs/adr/0012-search-index.md', ['status'])).toBe('decision');
    expect(typeOf('docs/ADR/ADR-005-索引优化.md')).toBe('decision');
    expect(typeOf('docs/adr/0001-index.md', ['status'])).toBe('decision');
    const { on } = await lintDecisionFolder({ 'ADR/ADR-001-索引.md': withHeader('Date: 2026-05-02') }, NOW);
    expect(rulesOf(on('ADR/ADR-001-索引.md'))).toContain('decision-status');
  });
});

describe('judgement fixtures: the seventeenth round, a lifecycle kept as the front matter’s `stage`', () => {
  /** A complete record whose front matter gives `stage` and its dates, and no status. */
  const staged = (stage: string) =>
    withHeader('Owner: Ana Ruiz').replace(
      /^/,
      [
        '---',
        'title: Queue the exports',
        `stage: ${stage}`,
        'created: 2026-09-01',
        'updated: 2026-09-01',
        '---',
        '',
      ].join('\n'),
    );

  it('reads `stage: draft` as the record’s status, so a draft left for months lags', async () => {
    const { on } = await lintDecisionFolder({ 'adr/0007-queue.md': staged('draft') }, NOW);
    expect(on('adr/0007-queue.md')).toEqual([
      ['decision-lag', 'Decision has been Draft for more than 14 days, since 2026-09-01.'],
    ]);
  });

  it('still asks the status of a record whose `stage` is no lifecycle word (a release stage)', async () => {
    const { on } = await lintDecisionFolder({ 'adr/0007-queue.md': staged('beta') }, NOW);
    expect(rulesOf(on('adr/0007-queue.md'))).toEqual(['decision-status']);
  });
});

describe('judgement fixtures: the seventeenth round, a site’s records kept in two folders', () => {
  const record = (...header: string[]) => withHeader('Status: Accepted', 'Date: 2026-05-02', ...header);
  const folders = (owner: string[]) => ({
    'es/adr/001-queue.md': record(...owner),
    'es/adr/002-cache.md': record(),
    'es/adr/003-search.md': record(),
    'backend/adr/0001-layers.md': record(),
    'backend/adr/0002-logging.md': record(),
  });

  it('does not ask an owner of a small folder’s records when none of the site’s records names one', async () => {
    const { findings } = await lintDecisionFolder(folders([]), NOW);
    expect(findings.map((f) => [f.page.file, f.ruleId])).toEqual([]);
  });

  it('still asks it when a record of the site names an owner, and of a lone folder of two records', async () => {
    const named = await lintDecisionFolder(folders(['Owner: Ana Ruiz']), NOW);
    expect(named.on('backend/adr/0001-layers.md')).toEqual([
      ['decision-owner', 'Decision record owner is missing (found: none).'],
    ]);
    const lone = await lintDecisionFolder(
      { 'adr/0001-layers.md': record(), 'adr/0002-logging.md': record() },
      NOW,
    );
    expect(rulesOf(lone.on('adr/0001-layers.md'))).toEqual(['decision-owner']);
  });
});

describe('judgement fixtures: the seventeenth round, the index named as record zero, linted alone', () => {
  it('takes the index for where the folder’s navigation starts, not an orphan', async () => {
    const root = tempTree({
      'ADR-000-索引.md': '# ADR-000 Index\n\n- [ADR-001](ADR-001-queue.md)\n',
      'ADR-001-queue.md': withHeader('Status: Accepted', 'Date: 2026-05-02', 'Owner: Ana Ruiz'),
      'notes.md': '# Notes\n\nHow we write records.\n',
    });
    // The page beside it that nothing links to is still one.
    expect(await ruleFindings([root], 'orphan-page')).toEqual(['notes.md']);
  });
});
