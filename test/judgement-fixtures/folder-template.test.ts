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
});
