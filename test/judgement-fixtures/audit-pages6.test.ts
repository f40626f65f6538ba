import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * Patterns the sixth out-of-sample audit of the handbook-page rules met: a Jekyll handbook on the
 * just-the-docs theme, whose sidebar is built from each page's `title` and `parent` front matter. Each
 * page is written for the test; none is copied.
 */

const JUST_THE_DOCS_PAGES = {
  'index.md': '---\ntitle: Lab handbook\nnav_order: 1\n---\n\n# Lab handbook\n\nHow the lab works.\n',
  'docs/tips.md':
    '---\ntitle: Tips\nparent: Lab handbook\nhas_children: true\n---\n\n# Tips\n\nShort notes.\n',
  'docs/tips/backups.md':
    '---\ntitle: Backups\nparent: Tips\ngrand_parent: Lab handbook\n---\n\n# Backups\n\nCopy the drive weekly.\n',
  // Hidden from the sidebar on purpose, and under a parent no page is titled: neither is listed.
  'docs/tips/draft.md': '---\ntitle: Draft\nparent: Tips\nnav_exclude: true\n---\n\n# Draft\n\nNot ready.\n',
  'docs/old/printing.md':
    '---\ntitle: Printing\nparent: Old tips\n---\n\n# Printing\n\nUse the second floor.\n',
};

describe('judgement fixtures: audited handbook pages (sixth round)', () => {
  it("takes just-the-docs' sidebar as listing every titled page under a listed parent, but hidden ones", async () => {
    const root = tempTree({ '_config.yml': 'title: Lab\ntheme: just-the-docs\n', ...JUST_THE_DOCS_PAGES });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/old/printing.md', 'docs/tips/draft.md']);
  }, 60_000);

  it('reads no sidebar from the front matter of a Jekyll site on another theme', async () => {
    const root = tempTree({ '_config.yml': 'title: Lab\ntheme: minima\n', ...JUST_THE_DOCS_PAGES });
    expect(await findings([root], 'orphan-page')).toEqual([
      'docs/old/printing.md',
      'docs/tips.md',
      'docs/tips/backups.md',
      'docs/tips/draft.md',
    ]);
  }, 60_000);

});
