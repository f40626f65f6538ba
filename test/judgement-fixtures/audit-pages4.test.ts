import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * Patterns the fourth out-of-sample audit of the handbook-page rules met: a GOV.UK Tech Docs Template
 * site (Middleman pages `x.html.md.erb` linked as `x.html`, page expiry in `last_reviewed_on` +
 * `review_in`, the owning team in `owner_slack`, CODEOWNERS at the top of the repository), Jekyll and
 * Eleventy sites whose layouts list a section's pages under its index page, and a home page that
 * builds its links with a template loop. Each page is written for the test; none is copied.
 */

const TECH_DOCS = {
  'handbook-lint.yml':
    'sources:\n  markdown:\n    root: source\n    include: ["**/*.md", "**/*.html.md.erb"]\n',
  'source/index.html.md.erb':
    '---\ntitle: Platform guidance\n---\n# <%= current_page.data.title %>\n\n- [Hosting](standards/hosting.html)\n- [Naming](/standards/naming.html)\n- [Retired page](standards/retired.html)\n',
  'source/standards/hosting.html.md.erb':
    '---\nowner_slack: "#hosting"\ntitle: Hosting\n---\n# Hosting\n\nUse the platform. See [naming](naming.html#domains).\n',
  'source/standards/naming.html.md.erb':
    '---\nowner_slack: "#hosting"\ntitle: Naming\n---\n# Naming\n\n## Domains\n\nUse service domains.\n',
  // No page links it, and Tech Docs without multipage navigation lists no page in a sidebar.
  'source/standards/backups.html.md.erb':
    '---\nowner_slack: "#hosting"\ntitle: Backups\n---\n# Backups\n\nBack up daily.\n',
};

describe('judgement fixtures: audited handbook pages (fourth round)', () => {
  it('follows a Tech Docs link to x.html to the page x.html.md.erb, and still reports a link to no page', async () => {
    const root = tempTree(TECH_DOCS);
    const args = ['-c', join(root, 'handbook-lint.yml')];
    expect(await findings(args, 'broken-link', true)).toEqual([
      'index.html.md.erb Broken link standards/retired.html: no such page.',
    ]);
    expect(await findings(args, 'orphan-page')).toEqual(['standards/backups.html.md.erb']);
  }, 60_000);

  it('takes owner_slack, the Tech Docs owner field, as the page owner, and asks none of index.html.md.erb', async () => {
    const root = tempTree(TECH_DOCS);
    expect(await findings(['-c', join(root, 'handbook-lint.yml')], 'page-owner')).toEqual([]);
  }, 60_000);

  it('follows x.html to the page x.html.md, which the default include reads', async () => {
    const root = tempTree({
      'index.md': '# Guidance\n\n- [Hosting](hosting.html)\n',
      'hosting.html.md': '# Hosting\n\nUse the platform.\n',
    });
    expect(await findings([root], 'broken-link')).toEqual([]);
    expect(await findings([root], 'orphan-page')).toEqual([]);
  }, 60_000);

  it('reports a Tech Docs page whose review_in has run out since last_reviewed_on, and not one still within it', async () => {
    const root = tempTree({
      'expired.md':
        '---\nowner: ana\nlast_reviewed_on: 2026-01-15\nreview_in: 3 months\n---\n# Hosting\n\nUse the platform.\n',
      'current.md':
        '---\nowner: ana\nlast_reviewed_on: 2025-09-01\nreview_in: 1 year\n---\n# Naming\n\nUse service domains.\n',
      'reviewed-at.md':
        '---\nowner: ana\nlast_reviewed_at: 2025-11-20T17:00:00.000Z\n---\n# Releases\n\nOn Tuesdays.\n',
    });
    expect(await findings([root], 'stale-page', true)).toEqual([
      'expired.md Page may be out of date: its review was due on 2026-04-15 (last reviewed on 2026-01-15, review in 3 months).',
      'reviewed-at.md Page may be out of date: it was last updated on 2025-11-20, more than 180 days ago.',
    ]);
  }, 60_000);

  it("reads the repository's CODEOWNERS when the handbook is a folder of the checkout, matching paths from its top", async () => {
    const root = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.github/CODEOWNERS': '/source/standards/ @acme/platform\n',
      'source/index.md': '# Guidance\n\n- [Hosting](standards/hosting.md)\n- [Travel](travel.md)\n',
      'source/standards/hosting.md': '# Hosting\n\nUse the platform.\n',
      'source/travel.md': '# Travel\n\nBook early.\n',
    });
    expect(await findings([join(root, 'source')], 'page-owner')).toEqual(['travel.md']);
  }, 60_000);

  it('takes the pages of a section whose index links none of them as listed by the site; one its index lists by hand and forgets is still an orphan', async () => {
    const root = tempTree({
      'index.md': '---\ntitle: Playbook\n---\nWho we are and how we work.\n',
      // Front matter only: the layout lists the section's pages (Jekyll, Eleventy collections).
      'about/index.md': '---\ntitle: About us\n---\n',
      'about/values.md': '# Our values\n\nBe kind.\n',
      'about/history.md': '# Our history\n\nFounded in a kitchen.\n',
      'delivery/index.md':
        '---\ntitle: Delivery\n---\nHow we deliver. See [standups](standups.md) and [planning](planning.md).\n',
      'delivery/standups.md': '# Standups\n\nFifteen minutes.\n',
      'delivery/planning.md': '# Planning\n\nEvery sprint.\n',
      'delivery/old-process.md': '# Old process\n\nWe used to plan monthly.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['delivery/old-process.md']);
  }, 60_000);

  it('leaves a link whose target is a template expression (a home page built by a loop) unchecked', async () => {
    const root = tempTree({
      'index.md':
        '---\ntitle: Guidance\n---\n{% for item in collections.sections %}\n<a class="link" href="{{ item.url }}">{{ item.data.title }}</a>\n{% endfor %}\n\n[Standards](/standards/missing/)\n',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'index.md Broken link /standards/missing/: no such page.',
    ]);
  }, 60_000);
});
