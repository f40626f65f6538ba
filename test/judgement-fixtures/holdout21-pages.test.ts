import { describe, expect, it } from 'vitest';
import { parseDate, parseStrictDate } from '../../src/normalize/fields.js';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';
import { lintDecisionFolder, rulesOf } from './decision-folder.js';
import { readPage } from './page-type.js';

/**
 * Round 21 page labels: an owner named in an HTML meta tag, year-first dates written with slashes, and pages a
 * team keeps in its ADR folder that are no records (a charter, a process page), typed alike from the repository's
 * root and from the folder. Each page is written for the test.
 */

const iso = (date: Date | undefined) => date?.toISOString().slice(0, 10);

describe('holdout21: an owner named in an HTML meta tag', () => {
  const page = (end: string) =>
    `# Travel policy\n\nBook trains when the trip is under five hours.\n\n${end}\n`;

  it('reads `<meta name="maintainedBy" value="…">` at the page end as its owner', () => {
    const read = readPage(page('<meta name="maintainedBy" value="dana-k">'), 'handbook/travel.md');
    expect([read.owner, read.ownerSource]).toEqual(['dana-k', 'meta-tag']);
  });

  it('reads `content=` and the owner, maintained-by and maintained_by names, quoted either way', () => {
    for (const tag of [
      '<meta name="owner" content="people-ops">',
      "<meta name='maintained-by' content='people-ops'>",
      '<meta content="people-ops" name="maintained_by" />',
    ])
      expect(readPage(page(tag), 'handbook/travel.md').owner, tag).toBe('people-ops');
  });

  it('reads the tag on the line under a paragraph (inline HTML) too', () => {
    const read = readPage('# Travel\n\nBook trains.\n<meta name="maintainedBy" value="dana-k">\n', 'h/t.md');
    expect(read.owner).toBe('dana-k');
  });

  it('reads no owner from another meta tag, from one in a code block, or from an empty value', () => {
    for (const end of [
      '<meta name="description" content="How we travel">',
      '```html\n<meta name="maintainedBy" value="dana-k">\n```',
      '<meta name="maintainedBy" value="">',
    ])
      expect(readPage(page(end), 'handbook/travel.md').owner, end).toBeUndefined();
  });

  it('page-owner passes the page with the meta tag and still reports its sibling without one', async () => {
    // The README's own tag names the README's maintainer, not its folder's: the sibling inherits nothing.
    const root = tempTree({
      'README.md':
        '# Handbook\n\n- [Travel](travel.md)\n- [Expenses](expenses.md)\n\n<meta name="maintainedBy" value="lee-m">\n',
      'travel.md': page('<meta name="maintainedBy" value="dana-k">'),
      'expenses.md': '# Expenses\n\nKeep every receipt.\n',
    });
    expect(await findings([root], 'page-owner')).toEqual(['expenses.md']);
  });

  it("still lets a folder README's `Owner:` line own the pages under it", async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\nOwner: lee-m\n\n- [Expenses](expenses.md)\n',
      'expenses.md': '# Expenses\n\nKeep every receipt.\n',
    });
    expect(await findings([root], 'page-owner')).toEqual([]);
  });
});

describe('holdout21: year-first dates with slashes', () => {
  it('parses 2026/05/05 (and 2026/5/5) as that day in UTC, and leaves a day that does not exist undated', () => {
    expect(iso(parseDate('2026/05/05'))).toBe('2026-05-05');
    expect(iso(parseDate('2026/5/5 - Accepted'))).toBe('2026-05-05');
    expect(iso(parseStrictDate('2026/05/05'))).toBe('2026-05-05');
    expect(parseDate('2026/02/30')).toBeUndefined();
  });

  it('keeps day-first slashes, dash dates and fractions as they were read', () => {
    expect(iso(parseDate('05/03/2026', true))).toBe('2026-03-05');
    expect(iso(parseStrictDate('05/03/2026'))).toBe('2026-03-05');
    expect(iso(parseDate('2026-05-05'))).toBe('2026-05-05');
    expect(parseDate('1/2')).toBeUndefined();
  });

  const record = (status: string) =>
    `# Review practice\n\n## Status : ${status}\n\n## Context\n\nReviews drift.\n\n## Decision\n\nEvery review ends in an approval or a change request, because a bare comment stalls the merge.\n\n## Consequences\n\nFaster merges.\n`;

  it('strips a leading slash date from the status as a dash date is stripped, and dates the record by it', async () => {
    const { on } = await lintDecisionFolder(
      { 'adr/review-practice.md': record('2026/05/05 - APPROVED') },
      '2026-08-01',
    );
    expect(rulesOf(on('adr/review-practice.md'))).not.toContain('decision-status');
    expect(rulesOf(on('adr/review-practice.md'))).not.toContain('decision-date');
    expect(readPage(record('2026/05/05 - APPROVED'), 'adr/r.md').fields['status-date']?.value).toBe(
      '2026-05-05',
    );
  });

  it('still reports a slash-dated status whose word is no lifecycle state', async () => {
    const { on } = await lintDecisionFolder(
      { 'adr/review-practice.md': record('2026/05/05 - parked') },
      '2026-08-01',
    );
    expect(rulesOf(on('adr/review-practice.md'))).toContain('decision-status');
  });

  it('reads a first section heading that opens with its day (`## 2024/10/31`, `## 2026/01/06 - Rollout`) as its date', () => {
    const dated = (heading: string) =>
      readPage(`# Rollout\n\n## ${heading}\n\nShip on Tuesdays.\n`, 'adr/rollout.md').fields.dateline?.value;
    expect(dated('2024/10/31')).toBe('2024-10-31');
    expect(dated('2026/01/06 - Rollout')).toBe('2026-01-06');
    expect(dated('2026-01-06 - Rollout')).toBe('2026-01-06');
    expect(dated('2026 roadmap')).toBeUndefined();
    expect(dated('2026/01/06release')).toBeUndefined();
  });
});

describe('holdout21: pages in an ADR folder that have no record shape', () => {
  const charter =
    "# How the team works\n\n## Rules for everyone\n\n- 2023-02-16 - Be kind in reviews.\n- 2023-02-16 - Remind each other of the rules.\n\n## The lead's role\n\nThe lead runs the weekly sync.\n";
  const process =
    '# How a feature reaches production\n\n## 2026/01/06 - Dev process\n\n1. Pick a ready story.\n2. Open a pull request.\n3. Ask for a review.\n';
  const unnumbered = (heading: string) =>
    `# Queue the exports\n\n## ${heading}\n\nWe run the export in a queue, because a queue keeps the other jobs running.\n`;

  it('types neither a team charter nor a process page in doc/adr a decision', () => {
    expect(readPage(charter, 'doc/adr/team-charter.md').type).toBeUndefined();
    expect(readPage(process, 'doc/adr/dev-process.md').type).toBeUndefined();
  });

  it('still types a record there with a status, a Decision or Context heading, an ADR title or a number', () => {
    expect(readPage('# Queue\n\nStatus: Accepted\n\nWe queue.\n', 'doc/adr/queue.md').type).toBe('decision');
    expect(readPage(unnumbered('Decision'), 'doc/adr/queue.md').type).toBe('decision');
    expect(readPage(unnumbered('Contexte'), 'doc/adr/queue.md').type).toBe('decision');
    expect(readPage('# ADR: queue the exports\n\nWe queue.\n', 'doc/adr/queue.md').type).toBe('decision');
    expect(readPage('# Queue the exports\n\nWe queue.\n', 'doc/adr/0007-queue.md').type).toBe('decision');
  });

  it('types each page alike when the run starts at the repository root or at doc/adr', async () => {
    const pages = {
      'team-charter.md': charter,
      'dev-process.md': process,
      'queue.md': unnumbered('Decision'),
      'review.md': '# Review practice\n\n## Status : 2026/05/05 - APPROVED\n\nWe review daily.\n',
    };
    const index = Object.keys(pages)
      .map((file) => `- [${file}](doc/adr/${file})`)
      .join('\n');
    const root = tempTree({
      'README.md': `# Repo\n\n${index}\n`,
      ...Object.fromEntries(Object.entries(pages).map(([file, text]) => [`doc/adr/${file}`, text])),
    });
    const decided = async (folder: string) =>
      [...new Set(await findings([folder], 'decision-sections'))].map((file) =>
        file.replace(/^doc\/adr\//, ''),
      );
    const fromRoot = await decided(root);
    expect(fromRoot).toEqual(['queue.md', 'review.md']);
    expect(await decided(`${root}/doc/adr`)).toEqual(fromRoot);
  });
});
