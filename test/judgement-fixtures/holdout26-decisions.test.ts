import { describe, expect, it } from 'vitest';
import { lintDecisionFolder, nygardRecord, rulesOf } from './decision-folder.js';

// The twenty-sixth round's decision folders (synthetic pages of their shapes): a German folder whose template
// lists its two states, a Spanish folder whose README template has no status while one record adds one, a
// foundation's template with no date, and MADR front matter that YAML refuses.

const NOW = '2026-12-07';

/** A German record of the template's shape: `Status: **state**` under the title, then Kontext and Entscheid. */
const german = (title: string, state: string) =>
  `# ${title}\n\nStatus: **${state}**\n\nDatum: 2026-10-01\n\nVerantwortlich: Anna Berg\n\n## Kontext\n\nDie Datenbank ist langsam, weil jede Anfrage alle Zeilen liest.\n\n## Entscheid\n\nWir legen einen Index an, weil er die Anfragen beschleunigt.\n\n## Konsequenzen\n\nDer Index braucht Platz.\n`;

const statusOf = async (pages: Record<string, string>, file: string) =>
  (await lintDecisionFolder(pages, NOW)).on(file).filter(([rule]) => rule === 'decision-status');

describe('holdout26: a folder whose template lists its own states', () => {
  /** A template with `Status: **a** / **b**` and records in those states, in a language the rule does not read. */
  const folder = (template: string | undefined, state: string) => ({
    ...(template === undefined ? {} : { 'adr/template.md': template }),
    'adr/001_index.md': german('1. Index anlegen', 'Javasolt'),
    'adr/002_cache.md': german('2. Cache einführen', state),
    'adr/003_queue.md': german('3. Queue nutzen', 'Elfogadva'),
  });
  const TEMPLATE = german('[Titel]', 'Javasolt** / **Elfogadva');

  it('takes a state the template lists as the folder’s own, as written in each record', async () => {
    const pages = folder(TEMPLATE, 'Elfogadva');
    for (const file of ['adr/001_index.md', 'adr/002_cache.md', 'adr/003_queue.md'])
      expect(await statusOf(pages, file)).toEqual([]);
  }, 60_000);

  it('still reports a state the template does not list, and every such state without the template', async () => {
    expect(rulesOf(await statusOf(folder(TEMPLATE, 'Geparkt'), 'adr/002_cache.md'))).toEqual([
      'decision-status',
    ]);
    expect(rulesOf(await statusOf(folder(undefined, 'Elfogadva'), 'adr/003_queue.md'))).toEqual([
      'decision-status',
    ]);
  }, 60_000);

  it('lets no value pass by a template whose status is one slot', async () => {
    const pages = folder(german('[Titel]', 'TBD'), 'TBD');
    expect(rulesOf(await statusOf(pages, 'adr/002_cache.md'))).toEqual(['decision-status']);
  }, 60_000);
});

describe('holdout26: German lifecycle nouns', () => {
  it('reads "Vorschlag" as proposed, "Abgeschlossen" and "Entscheid" as decided, not "Geparkt"', async () => {
    const pages = {
      'adr/001_a.md': german('1. A', 'Vorschlag'),
      'adr/002_b.md': german('2. B', 'Abgeschlossen'),
      'adr/003_c.md': german('3. C', 'Entscheid'),
      'adr/004_d.md': german('4. D', 'Geparkt'),
    };
    const { findings } = await lintDecisionFolder(pages, NOW);
    const status = findings.filter((f) => f.ruleId === 'decision-status').map((f) => f.page.file);
    expect(status).toEqual(['adr/004_d.md']);
  }, 60_000);

  it('asks a decision of a record left "Vorschlag" for four years', async () => {
    const old = german('1. A', 'Vorschlag').replace('Datum: 2026-10-01', 'Datum: 2022-02-18');
    const { on } = await lintDecisionFolder({ 'adr/001_a.md': old }, NOW);
    expect(rulesOf(on('adr/001_a.md'))).toContain('decision-lag');
  }, 60_000);
});

describe('holdout26: a field the folder template leaves out, which one record adds', () => {
  /** Six Spanish records from a template of Contexto, Decisión, Consecuencias; the fifth adds `## Estado`. */
  const spanish = (title: string, estado: boolean) =>
    `# ${title}\n\nFecha: 2026-03-01\n\nResponsable: Lucía Díaz\n\n${estado ? '## Estado\n\n**Aceptado**\n\n' : ''}## Contexto\n\nLa app tarda en cargar porque descarga el modelo entero.\n\n## Decisión\n\nDescargamos el modelo por partes, porque así la app responde antes.\n\n## Consecuencias\n\nMás código de descarga.\n`;
  const records = (templateHasStatus: boolean) => ({
    'docs/adr/template.md': `# [Título]\n\nFecha: [AAAA-MM-DD]\n\nResponsable: [nombre]\n\n${templateHasStatus ? '## Estado\n\n[Propuesto | Aceptado]\n\n' : ''}## Contexto\n\n[...]\n\n## Decisión\n\n[...]\n\n## Consecuencias\n\n[...]\n`,
    ...Object.fromEntries(
      [1, 2, 3, 4, 5, 6].map((n) => [
        `docs/adr/000${n}-registro.md`,
        spanish(`${n}. Registro ${n}`, n === 5),
      ]),
    ),
  });

  it('asks no status of the records the template gives none, though one record of six writes one', async () => {
    const { findings } = await lintDecisionFolder(records(false), NOW);
    expect(findings.filter((f) => f.ruleId === 'decision-status')).toEqual([]);
  }, 60_000);

  it('still asks it of the five when the template has the status section', async () => {
    const { findings } = await lintDecisionFolder(records(true), NOW);
    expect(findings.filter((f) => f.ruleId === 'decision-status').map((f) => f.page.file)).toHaveLength(5);
  }, 60_000);

  it('still asks a date the template leaves out once most of the records write it', async () => {
    const pages = {
      'adr/0000-template.md': nygardRecord({
        title: 'NNNN. [Title]',
        status: '[Proposed]',
        context: '[...]',
        decision: '[...]',
        consequences: '[...]',
      }),
      ...Object.fromEntries(
        [1, 2, 3, 4].map((n) => [
          `adr/000${n}-x.md`,
          nygardRecord({
            title: `${n}. Record ${n}`,
            header: n === 4 ? ['Deciders: Ann Berg'] : [`Date: 2026-0${n}-01`, 'Deciders: Ann Berg'],
            context: 'Builds are slow because every job starts cold.',
            decision: 'We cache the dependencies, because a warm cache halves the build.',
            consequences: 'The cache needs a key.',
          }),
        ]),
      ),
    };
    const { findings } = await lintDecisionFolder(pages, NOW);
    expect(findings.filter((f) => f.ruleId === 'decision-date').map((f) => f.page.file)).toEqual([
      'adr/0004-x.md',
    ]);
  }, 60_000);
});

describe('holdout26: a person in a flow sequence of front matter YAML refuses', () => {
  /** MADR front matter whose `consulted:` line breaks the YAML (a ` #` starts a comment inside the brackets). */
  const madr = (makers: string) =>
    `---\nstatus: accepted\ndate: 2026-05-02\ndecision-makers: ${makers}\nconsulted: [Karl (author of PR #2389)]\n---\n\n# Stay on libpq\n\n## Context and Problem Statement\n\nThe driver must support TLS, because the archive runs across sites.\n\n## Decision Outcome\n\nChosen option: "libpq", because it supports TLS today.\n`;

  it('reads the names inside the brackets', async () => {
    const { on } = await lintDecisionFolder({ 'docs/decisions/0006-libpq.md': madr('[Jonas Hagberg]') }, NOW);
    expect(rulesOf(on('docs/decisions/0006-libpq.md'))).not.toContain('decision-owner');
  }, 60_000);

  it('still finds no person in "[TBD]"', async () => {
    const { on } = await lintDecisionFolder({ 'docs/decisions/0006-libpq.md': madr('[TBD]') }, NOW);
    expect(rulesOf(on('docs/decisions/0006-libpq.md'))).toContain('decision-owner');
  }, 60_000);
});
