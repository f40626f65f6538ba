import { describe, expect, it } from 'vitest';
import { lintDecisionFolder } from './decision-folder.js';

// Written for these tests: the shapes of real decision folders from the second out-of-sample audit
// (a hold-out set) whose findings were judged wrong, linted with no config.
const meta = 'Date: 2025-04-01\nStatus: Accepted\nOwner: Dana Whit\n';

const pages: Record<string, string> = {
  // A lightweight company RFC: Purpose, Problem statement, a proposed solution; dated under its Purpose.
  'rfcs/041-cache-keys/README.md': `# RFC 041: Cache keys\n\nStatus: Accepted\nOwner: Dana Whit\n\n## Purpose\nThis RFC proposes one scheme for cache keys.\n\n**Last modified:** 2025-04-02T10:00:00+00:00\n\n## Problem statement\n\nServices build cache keys differently, so entries collide.\n\n## Suggested solution\n\nPrefix every key with the service name, because names are unique.\n`,
  // The same shape with a plain Solution heading and an emoji-framed status.
  'rfcs/042-tags/README.md': `# RFC 042: Resource tags\n\n**Status:** 🏗 Draft 🚧\n\n**Last updated:** 2025/04/03\n\nOwner: Dana Whit\n\n## Problem statement\n\nNobody can tell which configuration made a resource.\n\n## Solution\n\nTag every resource with the URL of its configuration, so that it can be found.\n`,
  // Nygard's template with the decisions listed under "Decisions".
  'adr/0043-rendering.md': `# 43. Server rendering\n\n${meta}\n## Context\n\nCrawlers cannot run our scripts, so pages are not indexed.\n\n## Decisions\n\n- Render pages on the server.\n\n## Consequences\n\nServers carry more load.\n`,
  // An outline of its own: a Background and sections named for the topic, no Decision.
  'adr/adr044-catalog-file-name.md': `# ADR044: Catalog file name\n\n${meta}\n## Background\n\nEach repository names its catalog file differently, so the scanner misses some.\n\n## Name\n\nThe file is called catalog-info.yaml.\n`,
  // The reasoning written under Discussion, what follows under Consequences.
  'adr/adr045-decision-log.md': `# ADR045: Keep a decision log\n\n${meta}\n## Decision\n\nKeep decision records next to the code.\n\n## Discussion\n\nChoices made in meetings are forgotten because nobody writes them down.\n\n## Consequences\n\nRecords need upkeep.\n`,
  // The handbook's own layout, Context then Decision: still asked for options and consequences (in a
  // folder of its own: the Nygard records of adr/ would lend it their template).
  'adr/handbook/0046-pin-runtime.md': `# 46. Pin the runtime\n\n${meta}\n## Context\n\nServices run three runtime versions, so fixes land unevenly.\n\n## Decision\n\nPin one runtime version in every service.\n`,
  // An RFC header written as `Author(s):`.
  'rfcs/0047-deploy-cli.md': `---\nRFC: 0047\nTitle: A deployment CLI\nAuthor(s): Dana Whit (@dana)\nStatus: Accepted\nCreated: 2025-04-04\n---\n\n# RFC 0047: A deployment CLI\n\n## Summary\n\nA CLI wraps the deploy scripts.\n\n## Motivation\n\nDeploys fail because the scripts validate nothing.\n\n## Detailed design\n\nThe CLI checks the config first.\n\n## Alternatives considered\n\nKeep the scripts.\n`,
  // Reasons stated as problems in the Context, or in a section of the chosen option's strengths.
  'adr/0048-wasm.md': `# 48. Use WASM\n\n${meta}\n## Context\n\nData handling in garbage-collected runtimes tends to suffer from pauses.\n\n## Decision\n\nUse WASM for data handling.\n\n## Consequences\n\nWe need a language that compiles to WASM.\n`,
  'adr/0049-one-sign-in-path.md': `# 49. One sign-in path\n\n${meta}\n## Context\n\nThe old sign-in branches are dead code: production never reaches them.\n\n## Decision\n\nRemove the old branches.\n\n## Consequences\n\nLess code.\n`,
  'adr/0050-own-systems.md': `# 50. Own systems\n\n${meta}\n## Context\n\nAn organisation that builds its own system must approve its own request, a pointless step.\n\n## Decision\n\nCreate the system and its user in one call.\n\n## Consequences\n\nOne more endpoint.\n`,
  'adr/0051-browser-storage.md': `# 51. Browser storage\n\n${meta}\n## Context\n\nThe site keeps form drafts between sessions.\n\n## Strengths of IndexedDB\n\nIt stores files and does not block the page.\n\n## Decision\n\nUse IndexedDB for drafts.\n\n## Consequences\n\nVersions must be bumped on schema changes.\n`,
};

describe('decision records from the hold-out folders of the second audit', async () => {
  const { on } = await lintDecisionFolder(pages, '2025-04-10T00:00:00Z');

  it('holds a problem/solution RFC to its problem and solution, dated by a Last modified line under its Purpose', () => {
    expect(on('rfcs/041-cache-keys/README.md')).toEqual([]);
  });

  it('reads a status word between emoji and a Last updated date', () => {
    expect(on('rfcs/042-tags/README.md')).toEqual([]);
  });

  it('takes a Decisions heading for the Decision of a Nygard ADR', () => {
    expect(on('adr/0043-rendering.md')).toEqual([]);
  });

  it('asks a record with an outline of its own for a context, a decision and consequences, not options', () => {
    expect(on('adr/adr044-catalog-file-name.md')).toEqual([
      ['decision-sections', 'Section "Decision" is missing (expected in a decision record).'],
      ['decision-sections', 'Section "Consequences" is missing (expected in a decision record).'],
    ]);
    expect(on('adr/adr045-decision-log.md')).toEqual([]);
  });

  it("still holds a Context-and-Decision record to the handbook's template", () => {
    const sections = on('adr/handbook/0046-pin-runtime.md').filter(([rule]) => rule === 'decision-sections');
    expect(sections.map(([, message]) => message).sort()).toEqual([
      'Section "Consequences" is missing (expected in a decision record).',
      'Section "Options considered" is missing (expected in a decision record).',
    ]);
  });

  it('reads the owner from an Author(s) header', () => {
    expect(on('rfcs/0047-deploy-cli.md')).toEqual([]);
  });

  it('takes a stated problem or a section of strengths as the reason', () => {
    for (const file of [
      'adr/0048-wasm.md',
      'adr/0049-one-sign-in-path.md',
      'adr/0050-own-systems.md',
      'adr/0051-browser-storage.md',
    ])
      expect(on(file)).toEqual([]);
  });
});
