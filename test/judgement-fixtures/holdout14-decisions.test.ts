import { describe, expect, it } from 'vitest';
import { STATE_LABEL, THEN_DATE } from '../../src/normalize/lead-line.js';
import { RUN_IN_STOP } from '../../src/rules/checks/find-section.js';
import { SLOT, WRAPPED } from '../../src/rules/checks/sections.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { lintDecisionFolder, nygardRecord } from './decision-folder.js';

/**
 * Decision records as the fourteenth out-of-sample round met them, written for the test (the pages
 * themselves are other people's text): the state and date on one bold line under the title, records
 * whose sections are run-in bold labels, Known issues and accepted Risks as consequences, proposals that
 * recommend, a reason wrapped across two lines or given in Portuguese, and a MADR 2 folder whose unfilled
 * copy of the template kept its `<!-- optional -->` marks and `{…}` slots.
 */

const NOW = '2026-12-01';

useRecheck();

const rulesOn = (found: (readonly unknown[])[]) => found.map(([rule]) => rule);

/** A record whose line under the title is `lead`, its sections as run-in bold labels or headings. */
const record = (lead: string, sections = 'headings') =>
  [
    '# ADR-0002. Comunicação síncrona entre os serviços',
    '',
    lead,
    '',
    'Owner: Ana Ruiz',
    '',
    ...(sections === 'run-in'
      ? [
          '**Contexto.** O painel e a API precisam de consistência imediata, porque o cliente espera ver o',
          'novo estado na mesma resposta.',
          '',
          '**Decisão.** Toda comunicação entre componentes é HTTP síncrono, porque o domínio é um agregado só.',
          '',
          '**Consequências.** Não há fila para operar; uma falha da API é vista na hora pelo cliente.',
        ]
      : [
          '## Contexto',
          '',
          'O painel e a API precisam de consistência imediata, porque o cliente espera a resposta.',
          '',
          '## Decisão',
          '',
          'Toda comunicação é HTTP síncrono, porque o domínio é um agregado só.',
          '',
          '## Consequências',
          '',
          'Não há fila para operar.',
        ]),
    '',
  ].join('\n');

describe('judgement fixtures: the fourteenth round, state and date on the line under the title', () => {
  it('reads a bold state, a separator and an ISO date as the status and its date, in any language the rules read', async () => {
    for (const lead of [
      '**Aceita** · 2026-09-02 · Relacionada [RFC-0005](0005.md)',
      '**Accepted** · 2026-09-02 · Related [ADR-0003](0003.md)',
      '**Proposed** | 2026-11-20',
    ]) {
      const { on } = await lintDecisionFolder({ 'adr/0002-http.md': record(lead) }, NOW);
      expect(rulesOn(on('adr/0002-http.md')), lead).toEqual([]);
    }
  });

  it('reads a state the folder lists beyond the English ones: Revogada is Revoked', async () => {
    const { on } = await lintDecisionFolder({ 'adr/0002-http.md': record('**Revogada** · 2026-09-02') }, NOW);
    expect(on('adr/0002-http.md')).toEqual([]);
  });

  it('reads no bold word that is no state, no date that is no calendar day, and no line further down', async () => {
    const cases = [
      '**Importante** · 2026-09-02 · Relacionada [RFC-0005](0005.md)',
      '**Aceita** · 2026-02-30',
      '**Aceita** · sem data',
      'Escrita pela equipe.\n\n**Aceita** · 2026-09-02',
    ];
    for (const lead of cases) {
      const { on } = await lintDecisionFolder({ 'adr/0002-http.md': record(lead) }, NOW);
      const rules = rulesOn(on('adr/0002-http.md'));
      expect(rules, lead).toContain('decision-date');
      if (lead !== '**Aceita** · 2026-02-30' && lead !== '**Aceita** · sem data')
        expect(rules, lead).toContain('decision-status');
    }
  });

  it('lets decision-lag read the state and its date', async () => {
    const { on } = await lintDecisionFolder({ 'adr/0002-http.md': record('**Proposta** · 2026-09-02') }, NOW);
    expect(rulesOn(on('adr/0002-http.md'))).toEqual(['decision-lag']);
  });
});

describe('judgement fixtures: the fourteenth round, sections as run-in bold labels', () => {
  it('reads a record with no headings whose paragraphs open with `**Contexto.**`, `**Decisão.**`, `**Consequências.**`', async () => {
    const { on } = await lintDecisionFolder(
      { 'adr/0001-registrar.md': record('**Aceita** · 2026-09-02', 'run-in') },
      NOW,
    );
    // Nygard-shaped (Context, Decision, Consequences): no Options considered asked either.
    expect(on('adr/0001-registrar.md')).toEqual([]);
  });

  it('reads them beside headings, in English', async () => {
    const page = [
      '# ADR 7: Keep one database',
      '',
      'Status: Accepted',
      'Date: 2026-10-01',
      'Owner: Ana Ruiz',
      '',
      '**Context.** Two services write the same orders table.',
      '',
      '**Decision.** One database, because the orders need one transaction.',
      '',
      '## Consequences',
      '',
      'Schema changes need both teams.',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder({ 'adr/0007-db.md': page }, NOW);
    expect(on('adr/0007-db.md')).toEqual([]);
  });

  it('takes no bold lead-in that names no section, and none inside a section the page heads itself', async () => {
    const page = [
      '# ADR 8: Cache the catalogue',
      '',
      'Status: Accepted',
      'Date: 2026-10-01',
      'Owner: Ana Ruiz',
      '',
      '**Segredo fora do cache.** O catálogo é público.',
      '',
      '## Decision',
      '',
      '**Consequences:** we cache the catalogue for an hour, because it changes weekly.',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder({ 'adr/0008-cache.md': page }, NOW);
    // The bold sentence is no Context, and the `**Consequences:**` under `## Decision` is the Decision's.
    expect(on('adr/0008-cache.md').toSorted()).toEqual([
      ['decision-sections', 'Section "Consequences" is missing (expected in a decision record).'],
      ['decision-sections', 'Section "Context" is missing (expected in a decision record).'],
    ]);
  });

  it('reads run-in labels in decision records only: a bold "Decision:" in minutes is the meeting rules’ to read', async () => {
    const { findings } = await lintDecisionFolder(
      { 'meetings/2026-10-01.md': '# Weekly sync\n\n**Decision:** ship on Friday.\n' },
      NOW,
    );
    expect(findings).toEqual([]);
  });
});

describe('judgement fixtures: the fourteenth round, consequences named otherwise, and proposals', () => {
  it('takes Known issues for the Consequences of a Nygard record', async () => {
    const page = [
      '# 25. Download formats',
      '',
      'Date: 2026-09-19',
      'Owner: Ana Ruiz',
      '',
      '## Status',
      '',
      'Accepted.',
      '',
      '## Context',
      '',
      'Users want to download results, because they analyse them elsewhere.',
      '',
      '## Decision',
      '',
      'Export the table as CSV.',
      '',
      '## Known Issues',
      '',
      'Alignments do not fit a CSV file.',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder({ 'adr/0025-downloads.md': page }, NOW);
    expect(on('adr/0025-downloads.md')).toEqual([]);
  });

  it('takes accepted risks for them, in Portuguese', async () => {
    const page = record('**Aceita** · 2026-09-02').replace('## Consequências', '## Riscos aceitos');
    const { on } = await lintDecisionFolder({ 'adr/0002-http.md': page }, NOW);
    expect(on('adr/0002-http.md')).toEqual([]);
  });

  it('asks a proposal that recommends (Problem, Alternatives, Recommendation) for no Consequences', async () => {
    const rfc = (recommendation: string) =>
      [
        '# RFC-0003. Estratégia de autenticação',
        '',
        '**Problema.** Duas populações de usuário com necessidades opostas.',
        '',
        '## Alternativas',
        '',
        '- Cognito',
        '- JWT próprio',
        '',
        '## Proteção do segredo',
        '',
        recommendation,
        '',
      ].join('\n');
    const recommends = await lintDecisionFolder(
      { 'rfc/0003-auth.md': rfc('**Recomendação.** JWT próprio, porque o custo é zero.') },
      NOW,
    );
    expect(recommends.on('rfc/0003-auth.md').filter(([rule]) => rule === 'decision-sections')).toEqual([]);
    // Without its recommendation it is a decision record again, and asked for what one decides.
    const decides = await lintDecisionFolder({ 'rfc/0003-auth.md': rfc('O segredo fica no cofre.') }, NOW);
    expect(decides.on('rfc/0003-auth.md').filter(([rule]) => rule === 'decision-sections')).toContainEqual([
      'decision-sections',
      'Section "Consequences" is missing (expected in a decision record).',
    ]);
  });
});

/** A Nygard record whose Decision is `decision`, its Context too short to be the reason. */
const nygard = (decision: string) =>
  nygardRecord({
    title: '4. Script tag helpers',
    header: ['Date: 2026-03-01', 'Owner: Ana Ruiz'],
    context: 'The header breaks the forms.',
    decision,
    consequences: 'Scripts need a nonce.',
  });

describe('judgement fixtures: the fourteenth round, reasons', () => {
  it('reads a reason the editor wrapped across two lines ("results\\nin")', async () => {
    const wrapped = nygard('Using the built-in controls for scripts results\nin a secure system that works.');
    const { on } = await lintDecisionFolder({ 'adr/0004-csp.md': wrapped }, NOW);
    expect(on('adr/0004-csp.md')).toEqual([]);
  });

  it('reads Portuguese "Assim …", "portanto", "por isso", not "Assim que" (as soon as)', async () => {
    for (const [decision, reason] of [
      ['Adotar slog.\n\nAssim o identificador do gateway é o mesmo da aplicação.', true],
      ['Adotar slog, portanto um só formato de log.', true],
      ['Adotar slog; por isso o formato é um só.', true],
      ['Adotar slog.\n\nAssim que o deploy terminar, trocamos o handler.', false],
    ] as const) {
      const { on } = await lintDecisionFolder({ 'adr/0011-logs.md': nygard(decision) }, NOW);
      expect(rulesOn(on('adr/0011-logs.md')), decision).toEqual(reason ? [] : ['decision-rationale']);
    }
  });
});

/** MADR 2's template as a team copied it unfilled into a numbered record (simplified). */
const UNFILLED_MADR2 = [
  '# {short title of solved problem and solution}',
  '',
  '* Status: {proposed | rejected | accepted | deprecated} <!-- optional -->',
  '* Deciders: {list everyone involved in the decision} <!-- optional -->',
  '* Date: {YYYY-MM-DD when the decision was last updated} <!-- optional -->',
  '',
  '## Context and Problem Statement',
  '',
  '{Describe the context and problem statement, e.g., in free form using two to three sentences.}',
  '',
  '## Considered Options',
  '',
  '* {option 1}',
  '* {option 2}',
  '* … <!-- numbers of options can vary -->',
  '',
  '## Decision Outcome',
  '',
  'Chosen option: "{option 1}", because {justification. e.g., only option, which resolves force {force} | comes out best}.',
  '',
  '## Pros and Cons of the Options <!-- optional -->',
  '',
  '* Good, because {argument a}',
  '* Bad, because {argument c}',
  '* … <!-- numbers of pros and cons can vary -->',
  '',
].join('\n');

/** MADR 2's own first record, which writes none of the optional fields. */
const MADR2_SAMPLE = [
  '# Use Markdown Architectural Decision Records',
  '',
  '## Context and Problem Statement',
  '',
  'We want to record architectural decisions made in this project.',
  '',
  '## Considered Options',
  '',
  '* MADR 2.1.2',
  '* Formless',
  '',
  '## Decision Outcome',
  '',
  'Chosen option: "MADR 2.1.2", because the format is lean and fits our development style.',
  '',
].join('\n');

describe('judgement fixtures: the fourteenth round, a MADR 2 folder with an unfilled copy', () => {
  it('asks the sample record no field the kept template marks optional, and reads the copy’s slots as unfilled', async () => {
    const { on } = await lintDecisionFolder(
      {
        'decisions/0000-use-markdown-adrs.md': MADR2_SAMPLE,
        'decisions/0001-threat-model.md': UNFILLED_MADR2,
      },
      NOW,
    );
    expect(on('decisions/0000-use-markdown-adrs.md')).toEqual([]);
    const copy = on('decisions/0001-threat-model.md');
    expect(copy).toContainEqual([
      'decision-owner',
      'Decision record owner does not name a person (found: {list everyone involved in the decision}).',
    ]);
    expect(copy).toContainEqual([
      'decision-rationale',
      'The Decision section does not state a reason for the choice.',
    ]);
  });

  it('still asks the owner when no record marks the field optional', async () => {
    const unmarked = UNFILLED_MADR2.replaceAll(' <!-- optional -->', '');
    const { on } = await lintDecisionFolder(
      { 'decisions/0000-use-markdown-adrs.md': MADR2_SAMPLE, 'decisions/0001-threat-model.md': unmarked },
      NOW,
    );
    expect(rulesOn(on('decisions/0000-use-markdown-adrs.md'))).toContain('decision-owner');
  });

  it('lets such marks excuse only the fields they mark: a lone record missing its date is still asked it', async () => {
    const page =
      '# Use Vitest\n\n* Status: accepted\n* Deciders: Ana Ruiz <!-- optional -->\n\n## Context and Problem Statement\n\nJest is slow.\n\n## Considered Options\n\n* Vitest\n* Jest\n\n## Decision Outcome\n\nChosen option: "Vitest", because it runs ESM natively.\n';
    const { on } = await lintDecisionFolder({ 'decisions/0002-vitest.md': page }, NOW);
    expect(on('decisions/0002-vitest.md')).toEqual([
      ['decision-date', 'Decision record date is missing (found: none).'],
    ]);
  });

  it('keeps a reason beside a one-word brace, which may be code (`{tenant}`)', async () => {
    const { on } = await lintDecisionFolder(
      { 'adr/0004-csp.md': nygard('Prefix keys with `{tenant}` because tenants share one cache.') },
      NOW,
    );
    expect(on('adr/0004-csp.md')).toEqual([]);
  });
});

describe('the fourteenth round’s patterns, checked as redos-patterns.test.ts checks them', () => {
  it('the lead line’s state and date, the run-in label’s stop, a wrapped line and a template slot: safe', () => {
    for (const pattern of [STATE_LABEL, THEN_DATE, RUN_IN_STOP, WRAPPED, SLOT])
      expect(verdict(pattern)).toBe('safe');
  }, 120_000);

  it('the Portuguese reasons added to decision-rationale (their look-behind aside, which recheck cannot judge): safe', () => {
    expect(verdict(/\b(?:portanto|por isso)\b/imu)).toBe('safe');
    expect(verdict(/assim(?!,?\s{1,4}(?:que|como)\b)\b/imu)).toBe('safe');
  }, 60_000);
});
