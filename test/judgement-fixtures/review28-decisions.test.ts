import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';
import { lintDecisionFolder, rulesOf, withHeader } from './decision-folder.js';

/**
 * Second reading of the seventeenth decisions round (fix17-decisions): neighbours of each change that must
 * still get their finding, and variants of each fixed case that must now pass too. Each page is written for
 * the test.
 */

const NOW = '2026-12-01';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, fields: string[] = []) => classify({ path, title: 'x', labels: [], fields });

/** The pages a whole run over `pages` reports `rule` on, sorted. */
async function reported(pages: Record<string, string>, rule: string): Promise<string[]> {
  const result = await run(defaultConfig(tempTree(pages)), { now: new Date(NOW) });
  return result.findings
    .filter((f) => f.ruleId === rule)
    .map((f) => f.page.file ?? '')
    .sort();
}

const record = (...header: string[]) => withHeader('Date: 2026-05-02', ...header);

/** A Rust-style RFC: its state is the pull request, so it writes none (decision-status' optional-when). */
const rfc = (title: string) =>
  [
    `# ${title}`,
    '',
    '## Summary',
    '',
    'Run the exports in a queue.',
    '',
    '## Guide-level explanation',
    '',
    'Exports are queued and run one by one.',
    '',
    '## Reference-level explanation',
    '',
    'The queue holds the export jobs.',
    '',
    '## Drawbacks',
    '',
    'One more service.',
    '',
  ].join('\n');

describe('review28: a field none of a site’s records writes, pooled across small folders (a7dd451)', () => {
  it('still asks the status of a lone record when some other folder’s record writes one', async () => {
    const { on } = await lintDecisionFolder(
      {
        'api/adr/0001-queue.md': record('Status: Accepted', 'Owner: Ana Ruiz'),
        'web/adr/0001-cache.md': record('Owner: Ana Ruiz'),
        'ops/adr/0001-deploy.md': record('Status: Proposed', 'Owner: Ana Ruiz'),
      },
      NOW,
    );
    expect(rulesOf(on('web/adr/0001-cache.md'))).toEqual(['decision-status']);
  });

  it('still asks an owner of small folders when another folder’s template asks for one', async () => {
    const { on } = await lintDecisionFolder(
      {
        'api/adr/template.md': withHeader('Status: {status}', 'Date: {date}', 'Owner: {who}'),
        'api/adr/0001-queue.md': record('Status: Accepted'),
        'web/adr/0001-cache.md': record('Status: Accepted'),
        'ops/adr/0001-deploy.md': record('Status: Accepted'),
      },
      NOW,
    );
    expect(rulesOf(on('web/adr/0001-cache.md'))).toContain('decision-owner');
  });

  it('still asks the status of a lone ADR beside RFCs that keep theirs in the pull request', async () => {
    const { on } = await lintDecisionFolder(
      {
        'docs/adr/0001-queue.md': record('Owner: Ana Ruiz'),
        'rfcs/text/0001-exports.md': rfc('Queue the exports'),
        'rfcs/text/0002-imports.md': rfc('Queue the imports'),
      },
      NOW,
    );
    expect(rulesOf(on('docs/adr/0001-queue.md'))).toContain('decision-status');
  });

  it('does not ask an owner of three one-record folders (one per service) none of which names one', async () => {
    const { findings } = await lintDecisionFolder(
      {
        'services/api/adr/0001-queue.md': record('Status: Accepted'),
        'services/web/adr/0001-cache.md': record('Status: Accepted'),
        'services/ops/adr/0001-deploy.md': record('Status: Accepted'),
      },
      NOW,
    );
    expect(findings.map((f) => [f.page.file, f.ruleId])).toEqual([]);
  });

  it('does not ask it of a site whose records name their owner in another language nowhere either', async () => {
    const es = (...h: string[]) => withHeader('Estado: Aceptado', 'Fecha: 2026-05-02', ...h);
    const { findings } = await lintDecisionFolder(
      {
        'es/adr/001-cola.md': es(),
        'es/adr/002-cache.md': es(),
        'en/adr/001-queue.md': record('Status: Accepted'),
        'en/adr/002-cache.md': record('Status: Accepted'),
      },
      NOW,
    );
    expect(findings.map((f) => [f.page.file, f.ruleId])).toEqual([]);
  });
});

describe('review28: an index in a language suffix or named as record zero (b12bc89)', () => {
  it('types an i18n index with a region and a Hugo section index in a script as the index', () => {
    for (const path of ['docs/adr/index.fr-CA.md', 'adr/README.zh_TW.md', 'content/adr/_index.zh-Hant.md'])
      expect(typeOf(path, ['status']), path).toBe('index');
  });

  it('keeps a record whose name only looks like a suffix, or numbered zero about something else, a record', () => {
    expect(typeOf('adr/README.draft.md', ['status'])).toBe('decision');
    // Record zero is the folder's template, as before the round.
    expect(typeOf('adr/0000-use-markdown-records.md', ['status'])).not.toBe('index');
    expect(typeOf('adr/0000-indexing-strategy.md', ['status'])).not.toBe('index');
    expect(typeOf('adr/ADR-000-索引设计.md', ['status'])).toBe('decision');
  });

  it('keeps a dated minutes folder’s translated page its minutes', () => {
    expect(typeOf('meetings/2026-03-01/README.de.md')).not.toBe('index');
  });
});

describe('review28: a lifecycle kept as the front matter’s `stage` (e1b10d9)', () => {
  const staged = (stage: string, body: string) => `---\ntitle: Setup\nstage: ${stage}\n---\n\n${body}`;

  it('reads `Stage: Proposed` in a record’s header as its status, as the front matter’s', async () => {
    const { on } = await lintDecisionFolder(
      { 'adr/0007-queue.md': record('Stage: Proposed', 'Owner: Ana Ruiz') },
      NOW,
    );
    // Proposed since May: it lags, and it has a status.
    expect(rulesOf(on('adr/0007-queue.md'))).toEqual(['decision-lag']);
  });

  it('still asks the status of a record whose stage is a phase of work, not a decision’s state', async () => {
    for (const stage of ['production', 'alpha', '2']) {
      const { on } = await lintDecisionFolder(
        { 'adr/0007-queue.md': `---\nstage: ${stage}\n---\n\n${record('Owner: Ana Ruiz')}` },
        NOW,
      );
      expect(rulesOf(on('adr/0007-queue.md')), stage).toEqual(['decision-status']);
    }
  });

  it('does not take a numbered guide chapter with a writing stage for a decision record', async () => {
    const chapter = staged(
      'draft',
      '# 1. Setting up\n\nInstall the tools.\n\n## Steps\n\nRun the installer.\n',
    );
    const found = await reported(
      {
        'README.md': '# Handbook\n\n- [Setting up](guide/01-setting-up.md)\n- [Review](guide/02-review.md)\n',
        'guide/01-setting-up.md': chapter,
        'guide/02-review.md': staged('review', '# 2. Review\n\nAsk a colleague.\n'),
      },
      'decision-status',
    );
    const all = await run(
      defaultConfig(
        tempTree({
          'README.md': '# Handbook\n\n- [Setting up](guide/01-setting-up.md)\n',
          'guide/01-setting-up.md': chapter,
        }),
      ),
      { now: new Date(NOW) },
    );
    expect(found).toEqual([]);
    expect(all.findings.filter((f) => f.ruleId.startsWith('decision-')).map((f) => f.ruleId)).toEqual([]);
  });
});

describe('review28: a page typed as its folder’s index starts navigation (6833edf)', () => {
  const records = {
    'docs/adr/0001-queue.md': record('Status: Accepted', 'Owner: Ana Ruiz'),
    'docs/adr/0002-cache.md': record('Status: Accepted', 'Owner: Ana Ruiz'),
  };
  const indexOf = (title: string) => `# ${title}\n\n- [Queue](0001-queue.md)\n- [Cache](0002-cache.md)\n`;

  it('linted alone, an i18n index and an `INDICE.md` start the folder’s navigation; a stray note is still an orphan', async () => {
    for (const name of ['index.es.md', 'INDICE.md']) {
      const found = await reported(
        {
          [name]: indexOf('Decisiones'),
          '0001-queue.md': record('Status: Accepted'),
          '0002-cache.md': record('Status: Accepted'),
          'scratch.md': '# Scratch\n\nNotes to sort.\n',
        },
        'orphan-page',
      );
      expect(found, name).toEqual(['scratch.md']);
    }
  });

  it('from the repository’s root, a folder’s index named as record zero is found as its records are', async () => {
    const found = await reported(
      {
        'README.md': '# Service\n\nHow to run it.\n',
        'docs/adr/ADR-000-index.md': indexOf('ADR index'),
        ...records,
      },
      'orphan-page',
    );
    expect(found).toEqual([]);
  });

  it('from the repository’s root, an i18n index beside the folder’s index is found as that index is', async () => {
    const found = await reported(
      {
        'README.md': '# Service\n\nHow to run it.\n',
        'docs/adr/index.md': indexOf('Decisions'),
        'docs/adr/index.es.md': indexOf('Decisiones'),
        ...records,
      },
      'orphan-page',
    );
    expect(found).toEqual([]);
  });

  it('beside a page typed an index (`type: index`), a page nothing links is still an orphan', async () => {
    const found = await reported(
      {
        'README.md': '# Service\n\nHow to run it.\n',
        'old/contents.md': '---\ntype: index\n---\n\n# Old contents\n\n- [Setup](setup.md)\n',
        'old/setup.md': '# Setup\n\nInstall it.\n',
        'old/stray.md': '# Stray\n\nNotes to sort.\n',
      },
      'orphan-page',
    );
    expect(found).toEqual(['old/stray.md']);
  });
});
