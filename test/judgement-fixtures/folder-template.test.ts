import { describe, expect, it } from 'vitest';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests: folders whose own template leaves out a field or a section the default
// template asks for, as the seventh out-of-sample round met them (a connector project that decides by
// merging and writes Decision / Rationale / Approach; 18F's template, a Status line and nothing else;
// a Portuguese folder whose template ends with a Status its records leave out).
const merged = (n: number, title: string) =>
  `# ${title}\n\n## Decision\n\nWe use ${title.toLowerCase()} from release ${n}.\n\n## Rationale\n\nThe current way loses messages under load.\n\n## Approach\n\nA new module replaces the old one.\n`;

const NOW = '2026-12-01';

function rules(found: readonly (readonly unknown[])[]): unknown[] {
  return found.map(([rule]) => rule);
}

describe("decision records judged against their folder's own template", () => {
  it('asks no status, date or unwritten section of a folder of three records none of which writes one', async () => {
    const { on } = await lintDecisionFolder(
      {
        'decisions/0001-retry-queue.md': merged(1, 'Retry queue'),
        'decisions/0002-policy-engine.md': merged(2, 'Policy engine'),
        'decisions/0003-json-ld.md': merged(3, 'JSON-LD'),
      },
      NOW,
    );
    for (const file of ['0001-retry-queue.md', '0002-policy-engine.md', '0003-json-ld.md']) {
      const found = rules(on(`decisions/${file}`));
      expect(found).not.toContain('decision-status');
      expect(found).not.toContain('decision-date');
      expect(found).not.toContain('decision-sections');
      expect(found).not.toContain('decision-owner');
    }
  });

  it("still asks it when the folder's template writes it and its records leave it out", async () => {
    const { on } = await lintDecisionFolder(
      {
        'decisions/0000-template.md':
          '# ADR 0000 — Title\n\n## Contexto\n\n## Decisão\n\n## Status: Proposta / Aprovada / Obsoleta\n',
        'decisions/0001-retry-queue.md': merged(1, 'Retry queue'),
        'decisions/0002-policy-engine.md': merged(2, 'Policy engine'),
        'decisions/0003-json-ld.md': merged(3, 'JSON-LD'),
      },
      NOW,
    );
    const found = rules(on('decisions/0001-retry-queue.md'));
    expect(found).toContain('decision-status');
    expect(found).not.toContain('decision-date');
  });

  it('still asks it of the records that leave out what another record of the folder writes', async () => {
    const { on } = await lintDecisionFolder(
      {
        'decisions/0001-retry-queue.md': merged(1, 'Retry queue'),
        'decisions/0002-policy-engine.md': merged(2, 'Policy engine').replace(
          '## Approach',
          'Status: Accepted\nDate: 2026-03-02\n\n## Consequences\n\nOne more service to run.\n\n## Approach',
        ),
        'decisions/0003-json-ld.md': merged(3, 'JSON-LD'),
      },
      NOW,
    );
    for (const file of ['0001-retry-queue.md', '0003-json-ld.md']) {
      const found = on(`decisions/${file}`);
      expect(rules(found)).toContain('decision-status');
      expect(rules(found)).toContain('decision-date');
      expect(found).toContainEqual([
        'decision-sections',
        expect.stringContaining('"Consequences" is missing'),
      ]);
      expect(found).not.toContainEqual(['decision-sections', expect.stringContaining('"Context"')]);
    }
  });

  it('shows no convention in a folder of two records: each is judged on its own', async () => {
    const { on } = await lintDecisionFolder(
      {
        'decisions/0001-retry-queue.md': merged(1, 'Retry queue'),
        'decisions/0002-policy-engine.md': merged(2, 'Policy engine'),
      },
      NOW,
    );
    for (const file of ['0001-retry-queue.md', '0002-policy-engine.md']) {
      const found = rules(on(`decisions/${file}`));
      expect(found).toContain('decision-status');
      expect(found).toContain('decision-date');
      expect(found).toContain('decision-sections');
    }
  });

  it("asks no section of a family that none of the folder's records of that family writes, across state folders", async () => {
    // A US agency's RFC template: the summary is the paragraph under the title, no Summary heading;
    // records sorted into approved/ and rejected/ by their state.
    const rfc = (title: string) =>
      `# RFC Proposal: ${title}\n\n* RFC Proposal ID: x\n\nA summary paragraph of the proposal.\n\n## Motivation\n\nSlow reads.\n\n## Proposed Solution\n\nA cache.\n\n## Alternatives Considered\n\nNone better.\n`;
    const { on } = await lintDecisionFolder(
      {
        'rfcs/approved/0001-cache.md': rfc('Cache'),
        'rfcs/approved/0002-queue.md': rfc('Queue'),
        'rfcs/rejected/0003-shards.md': rfc('Shards'),
        'rfcs/rejected/0004-mesh.md': rfc('Mesh').replace('## Motivation\n\nSlow reads.\n\n', ''),
      },
      NOW,
    );
    for (const file of ['approved/0001-cache.md', 'rejected/0003-shards.md'])
      expect(on(`rfcs/${file}`)).not.toContainEqual([
        'decision-sections',
        expect.stringContaining('"Summary"'),
      ]);
    // What the other records of the family write is still asked of the one that leaves it out.
    expect(on('rfcs/rejected/0004-mesh.md')).toContainEqual([
      'decision-sections',
      expect.stringContaining('"Motivation" is missing'),
    ]);
  });

  // The eighth round's proposal folders: a US agency's RFC template keeps the summary as the paragraph
  // under the title and names its alternatives "Proposed Solution: Notable Alternatives"; a Spanish
  // team writes its English template's Summary, Motivation and Specification in Spanish.
  const agencyRfc = (title: string) =>
    `# RFC Proposal\n\n* RFC Proposal ID: \`${title}\`\n* Status: Implemented\n\nThis proposal makes ${title} faster for every consumer of the API.\n\n## Motivation\n\nConsumers wait minutes for a full export.\n\n## Proposed Solution\n\nServe pages of 500 records.\n\n### Proposed Solution: Notable Alternatives\n\nA bulk endpoint: rejected, it needs a queue.\n\n## Prior Art\n\nThe FHIR bulk data specification.\n`;
  const agencyTemplate =
    '# RFC Proposal\n\n* RFC Proposal ID: `0000-name`\n* Status: Proposed\n\nOne paragraph on what this proposes.\n\n## Motivation\n\nWhy.\n\n## Proposed Solution\n\nWhat.\n\n### Proposed Solution: Notable Alternatives\n\nWhat else.\n\n## Prior Art\n\nWho did it before.\n';

  it("asks no section of a record's family that the folder's template of that family leaves out", async () => {
    const { on } = await lintDecisionFolder(
      {
        'rfcs/0000-template.md': agencyTemplate,
        'rfcs/implemented/0004-since.md': agencyRfc('since'),
        'rfcs/rejected/0006-or-condition.md': agencyRfc('or-condition'),
        'rfcs/implemented/0013-startup-check.md': `${agencyRfc('startup-check')}\n## Summary\n\nStart-up checks.\n`,
      },
      NOW,
    );
    for (const file of ['implemented/0004-since.md', 'rejected/0006-or-condition.md']) {
      const sections = on(`rfcs/${file}`).filter(([rule]) => rule === 'decision-sections');
      expect(sections).toEqual([]);
    }
  });

  it("still asks what the folder's template has and a record leaves out", async () => {
    const { on } = await lintDecisionFolder(
      {
        'rfcs/0000-template.md': `${agencyTemplate}\n## Alternatives considered\n\nWhat else.\n`,
        'rfcs/0004-since.md': agencyRfc('since'),
        'rfcs/0006-or-condition.md': agencyRfc('or-condition'),
        'rfcs/0013-startup-check.md': `${agencyRfc('startup-check')}\n## Alternatives considered\n\nNone.\n`,
      },
      NOW,
    );
    expect(on('rfcs/0004-since.md')).toContainEqual([
      'decision-sections',
      expect.stringContaining('"Alternatives considered" is missing'),
    ]);
  });

  it("judges records in the template's language by the family of the folder's template", async () => {
    const spanish = (n: number) =>
      `# RFC ${n}: Penalizaciones por inactividad\n\n- Estado: Borrador\n- Fecha: 15 de diciembre de 2023\n\n## Resumen\n\nLos personajes inactivos pierden experiencia.\n\n## Motivación\n\nHay cuentas que sólo acumulan oro.\n\n## Especificación\n\nUn punto menos por día inactivo.\n\n## Referencias\n\nNinguna.\n`;
    const { on } = await lintDecisionFolder(
      {
        'rfcs/ao-rfc-template.md':
          '# RFC Title\n\n## Summary\n\nA summary.\n\n## Motivation\n\nWhy.\n\n## Specification\n\nWhat.\n\n## References\n\nLinks.\n',
        'rfcs/ao-rfc-1.md': spanish(1),
        'rfcs/ao-rfc-2.md': spanish(2),
      },
      NOW,
    );
    for (const file of ['ao-rfc-1.md', 'ao-rfc-2.md']) {
      const found = on(`rfcs/${file}`);
      expect(found.filter(([rule]) => rule === 'decision-sections')).toEqual([]);
      expect(found.filter(([rule]) => rule === 'decision-date')).toEqual([]);
    }
  });

  describe('a field the template marks optional', () => {
    // After the ninth round's French MADR folder: the template writes `Décideurs: … <!-- optionnel -->`
    // and one record of four names its deciders; a MADR 3 template marks its front matter the same way.
    const madr = (title: string, deciders: boolean) =>
      `# ${title}\n\n* Statut: accepté\n${deciders ? '* Décideurs: Léa Martin, Paul Roy\n' : ''}* Date: 2023-04-04\n\n## Contexte et Définition du Problème\n\nLes dates arrivent en UTC.\n\n## Résultat de la Décision\n\nSolution retenue: « Luxon », car elle gère les fuseaux.\n`;
    const template = (line: string) =>
      `# [titre du problème résolu et de sa solution]\n\n* Statut: [proposé | rejeté | accepté] <!-- optionnel -->\n${line}\n* Date: [YYYY-MM-DD] <!-- optionnel -->\n\n## Contexte et Définition du Problème\n\n[Décrire le contexte.]\n\n## Résultat de la Décision\n\nSolution retenue: "[solution 1]", car [justification].\n`;
    const folder = (templateLine: string, writers: number) => {
      const files: Record<string, string> = { 'decisions/adr-template.md': template(templateLine) };
      for (const [i, name] of ['notifications', 'keycloak', 'dates', 'analytics'].entries())
        files[`decisions/ADR-00${i + 1}-${name}.md`] = madr(`ADR ${i + 1}: ${name}`, i < writers);
      return files;
    };
    const owners = (on: (file: string) => (readonly unknown[])[]) =>
      ['notifications', 'keycloak', 'dates', 'analytics'].flatMap((name, i) =>
        rules(on(`decisions/ADR-00${i + 1}-${name}.md`)).filter((rule) => rule === 'decision-owner'),
      );

    it('is not asked of a folder whose records mostly leave it out', async () => {
      const optional = await lintDecisionFolder(
        folder('* Décideurs: [liste des personnes impliquées dans la décision] <!-- optionnel -->', 1),
        NOW,
      );
      expect(owners(optional.on)).toEqual([]);
    });

    it('is still asked when the template does not mark it optional, or most records write it', async () => {
      const plain = await lintDecisionFolder(folder('* Décideurs: [liste des personnes impliquées]', 1), NOW);
      expect(owners(plain.on)).toHaveLength(3);
      const mostlyWritten = await lintDecisionFolder(
        folder('* Décideurs: [liste des personnes impliquées dans la décision] <!-- optionnel -->', 3),
        NOW,
      );
      expect(owners(mostlyWritten.on)).toEqual(['decision-owner']);
    });

    it("is read from a MADR 3 front matter's comment that its elements are optional", async () => {
      const files: Record<string, string> = {
        'adr/adr-template.md':
          '---\n# These are optional elements. Feel free to remove any of them.\nstatus: {proposed | accepted}\ndate: {YYYY-MM-DD}\ndeciders: {list everyone involved in the decision}\n---\n\n# {short title}\n\n## Context and Problem Statement\n\n{Describe the context.}\n\n## Decision Outcome\n\nChosen option: "{title of option 1}", because {justification}.\n',
      };
      for (const n of [1, 2, 3, 4])
        files[`adr/000${n}-choice-${n}.md`] =
          `---\nstatus: accepted\ndate: 2024-05-0${n}\n${n === 1 ? 'deciders: Ana Silva\n' : ''}---\n\n# Choice ${n}\n\n## Context and Problem Statement\n\nWe need a queue.\n\n## Decision Outcome\n\nChosen option: "SQS", because it is managed.\n`;
      const { on } = await lintDecisionFolder(files, NOW);
      for (const n of [2, 3, 4])
        expect(rules(on(`adr/000${n}-choice-${n}.md`))).not.toContain('decision-owner');
    });
  });
});
