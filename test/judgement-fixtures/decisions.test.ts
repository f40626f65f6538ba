import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';

// Written for these tests: the layouts real decision processes use, linted with no config.
const KEP = `# KEP-2001: Quieter kubectl output

## Release Signoff Checklist

- [ ] (R) Enhancement issue in release milestone
- [ ] (R) KEP approvers have approved the KEP status as \`implementable\`

## Summary

kubectl prints less by default.

## Motivation

Scripts that parse kubectl output break on every new warning line.

## Proposal

Add a \`--quiet\` flag and make it the default for scripts.

## Design Details

The flag silences warnings on stderr.
`;

const KEP_YAML = `title: Quieter kubectl output
kep-number: 2001
authors:
  - "@ana-ruiz"
owning-sig: sig-cli
status: implementable
creation-date: 2026-02-10
approvers:
  - "@ben-okafor"
`;

const TEMPLATE_YAML =
  'title: KEP Template\nkep-number: NNNN\nstatus: provisional|implementable|implemented\ncreation-date: yyyy-mm-dd\n';

const PROPOSAL = `# Typed throws

* Proposal: [SE-0413](0413-typed-throws.md)
* Authors: Dana Weiss
* Review Manager: Sam Oduya
* Status: **Active review (August 21 ... September 4, 2026)**

## Introduction

Functions declare the one error type they throw.

## Motivation

Callers cannot handle errors exhaustively, so they write catch-all clauses.

## Proposed solution

Write \`throws(E)\` after the parameters.

## Alternatives considered

Keep untyped throws only.
`;

const NYGARD = `# 3. Log in JSON

Date: 2026-03-02

## Status

Accepted

## Context

Support cannot search our logs because each service prints its own free-text format.

## Decision

All services write one JSON object per line.

## Consequences

Local logs are harder to read without a viewer.
`;

const MADR = `---
status: accepted
date: 2026-04-14
decision-makers: Rosa Lind, Kai Berg
---
# Use Vitest for unit tests

## Context and Problem Statement

Jest needs a transform step for our ESM code.

## Considered Options

* Vitest
* Jest with babel

## Decision Outcome

Chosen option: "Vitest", because it runs ESM natively.
`;

describe('decision records with no config', async () => {
  const root = tempTree({
    'README.md':
      '# Engineering\n\n- [KEPs](keps/README.md)\n- [Proposals](proposals/0413-typed-throws.md)\n- [ADR 3](docs/adr/0003-log-in-json.md)\n- [ADR 4](docs/decisions/0004-use-vitest.md)\n- [Expenses](handbook/expenses.md)\n',
    '.github/CODEOWNERS': '* @acme/eng\n/handbook/ @acme/people-ops\n',
    'keps/README.md':
      '# Enhancement proposals\n\n- [KEP-2001](sig-cli/2001-quieter-output/README.md)\n- [Template](NNNN-kep-template/README.md)\n',
    'keps/NNNN-kep-template/README.md':
      '# KEP-NNNN: Your short title\n\n## Summary\n\n<!-- one paragraph -->\n',
    'keps/NNNN-kep-template/kep.yaml': TEMPLATE_YAML,
    'keps/sig-cli/2001-quieter-output/README.md': KEP,
    'keps/sig-cli/2001-quieter-output/kep.yaml': KEP_YAML,
    'proposals/0413-typed-throws.md': PROPOSAL,
    'docs/adr/0003-log-in-json.md': NYGARD,
    'docs/decisions/0004-use-vitest.md': MADR,
    'handbook/expenses.md': '# Expenses\n\nClaim within 30 days.\n',
    'handbook/travel.md': '# Travel\n\nBook through the portal.\n',
  });
  const owners = new Map<string, [string | undefined, string | undefined]>();
  const result = await run(defaultConfig(root), {
    now: new Date('2026-12-01T00:00:00Z'),
    onPage: (page) => owners.set(page.path, [page.owner, page.ownerSource]),
  });
  // Action items in sign-off checklists belong to another rule's judgement.
  const found = (file: string) =>
    result.findings
      .filter((f) => f.page.file === file && f.ruleId !== 'action-items')
      .map((f) => [f.ruleId, f.message]);

  it('reads a KEP as a decision record whose status, date and authors come from its kep.yaml', () => {
    expect(found('keps/sig-cli/2001-quieter-output/README.md')).toEqual([]);
    expect(result.coverage?.metrics.find((m) => m.id === 'decisions')).toMatchObject({ denominator: 4 });
  });

  it('leaves the KEP template alone', () => {
    expect(found('keps/NNNN-kep-template/README.md')).toEqual([]);
  });

  it('accepts an evolution proposal in review and reports it once its review window has passed', () => {
    expect(found('proposals/0413-typed-throws.md')).toEqual([
      ['decision-date', 'Decision record date is missing (found: none).'],
      ['decision-lag', 'Decision has been Active review since its review window ended on 2026-09-04.'],
    ]);
  });

  it('holds Nygard and MADR records to their own sections and credits a reason given in the Context', () => {
    expect(found('docs/adr/0003-log-in-json.md')).toEqual([
      ['decision-owner', 'Decision record owner is missing (found: none).'],
    ]);
    expect(found('docs/decisions/0004-use-vitest.md')).toEqual([]);
  });

  it('takes the owner of a page that names none from CODEOWNERS and says so', () => {
    const expenses = result.findings.filter((f) => f.page.file === 'handbook/expenses.md');
    expect(expenses.map((f) => f.ruleId)).not.toContain('page-owner');
    expect(owners.get('handbook/expenses.md')).toEqual(['@acme/people-ops', 'codeowners']);
    // Nothing links the travel page: its finding names where the page's owner came from.
    const travel = result.findings.filter((f) => f.page.file === 'handbook/travel.md');
    expect(travel.map((f) => [f.ruleId, f.page.ownerSource])).toEqual([['orphan-page', 'codeowners']]);
  });
});
