import { describe, expect, it } from 'vitest';
import { dropDeleted, saysSectionsMayGo } from '../../src/rules/deletable-sections.js';
import type { ActiveRule } from '../../src/rules/load.js';
import type { SectionRecord } from '../../src/rules/section-record.js';
import { lintDecisionFolder } from '../judgement-fixtures/decision-folder.js';

// Fourteenth round. A decision folder's template that says its sections may be deleted ("delete any
// sections which are not relevant") drops its records' missing-section findings. The drop hashed each
// record's findings once per such template, so a folder of 1,000 MADR records beside 1,000 copies of the
// template (a wiki that keeps one per team) cost 4 million fingerprints: 173 s on a loaded host, where 500
// of each took 50 s. Each record's findings are now dropped once, when any such template of its family is
// there: one add per record and section, counted below (the run over 1,000 of each: 17 s, most of it reading
// the pages; the test runs 500 of each). The sentence itself is found in a mebibyte of
// its negations in one pass (*held*).

const NOW = '2026-07-01T00:00:00Z';

const template = (note: string) =>
  `# [short title]\n\n${note}* Status: [proposed | accepted]\n* Deciders: [list]\n* Date: [YYYY-MM-DD]\n\n## Context and Problem Statement\n\n[Describe the context]\n\n## Considered Options\n\n* [option 1]\n\n## Decision Outcome\n\nChosen option: "[option 1]", because [justification].\n`;

/** A MADR record; odd ones weigh their options, even ones skip that section. */
const record = (n: number) =>
  `# Use tool ${n}\n\n* Status: Accepted\n* Deciders: @ana\n* Date: 2024-01-01\n\n## Context and Problem Statement\n\nThe deploy scripts break every week because nobody owns them.\n\n${n % 2 ? '## Considered Options\n\n- Tool 1\n- Tool 9\n\n' : ''}## Decision Outcome\n\nChosen option: tool ${n}, because it is maintained.\n`;

const DELETE = 'Please delete any sections which are not relevant for your ADR.\n\n';

function folder(records: number, templates: number, note: string): Record<string, string> {
  const pages: Record<string, string> = {};
  for (let i = 0; i < templates; i++) pages[`adr/team${i}-template.md`] = template(note);
  for (let i = 1; i <= records; i++) pages[`adr/${String(i).padStart(4, '0')}-tool-${i}.md`] = record(i);
  return pages;
}

const sectionFindings = (result: Awaited<ReturnType<typeof lintDecisionFolder>>) =>
  result.findings.filter((f) => f.ruleId === 'decision-sections').map((f) => `${f.page.file}: ${f.message}`);

/** A drop set that counts what it is given, hashed or not. */
class CountingSet extends Set<string> {
  adds = 0;
  override add(value: string): this {
    this.adds++;
    return super.add(value);
  }
}

describe('a decision folder with many templates that say their sections may go', () => {
  it("each record's findings are dropped once, however many such templates the folder keeps", () => {
    const spec = (heading: string) => ({ heading, aliases: [], required: true });
    const rule = {
      id: 'decision-sections',
      options: {
        sections: [spec('Context'), spec('Decision'), spec('Consequences')],
        families: [],
        'never-deletable': [],
        'default-family': 'nygard',
      },
    } as unknown as ActiveRule;
    const records: SectionRecord[] = Array.from({ length: 1_000 }, (_, i) => ({ key: `r${i}`, writes: [] }));
    const templates: SectionRecord[] = Array.from({ length: 1_000 }, (_, i) => ({
      key: `t${i}`,
      writes: ['Context'],
      template: true,
      deletable: true,
    }));
    const drop = new CountingSet();
    dropDeleted(rule, records, templates, drop);
    expect(drop.size).toBe(3_000);
    expect(drop.adds).toBe(3_000);
  });

  it('500 records beside 500 such templates: no missing-section finding, as beside one', {
    timeout: 240_000,
  }, async () => {
    const many = await lintDecisionFolder(folder(500, 500, DELETE), NOW);
    expect(sectionFindings(many)).toEqual([]);
    expect(many.result.unreadable).toEqual([]);
  });

  it('the template without the sentence still asks for the section the even records skip', {
    timeout: 120_000,
  }, async () => {
    const one = await lintDecisionFolder(folder(20, 1, DELETE), NOW);
    expect(sectionFindings(one)).toEqual([]);
    const kept = await lintDecisionFolder(folder(20, 1, ''), NOW);
    expect(sectionFindings(kept)).toContain(
      'adr/0002-tool-2.md: Section "Considered Options" is missing (expected in a MADR record).',
    );
  });

  it('the sentence is found once in a mebibyte of its negations (held)', () => {
    const negations = "Do not remove sections that don't apply. ".repeat(25_000);
    expect(saysSectionsMayGo(negations)).toBe(false);
    expect(saysSectionsMayGo(`${negations}Remove the sections that do not apply.`)).toBe(true);
  });
});
