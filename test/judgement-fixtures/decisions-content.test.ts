import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';

// Written for these tests: where real decision records write their date and owner, linted with no config.
const CHANGELOG = `# ADR 115: Predictable block times

## Changelog

- 2024-06-11: Mark as accepted (@rivka)
- 2024-04-30: First draft (@melek)

## Status

Accepted

## Context

Block times vary with the network.

## Decision

Use a fixed delay because validators cannot tune timeouts.

## Consequences

Block times become predictable.
`;

// Day-first dates with no author in the first entry; a later reviewer is not the owner.
const DAY_FIRST = `# ADR 39: Peer behaviour

## Changelog

* 07-03-2019: Initial draft (Unabridged)
* 14-03-2019: Reorg after @reviewer comments

## Context

Peers misbehave.

## Decision

Report behaviour to one place because reactors disagree.

## Consequences

One reporter.
`;

const BROKEN_YAML = `---
title: Decision: on-call pay
author: Femi Adeyemi
date: 2026-06-30
---
# ADR 10: On-call pay

Status: Accepted

## Context

On-call is voluntary.

## Decision

Pay a flat rate because it is simple to audit.

## Consequences

Costs rise.
`;

const PROPOSED = `# ADR 12: API version in a header

Status: In review
Proposed: 2026-11-16
Author: Oskar Lind

## Context

Path versions force customers to change every URL.

## Decision

Read the version from a header because URLs stay stable.

## Consequences

Clients send a header.
`;

const DOTTED = `# 8. Exit codes

Date: 28.10.2026
Author: Noor Haddad

## Status

Accepted

## Context

CI cannot tell failures from crashes.

## Decision

Exit 2 on a failed check because CI scripts need to tell them apart.

## Consequences

Scripts change.
`;

// An Authors heading written "Author(s)", and a changelog whose entries are dated sub-headings.
const AUTHORS_HEADING = `# ADR 80: Reverse sync

## Changelog

### November 2nd 2018

Initial draft.

## Author(s)

- Callum Waters (@cmwaters)

## Context

Nodes that state sync lack history.

## Decision

Fetch history backwards because evidence handling needs it.

## Consequences

More bandwidth at start.
`;

describe('decision date and owner where records write them', async () => {
  const root = tempTree({
    'README.md':
      '# Decisions\n\n- [115](adr/adr-115.md)\n- [39](adr/adr-039.md)\n- [10](adr/0010.md)\n- [12](adr/0012.md)\n- [8](adr/0008.md)\n- [80](adr/adr-080.md)\n',
    'adr/adr-115.md': CHANGELOG,
    'adr/adr-039.md': DAY_FIRST,
    'adr/0010.md': BROKEN_YAML,
    'adr/0012.md': PROPOSED,
    'adr/0008.md': DOTTED,
    'adr/adr-080.md': AUTHORS_HEADING,
  });
  const result = await run(defaultConfig(root), { now: new Date('2026-12-01T00:00:00Z') });
  const found = (file: string) =>
    result.findings
      .filter((f) => f.page.file === file && (f.ruleId === 'decision-date' || f.ruleId === 'decision-owner'))
      .map((f) => [f.ruleId, f.message]);

  it("dates a record by its Changelog's earliest entry and takes its author as the owner", () => {
    expect(found('adr/adr-115.md')).toEqual([]);
  });

  it('reads day-first changelog dates and names no owner from a later reviewer or a parenthesised word', () => {
    expect(found('adr/adr-039.md')).toEqual([
      ['decision-owner', 'Decision record owner is missing (found: none).'],
    ]);
  });

  it('reads the fields of front matter the YAML reader refuses', () => {
    expect(found('adr/0010.md')).toEqual([]);
  });

  it('dates a record in review by its Proposed line', () => {
    expect(found('adr/0012.md')).toEqual([]);
  });

  it('reads an "Author(s)" section and a changelog dated by sub-headings', () => {
    expect(found('adr/adr-080.md')).toEqual([]);
  });

  it('reads a dotted day-first date', () => {
    expect(found('adr/0008.md')).toEqual([]);
  });
});

describe('decision-rationale credits a reason wherever the record gives it', async () => {
  const record = (context: string, extra = '') =>
    `# ADR 12: Peer transport\n\n## Context\n\n${context}\n\n${extra}## Decision\n\nA new PeerTransport component handles connections.\n\n## Consequences\n\nThe Switch shrinks.\n`;
  const root = tempTree({
    'README.md': '# ADRs\n\n- [a](adr/a.md)\n- [b](adr/b.md)\n- [c](adr/c.md)\n- [d](adr/d.md)\n',
    // A Context that states the problem gives the reason for solving it.
    'adr/a.md': record('There is no clear separation of concerns: the Switch handles physical connections.'),
    // Pros and cons weighed in the Context.
    'adr/b.md': record(
      'Two protocols were discussed.\n\n**Pros:**\n\n- Easy to use\n\n**Cons:**\n\n- No schema',
    ),
    // The reason is in the alternatives weighed.
    'adr/c.md': record(
      'ADR 61 chose to refactor the stack.',
      '## Alternative Approaches\n\nThis design was chosen because it has very loose coupling.\n\n',
    ),
    // A Context that only describes, with no problem and no reason: still reported.
    'adr/d.md': record('The Switch dials peers and accepts connections.'),
  });
  const result = await run(defaultConfig(root), { now: new Date('2026-12-01T00:00:00Z') });
  const flagged = result.findings
    .filter((f) => f.ruleId === 'decision-rationale')
    .map((f) => f.page.file)
    .sort();

  it('accepts a stated problem, weighed pros and cons, or a reason among the alternatives', () => {
    expect(flagged).toEqual(['adr/d.md']);
  });
});

describe('decision-sections finds a section under the names its template uses', async () => {
  const root = tempTree({
    'README.md': '# Records\n\n- [a](adr/a.md)\n- [b](keps/b.md)\n',
    // The Consequences heading is empty because its subsections were written one level too high.
    'adr/a.md':
      '# ADR 22: ABCI errors\n\n## Context\n\nCodes clash.\n\n## Decision\n\nAdd a codespace.\n\n## Consequences\n\n## Positive\n\n- Expressive errors\n\n## Negative\n\n- One more field\n',
    // A KEP whose motivation is a question heading.
    'keps/b.md':
      '# KEP-3000: Image promotion\n\n## Summary\n\nPromote images to many registries.\n\n## Why a new domain?\n\nOne provider pays for all traffic.\n\n## Proposal\n\nRedirect to the nearest mirror.\n',
  });
  const result = await run(defaultConfig(root), { now: new Date('2026-12-01T00:00:00Z') });
  const found = (file: string) =>
    result.findings
      .filter((f) => f.page.file === file && f.ruleId === 'decision-sections')
      .map((f) => f.message);

  it('takes Positive / Negative written beside an empty Consequences heading as its content', () => {
    expect(found('adr/a.md')).toEqual([]);
  });

  it("takes a KEP's Why section as its Motivation", () => {
    expect(found('keps/b.md')).toEqual([]);
  });
});
