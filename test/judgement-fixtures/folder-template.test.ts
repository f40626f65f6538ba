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
});
