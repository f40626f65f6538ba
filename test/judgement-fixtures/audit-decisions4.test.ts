import { describe, expect, it } from 'vitest';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests: the shapes of real decision folders from the fourth out-of-sample audit
// (a hold-out set) whose findings were judged wrong, linted with no config.
const pages: Record<string, string> = {
  // An RFC whose state is its pull request and its folder: the template has no status line.
  'rfcs/0031-lazy-eval.md': `---\nfeature: lazy-eval\nstart-date: 2026-02-01\nauthor: Ana Ruiz\n---\n\n# Summary\n\nEvaluate package sets lazily.\n\n# Motivation\n\nEvaluation takes minutes because every set is built.\n\n# Detailed design\n\nThunks per attribute.\n\n# Drawbacks\n\nMore memory at peak.\n\n# Alternatives\n\nA cache of evaluated sets.\n\n# Unresolved questions\n\nNone.\n`,
  // Enhancement proposals whose process names "Under discussion" as a state; one with a "Detailed
  // Description", one whose outline is its own (judged by the folder's proposals, not the ADR template).
  'proposals/0004-strict-parsing.md': `# EP-4: Strict date parsing\n\n- Created: 18 September 2026\n- Status: Under discussion\n- Author: Dana Whit\n\n## Abstract\n\nParse every row with one format.\n\n## Motivation and Scope\n\nMixed formats are read silently.\n\n## Detailed Description\n\nGuess the format from the first row.\n\n## Alternatives\n\nKeep guessing per row.\n`,
  'proposals/0005-no-index.md': `# EP-5: Optional row labels\n\n- Created: 14 November 2026\n- Status: Accepted\n- Author: Dana Whit\n\n## Abstract\n\nA frame may have no row labels.\n\n## Motivation\n\nAlignment surprises users.\n\n## Detailed Description\n\nA new index class.\n\n## Alternatives\n\nA global option.\n`,
  'proposals/0006-connectors.md': `# EP-6: Third-party connectors\n\n- Created: 5 March 2026\n- Status: Accepted\n- Author: Dana Whit\n\n## EP Summary\n\nLet packages register readers and writers.\n\n## Current state\n\nEvery format lives in the core package, because nothing else can add one.\n\n## Proposal\n\nAn entry point group that the core reads.\n`,
  // Nygard ADRs dated by a line under the title, as some folders write every record.
  'arch/adr-3.md': `# ADR 3: Auth client\n\nJuly 24, 2026\n\n## Context\n\nEvery project logs in differently, because the client ships no forms.\n\n## Decision\n\nWe write a separate auth library.\n\n## Status\n\nAccepted\n\n## Consequences\n\nOne more package to release.\n\nOwner: Dana Whit\n`,
  'arch/adr-4.md': `# ADR 4: Browser support\n\n7 April 2026\n\n## Context\n\nOld browsers lack grid layout, so every screen needs a fallback.\n\n## Decision\n\nWe support the last two versions of each browser.\n\n## Status\n\nProposed\n\n## Consequences\n\nFewer fallbacks.\n\nOwner: Dana Whit\n`,
  // The date a status was reached, written in it; a deadline in the status is no record date.
  'standards/0009-american-english.md': `# ADR-0009 - Use American English\n\n## Status\n\n- ACCEPTED on 2026-11-24\n\n## Context\n\nCode search misses half the hits because spellings are mixed.\n\n## Decision\n\nWe write American English.\n\n## Consequences\n\nOld names keep their spelling.\n\nOwner: Dana Whit\n`,
  'standards/0010-property-names.md': `# ADR-0010 - Property names\n\n## Status\n\nIn review, comments close 2026-11-20\n\n## Context\n\nNames clash because plugins pick their own prefixes.\n\n## Decision\n\nOne prefix per plugin.\n\n## Consequences\n\nRenames for two plugins.\n\nOwner: Dana Whit\n`,
  // A German MADR whose decision drivers are its reasons.
  'adr-de/0001-schichten.md': `# ADR 0001: Schichten für den Dienst\n\n## Status\nAkzeptiert - Projektstart\n\nDatum: 2026-03-01\nEntscheider: Jana Roth\n\n## Kontext und Problemstellung\nHandler, Validierung und Datenzugriff sind verflochten.\n\n## Entscheidungsfaktoren\n- Testbarkeit ohne Server\n- Austauschbare Implementierungen\n\n## Betrachtete Optionen\n### Option A\n- Handler direkt im Dienst\n\n### Option B\n- Eigene Schichten mit Container\n\n## Entscheidung\nWir wählen Option B.\n\n## Konsequenzen\n- Mehr Dateien.\n`,
  // A Dutch record: Alternatieven and Consequenties are its options and consequences.
  'besluiten/0002-register.md': `# Besluit 2: Geen losse API-specificaties in het register\n\nStatus: Geaccepteerd\nDatum: 2026-05-01\nEigenaar: Architectuurteam\n\n## Context\n\nDe specificaties worden al met de API zelf gepubliceerd.\n\n## Alternatieven\n\nEen aparte map in het register.\n\n## Besluit\n\nWe publiceren ze niet los, omdat een tweede plek overbodig is.\n\n## Consequenties\n\nHet register verwijst naar de API.\n`,
  // Reusing what is already in use is a reason.
  'adr/0003-alerts.md': `# ADR-003 System alerts\n\nDate: 2026-03-01\nStatus: Accepted\nOwner: Dana Whit\n\n## Context\n\nAdmins want to hear when a threshold is crossed.\n\n## Decision\n\nWe use the alert manager of the metrics stack that is already used for monitoring the cluster.\n\n## Consequences\n\nNo new service to run.\n`,
  // Options weighed under Pros and Cons headings say why the chosen one won.
  'adr/0031-model-hosting.md': `# 31. Host the models centrally\n\nDate: 2026-01-27\nOwner: Dana Whit\n\n## Status\n\nAccepted\n\n## Context\n\nTeams ask where to run language models.\n\n## Options\n\n### 1. Each team's cluster\n\n#### Pros\n\n- Close to the service\n\n#### Cons\n\n- No cost control\n\n### 2. The data platform\n\n#### Pros\n\n- Standards can be enforced\n\n#### Cons\n\n- Away from the service\n\n## Decision\n\nOption 2: the data platform hosts the models.\n\n## Consequences\n\nThe data platform builds a sandbox.\n`,
};

describe('decision records from the hold-out folders of the fourth audit', async () => {
  const { on } = await lintDecisionFolder(pages, '2026-12-01T00:00:00Z');

  it('asks no status of an RFC whose template keeps it outside the file (Drawbacks, Unresolved questions)', () => {
    expect(on('rfcs/0031-lazy-eval.md')).toEqual([]);
  });

  it('takes "Under discussion" for a status, a stalled one for lag, and "Detailed Description" for the design', () => {
    expect(on('proposals/0004-strict-parsing.md')).toEqual([
      ['decision-lag', 'Decision has been Under discussion for more than 14 days, since 2026-09-18.'],
    ]);
    expect(on('proposals/0005-no-index.md')).toEqual([]);
  });

  it('judges a record of its own outline by the family most records of its folder follow', () => {
    // The proposal family asks no Consequences; its Motivation is still missing.
    expect(on('proposals/0006-connectors.md').filter(([rule]) => rule === 'decision-sections')).toEqual([
      ['decision-sections', 'Section "Context" is missing (expected in a decision record).'],
    ]);
  });

  it('reads a date alone on the line under the title as the record date, and dates a stalled proposal by it', () => {
    expect(on('arch/adr-3.md')).toEqual([]);
    expect(on('arch/adr-4.md')).toEqual([
      ['decision-lag', 'Decision has been Proposed for more than 14 days, since 2026-04-07.'],
    ]);
  });

  it('dates a record by the date its status was reached, not by a deadline in the status', () => {
    expect(on('standards/0009-american-english.md')).toEqual([]);
    expect(on('standards/0010-property-names.md').map(([rule]) => rule)).toContain('decision-date');
  });

  it('takes a German MADR "Entscheidungsfaktoren" section for its decision drivers, which state the reason', () => {
    expect(on('adr-de/0001-schichten.md')).toEqual([]);
  });

  it('reads the Dutch headings of a decision record', () => {
    expect(on('besluiten/0002-register.md').filter(([rule]) => rule === 'decision-sections')).toEqual([]);
  });

  it('takes reusing what is already in use for a reason', () => {
    expect(on('adr/0003-alerts.md')).toEqual([]);
  });

  it('takes options weighed under Pros and Cons headings for the reason of the choice', () => {
    expect(on('adr/0031-model-hosting.md')).toEqual([]);
  });
});
