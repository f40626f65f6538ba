import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';
import { lintDecisionFolder, rulesOf } from './decision-folder.js';
import { readPage } from './page-type.js';

/**
 * Decision folders as the twenty-first round's labeller met them, written for the test (the pages themselves
 * are other people's text): an unnumbered enhancement proposal titled by its issue, a folder's index named
 * `index_<folder>.md`, MADR's stock record under a timestamp, and an RFC repository's root template.
 */

const NOW = '2026-12-01';

/** Every finding of a run on `root` as [file, rule] pairs. */
async function lint(root: string): Promise<[string | undefined, string][]> {
  const result = await run(defaultConfig(root), { now: new Date(NOW) });
  return result.findings.map((f) => [f.page.file, f.ruleId]);
}

const on = (found: [string | undefined, string][], file: string) =>
  found.filter(([f]) => f === file).map(([, rule]) => rule);

/** An enhancement proposal titled `title`, its state in a bullet header, no date. */
const proposal = (title: string) =>
  [
    `# ${title}`,
    '',
    '- Issue: https://example.com/acme/router/issues/812',
    '- Status: Implementable',
    '',
    '## Summary',
    '',
    'Let operators set the router defaults once, for every route.',
    '',
    '## Goals',
    '',
    'One place for the defaults.',
    '',
    '## Alternatives',
    '',
    'A flag per route, which nobody keeps in step.',
    '',
  ].join('\n');

const processPage = [
  '# Enhancement proposals',
  '',
  'A proposal moves through these states: Provisional, Implementable, Completed, Deferred, Rejected.',
  '',
  'Copy the template and open a pull request.',
  '',
].join('\n');

describe('judgement fixtures: round 21, an unnumbered enhancement proposal in proposals/', () => {
  it.each(['Enhancement Proposal-812: Router defaults', 'EP-812: Router defaults'])(
    'types "%s" a decision',
    (title) => {
      expect(readPage(proposal(title), 'docs/proposals/router-defaults.md').type).toBe('decision');
    },
  );

  it('keeps the process page untyped, the README an index and the template a template', () => {
    expect(readPage(processPage, 'docs/proposals/process.md').type).toBeUndefined();
    expect(readPage(processPage, 'docs/proposals/README.md').type).toBe('index');
    const template = proposal('EP-<issue number>: <title>').replace(
      'Implementable',
      'Provisional | Implementable',
    );
    expect(readPage(template, 'docs/proposals/template.md').type).toBe('template');
  });

  it('asks the proposal a decision’s fields, not a page’s owner', async () => {
    const root = tempTree({
      'docs/proposals/README.md': `${processPage}\n- [Router defaults](router-defaults.md)\n`,
      'docs/proposals/router-defaults.md': proposal('Enhancement Proposal-812: Router defaults'),
    });
    const found = on(await lint(root), 'docs/proposals/router-defaults.md');
    expect(found).not.toContain('page-owner');
    expect(found).toContain('decision-date');
  });
});

/** A folder's index: a table of its records with their states, and how to add one; no state of its own. */
const adrIndex = [
  '# Decisiones de arquitectura',
  '',
  '| ADR | Título | Estado | Fecha |',
  '| --- | --- | --- | --- |',
  '| [0002](0002-reportes.md) | Reportes externos | Aceptado | 2025-10-01 |',
  '| [0003](0003-correos.md) | Envío de correos | Propuesto | 2025-10-13 |',
  '',
  '## Cómo crear un ADR',
  '',
  'Copia la plantilla y numera el archivo.',
  '',
  '## Estados',
  '',
  '- Propuesto',
  '- Aceptado',
  '',
].join('\n');

/** A record in the folder's bold-field style, with no owner. */
const adr = (title: string, state: string) =>
  [
    `# ${title}`,
    '',
    `**Estado:** ${state}`,
    '',
    '**Fecha:** 2025-10-13',
    '',
    '## Contexto',
    '',
    'Los reportes tardan una hora.',
    '',
    '## Decisión',
    '',
    'Usamos una plataforma externa, porque ya la conocemos.',
    '',
    '## Consecuencias',
    '',
    'Un servicio más que pagar.',
    '',
  ].join('\n');

describe('judgement fixtures: round 21, a folder index named index_<folder>.md', () => {
  const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);

  it.each(['docs/adrs/index_adrs.md', 'docs/runbooks/index_runbooks.md', 'docs/adrs/adrs_index.md'])(
    'types %s an index',
    (path) => {
      expect(readPage(adrIndex, path).type).toBe('index');
    },
  );

  it('types it an index in a run on the folder itself too', () => {
    expect(classify({ path: 'index_adrs.md', rootFolder: 'adrs', title: 'x', labels: [] })).toBe('index');
  });

  it('keeps a numbered record about an index a decision, and a page named for another folder untyped', () => {
    expect(
      readPage(adr('0002. Estrategia de índices', 'Aceptado'), 'docs/adrs/0002-index-strategy.md').type,
    ).toBe('decision');
    expect(
      readPage('# Search index\n\nHow we rebuild it.\n', 'docs/guides/index_search.md').type,
    ).toBeUndefined();
    expect(classify({ path: 'index_search.md', rootFolder: 'adrs', title: 'x', labels: [] })).not.toBe(
      'index',
    );
  });

  it('reports the same findings on the records from the root and from the folder, none on the index', async () => {
    const root = tempTree({
      'docs/README.md': '# Docs\n\n- [ADRs](adrs/index_adrs.md)\n',
      'docs/adrs/index_adrs.md': adrIndex,
      'docs/adrs/0002-reportes.md': adr('0002. Reportes externos', 'Aceptado'),
      'docs/adrs/0003-correos.md': adr('0003. Envío de correos', 'Propuesto'),
    });
    const fromRoot = await lint(root);
    const fromFolder = await lint(join(root, 'docs/adrs'));
    expect(on(fromRoot, 'docs/adrs/index_adrs.md')).toEqual([]);
    expect(on(fromFolder, 'index_adrs.md')).toEqual([]);
    const decisionRules = (found: string[]) => found.filter((rule) => rule.startsWith('decision-')).sort();
    for (const record of ['0002-reportes.md', '0003-correos.md']) {
      const both = decisionRules(on(fromFolder, record));
      expect(decisionRules(on(fromRoot, `docs/adrs/${record}`))).toEqual(both);
      // Two records that name no owner, judged on their own: the index no longer makes a third that omits it.
      expect(both).toContain('decision-owner');
    }
  });
});

/** A MADR record with no date, deciders or status, as MADR ships its first record. */
const madrRecord = (title: string) =>
  [
    `# ${title}`,
    '',
    '## Context and Problem Statement',
    '',
    'We want one format for the records of this project. Which one?',
    '',
    '## Considered Options',
    '',
    '* MADR',
    '* No format',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "MADR", because it lists the options weighed.',
    '',
  ].join('\n');

describe("judgement fixtures: round 21, MADR's stock record under a timestamp", () => {
  it.each([
    '20240516132303-use-markdown-any-decision-records.md',
    '0003-use-markdown-architectural-decision-records.md',
  ])('asks %s no date, owner or status', async (file) => {
    const { on: rules } = await lintDecisionFolder(
      { [file]: madrRecord('Use Markdown Any Decision Records') },
      NOW,
    );
    expect(rulesOf(rules(file))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^decision-(?:date|owner|status)$/)]),
    );
  });

  it('still asks a timestamped record of the team its date, owner and status', async () => {
    const file = '20240603162604-use-a-mock-server.md';
    const { on: rules } = await lintDecisionFolder({ [file]: madrRecord('Use a mock server') }, NOW);
    expect(rulesOf(rules(file))).toEqual(
      expect.arrayContaining(['decision-date', 'decision-owner', 'decision-status']),
    );
  });
});

/** An RFC with a status and no date or author, as the repository's template has none. */
const rfc = [
  '# RFC 4: Queue the exports',
  '',
  '## Summary',
  '',
  'Run the export in a queue.',
  '',
  '## Motivation',
  '',
  'The export blocks the other jobs.',
  '',
  '## Status',
  '',
  'Accepted',
  '',
].join('\n');

/** The repository's template: its sections, and `header` under the title. */
const rfcTemplate = (...header: string[]) =>
  [
    '# RFC N: Brief title',
    '',
    ...header,
    '',
    '## Summary',
    '',
    'One paragraph.',
    '',
    '## Motivation',
    '',
    'Why are we doing this?',
    '',
    '## Status',
    '',
    '[Proposed | Accepted | Superseded]',
    '',
  ].join('\n');

describe("judgement fixtures: round 21, an RFC repository's root template and its text/ folder", () => {
  const repository = (template: string, folder: string) =>
    tempTree({
      'README.md': `# RFCs\n\n- [Queue the exports](${folder}/0004-queue-exports.md)\n`,
      '0000-template.md': template,
      [`${folder}/0004-queue-exports.md`]: rfc,
    });

  it('asks a record in text/ no date or owner when the root template has neither', async () => {
    const found = on(await lint(repository(rfcTemplate(), 'text')), 'text/0004-queue-exports.md');
    expect(found).not.toContain('decision-date');
    expect(found).not.toContain('decision-owner');
  });

  it('still asks them when the root template has the fields', async () => {
    const template = rfcTemplate('- Date: YYYY-MM-DD', '- Author: your name');
    const found = on(await lint(repository(template, 'text')), 'text/0004-queue-exports.md');
    expect(found).toEqual(expect.arrayContaining(['decision-date', 'decision-owner']));
  });

  it('does not hand the root template to a folder of another name', async () => {
    const found = on(await lint(repository(rfcTemplate(), 'rfcs')), 'rfcs/0004-queue-exports.md');
    expect(found).toEqual(expect.arrayContaining(['decision-date', 'decision-owner']));
  });
});
