import { describe, expect, it } from 'vitest';
import { INCLUDE_LINE } from '../../src/normalize/links.js';
import { OWNER_SENTENCE } from '../../src/normalize/prose-owner.js';
import { GITLAB_SECTION } from '../../src/platforms/markdown/codeowners.js';
import { TEMPLATED } from '../../src/rules/checks/links.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * Round 22 page labels: links by a page's own `slug:` from a run above the content folder, build-time
 * tokens in link targets, GitLab's CODEOWNERS, pandoc `!include` lines and an owner named in a handbook's
 * index sentence. Each page is written for the test.
 */

describe('holdout22: a root-absolute link names a page by its front-matter slug', () => {
  const gatsby = {
    'gatsby-config.js':
      "module.exports = { plugins: [{ resolve: 'gatsby-source-filesystem', options: { path: './src/guides' } }] };\n",
    'src/guides/access/ask-for-access.md':
      '---\ntitle: Ask for access\nslug: ask-for-access\n---\n\n# Ask for access\n\nRead [the licence page](/pick-a-licence/) and [leaving](/leave-the-team/) first.\n',
    'src/guides/access/licences.md':
      '---\ntitle: Pick a licence\nslug: pick-a-licence\n---\n\n# Pick a licence\n\nBack to [asking](/ask-for-access/).\n',
  };

  it('from the repository root, "/<slug>/" reaches the page whose `slug:` it is, wherever its file lies', async () => {
    const root = tempTree(gatsby);
    const broken = await findings([root], 'broken-link', true);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^src\/guides\/access\/ask-for-access\.md .*leave-the-team/);
  });

  it('a page linked only by its slug is no orphan', async () => {
    const root = tempTree({
      ...gatsby,
      'src/guides/access/unlinked.md':
        '---\ntitle: Unlinked\nslug: unlinked\n---\n\n# Unlinked\n\nNo page links here.\n',
    });
    const orphans = await findings([root], 'orphan-page');
    expect(orphans).toContain('src/guides/access/unlinked.md');
    expect(orphans).not.toContain('src/guides/access/licences.md');
  });

  it('a slug two pages share names neither: the link stays broken', async () => {
    const root = tempTree({
      ...gatsby,
      'src/guides/other/licences.md':
        '---\ntitle: Licences again\nslug: pick-a-licence\n---\n\n# Again\n\nA copy.\n',
    });
    const broken = await findings([root], 'broken-link', true);
    expect(broken).toContainEqual(expect.stringMatching(/ask-for-access\.md .*pick-a-licence/));
  });

  it('from a folder below a Docusaurus docs root, "/docs/<slug>" reaches the page whose absolute slug it is', async () => {
    const root = tempTree({
      'site/docusaurus.config.js': "module.exports = { title: 'Docs' };\n",
      'site/docs/engineering/backend/index.md':
        '---\nslug: /backend\n---\n\n# Backend\n\nSee [quality](/docs/backend/quality) and [testing](/docs/backend/testing).\n',
      'site/docs/engineering/backend/quality/index.md':
        '---\nslug: /backend/quality\n---\n\n# Quality\n\nBack to [the backend](/docs/backend).\n',
    });
    const broken = await findings([`${root}/site/docs/engineering/backend`], 'broken-link', true);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^index\.md .*backend\/testing/);
  });
});

describe('holdout22: a link target the build fills in', () => {
  const expression = (name: string) => `$\{${name}}`;
  const page = (links: string) => ({ 'index.md': `# Guides\n\nSee ${links}.\n` });

  it('a target opened by a `%UPPER_SNAKE%` token or a JavaScript-style expression is not checked', async () => {
    const root = tempTree(
      page(
        `[the portal](%PORTAL_BASE_URL%/private-cloud/), [a version](/docs/%RELEASE%/notes) and [home](${expression('SITE_URL')}/home)`,
      ),
    );
    expect(await findings([root], 'broken-link')).toEqual([]);
  });

  it('a percent-encoded path to no file is still broken, as is a `%` word that is no token', async () => {
    const root = tempTree(
      page('[the quote](%E2%80%99notes.md), [the plan](plan%20b.md) and [usage](%usage%.md)'),
    );
    expect(await findings([root], 'broken-link')).toEqual(['index.md', 'index.md', 'index.md']);
  });
});

describe("holdout22: GitLab's CODEOWNERS", () => {
  const handbook = (codeowners: Record<string, string>) =>
    tempTree({
      ...codeowners,
      'README.md': '# Handbook\n\n- [On call](eng/on-call.md)\n- [Expenses](finance/expenses.md)\n',
      'eng/on-call.md': '# On call\n\nWho answers the pager at night.\n',
      'finance/expenses.md': '# Expenses\n\nHow to claim a train ticket.\n',
    });

  it('`.gitlab/CODEOWNERS` gives the pages it names their owner; a page outside every pattern is still reported', async () => {
    const root = handbook({ '.gitlab/CODEOWNERS': '# Engineering\n/eng/ @dana-k\n' });
    const owners = await findings([root], 'page-owner');
    expect(owners).toContain('finance/expenses.md');
    expect(owners).not.toContain('eng/on-call.md');
  });

  it("a GitLab section's default owners own its patterns that name none", async () => {
    const root = handbook({ '.gitlab/CODEOWNERS': '[Engineering] @dana-k\n/eng/\n\n[Finance]\n/finance/\n' });
    const owners = await findings([root], 'page-owner');
    expect(owners).toContain('finance/expenses.md');
    expect(owners).not.toContain('eng/on-call.md');
  });

  it('the first file in GitLab’s order wins: the root one over `.gitlab/`', async () => {
    const root = handbook({
      CODEOWNERS: '/finance/ @sam-p\n',
      '.gitlab/CODEOWNERS': '/eng/ @dana-k\n',
    });
    const owners = await findings([root], 'page-owner');
    expect(owners).toContain('eng/on-call.md');
    expect(owners).not.toContain('finance/expenses.md');
  });
});

describe('holdout22: a pandoc book pulls its chapters in with `!include`', () => {
  const book = {
    'README.md': '# Project manual\n\nBuild the book with `build.sh` and open manual.html.\n',
    'manual.md':
      '# Project manual\n\nThe chapters, in order.\n\n!include chapters/1-start.md\n!include chapters/2-budget.md\n\n!include chapters/3-close.md\n',
    'chapters/1-start.md': '# Starting a project\n\nMeet the client first.\n',
    'chapters/2-budget.md': '# Budget\n\nPrice the work in hours.\n',
    'chapters/3-close.md': '# Closing\n\nHand the project over.\n',
  };

  it('the included chapters and the book source that includes them are no orphans', async () => {
    expect(await findings([tempTree(book)], 'orphan-page')).toEqual([]);
  });

  it('a chapter the book does not include is still an orphan, and an include of a missing file is broken', async () => {
    const root = tempTree({
      ...book,
      'manual.md': `${book['manual.md']}!include chapters/4-gone.md\n`,
      'chapters/9-draft.md': '# Draft\n\nNot in the book yet.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['chapters/9-draft.md']);
    const broken = await findings([root], 'broken-link', true);
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^manual\.md .*4-gone/);
  });

  it('`!include` inside a sentence or a code block names no chapter', async () => {
    const root = tempTree({
      ...book,
      'manual.md':
        '# Project manual\n\nWrite !include chapters/1-start.md on a line of its own.\n\n```\n!include chapters/2-budget.md\n```\n\n!include chapters/3-close.md\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['chapters/1-start.md', 'chapters/2-budget.md']);
  });
});

describe("holdout22: an owner named in a sentence of the handbook's index", () => {
  const handbook = (sentence: string) =>
    tempTree({
      'handbook/_index.md': `---\ntitle: About this handbook\n---\n\nThis handbook collects our agreements.\n\n${sentence} If you want to help, write to us.\n\n- [Onboarding](howtos/onboarding.md)\n- [Decisions](processes/decisions.md)\n`,
      'handbook/crew.md': '# Docs crew\n\nOwner: Rosa Lind\n\nWho keeps the handbook tidy.\n',
      'handbook/howtos/onboarding.md': '# Onboarding\n\nThe steps for a new member.\n',
      'handbook/processes/decisions.md': '# Decisions\n\nHow we decide together.\n',
    });

  it('"This handbook is currently maintained by the [Docs Crew](…)": the pages below inherit that owner', async () => {
    const root = handbook('This handbook is currently maintained by the [Docs Crew](crew.md).');
    expect(await findings([root], 'page-owner')).toEqual([]);
  });

  it('"is owned by" and a named team read the same way', async () => {
    const root = handbook('This section is owned by the Knowledge Gardening team.');
    expect(await findings([root], 'page-owner')).toEqual([]);
  });

  it('the community, the team alone, or a sentence about maintaining something else names no owner', async () => {
    for (const sentence of [
      'This handbook is maintained by the community.',
      'This handbook is maintained by the team.',
      'The handbook is maintained by every teammate.',
      'This handbook is being maintained for a housing collective.',
      'We aim to include a process for maintaining these documents.',
      'The list of suppliers is maintained by Rosa Lind.',
    ])
      expect(await findings([handbook(sentence)], 'page-owner'), sentence).toEqual([
        'handbook/howtos/onboarding.md',
        'handbook/processes/decisions.md',
      ]);
  });

  it('the sentence on a page that is no index names no owner for the pages beside it', async () => {
    const root = tempTree({
      'handbook/_index.md': '# Handbook\n\n- [Onboarding](onboarding.md)\n- [Notes](notes.md)\n',
      'handbook/notes.md': '# Notes\n\nThis handbook is maintained by Rosa Lind.\n',
      'handbook/onboarding.md': '# Onboarding\n\nThe steps for a new member.\n',
    });
    expect(await findings([root], 'page-owner')).toContain('handbook/onboarding.md');
  });
});

describe('holdout22: the new patterns read each run once', () => {
  it('the include line, the build-time token and the GitLab section header: safe', () => {
    expect(verdict(INCLUDE_LINE)).toBe('safe');
    expect(verdict(TEMPLATED)).toBe('safe');
    expect(verdict(GITLAB_SECTION)).toBe('safe');
  }, 120_000);

  it('the owner sentence: safe', () => {
    expect(verdict(OWNER_SENTENCE)).toBe('safe');
  }, 180_000);
});
