import { describe, expect, it } from 'vitest';
import { fieldsCheck } from '../../../src/rules/checks/fields.js';
import { check, NOW, page } from './harness.js';

const STATES = ['Proposed', 'Accepted', 'Rejected', 'Superseded', 'Deprecated', 'Implemented'];
const ALLOWED = STATES.join(', ');
const status = { fields: { status: { required: true, 'one-of': STATES } } };
const owner = { fields: { owner: { required: true, person: true, aliases: ['author', 'deciders'] } } };

// Status blocks as CometBFT's ADRs write them (shared/corpora/adr-cometbft).
const adr = (statusBlock: string) =>
  `# ADR 114: Partly Undo ADR 109\n\n## Changelog\n\n- 2024-04-25: First draft (@adizere)\n\n${statusBlock}## Context\n\nText.\n`;

describe('fields', () => {
  it.each([
    ['a plain value', '# ADR 2\n\nStatus: Accepted\n'],
    ['emphasis', '# ADR 2\n\nStatus: **Accepted**\n'],
    ['lower case', '# ADR 2\n\n* Status: accepted\n'],
    ['a trailing reference', adr('## Status\n\nAccepted (PR [\\#2897])\n\n')],
    ['a trailing sentence', adr('## Status\n\nAccepted. Tracking issue: [#2803][tracking-issue].\n\n')],
    ['a reason after the value', adr('## Status\n\nRejected in favour of ADR 111\n\n')],
    ['front matter', '---\nstatus: superseded\n---\n# ADR 3\n'],
  ])('accepts an allowed status written with %s', (_name, markdown) => {
    expect(check(fieldsCheck, markdown, status)).toEqual([]);
  });

  it.each([
    ['an unknown value on a line', '# ADR 7\n\nStatus: Maybe\n', '3:1-3:14', 'Maybe'],
    ['a qualified value', '# ADR 24\n\nStatus: Partially Accepted\n', '3:1-3:27', 'Partially Accepted'],
    ['a heading section value', adr('## Status\n\nPending\n\n'), '9:1-9:8', 'Pending'],
    ['front matter', '---\nstatus: maybe\n---\n# ADR 3\n', '2:1-2:8', 'maybe'],
  ])('reports %s at the field', (_name, markdown, at, found) => {
    expect(check(fieldsCheck, markdown, status)).toEqual([
      { at, field: 'status', found, allowed: ALLOWED, problem: `is not one of ${ALLOWED}` },
    ]);
  });

  it('reports a missing field as a whole-page hit, also when `## Status` runs straight into the next heading', () => {
    const expected = [
      { at: 'page', field: 'status', found: 'none', allowed: ALLOWED, problem: 'is missing' },
    ];
    expect(check(fieldsCheck, '# ADR 41\n\nText.\n', status)).toEqual(expected);
    expect(check(fieldsCheck, '# ADR 41\n\n## Status\n\n## Consequences\n\nText.\n', status)).toEqual(
      expected,
    );
  });

  it('leaves a missing optional field alone', () => {
    expect(check(fieldsCheck, '# Page\n', { fields: { status: { 'one-of': STATES } } })).toEqual([]);
  });

  it.each([
    ['the field itself', 'Owner: Ana Lima\n'],
    ['an alias', 'Author: @ana\n'],
    ['an alias written in another case', '**Deciders:** Ana, Ben\n'],
  ])('finds an owner through %s', (_name, line) => {
    expect(check(fieldsCheck, `# Use Postgres\n\n${line}`, owner)).toEqual([]);
  });

  it('finds an owner the platform states', () => {
    expect(check(fieldsCheck, page('# Use Postgres\n', { owner: 'Ana Lima' }), owner)).toEqual([]);
  });

  it.each([
    ['TBD', 'Owner: TBD\n'],
    ['a bracketed placeholder', 'Owner: [Name]\n'],
  ])('reports an owner that is %s', (_name, line) => {
    expect(check(fieldsCheck, `# Use Postgres\n\n${line}`, owner)).toMatchObject([
      { at: expect.stringMatching(/^3:1-/), field: 'owner', problem: 'does not name a person' },
    ]);
  });

  it('checks dates', () => {
    const date = { fields: { date: { required: true, date: true } } };
    expect(check(fieldsCheck, '# ADR 1\n\nDate: 2024-04-25\n', date)).toEqual([]);
    expect(check(fieldsCheck, '# ADR 1\n\nDate: soon\n', date)).toEqual([
      { at: '3:1-3:11', field: 'date', found: 'soon', allowed: '', problem: 'is not a date' },
    ]);
  });

  it('skips unreadable pages', () => {
    expect(check(fieldsCheck, page('# ADR\n', { unreadable: { reason: '404' } }), status)).toEqual([]);
  });

  it('rejects unknown keys inside a field spec', () => {
    expect(() => fieldsCheck.options.strict().parse({ fields: { status: { oneof: ['A'] } } })).toThrow();
  });

  it('names the file beside the page a value came from', () => {
    const kep = page('# KEP-9: Quieter output\n', {
      sidecarFields: { status: { value: 'parked', source: 'kep.yaml' } },
    });
    const hits = fieldsCheck.run(kep, fieldsCheck.options.parse(status) as never, { now: NOW });
    expect(hits.map((h) => [h.excerpt, h.data?.found])).toEqual([['kep.yaml: parked', 'parked']]);
  });

  it('ignores values from the sources a rule rules out (a CODEOWNERS owner is no decider)', () => {
    const spec = { fields: { owner: { required: true, 'ignore-sources': ['codeowners'] } } };
    const owned = page('# ADR 4\n', { owner: '@acme/eng', ownerSource: 'codeowners' });
    expect(check(fieldsCheck, owned, spec)).toMatchObject([{ at: 'page', problem: 'is missing' }]);
    expect(check(fieldsCheck, page('# ADR 4\n', { owner: '@acme/eng' }), spec)).toEqual([]);
  });
});
