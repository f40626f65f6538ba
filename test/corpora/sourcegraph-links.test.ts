import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { sharedCorpus } from '../helpers/shared.js';

const CORPUS = sharedCorpus('sourcegraph-handbook');
const findings = CORPUS.present
  ? (await run(defaultConfig(CORPUS.path), { now: new Date('2026-11-22T00:00:00Z') })).findings
  : [];
const at = (ruleId: string) =>
  new Set(
    findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.page.file}:${f.position?.start.line ?? '-'}`),
  );
const brokenLinks = findings.filter((f) => f.ruleId === 'broken-link');

describe.skipIf(!CORPUS.present)('sourcegraph-handbook links', () => {
  it('reports true broken links by file and line', () => {
    const broken = at('broken-link');
    // an anchor whose heading was renamed ("Recording paid time off via Deel - ...")
    expect(broken).toContain('content/benefits-pay-perks/benefits-perks/parental-leave.md:71');
    // a link to a file that is not in the repository
    expect(broken).toContain('README.md:54');
    // anchors written with the heading's punctuation, which GitHub slugs drop
    expect(broken).toContain('content/benefits-pay-perks/benefits-perks/leave-of-absence.md:73');
  });

  it('suggests the intended heading', () => {
    const finding = brokenLinks.find(
      (f) =>
        f.page.file === 'content/benefits-pay-perks/benefits-perks/leave-of-absence.md' &&
        f.position?.start.line === 80,
    );
    expect(finding?.message).toContain('Did you mean #step-5-take-your-leave?');
  });

  it('does not report links that resolve: anchors, index.md folders, ../ paths', () => {
    const hrefs = new Set(brokenLinks.map((f) => `${f.page.file} ${f.excerpt}`));
    // ../ page + anchor that exists
    expect(hrefs).not.toContain(
      'content/benefits-pay-perks/benefits-perks/mental-health/index.md ../benefits.md#q-what-is-sequoia-consulting-group',
    );
    // ../../../ to a folder's index.md + anchor
    expect(hrefs).not.toContain(
      'content/benefits-pay-perks/pay-expenses/compensation/index.md ../../../departments/people-talent/people-ops/process/teammate-sentiment/impact-reviews/index.md#merit-philosophy',
    );
    // a folder link (trailing slash) that resolves to its index.md
    expect(hrefs).not.toContain(
      'content/departments/technical-success/support/process/engaging-other-teams.md ../../../engineering/teams/',
    );
    // ../ to a folder's index.md
    expect(brokenLinks.filter((f) => f.excerpt === '../index.md')).toEqual([]);
    expect(brokenLinks.filter((f) => f.excerpt === 'index.md')).toEqual([]);
  });

  it('reports orphans that nothing links to', () => {
    const orphans = at('orphan-page');
    expect(orphans).toContain('content/company-info-and-process/queer.md:-');
    expect(orphans).not.toContain('content/index.md:-');
    expect(orphans).not.toContain('content/company-info-and-process/index.md:-');
  });
});

describe.skipIf(!CORPUS.present)('sourcegraph-handbook with no config (issue 14)', () => {
  it('reports no orphan for a page its section index reaches', () => {
    const orphans = at('orphan-page');
    // folder index pages under a reached index, which links none of them
    expect(orphans).not.toContain('content/departments/engineering/teams/cody/index.md:-');
    expect(orphans).not.toContain('content/departments/legal/process/index.md:-');
  });

  it('reports no broken link for an anchor an HTML id defines', () => {
    // <th id="ic1"> ... in the same page's table
    const hrefs = brokenLinks.map((f) => `${f.page.file} ${f.excerpt}`);
    expect(hrefs).not.toContain('content/departments/product/design/career-development.md #ic1');
  });

  it('does not judge anchors into pages filled in at build time, nor Notion links', () => {
    const hrefs = brokenLinks.map((f) => `${f.page.file} ${f.excerpt}`);
    // content/team/index.md is `{{generator:team_members_list}}`: its people's headings come at build time
    expect(hrefs).not.toContain('content/departments/ceo-team/index.md ../../team/index.md#connor-obrien');
    expect(hrefs.filter((href) => href.includes('notion.so'))).toEqual([]);
  });
});
