import { describe, expect, it } from 'vitest';
import {
  headingSlugs,
  PYTHON_DROPPED,
  PYTHON_NOT_ASCII,
  PYTHON_SEPARATORS,
} from '../../src/normalize/slug-style.js';
import { DEFAULT_PLACEHOLDERS } from '../../src/rules/checks/placeholder.js';
import { DEFAULT_RULES_DIR, loadRuleFiles } from '../../src/rules/load.js';
import { MKDOCS_PAGE } from '../../src/site-mkdocs.js';
import { readProjectSettings } from '../../src/site-zensical.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the eleventh (hold-out) audit of the handbook-page rules met: a Zensical handbook (its nav in
 * `zensical.toml`, its anchors Python-Markdown's), an MkDocs handbook whose awesome-pages `.pages` file
 * leaves a folder out of the navigation, a certification form kept among the handbook's pages, and a
 * stub page's filler text. Each page is written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (eleventh round)', () => {
  const zensical = (nav: string) => `[project]
site_name = "Team handbook"
site_description = """
A handbook. Not a nav: ["stray.md"], nav = [ "x.md" ]
"""
docs_dir = "handbook" # not docs/
${nav}
# Features are a list of strings too, after the nav.
[project.theme]
features = ["navigation.tabs", "stray.md"]

[[project.theme.palette]]
scheme = "default"
`;

  it('reads the nav of a Zensical project (`zensical.toml`, `[project]`, titled entries and sections)', async () => {
    const root = tempTree({
      'README.md': '# Repository\n\nThe handbook is in handbook/.\n',
      'handbook/index.md': '# Handbook\n\nUse the sidebar.\n',
      'handbook/leave/introduction.md': '# Leave\n\nHow leave works.\n',
      'handbook/leave/booking.md': '# Booking\n\nBook in the tool.\n',
      "handbook/leave/it's-approved.md": '# Approved\n\nEnjoy.\n',
      'handbook/tools/chat.md': '# Chat\n\nOne channel per team.\n',
      'handbook/stray.md': '# Stray\n\nListed nowhere, linked from nowhere.\n',
      'zensical.toml': zensical(`# The site's navigation
nav = [
  { "Home" = "index.md" },
  {"Leave" = [
    {"Introduction" = "leave/introduction.md"},
    { 'Booking' = 'leave/booking.md' }, # a literal string
    {Approved = "leave/it's-approved.md"},
  ]},
  "tools/chat.md",
  { "Company site" = "https://example.com/" },
]`),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['handbook/stray.md']);
  });

  it('a Zensical project with no nav lists every page of its docs_dir, as MkDocs does', async () => {
    const root = tempTree({
      'handbook/index.md': '# Handbook\n\nUse the sidebar.\n',
      'handbook/leave/booking.md': '# Booking\n\nBook in the tool.\n',
      'notes/loose.md': '# Loose\n\nOutside the site.\n',
      'zensical.toml': zensical(''),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['notes/loose.md']);
  });

  it('an MkDocs or Zensical page links a heading by its Python-Markdown anchor', async () => {
    const pages = {
      'docs/index.md':
        '# Handbook\n\n- [Roles](guide.md#roles-responsibilities)\n- [Also](guide.md#roles--responsibilities)\n- [Gone](guide.md#roles)\n',
      'docs/guide.md': '# Guide\n\n## Roles & responsibilities\n\nWho does what.\n',
    };
    const broken = ['docs/index.md Broken link guide.md#roles: no heading or anchor "#roles" on that page.'];
    const mkdocs = tempTree({ ...pages, 'mkdocs.yml': 'site_name: Handbook\n' });
    expect(await findings([mkdocs], 'broken-link', true)).toEqual(broken);
    const site = tempTree({ ...pages, 'zensical.toml': '[project]\nsite_name = "Handbook"\n' });
    expect(await findings([site], 'broken-link', true)).toEqual(broken);
    // With no generator, the page is read on GitHub: its anchor is `roles--responsibilities`.
    const plain = tempTree(pages);
    expect(await findings([plain], 'broken-link')).toEqual(['docs/index.md', 'docs/index.md']);
  });

  it("Python-Markdown's slugs: accents folded, punctuation dropped, runs one hyphen, repeats numbered `_1`", () => {
    expect(
      headingSlugs(
        ['Roles & responsibilities', 'Setup', 'Setup', 'Café — ñandú 2.0', '日本語', ' A  -  b '],
        'python-markdown',
      ),
    ).toEqual(['roles-responsibilities', 'setup', 'setup_1', 'cafe-nandu-20', '_1', 'a-b']);
  });

  it("reads awesome-pages' `.pages` files: a folder their nav leaves out is not in the navigation", async () => {
    const handbook = {
      'docs/index.md': '# Handbook\n\nUse the tabs.\n',
      'docs/tech/backend.md': '# Backend\n\nDjango.\n',
      'docs/devops/go-live.md': '# Go live\n\nThe checklist.\n',
      'docs/devops/aws/s3.md': '# S3\n\nBuckets.\n',
      'docs/services/backups.md': '# Backups\n\nNightly.\n',
      'docs/.pages': 'nav:\n  - tech\n  - Operations: devops\n',
    };
    const withPlugin = tempTree({
      ...handbook,
      'mkdocs.yml': 'site_name: Handbook\nplugins:\n  - search\n  - awesome-pages\n',
    });
    expect(await findings([withPlugin], 'orphan-page')).toEqual(['docs/services/backups.md']);
    // Without the plugin MkDocs ignores `.pages`: every page is in the sidebar.
    const without = tempTree({ ...handbook, 'mkdocs.yml': 'site_name: Handbook\n' });
    expect(await findings([without], 'orphan-page')).toEqual([]);
  });

  it('a `...` rest entry of a `.pages` nav lists the rest of its folder; a sub-folder has its own `.pages`', async () => {
    const root = tempTree({
      'docs/index.md': '# Handbook\n\nUse the tabs.\n',
      'docs/intro.md': '# Intro\n\nStart here.\n',
      'docs/leave.md': '# Leave\n\nAsk ahead.\n',
      'docs/team/members.md': '# Members\n\nWho we are.\n',
      'docs/team/old.md': '# Old\n\nLeft out.\n',
      'docs/hidden/secret.md': '# Secret\n\nHidden from the nav.\n',
      'docs/.pages': 'nav:\n  - intro.md\n  - ... | glob=*.md\n  - Website: https://example.com\n',
      'docs/team/.pages': 'title: Team\nnav:\n  - Members: members.md\n',
      'docs/hidden/.pages': 'hide: true\n',
      'mkdocs.yml': 'site_name: Handbook\nplugins:\n  - awesome-pages:\n      collapse_single_pages: true\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/hidden/secret.md', 'docs/team/old.md']);
  });

  it("a certification form's blank ('[Employee Name] certifies that ...') is the form's field, not unfilled", async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Checklist](checklist.md)\n- [Review](review.md)\n',
      'checklist.md':
        '# Security checklist\n\nOwner: Sam\n\n[Employee Name] certifies that they have read the security guide.\n\nIf [Employee Name] has questions, ask Sam.\n\nNext review: [Add the date]\n',
      'review.md': '# Review\n\nOwner: Sam\n\n[Employee Name] wrote this review.\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'checklist.md Unfilled template text "[Add the date]".',
      'review.md Unfilled template text "[Employee Name]".',
    ]);
  });
  it('a stub\'s filler ("...txt goes here...") is unfilled template text; "anything goes here" is prose', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [CI](ci.md)\n- [Notes](notes.md)\n',
      'ci.md': '# CI and CD\n\nOwner: Sam\n\n## CI\n\n...txt goes here...\n\n## CD\n\nContent goes here\n',
      'notes.md':
        '# Notes\n\nOwner: Sam\n\nAnything goes here, really. Say what context goes here and why.\n\n```\nLonger text goes here.\n```\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'ci.md Unfilled template text "...txt goes here...".',
      'ci.md Unfilled template text "Content goes here".',
    ]);
  });

  it('reads only what a `zensical.toml` sets in `[project]`, and nothing from a file it cannot follow', () => {
    const config = [
      'docs_dir = "top"',
      '[project]',
      'site_name = "A \\"quoted\\" name"',
      'date = 2025-01-01T00:00:00Z',
      'nav = ["a.md", { b = [\'b/c.md\'] }]',
      '[project.extra]',
      'nav = ["no.md"]',
    ].join('\n');
    expect(readProjectSettings(config)).toEqual({ nav: ['a.md', { b: ['b/c.md'] }] });
    expect(readProjectSettings('project.docs_dir = "doc"\n')).toEqual({ docs_dir: 'doc' });
    expect(readProjectSettings('[project]\nnav = ["a.md", "b.md"\n')).toBeUndefined();
    expect(readProjectSettings('[project]\nsite_name = "open\nnav = ["a.md"]\n')).toBeUndefined();
  });

  it('reads no nav from a hostile `zensical.toml` (deep brackets, one long string, deep dotted keys)', () => {
    // vitest's timeout is the only clock: the machines are shared.
    const hostile = [
      `[project]\nnav = ${'['.repeat(200_000)}`,
      `[project]\nsite_name = "${'\\"'.repeat(300_000)}`,
      `[project]\n${'a.'.repeat(300_000)}b = 1\n`,
      `[project]\nx = ${'"""a'.repeat(50_001)}`,
    ];
    for (const text of hostile) expect(readProjectSettings(text)?.nav).toBeUndefined();
  }, 60_000);

  it("the patterns added for these readers and the form statement are safe (recheck, as redos-patterns' are)", async () => {
    for (const pattern of [PYTHON_NOT_ASCII, PYTHON_DROPPED, PYTHON_SEPARATORS, MKDOCS_PAGE])
      expect(verdict(pattern)).toBe('safe');
    const filler = DEFAULT_PLACEHOLDERS.find((source) => source.includes('goes')) ?? '';
    expect(verdict(new RegExp(filler, 'g'))).toBe('safe');
    const rules = await loadRuleFiles([DEFAULT_RULES_DIR]);
    const options = rules.get('placeholder')?.options as { 'form-statements'?: string[] } | undefined;
    const statements = options?.['form-statements'] ?? [];
    expect(statements.length).toBeGreaterThan(0);
    for (const source of statements) expect(verdict(new RegExp(source))).toBe('safe');
  }, 120_000);
});
