import { describe, expect, it } from 'vitest';
import { MYST_TOCTREE, RST_TOCTREE, TITLED_ENTRY } from '../../src/site-sphinx.js';
import { tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the fourteenth (hold-out) audit of the handbook-page rules met: a Sphinx site whose sidebar is its
 * toctrees (`:glob:` entries in each section's `index.rst`, named ones in the root's). Each page is written for the test;
 * none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (fourteenth round)', () => {
  const guide = (title: string) => `# ${title}\n\nHow we do it.\n`;
  const sphinxSite = {
    'docs/conf.py': "project = 'Ways of working'\nextensions = ['myst_parser']\n",
    'docs/index.rst':
      'Ways of working\n===============\n\nWelcome.\n\n.. toctree::\n   :maxdepth: 2\n\n   people.md\n   Setting up <setup>\n   tech/index.rst\n   guides/index\n   https://example.org/blog\n\nNot in the tree: a paragraph that names drafts.md.\n',
    'docs/tech/index.rst': 'Tech\n====\n\n.. toctree::\n   :maxdepth: 1\n   :glob:\n\n   *\n',
    'docs/guides/index.md':
      '# Guides\n\n```{toctree}\n---\nglob: true\nmaxdepth: 1\n---\nwriting/*\n```\n\n:::{toctree}\n/people\n:::\n',
    'docs/people.md': guide('People'),
    'docs/setup.md': guide('Setting up'),
    'docs/tech/django.md': guide('Django'),
    'docs/tech/logging.md': guide('Logging'),
    'docs/tech/deep/below.md': guide('Below the glob'),
    'docs/guides/writing/style.md': guide('Style'),
    'docs/drafts.md': guide('Drafts'),
  };

  it('a Sphinx site’s toctrees are its navigation: named entries, titled ones and `:glob:` patterns from their folder', async () => {
    const root = tempTree(sphinxSite);
    // `*` in tech/ lists its own folder's documents, not those of a folder below (Sphinx's glob, fnmatch on
    // names); drafts.md is in no toctree, as Sphinx itself warns.
    expect(await findings([root], 'orphan-page')).toEqual(['docs/drafts.md', 'docs/tech/deep/below.md']);
  });

  it('a `.. toctree::` in the root `index.rst` marks a Sphinx site whose `conf.py` is kept elsewhere', async () => {
    const { 'docs/conf.py': _conf, ...withoutConf } = sphinxSite;
    const root = tempTree(withoutConf);
    expect(await findings([root], 'orphan-page')).toEqual(['docs/drafts.md', 'docs/tech/deep/below.md']);
  });

  it('without a Sphinx site, `.rst` files are no navigation', async () => {
    const root = tempTree({
      'docs/notes.rst': 'Notes\n=====\n\n.. toctree::\n\n   people.md\n',
      'docs/people.md': guide('People'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['docs/people.md']);
  });

  it('a toctree ends where a line goes back to its indentation; an entry after it is prose', async () => {
    const root = tempTree({
      'conf.py': "project = 'Handbook'\n",
      'index.rst': 'Handbook\n========\n\n.. toctree::\n\n   people\n\nsetup\n',
      'people.md': guide('People'),
      'setup.md': guide('Setting up'),
    });
    expect(await findings([root], 'orphan-page')).toEqual(['setup.md']);
  });

  it('the patterns added are safe from catastrophic backtracking', () => {
    for (const pattern of [RST_TOCTREE, MYST_TOCTREE, TITLED_ENTRY])
      expect(verdict(pattern), String(pattern)).toBe('safe');
  }, 240_000);
});
