import { describe, expect, it } from 'vitest';
import { STATUS_DATE } from '../../src/normalize/field-dates.js';
import { SECOND_COLON, withoutComments } from '../../src/normalize/field-lists.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * Decision records as the eleventh out-of-sample round met them, written for the test (the pages
 * themselves are other people's text): fields written as a nested list under their key (a MADR-derived
 * template that marks its keys `<!-- required -->`), Norwegian, Danish and Swedish status words, an
 * owner key with a doubled colon, and a folder's own decision-brief template.
 */

const NOW = '2026-12-01';

const rulesOn = (found: (readonly unknown[])[]) => found.map(([rule]) => rule);

/** A MADR-like record whose header list nests the deciders and the dates under their keys. */
const nested = (status: string, deciders: string[], dates: string[]) =>
  [
    '# Move the catalogue off the old store',
    '',
    `* Status: ${status}`,
    '* Decider(s): <!-- required -->',
    ...deciders,
    '* Date(s): <!-- required -->',
    ...dates,
    '',
    '## Context and Problem Statement <!-- required -->',
    '',
    'The old store is out of support, so we must move the catalogue.',
    '',
    '## Considered Options <!-- required -->',
    '',
    '* Move to a database',
    '* Do nothing',
    '',
    '## Decision Outcome <!-- required -->',
    '',
    'Chosen option: "Move to a database", because it is supported.',
    '',
  ].join('\n');

describe('judgement fixtures: the eleventh round, fields written as a nested list under their key', () => {
  it('reads the deciders and the dates nested under `Decider(s): <!-- required -->` and `Date(s):`', async () => {
    const record = nested(
      'accepted',
      ['  * Ana Ruiz', '  * Platform Team', '    * Ben Okafor', '    * Chen Li'],
      ['  * drafted: 2026-10-01', '  * Accepted: 2026-11-02'],
    );
    const { on } = await lintDecisionFolder({ 'adrs/0001-move-catalogue.md': record }, NOW);
    expect(on('adrs/0001-move-catalogue.md')).toEqual([]);
  });

  it('reads a date under the template’s own `Status (from above):` key and with `-` bullets', async () => {
    const record = nested('accepted', ['  - Ana Ruiz'], ['  * Status (from above): 2026-11-20']).replace(
      /^\* /gm,
      '- ',
    );
    const { on } = await lintDecisionFolder({ 'adrs/0002-move-catalogue.md': record }, NOW);
    expect(on('adrs/0002-move-catalogue.md')).toEqual([]);
  });

  it('flags a draft open for years once its nested `drafted:` date is read', async () => {
    const record = nested('drafted', ['  * Ana Ruiz'], ['  * drafted: 2019-10-29']);
    const { on } = await lintDecisionFolder({ 'adrs/0003-move-catalogue.md': record }, NOW);
    expect(on('adrs/0003-move-catalogue.md')).toEqual([
      ['decision-lag', 'Decision has been Drafted for more than 14 days, since 2019-10-29.'],
    ]);
  });

  it('never takes the HTML comment for the value, and still judges the template’s own placeholder items', async () => {
    const empty = nested('accepted', [], ['  * Accepted: 2026-11-02']);
    const placeholder = nested(
      'accepted',
      ['  * [list everyone involved in the decision]', '  * ...'],
      ['  * Accepted: 2026-11-02'],
    );
    const { on } = await lintDecisionFolder(
      { 'adrs/0004-empty.md': empty, 'adrs/0005-placeholder.md': placeholder },
      NOW,
    );
    expect(on('adrs/0004-empty.md')).toEqual([
      ['decision-owner', 'Decision record owner is missing (found: none).'],
    ]);
    expect(on('adrs/0005-placeholder.md')).toEqual([
      [
        'decision-owner',
        'Decision record owner does not name a person (found: [list everyone involved in the decision], ...).',
      ],
    ]);
  });

  it('reads owners under `* **Owners:**:` (a doubled colon) on the lines below', async () => {
    const record = [
      '# 2026-06: Handbook',
      '',
      '* **Owners:**:',
      '  * [`@ana`](https://example.com/ana)',
      '',
      '## Status',
      '',
      'Accepted',
      '',
      '## Context',
      '',
      'Docs are spread out, because each team keeps its own.',
      '',
      '## Decision',
      '',
      'One handbook, because one place is easier to search.',
      '',
      '## Consequences',
      '',
      'One repository.',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder({ 'adr/0001-handbook.md': record }, NOW);
    expect(rulesOn(on('adr/0001-handbook.md'))).not.toContain('decision-owner');
    // Titled by a second-level heading, `* **Owners:**` over the names: a metadata key below it still reads.
    const second = record.replace('# 2026-06: Handbook\n\n* **Owners:**:', '## Operator\n\n* **Owners:**');
    const titled = await lintDecisionFolder({ 'adr/0002-operator.md': second }, NOW);
    expect(rulesOn(titled.on('adr/0002-operator.md'))).not.toContain('decision-owner');
  });
});

describe('judgement fixtures: the eleventh round, Norwegian, Danish and Swedish status words', () => {
  const checklist = (ticked: string) =>
    [
      '# 0002 - Pakkeversjonering',
      '',
      '## Status',
      '',
      ...['Foreslått', 'Akseptert', 'Avvist', 'Erstattet'].map(
        (word) => `- [${word === ticked ? 'x' : ' '}] ${word} (dato: 2026-06-02)`,
      ),
      '',
      '## Deltakere',
      '',
      '- Forfatter: Kari Nordmann',
      '',
      '## Kontekst',
      '',
      'Tre pakker skal versjoneres.',
      '',
      '## Beslutning',
      '',
      'Vi bruker Changesets fordi det er enkelt.',
      '',
      '## Konsekvenser',
      '',
      '- Pakker blir versjonert.',
      '',
    ].join('\n');

  it('reads a ticked Norwegian state: Akseptert is decided, Foreslått is open and ages', async () => {
    const lifecycle = async (ticked: string) => {
      const { on } = await lintDecisionFolder({ 'docs/adr/adr-0001-repo.md': checklist(ticked) }, NOW);
      return on('docs/adr/adr-0001-repo.md').filter(
        ([rule]) => rule === 'decision-status' || rule === 'decision-lag',
      );
    };
    expect(await lifecycle('Akseptert')).toEqual([]);
    expect(await lifecycle('Foreslått')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-06-02.'],
    ]);
  });

  it('reads the Danish and Swedish words, and still refuses one it does not know', async () => {
    const record = (status: string) =>
      `# ADR 1: Brug Postgres\n\nStatus: ${status}\nDate: 2026-11-25\nAuthor: Ana Ruiz\n`;
    for (const word of [
      'Foreslået',
      'Accepteret',
      'Afvist',
      'Erstattet',
      'Föreslagen',
      'Accepterad',
      'Avvisad',
      'Ersatt',
    ]) {
      const { on } = await lintDecisionFolder({ 'adr/0001-postgres.md': record(word) }, NOW);
      expect(rulesOn(on('adr/0001-postgres.md')), word).not.toContain('decision-status');
    }
    const { on } = await lintDecisionFolder({ 'adr/0001-postgres.md': record('Parkeret') }, NOW);
    expect(rulesOn(on('adr/0001-postgres.md'))).toContain('decision-status');
  });
});

useRecheck();

describe('judgement fixtures: the eleventh round, the patterns it added', () => {
  it('the status date with its `dato:` label, and the second colon of a bold key: safe (as redos-patterns checks)', () => {
    expect(verdict(STATUS_DATE)).toBe('safe');
    expect(verdict(SECOND_COLON)).toBe('safe');
  }, 120_000);

  it('cuts HTML comments out of a value in one pass, one left open to the end of the line', () => {
    expect(withoutComments('<!-- required -->')).toBe('');
    expect(withoutComments('Ana <!-- lead --> Ruiz')).toBe('Ana  Ruiz');
    expect(withoutComments('Ana <!-- open')).toBe('Ana');
    // 200,000 unclosed openers: one pass (vitest's timeout is the only clock on shared machines).
    expect(withoutComments('<!--'.repeat(200_000))).toBe('');
    expect(withoutComments(`Ana ${'<!-- x -->'.repeat(100_000)}Ruiz`)).toBe('Ana Ruiz');
  }, 60_000);
});

describe("judgement fixtures: the eleventh round, a decision-brief template above the project's folder", () => {
  const template = [
    '## Decision title - [YYYY/MM/DD]',
    '',
    '### Decision to be Made',
    '',
    '> Describe the decision that must be made.',
    '',
    '### Current Status',
    '',
    '> The who, what, when and where of the situation.',
    '',
    '### Options',
    '',
    '> The genuine options, with their benefits and risks.',
    '',
    '### Recommendation',
    '',
    '> The option recommended, and the reasoning for it.',
    '',
    '### Decision',
    '',
    '> The decision the team agreed to.',
    '',
    '### Next Steps',
    '',
    '> What must happen next.',
    '',
  ].join('\n');
  const record = [
    '# Decisions of the rebuild',
    '',
    '## Initial - [2026/07/16]',
    '',
    '### Decision to be Made',
    '',
    'Choose a framework to rebuild the report tool with.',
    '',
    '### Current Status',
    '',
    'The tool runs on an old framework nobody maintains.',
    '',
    '### Options',
    '',
    '1. Start small and grow.',
    '2. Pick a full framework now.',
    '',
    '### Recommendation',
    '',
    'Option 1: it leaves room to change course as the needs become clear.',
    '',
    '### Decision',
    '',
    'Option 1.',
    '',
    '### Next Steps',
    '',
    'Set up the repository.',
    '',
  ].join('\n');

  it('asks a record in a project folder below the template only what the template asks', async () => {
    const { on } = await lintDecisionFolder(
      {
        'docs/decisions/decision.template.md': template,
        'docs/decisions/rebuild/20260716-initial.md': record,
      },
      NOW,
    );
    expect(on('docs/decisions/rebuild/20260716-initial.md')).toEqual([]);
  });

  it('gives no template from a `templates/` folder, or from a folder above that holds records of its own', async () => {
    const fromTemplates = await lintDecisionFolder(
      { 'docs/templates/decision.md': template, 'docs/decisions/20260716-initial.md': record },
      NOW,
    );
    expect(rulesOn(fromTemplates.on('docs/decisions/20260716-initial.md'))).toContain('decision-status');
    const withRecords = await lintDecisionFolder(
      {
        'docs/decisions/decision.template.md': template,
        'docs/decisions/20260101-other.md': record,
        'docs/decisions/rebuild/20260716-initial.md': record,
      },
      NOW,
    );
    expect(rulesOn(withRecords.on('docs/decisions/rebuild/20260716-initial.md'))).toContain(
      'decision-status',
    );
  });
});

describe('judgement fixtures: the eleventh round, reasons stated without a word the rule knew', () => {
  const rationale = async (file: string, record: string) => {
    const { on } = await lintDecisionFolder({ [file]: record }, NOW);
    return rulesOn(on(file)).filter((rule) => rule === 'decision-rationale');
  };
  const spanish = (context: string) =>
    `# ADR-0006: Seguridad básica\n\n- Fecha: 2026-09-07\n- Estado: Aceptada\n- Autor: Ana Ruiz\n\n## Contexto\n\n${context}\n\n## Decisión\n\nAdoptar una línea base de seguridad.\n\n## Consecuencias\n\n- Más configuración.\n`;

  it('takes a Spanish requirement or risks found in the Context as the reason', async () => {
    expect(
      await rationale(
        'docs/adr/ADR-0006-seguridad.md',
        spanish('El proyecto debe cumplir un mínimo de seguridad.'),
      ),
    ).toEqual([]);
    expect(
      await rationale('docs/adr/ADR-0006-seguridad.md', spanish('Se identificaron riesgos de inyección.')),
    ).toEqual([]);
    expect(await rationale('docs/adr/ADR-0006-seguridad.md', spanish('El proyecto usa Next.js.'))).toEqual([
      'decision-rationale',
    ]);
  });

  it('takes a goal stated as "To advance …, we should" as the reason', async () => {
    const madr = (context: string) =>
      `# Remove the workflow datastream\n\n* Status: accepted\n* Deciders: Ana Ruiz\n* Date: 2026-01-15\n\n## Context and Problem Statement\n\n${context}\n\n## Considered Options\n\n* Remove the datastream\n* Do nothing\n\n## Decision Outcome\n\nRemove the datastream.\n`;
    expect(
      await rationale(
        'adrs/0004-remove-datastream.md',
        madr('To advance the move off the old store, we should keep workflow state in the workflow service.'),
      ),
    ).toEqual([]);
    expect(
      await rationale('adrs/0004-remove-datastream.md', madr('Workflow state is kept in the old store.')),
    ).toEqual(['decision-rationale']);
  });

  it('takes the Recommendation of a decision brief as where its reason is given', async () => {
    const brief = (recommendation: string) =>
      `# Rebuild framework\n\nStatus: Accepted\nDate: 2026-07-16\nOwner: Ana Ruiz\n\n## Context\n\nThe tool runs on an old framework.\n\n## Options\n\n1. Start small.\n2. Pick a full framework.\n\n${recommendation}## Decision\n\nOption 1.\n\n## Consequences\n\nA new repository.\n`;
    expect(
      await rationale(
        'docs/decisions/0001-rebuild.md',
        brief('## Recommendation\n\nOption 1 offers the flexibility we require.\n\n'),
      ),
    ).toEqual([]);
    expect(await rationale('docs/decisions/0001-rebuild.md', brief(''))).toEqual(['decision-rationale']);
  });
});

describe('judgement fixtures: the eleventh round, a records folder named in full', () => {
  it('types the pages of `architecture-decision-record-adrs/` (a GitBook space’s slug) as decision records', async () => {
    const { on } = await lintDecisionFolder(
      {
        'docs/architecture-decision-record-adrs/nr.-001-react-native.md':
          '# Nr. 001: React Native\n\nDate: 2026-01-05\n',
      },
      NOW,
    );
    expect(rulesOn(on('docs/architecture-decision-record-adrs/nr.-001-react-native.md'))).toContain(
      'decision-status',
    );
  });
});
