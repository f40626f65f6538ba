import { describe, expect, it } from 'vitest';
import { notMaintained } from '../../../src/normalize/stub.js';
import { fieldsCheck } from '../../../src/rules/checks/fields.js';
import { staleCheck } from '../../../src/rules/checks/stale.js';
import { check, page } from './harness.js';

const owner = { fields: { owner: { required: true, person: true, aliases: ['maintainer'] } } };
const ownerSkipping = { ...owner, 'skip-unmaintained': true };
const at = (path: string, markdown: string, updatedAt?: Date) =>
  page(markdown, { path, file: path, id: path, ...(updatedAt ? { updatedAt } : {}) });
/** Last edited long before the harness's today, as a file's commit time says. */
const LONG_AGO = new Date('2023-01-10T00:00:00Z');

// Shapes of real pages that are no maintained document (shared/corpora: sourcegraph, kep, rust compiler-team, cometbft).
const unmaintained: [string, string, string, string][] = [
  [
    'a MOVED stub',
    'dev/internal.md',
    '# MOVED: Internal infrastructure\n\nMoved to [internal infrastructure](../tools/index.md).\n',
    'redirect',
  ],
  [
    'a "Please refer to" stub',
    'ms/gateway.md',
    '# Telemetry Gateway\n\nPlease refer to the [Telemetry Gateway (go/msp)](../gw.md) page.\n',
    'redirect',
  ],
  [
    'a body that is one link',
    'a/b.md',
    '# Security\n\n[Security policies](https://example.com/security)\n',
    'redirect',
  ],
  [
    'a git symlink stored as its path',
    'keps/sig-release/k8s-image-promoter.md',
    '1734-k8s-image-promoter/README.md',
    'alias',
  ],
  ['an empty file', 'ce/process/demo.md', '', 'empty'],
  [
    'a frozen list',
    'rfc/tendermint-core/README.md',
    '# Tendermint Core RFCs\n\nThis document serves as a historical reference.\n\nThis list is frozen as-is, and new RFCs should be added [here](../).\n',
    'retired',
  ],
  [
    'a retired badge',
    'wg/nll/_index.md',
    '# NLL Working Group\n![working group status: retired][status]\n\nThis working group aims to implement NLL.\n\n[status]: https://img.shields.io/badge/status-retired-lightgrey.svg\n',
    'retired',
  ],
  [
    'a retired site',
    'README.md',
    '**UPDATE 2025-04-01**\n\nThe website has been retired. All content is now available on: https://forge.example.org\n\n# Compiler Team\n\nThis repository contains a static site.\n',
    'retired',
  ],
  [
    'a per-release CVE table',
    'security/trivy/5-2-6.md',
    '# Accepted CVEs for Sourcegraph 5.2.4\n\n| CVE ID | Severity |\n| --- | --- |\n| CVE-2023-1 | High |\n',
    'release',
  ],
  [
    'a Hugo headless menu',
    'content/menu/index.md',
    '---\nheadless: true\n---\n- **About**\n  - [Code of Conduct](/about/coc)\n',
    'headless',
  ],
  [
    'a personal README',
    'demand-gen/jake-readme.md',
    '# Jake README\n\n### My view on demand generation\n\nI do not like to be marketed to.\n',
    'personal',
  ],
];

// Ordinary maintained pages that look a little like them.
const maintained: [string, string, string][] = [
  [
    'a short policy with one link',
    'finance/expenses.md',
    '# Expenses\n\nClaim expenses within 30 days in [Expensify](https://expensify.com).\n\n## Limits\n\nUp to 50 EUR a day.\n',
  ],
  [
    'a page about a deprecated feature',
    'eng/api.md',
    '# Search API\n\nThe old API is deprecated since 4.0; use the GraphQL API.\n\n## Querying\n\nSend a POST request.\n',
  ],
  ['a dated page', 'minutes/2024-03-14.md', '# Triage\n\nWe met.\n'],
  ['a team README', 'support/team/guide.md', '# Support Team README\n\nHow we work together.\n'],
  ['a folder README', 'team/README.md', '# Team\n\nWe build the search backend.\n'],
  [
    'a page that names another archived repository (out-of-sample: a guidance page)',
    'principles/code.md',
    '# Code principles\n\nWe keep old tools readable. The repository is archived but can be unarchived if we need it.\n',
  ],
  [
    'a page that says where to ask',
    'eng/oncall.md',
    '# On-call\n\nThe rotation is weekly; see [PagerDuty](https://pd.example.com) for who is on call today, and hand over on Mondays.\n\n## Handover\n\nWrite a note.\n',
  ],
];

describe('not a maintained document', () => {
  it.each(unmaintained)('%s', (_name, path, markdown, why) => {
    expect(notMaintained(at(path, markdown))).toBe(why);
  });
  it.each(maintained)('not %s', (_name, path, markdown) => {
    expect(notMaintained(at(path, markdown))).toBeUndefined();
  });
});

describe('page-owner on pages with nothing to own', () => {
  it.each(unmaintained)('silent on %s with skip-unmaintained', (_name, path, markdown) => {
    expect(check(fieldsCheck, at(path, markdown), ownerSkipping)).toEqual([]);
    expect(check(fieldsCheck, at(path, markdown), owner)).toHaveLength(1);
  });
  it.each(maintained)('still reports %s', (_name, path, markdown) => {
    expect(check(fieldsCheck, at(path, markdown), ownerSkipping)).toHaveLength(1);
  });
  it('still checks an owner a stub does write', () => {
    const stub = at('a.md', '---\nowner: n/a\n---\n# Moved\n\nMoved to [the new page](b.md).\n');
    expect(check(fieldsCheck, stub, ownerSkipping)).toMatchObject([{ problem: 'does not name a person' }]);
  });
});

describe('fields in front matter that cannot be read', () => {
  it.each([
    ['an unclosed quote', '---\ntitle: "Travel policy\nowner: Femi Adeyemi\n---\n# Travel\n\nText.\n'],
    ['a list item', '---\ntitle: Holidays\n- owner: Femi Adeyemi\n---\n# Holidays\n\nText.\n'],
    ['a duplicate key', '---\nowner: Femi Adeyemi\nowner: Femi\n---\n# Home office\n\nText.\n'],
    ['an unquoted @', '---\nowner: @ines.kowalski\n---\n# On-call\n\nText.\n'],
    ['an alias of the field', '---\ntitle: "Hiring\nmaintainer: Rafael Souza\n---\n# Hiring\n\nText.\n'],
  ])('no missing owner when it is written there (%s): front-matter reports the YAML', (_name, markdown) => {
    const p = page(markdown);
    expect(p.problems.map((x) => x.code)).toContain('front-matter');
    expect(check(fieldsCheck, p, owner)).toEqual([]);
  });
  it('still reports a missing owner when the broken block does not write one', () => {
    expect(check(fieldsCheck, '---\ntitle: "Travel\n---\n# Travel\n\nText.\n', owner)).toHaveLength(1);
  });
});

describe('stale-page on pages not kept current', () => {
  it.each(unmaintained.filter(([, , , why]) => why !== 'personal' && why !== 'empty'))(
    'silent on %s',
    (_name, path, markdown) => {
      expect(check(staleCheck, at(path, markdown, LONG_AGO))).toEqual([]);
    },
  );
  it('silent on an empty section index, but reports an empty page left for years', () => {
    expect(check(staleCheck, at('about/_index.md', '---\ntitle: About\n---\n# About\n', LONG_AGO))).toEqual(
      [],
    );
    expect(check(staleCheck, at('sales/content.md', '# Content management\n', LONG_AGO))).toHaveLength(1);
  });
  it('still reports a maintained page', () => {
    expect(check(staleCheck, at('finance/expenses.md', maintained[0]?.[2] ?? '', LONG_AGO))).toHaveLength(1);
  });
});

describe('an owner stated further down the page', () => {
  const policyOwner = {
    fields: { owner: { required: true, person: true, aliases: ['policy-owner', 'owners'], anywhere: true } },
  };
  const long = (end: string) =>
    `# Cloud security policy\n\n## Purpose\n\n${'Text of the policy.\n\n'.repeat(30)}## Exceptions\n\nApproved by the Policy Owner.\n\n${end}`;
  it.each([
    ['a bold line at the end', long('**Policy Owner: Head of Security**\n')],
    ['a bold key at the end', long('**Policy Owner:** Head of Security\n')],
    ['a heading', long('#### &nbsp; Policy Owner: Compliance Manager\n')],
    ['a table row', long('| Field | Value |\n| --- | --- |\n| Owners | **cloud** |\n')],
  ])('reads it from %s', (_name, markdown) => {
    expect(check(fieldsCheck, markdown, policyOwner)).toEqual([]);
    expect(check(fieldsCheck, markdown, owner)).toHaveLength(1);
  });
  it.each([
    [
      'a sentence about owners',
      long('- Owner: the team that created the asset is its owner unless stated otherwise.\n'),
    ],
    [
      'a column description',
      long(
        '| Column | Meaning |\n| --- | --- |\n| Owner | In GCP, this value corresponds to the label of the project |\n',
      ),
    ],
    ['command output in code', long('```\nOwner:  admin\n```\n')],
  ])('not from %s', (_name, markdown) => {
    expect(check(fieldsCheck, markdown, policyOwner)).toHaveLength(1);
  });
  it('not from a row of a data table (scores per rule): the owner is missing, not a number', () => {
    const markdown = long(
      '| rule | findings | labelled |\n| --- | --- | --- |\n| policy-owner | 602 | 50 |\n| stale-page | 605 | 46 |\n',
    );
    expect(check(fieldsCheck, markdown, policyOwner)).toMatchObject([{ problem: 'is missing' }]);
  });
});
