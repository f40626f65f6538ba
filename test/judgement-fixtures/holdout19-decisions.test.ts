import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { buildPage } from '../../src/normalize/page.js';
import { lintDecisionFolder, rulesOf, withHeader } from './decision-folder.js';

/**
 * Decision records as the nineteenth out-of-sample round met them, written for the test (the pages themselves
 * are other people's text): a template in one language of a folder that keeps translations side by side.
 */

const NOW = '2026-12-01';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title = 'x', fields: string[] = []) =>
  classify({ path, title, labels: [], fields });
const readPage = (markdown: string, path = 'xyz-0004.md') =>
  buildPage(
    { source: 'markdown', id: path, url: path, path, file: path, markdown, fallbackTitle: 'page' },
    classify,
  );

/** A German template: its title says so, its status is the list of states a copy picks one of. */
const germanTemplate = [
  '# ADR-0000: Vorlage für Entscheidungsprotokolle',
  '',
  '## Status',
  '',
  '[Vorgeschlagen | Angenommen | Abgelöst]',
  '',
  '## Kontext',
  '',
  'Beschreiben Sie die Lage, die eine Entscheidung verlangt.',
  '',
  '## Entscheidung',
  '',
  'Beschreiben Sie, was entschieden wurde.',
  '',
].join('\n');

describe('judgement fixtures: the nineteenth round, a template in a language suffix', () => {
  it('types `0000-adr-template-de.md`, `template-fr.md` and `adr-template.pt-BR.md` as templates', () => {
    for (const path of [
      'adr/0000-adr-template-de.md',
      'adr/template-fr.md',
      'docs/adr/adr-template.pt-BR.md',
    ])
      expect(typeOf(path, 'x', ['status']), path).toBe('template');
  });

  it('types a page titled “Vorlage für …”, “Plantilla de …” or “Modèle de décision” as a template', () => {
    for (const title of [
      'ADR-0000: Vorlage für Architekturentscheidungen',
      'Plantilla de registro de decisiones',
      'Modèle de décision d’architecture',
    ])
      expect(typeOf('docs/guide.md', title), title).toBe('template');
  });

  it('judges no decision rule on the German template beside the records', async () => {
    const { findings } = await lintDecisionFolder(
      {
        'adr/0000-adr-template-de.md': germanTemplate,
        'adr/0001-queue-de.md': withHeader('Status: Accepted', 'Date: 2026-05-02', 'Owner: Ana Ruiz'),
      },
      NOW,
    );
    expect(findings.map((f) => f.page.file)).toEqual([]);
  });

  it('still types a draft numbered 0000 as a record, in a language suffix too, and a data model page as none', () => {
    for (const path of [
      'adr/0000-use-kafka.md',
      'adr/0000-use-kafka-de.md',
      'adr/0000-detailed-quota-limits.md',
      'adr/0000-record-architecture-decisions.md',
    ])
      expect(typeOf(path, 'x', ['status']), path).toBe('decision');
    expect(typeOf('docs/model.md', 'Modèle de données')).toBeUndefined();
    expect(typeOf('docs/vorlage.md', 'Vorlage')).toBe('template');
  });

  it('still judges the German draft record that states no status', async () => {
    const { on } = await lintDecisionFolder(
      { 'adr/0000-use-kafka-de.md': withHeader('Date: 2026-05-02', 'Owner: Ana Ruiz') },
      NOW,
    );
    expect(rulesOf(on('adr/0000-use-kafka-de.md'))).toContain('decision-status');
  });
});

/** A PEP-style proposal: its header an indented block (code to Markdown) of `Key: value` lines under its title. */
const proposal = (header: string[], body = 'This proposal was written by Ana Ruiz.') =>
  [
    'Shared names',
    '============',
    '',
    ...header.map((line) => `    ${line}`),
    '',
    body,
    '',
    '## Motivation',
    '',
    'Names collide.',
    '',
  ].join('\n');

describe('judgement fixtures: the nineteenth round, a proposal’s indented header', () => {
  const header = [
    'XYZ Proposal No. 4',
    'Title: Shared names',
    'Status: Draft',
    'Type: Standards Track',
    'Created: 2014-03-10',
  ];

  it('types a `<prefix>-NNNN.md` proposal whose indented header states a status as a record', () => {
    expect(typeOf('xyz-0004.md', 'Shared names', ['status'])).toBe('decision');
    expect(typeOf('proposals/bip-0032-wallets.md', 'x', ['status'])).toBe('decision');
  });

  it('reads the indented header’s status and date: a draft since 2014 is a stalled decision', async () => {
    const { on } = await lintDecisionFolder({ 'xyz-0004.md': proposal(header) }, '2015-05-31');
    const found = on('xyz-0004.md');
    expect(rulesOf(found)).toContain('decision-lag');
    expect(rulesOf(found)).not.toContain('decision-status');
  });

  it('keeps an issue, a release or a sprint page with a status untyped, and a prefixed page without one', () => {
    for (const path of ['issue-1234.md', 'release-2024.md', 'notes/sprint-0012.md'])
      expect(typeOf(path, 'x', ['status']), path).toBeUndefined();
    expect(typeOf('xyz-0004.md')).toBeUndefined();
  });

  it('reads no field from a config example further down, nor from a fenced or mixed block at the top', () => {
    const config = ['Status: enabled', 'Created: 2020-01-01'];
    const below = [
      '# Export settings',
      '',
      'The export reads its settings from a file.',
      '',
      ...config.map((line) => `    ${line}`),
      '',
    ].join('\n');
    const fenced = ['Shared names', '============', '', '```', ...config, '```', ''].join('\n');
    const mixed = proposal([
      'Run the export with:',
      'Status: enabled',
      'export --all',
      'Created: 2020-01-01',
    ]);
    for (const markdown of [below, fenced, mixed]) expect(readPage(markdown).fields.status).toBeUndefined();
    expect(readPage(proposal(header)).fields.status).toMatchObject({
      value: 'Draft',
      position: { start: { line: 6 } },
    });
  });
});

/** An RFC as a folder's process writes it: its state in its file name, its sections its own. */
const rfc = (...sections: string[]) =>
  [
    '# Indexed assignment',
    '',
    ...sections.flatMap((heading) => [`## ${heading}`, '', `What the ${heading.toLowerCase()} says.`, '']),
  ].join('\n');

describe('judgement fixtures: the nineteenth round, a status in the file name', () => {
  it('reads `-draft`, `-accepted`, `-final` and `-rejected` at the end of a numbered record’s name as its status', () => {
    const states: Record<string, string> = {
      'rfc/rfc12-indexed-assignment-draft.md': 'Draft',
      'rfc/rfc13-loops-accepted.md': 'Accepted',
      'rfc/rfc14-traits-final.md': 'Final',
      'rfc/0015-macros-rejected.md': 'Rejected',
    };
    for (const [path, state] of Object.entries(states))
      expect(readPage(rfc('Overview', 'Solution'), path).fields.status?.value, path).toBe(state);
  });

  it('judges no missing status on an RFC whose name says draft', async () => {
    const { on } = await lintDecisionFolder(
      { 'rfc/rfc12-indexed-assignment-draft.md': rfc('Overview', 'Solution') },
      NOW,
    );
    expect(rulesOf(on('rfc/rfc12-indexed-assignment-draft.md'))).not.toContain('decision-status');
  });

  it('lets the status the page writes win, types no page by its name, and still judges a record with neither', async () => {
    const written = ['# 3. Use Kafka', '', 'Status: Accepted', ''].join('\n');
    expect(readPage(written, 'adr/0003-use-kafka-draft.md').fields.status?.value).toBe('Accepted');
    expect(readPage('# Setup\n\nInstall it.\n', 'guides/01-setup-final.md').type).toBeUndefined();
    expect(readPage('# Report\n\nDone.\n', 'notes/report-final.md').fields.status).toBeUndefined();
    const { on } = await lintDecisionFolder({ 'adr/0003-use-kafka.md': withHeader('Date: 2026-05-02') }, NOW);
    expect(rulesOf(on('adr/0003-use-kafka.md'))).toContain('decision-status');
  });
});

describe('judgement fixtures: the nineteenth round, an RFC of Overview, Solution, UX and Tests', () => {
  const sectionsOf = (found: (readonly unknown[])[]) =>
    found.filter(([rule]) => rule === 'decision-sections').map(([, message]) => message);

  it('asks no Context or Consequences of an RFC that opens with an Overview and proposes a Solution', async () => {
    const path = 'rfc/rfc12-indexed-assignment-draft.md';
    const { on } = await lintDecisionFolder(
      { [path]: rfc('Overview', 'Solution', 'UX', 'Insights', 'Tests') },
      NOW,
    );
    expect(sectionsOf(on(path))).toEqual([]);
  });

  it('takes an Overview or a Summary for the context of a record of no family', async () => {
    const path = 'adr/0004-cache.md';
    const { on } = await lintDecisionFolder(
      {
        [path]: ['# 4. Cache', '', 'Status: Accepted', '', rfc('Overview', 'Decision', 'Consequences')].join(
          '\n',
        ),
      },
      NOW,
    );
    expect(sectionsOf(on(path))).toEqual([]);
  });

  it('still asks the context and consequences of a record with a decision alone', async () => {
    const path = 'adr/0005-cache.md';
    const { on } = await lintDecisionFolder(
      { [path]: ['# 5. Cache', '', 'Status: Accepted', '', rfc('Notes', 'Decision')].join('\n') },
      NOW,
    );
    const messages = sectionsOf(on(path)).join('\n');
    expect(messages).toContain('"Context"');
    expect(messages).toContain('"Consequences"');
  });
});

describe('judgement fixtures: the nineteenth round, a reason as what the choice keeps', () => {
  /** A record choosing a datastore: its Options and Decision as given, a short Context with no reason in it. */
  const datastore = (options: string[], decision: string) =>
    [
      '# 3. The datastore',
      '',
      'Status: Accepted',
      '',
      '## Context',
      '',
      'The service stores orders and their changes.',
      '',
      '## Options considered',
      '',
      ...options,
      '',
      '## Decision',
      '',
      decision,
      '',
      '## Consequences',
      '',
      'One database to back up.',
      '',
    ].join('\n');
  const plain = ['1. **MySQL**: known to the team.', '2. **PostgreSQL**: JSON columns and partitions.'];
  const rationale = async (markdown: string) => {
    const path = 'adr/0003-datastore.md';
    const { on } = await lintDecisionFolder({ [path]: markdown }, NOW);
    return rulesOf(on(path)).filter((rule) => rule === 'decision-rationale');
  };

  it('takes “covers … without giving up …” and “covers the … requirement” after the choice for its reason', async () => {
    const decision =
      'PostgreSQL (option 2). JSON columns cover the loose payloads without giving up joins; partitions cover the retention requirement.';
    expect(await rationale(datastore(plain, decision))).toEqual([]);
    expect(
      await rationale(datastore(plain, 'PostgreSQL. Partitions cover the retention requirement.')),
    ).toEqual([]);
  });

  it('does not take an option weighed with a “but” for the Decision’s reason (the catch is the option’s, not the why)', async () => {
    const weighed = [
      '1. **MySQL**: known to the team, but its JSON support is thin.',
      '2. **PostgreSQL**: JSON columns and partitions.',
    ];
    expect(await rationale(datastore(weighed, 'PostgreSQL (option 2).'))).toEqual(['decision-rationale']);
  });

  it('still finds no reason in a choice with its scope alone, options weighed without a catch or “but also”', async () => {
    const also = ['1. **MySQL**: known, but also fast.', '2. **PostgreSQL**: JSON columns.'];
    expect(await rationale(datastore(plain, 'PostgreSQL. This covers the order services.'))).toEqual([
      'decision-rationale',
    ]);
    expect(await rationale(datastore(also, 'PostgreSQL (option 2).'))).toEqual(['decision-rationale']);
  });
});

describe('judgement fixtures: the nineteenth round, a PEP-style proposal’s byline and sections', () => {
  const header = [
    'XYZ Proposal No. 2',
    'Title: Shared names',
    'Status: Draft',
    'Type: Standards Track',
    'Created: 2014-03-10',
  ];
  const spec = (byline: string, ...headings: string[]) =>
    [
      proposal(header, byline).replace(/## Motivation\n\nNames collide.\n/, ''),
      ...headings.flatMap((heading) => [`## ${heading}`, '', `What the ${heading.toLowerCase()} says.`, '']),
    ].join('\n');

  it('reads the byline sentence as the author, and asks a specification’s own sections of none', async () => {
    const path = 'xyz-0002.md';
    const markdown = spec(
      'This document was authored by Ana Ruiz.',
      'Introduction',
      'Item types',
      'Changelog',
    );
    expect(readPage(markdown, path).fields.author?.value).toBe('Ana Ruiz');
    const { on } = await lintDecisionFolder({ [path]: markdown }, '2014-03-12');
    expect(rulesOf(on(path))).toEqual([]);
  });

  it('still asks an owner of a proposal with no byline, and an opening of one with none', async () => {
    const path = 'xyz-0002.md';
    const markdown = spec('This document describes shared names.', 'Item types', 'Changelog');
    const { on } = await lintDecisionFolder({ [path]: markdown }, '2014-03-12');
    expect(rulesOf(on(path))).toEqual(expect.arrayContaining(['decision-owner', 'decision-sections']));
  });
});
