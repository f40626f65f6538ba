import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/model/finding.js';
import { type LintResult, summarize } from '../src/model/result.js';
import { forOwner, ownedBy, resolveOwners } from '../src/owners.js';
import { formatMarkdown } from '../src/report/markdown.js';
import { notionComment, storageComment } from '../src/writeback/comment-text.js';
import { runCli, tempTree } from './helpers/cli.js';

// Every page carries one placeholder, so every page has a finding that shows its owner.
const TODO = '\n\n[Add your notes]\n';

/** A Markdown handbook with one page per source of ownership. */
function handbook(): string {
  return tempTree({
    // The last matching line wins: benefits.md is @omar's, not @lena's.
    '.github/CODEOWNERS': [
      '/people/ @acme/people',
      '/people/benefits.md @lena',
      '/people/benefits.md @omar',
      '/finance/ @acme/finance',
    ].join('\n'),
    'finance/index.md': `---\nowner: Ana Souza\n---\n# Finance${TODO}`,
    'finance/expenses.md': `# Expenses${TODO}`,
    // No index in finance/travel: the nearest one is in the folder above.
    'finance/travel/flights.md': `# Flights${TODO}`,
    'finance/travel/trains.md': `# Trains\n\nOwner: Rui Costa${TODO}`,
    'security/policy.md': `---\nowner: "@sec-team"\n---\n# Security policy${TODO}`,
    // A policy states its owner at its end, below the metadata lines.
    'security/access.md': `# Access control${TODO}\n${'Text.\n\n'.repeat(30)}**Policy Owner:** Head of Security\n`,
    'people/benefits.md': `# Benefits${TODO}`,
    'people/leave.md': `# Leave${TODO}`,
    'misc/lonely.md': `# Lonely page${TODO}`,
  });
}

interface JsonFinding {
  ruleId: string;
  page: { path: string; owner?: string; ownerSource?: string };
  owner: string | null;
  ownerSource: string | null;
}

async function jsonRun(root: string, ...extra: string[]) {
  const run = await runCli(['run', root, '--format', 'json', '--now', '2026-06-01', ...extra]);
  const report = JSON.parse(run.stdout) as { schemaVersion: number; findings: JsonFinding[] };
  return { run, report };
}

function ownersByPath(findings: readonly JsonFinding[]): Record<string, [string | null, string | null]> {
  return Object.fromEntries(findings.map((f) => [f.page.path, [f.owner, f.ownerSource]]));
}

describe('owners of Markdown pages', () => {
  it('resolve by the page, then its folder index, then CODEOWNERS (last matching line wins)', async () => {
    const { report } = await jsonRun(handbook());
    expect(report.schemaVersion).toBe(3);
    expect(ownersByPath(report.findings)).toEqual({
      'finance/index.md': ['Ana Souza', 'front-matter'],
      // The folder index names an owner: it beats CODEOWNERS' /finance/ line.
      'finance/expenses.md': ['Ana Souza', 'folder-index'],
      'finance/travel/flights.md': ['Ana Souza', 'folder-index'],
      'finance/travel/trains.md': ['Rui Costa', 'page'],
      'security/policy.md': ['@sec-team', 'front-matter'],
      'security/access.md': ['Head of Security', 'page'],
      'people/benefits.md': ['@omar', 'codeowners'],
      'people/leave.md': ['@acme/people', 'codeowners'],
      'misc/lonely.md': [null, null],
    });
    const placeholder = report.findings.find((f) => f.page.path === 'finance/expenses.md');
    expect(placeholder?.page).toMatchObject({ owner: 'Ana Souza', ownerSource: 'folder-index' });
  }, 60_000);

  it('count a page whose folder index names an owner as owned: page-owner reports only the unowned page', async () => {
    const { report } = await jsonRun(handbook());
    const missing = report.findings.filter((f) => f.ruleId === 'page-owner').map((f) => f.page.path);
    expect(missing).toEqual(['misc/lonely.md']);
  }, 60_000);

  it('--owner keeps one person’s findings, case-insensitively and with or without @', async () => {
    const root = handbook();
    const { report } = await jsonRun(root, '--owner', 'ana souza');
    expect([...new Set(report.findings.map((f) => f.page.path))].sort()).toEqual([
      'finance/expenses.md',
      'finance/index.md',
      'finance/travel/flights.md',
    ]);
    const omar = await jsonRun(root, '--owner', 'OMAR');
    expect(new Set(omar.report.findings.map((f) => f.page.path))).toEqual(new Set(['people/benefits.md']));
    const text = await runCli(['run', root, '--now', '2026-06-01', '--owner', '@sec-team']);
    expect(text.stdout).toContain('security/policy.md');
    expect(text.stdout).not.toContain('finance/');
  }, 60_000);

  it('--owner sets the exit code and --max-warnings from that owner’s findings: a personal digest', async () => {
    const root = tempTree({
      'ana.md': '---\nowner: Ana\n---\n# Ana\n\nSee [the plan](missing.md).\n',
      'ben.md': `---\nowner: Ben\n---\n# Ben${TODO}`,
    });
    const args = ['run', root, '--now', '2026-06-01', '--format', 'json'];
    expect((await runCli(args)).code).toBe(1);
    expect((await runCli([...args, '--owner', 'ben'])).code).toBe(0);
    expect((await runCli([...args, '--owner', 'ben', '--max-warnings', '0'])).code).toBe(1);
    expect((await runCli([...args, '--owner', 'ana'])).code).toBe(1);
  }, 60_000);
});

describe('resolveOwners', () => {
  const page = (key: string, extra: Record<string, string> = {}) => ({
    key: `notion:${key}`,
    source: 'notion' as const,
    ...extra,
  });

  it('inherits from the nearest parent that names an owner, not from CODEOWNERS-only parents', () => {
    const owners = resolveOwners(
      [
        page('root', { owner: 'Maya', ownerSource: 'property' }),
        page('team', { parent: 'notion:root', owner: 'Tomás', ownerSource: 'page' }),
        page('doc', { parent: 'notion:team' }),
        page('deep', { parent: 'notion:doc' }),
        page('other', { parent: 'notion:root' }),
      ],
      { lastEditor: false },
    );
    expect(owners.get('notion:doc')).toEqual({ owner: 'Tomás', source: 'parent' });
    expect(owners.get('notion:deep')).toEqual({ owner: 'Tomás', source: 'parent' });
    expect(owners.get('notion:other')).toEqual({ owner: 'Maya', source: 'parent' });
  });

  it('gives the last editor only when the config allows it, and never loops on a parent cycle', () => {
    const pages = [page('a', { parent: 'notion:b', lastEditor: 'Lee' }), page('b', { parent: 'notion:a' })];
    expect(resolveOwners(pages, { lastEditor: false }).get('notion:a')).toBeUndefined();
    expect(resolveOwners(pages, { lastEditor: true }).get('notion:a')).toEqual({
      owner: 'Lee',
      source: 'last-editor',
    });
    expect(resolveOwners(pages, { lastEditor: true }).get('notion:b')).toBeUndefined();
  });
});

function finding(path: string, owner: string | undefined, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'placeholder',
    severity: 'warning',
    message: 'Unfilled template text "[Add your notes]".',
    page: {
      key: `markdown:${path}`,
      title: path,
      url: path,
      path,
      file: path,
      ...(owner ? { owner, ownerSource: 'front-matter' } : {}),
      lastEdited: path.startsWith('old') ? '2024-01-01' : '2026-05-01',
    },
    fingerprint: path,
    ...extra,
  };
}

function resultOf(findings: Finding[]): LintResult {
  return { summary: summarize(findings, 5, 0), findings, rules: [], unreadable: [] };
}

describe('the findings page', () => {
  it('has a By owner section: each owner’s pages, counts and oldest open finding', () => {
    const result = resultOf([
      finding('new.md', 'Ana', { severity: 'error' }),
      finding('old.md', 'Ana'),
      finding('b.md', 'Ben'),
      finding('none.md', undefined),
    ]);
    const text = formatMarkdown(result, undefined);
    const section = text.slice(text.indexOf('## By owner'));
    expect(section).toContain(
      '| Ana | 2 | 2 | 1 | `placeholder` on [old.md](old.md) (page last edited 2024-01-01) |',
    );
    expect(section).toContain('| Ben | 1 | 1 | 0 |');
    expect(section).toContain('| No owner | 1 | 1 | 0 |');
    expect(section).toContain(
      '### Ana (from front matter)\n\n- [new.md](new.md): 1 finding, 1 error\n- [old.md](old.md): 1 finding\n',
    );
    // Ana has an error, so she comes first; pages nobody owns come last.
    expect(section.indexOf('### Ana')).toBeLessThan(section.indexOf('### Ben'));
    expect(section.indexOf('### Ben')).toBeLessThan(section.indexOf('### No owner'));
  });

  it('takes "oldest" from the ledger’s first-seen dates when there is history', () => {
    const result: LintResult = {
      ...resultOf([finding('old.md', 'Ana'), finding('new.md', 'Ana')]),
      history: {
        previousRun: '2026-05-01T00:00:00.000Z',
        status: { 'old.md': 'open', 'new.md': 'open' },
        newCount: 0,
        openCount: 2,
        fixed: [],
        trends: [],
        firstSeen: { 'old.md': '2026-04-01T00:00:00.000Z', 'new.md': '2026-03-01T00:00:00.000Z' },
      },
    };
    expect(formatMarkdown(result, undefined)).toContain(
      '`placeholder` on [new.md](new.md) (open since 2026-03-01)',
    );
  });

  it('has no By owner section when no page has an owner', () => {
    expect(formatMarkdown(resultOf([finding('a.md', undefined)]), undefined)).not.toContain('By owner');
  });
});

describe('ownership in a digest and in comments', () => {
  it('--owner recounts the summary from the owner’s findings and pages only', () => {
    const result = resultOf([finding('a.md', 'Ana, @ben'), finding('c.md', 'Cleo')]);
    // Five pages: two name Ana and ben, one ben alone, two Cleo.
    const owners = { 'Ana, @ben': 2, '@ben': 1, Cleo: 2 };
    const digest = forOwner({ ...result, owners }, 'ben');
    expect(digest.findings.map((f) => f.page.path)).toEqual(['a.md']);
    expect(digest.summary).toMatchObject({ findings: 1, pagesWithFindings: 1, pages: 3 });
    expect(ownedBy(finding('x.md', 'Ana Souza'), 'ana')).toBe(false);
  });

  it('--owner recounts new and still-open findings from the owner’s findings only', () => {
    const result: LintResult = {
      ...resultOf([finding('a.md', 'Ana'), finding('b.md', 'Ben'), finding('c.md', 'Ben')]),
      history: {
        previousRun: '2026-05-01T00:00:00.000Z',
        status: { 'a.md': 'open', 'b.md': 'new', 'c.md': 'new' },
        newCount: 2,
        openCount: 1,
        fixed: [],
        trends: [],
      },
    };
    expect(forOwner(result, 'ana').history).toMatchObject({ newCount: 0, openCount: 1 });
    expect(forOwner(result, 'ben').history).toMatchObject({ newCount: 2, openCount: 0 });
    expect(formatMarkdown(forOwner(result, 'ana'), undefined)).toContain('**0 new**, 1 still open');
  });

  it('splits an owner list on commas and semicolons only: "and" belongs to team names', () => {
    const team = finding('r.md', 'Research and Development; @ops');
    expect(ownedBy(team, 'research and development')).toBe(true);
    expect(ownedBy(team, 'ops')).toBe(true);
    expect(ownedBy(team, 'Research')).toBe(false);
    expect(ownedBy(team, 'Development')).toBe(false);
  });

  it('names where an owner came from in words on the findings page, as comments do', () => {
    const inherited = finding('a.md', 'Ana');
    inherited.page = { ...inherited.page, ownerSource: 'folder-index' };
    expect(formatMarkdown(resultOf([inherited]), undefined)).toContain(
      "### Ana (from the folder's index page)",
    );
  });

  it('names the resolved owner in Notion and Confluence comments, with at most one mention', () => {
    const content = {
      kind: 'comment' as const,
      findings: [
        { ...finding('a.md', 'Ana'), page: { ...finding('a.md', 'Ana').page, ownerSource: 'parent' } },
      ],
      fingerprints: ['a.md'],
      rules: new Map(),
      added: 1,
      removed: 0,
      owner: 'user-1',
    };
    const runs = notionComment(content);
    expect(runs.filter((r) => 'mention' in r)).toHaveLength(1);
    const text = runs.map((r) => ('text' in r && r.text ? r.text.content : '')).join('');
    expect(text).toContain('Owner: Ana (from the parent page).');
    expect(storageComment(content)).toContain('<p>Owner: Ana (from the parent page).</p>');
    expect(storageComment({ ...content, kind: 'resolved', findings: [] })).not.toContain('Owner:');
  });
});
