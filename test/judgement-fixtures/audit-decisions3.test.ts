import { describe, expect, it } from 'vitest';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests: the shapes of real decision folders from the third out-of-sample audit
// (a hold-out set) whose findings were judged wrong, linted with no config.
const pages: Record<string, string> = {
  // MADR translated into French, with its header as a list of French keys.
  'decisions/0001-format-des-journaux.md': `# Choisir le format des journaux\n\n* statut : proposé\n* date : 2026-11-01\n* décideurs : Équipe plateforme\n\n## Contexte et énoncé du problème\n\nLes journaux en texte libre ne se cherchent pas.\n\n## Facteurs de décision\n\n* Recherche rapide\n\n## Options considérées\n\n* JSON\n* Texte libre\n\n## Résultat de la décision\n\nOption choisie : JSON, car la recherche indexe ses champs.\n\n### Conséquences\n\n* Positive, car les erreurs se retrouvent vite.\n`,
  // Nygard's template in German, its status under a heading.
  'decisions/0002-warteschlange.md': `# 2. Eine Warteschlange für Aufträge\n\nDatum: 2026-10-01\nEntscheider: Jana Roth\n\n## Status\n\nAkzeptiert\n\n## Kontext\n\nAufträge gehen verloren, weil der Dienst neu startet.\n\n## Entscheidung\n\nWir legen Aufträge in eine Warteschlange.\n\n## Konsequenzen\n\nEin Dienst mehr ist zu betreiben.\n`,
  // MADR written with its section names in bold on lines of their own (pasted from a word processor).
  'decisions/0003-uploads.md': `---\nstatus: accepted\ndate: 2026-10-02\ndeciders: Dana Whit\n---\n\n# Store uploads in object storage\n\n**Context and Problem Statement**\n\nUploads fill the database disk.\n\n**Considered Options**\n\n1. Object storage\n2. A bigger disk\n\n**Decision Outcome**\n\nChosen option: object storage, because it grows without resizing.\n`,
  // A Go-style design doc: its status lives in the issue, its authors on an \`Author(s):\` line.
  'design/12345-vet-time-zones.md': `# Proposal: Vet checks for time zones\n\nAuthor(s): Ana Ruiz, Ben Ode\n\nLast updated: 2026-10-03\n\nDiscussion at https://example.com/issue/12345.\n\n## Abstract\n\nReport times compared across zones.\n\n## Background\n\nSuch comparisons pass in tests and fail at midnight.\n\n## Proposal\n\nA new vet analyzer.\n\n## Rationale\n\nA lint outside vet would reach few users.\n\n## Compatibility\n\nVet may report code that built before.\n\n## Implementation\n\nAna writes the analyzer.\n`,
  // An RFC whose process says in-progress and completed.
  'rfcs/20261004_replica_ids.md': `- Feature Name: replica_ids\n- Status: in-progress\n- Start Date: 2026-10-04\n- Authors: Dana Whit\n\n# Summary\n\nGive every replica an ID.\n\n# Motivation\n\nRemoved replicas can disrupt a group.\n\n# Detailed design\n\nIDs never repeat.\n\n# Alternatives\n\nAn explicit creation call.\n`,
  'rfcs/20261005_upsert.md': `- Feature Name: upsert\n- Status: completed\n- Start Date: 2026-10-05\n- Authors: Dana Whit\n\n# Summary\n\nInsert or update in one statement.\n\n# Motivation\n\nKey/value use is awkward without it.\n\n# Detailed design\n\nA short form and a long form.\n\n# Alternatives\n\nOnly the long form.\n`,
  // A Nygard ADR whose Context weighs the options in plain words.
  'adr/0007-image-registry.md': `# ADR007: Image registry\n\n## Status\n\nAccepted\n\nDate: 2026-10-06\nOwner: Dana Whit\n\n## Context\n\nA self-hosted registry needs upkeep. A vendor's registry would save us from managing access ourselves, and on the vendor's cloud it makes sense to let it do the work.\n\n## Decision\n\nWe will use the vendor's registry.\n\n## Consequences\n\nImages must hold no secrets.\n`,
  // Reasons given as a goal and as an end of support.
  'adr/0009-event-stream.md': `# 9. Event stream\n\nDate: 2026-10-07\nOwner: Dana Whit\n\n## Status\n\nAccepted\n\n## Context\n\nWe aim for a backend that handles bursts with few threads.\n\n## Decision\n\nWe will use an event stream.\n\n## Consequences\n\nA steeper learning curve.\n`,
  'adr/0010-runtime-22.md': `# 10. Runtime 22\n\nDate: 2026-10-08\nOwner: Dana Whit\n\n## Status\n\nAccepted\n\n## Context\n\nRuntime 20 is phasing out next spring.\n\n## Decision\n\nWe move to runtime 22.\n\n## Consequences\n\nTwo libraries need upgrades.\n`,
  // Translated records still owe what their template asks: options weighed, a decision taken.
  'decisions/0008-pipeline.md': `# Pipeline d'analyse\n\n* Statut : brouillon\n* Date : 2026-01-04\n* Décideurs : équipe back\n\n## Contexte\n\nLes exports prennent plus de vingt minutes.\n\n## Résultat de la Décision\n\nUne pipeline ELT, car elle charge les événements par lots.\n\n### Impacts Positifs\n\n* Exports plus courts.\n`,
};

describe('decision records from the hold-out folders of the third audit', async () => {
  const { on } = await lintDecisionFolder(pages, '2026-11-10T00:00:00Z');

  it('reads a French MADR record: its list header and its headings', () => {
    expect(on('decisions/0001-format-des-journaux.md')).toEqual([]);
  });

  it('reads a German Nygard record: its status heading, its keys and its headings', () => {
    expect(on('decisions/0002-warteschlange.md')).toEqual([]);
  });

  it('takes section names set in bold on lines of their own for the headings of a page that has none', () => {
    expect(on('decisions/0003-uploads.md')).toEqual([]);
  });

  it('holds a Go-style design doc to its own template, with its status kept in the issue and an Author(s) line', () => {
    expect(on('design/12345-vet-time-zones.md')).toEqual([]);
  });

  it('accepts in-progress and completed as RFC statuses', () => {
    expect(on('rfcs/20261004_replica_ids.md')).toEqual([]);
    expect(on('rfcs/20261005_upsert.md')).toEqual([]);
  });

  it('takes "would save us" and "it makes sense" in the Context for a reason', () => {
    expect(on('adr/0007-image-registry.md')).toEqual([]);
  });

  it('takes a goal or an end of support stated in the Context for a reason', () => {
    expect(on('adr/0009-event-stream.md')).toEqual([]);
    expect(on('adr/0010-runtime-22.md')).toEqual([]);
  });

  it('still reports what a translated record lacks: the options it never weighed, a draft left for months', () => {
    expect(on('decisions/0008-pipeline.md')).toEqual([
      ['decision-sections', 'Section "Considered Options" is missing (expected in a MADR record).'],
      ['decision-lag', 'Decision has been Draft for more than 14 days, since 2026-01-04.'],
    ]);
  });
});
