import { describe, expect, it } from 'vitest';
import { ARCHIVE_NOTICES } from '../../src/normalize/stub.js';
import { UNNAMED } from '../../src/rules/checks/placeholder.js';
import { DEFAULT_RULES_DIR, loadRuleFiles } from '../../src/rules/load.js';
import { MYST_TOCTREE, RST_TOCTREE, TITLED_ENTRY } from '../../src/site-sphinx.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { useRecheck, verdict } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

/**
 * What the fourteenth (hold-out) audit of the handbook-page rules met: a Sphinx site whose sidebar is its
 * toctrees (`:glob:` entries in each section's `index.rst`, named ones in the root's), a handbook whose
 * front page says it is kept as a history of the company at the time, and an author's note in an HTML
 * comment inside a sentence ("<!-- link needed -->"), slots "[hosting provider A]" never filled, and a WordPress.org handbook's manifest. Each page is written for the test; none is copied.
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

  const owned = (title: string) => `# ${title}\n\nHow we work.\n`;
  const lint = async (handbook: Record<string, string>) => {
    const { stdout, stderr } = await runCli([
      'run',
      tempTree(handbook),
      '--format',
      'json',
      '--now',
      '2026-07-01',
      '--fail-on',
      'never',
    ]);
    const found = JSON.parse(stdout).findings as { ruleId: string; page: { file: string } }[];
    return { rules: [...new Set(found.map((f) => f.ruleId))].sort(), stderr };
  };

  it('a front page that says the handbook is kept as history turns page-owner and stale-page off, and says so once', async () => {
    const { rules, stderr } = await lint({
      'README.md':
        '# Our handbook\n\n## A note from 2024\n\nThis handbook was written in 2017. We keep it online because it’s a useful history of the company at the time.\n',
      'process.md': owned('Process'),
      'people.md': '---\nupdated: 2018-01-01\n---\n# People\n\nHow we hire.\n',
    });
    expect(rules).not.toContain('page-owner');
    expect(rules).not.toContain('stale-page');
    const notices = stderr.split('\n').filter((line) => line.includes('kept unchanged'));
    expect(notices).toEqual([
      'warning README.md says the handbook is kept unchanged ("it’s a useful history of the company at the time"): page-owner and stale-page are off for its pages.',
    ]);
  });

  it('an mdBook’s front page (its `src/README.md`) speaks for the book; "no longer maintained" said of the handbook', async () => {
    const { rules } = await lint({
      'book.toml': '[book]\ntitle = "Handbook"\nsrc = "src"\n',
      'src/README.md': '# Handbook\n\n> **Note:** this handbook is no longer maintained.\n',
      'src/SUMMARY.md': '# Summary\n\n- [Process](process.md)\n',
      'src/process.md': owned('Process'),
    });
    expect(rules).not.toContain('page-owner');
  });

  it('a notice about something else on the front page, or the notice on another page, leaves the rules on', async () => {
    for (const front of [
      '# Handbook\n\nThe old wiki has been archived; this handbook replaces it.\n',
      '# Handbook\n\nOld meeting notes are kept for historical reference in the archive folder.\n',
      '# Handbook\n\nThis is a history of the company at the time of its founding, and of what came after.\n',
    ]) {
      const { rules } = await lint({ 'README.md': front, 'process.md': owned('Process') });
      expect(rules, front).toContain('page-owner');
    }
    const { rules } = await lint({
      'README.md': '# Handbook\n\n- [Process](process.md)\n- [Old](old/history.md)\n',
      'process.md': owned('Process'),
      'old/history.md': '# History\n\nThis handbook is no longer maintained.\n',
    });
    expect(rules).toContain('page-owner');
  });

  it('an author’s note in a comment inside a sentence is a todo-note; a template’s instruction on its own line is not', async () => {
    const root = tempTree({
      'README.md': '# Tools\n\n- [Setup](setup.md)\n- [Onboarding](onboarding.md)\n',
      'setup.md':
        '# Setup\n\nInstall virtualenv first. See the virtualenv guide <!-- link needed --> on how to use it.\n\n| Step | Note |\n| --- | --- |\n| Install | Ask IT <!-- TODO: name the channel --> for access |\n',
      'onboarding.md':
        '# Onboarding\n\n<!-- Link needed: replace with the form. TODO: fill in -->\n\nAsk IT for a laptop <!-- keep in sync with the IT page --> on day one.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([
      'setup.md Unfinished note left in the page: "TODO: name the channel".',
      'setup.md Unfinished note left in the page: "link needed".',
    ]);
  });

  it('a thing left unnamed in brackets, lower-case words and a letter, is template text; a cross-reference is not', async () => {
    const root = tempTree({
      'README.md': '# Infrastructure\n\n- [Kenya](kenya.md)\n',
      'kenya.md':
        '# Kenya\n\nIn Kenya we use [cloud vendor A] running [job scheduler B].\n\nThe limits are in the contract [see appendix B]. We picked [option A] in 2024.\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'kenya.md Unfilled template text "[cloud vendor A]".',
      'kenya.md Unfilled template text "[job scheduler B]".',
    ]);
  });

  const wordpressHandbook = {
    'index.md': '# Team handbook\n\nWelcome.\n',
    'about/index.md': '# About\n\nSee our [old process](../old/).\n',
    'guides/index.md': '# Guides\n\nHow we work.\n',
    'guides/setup/index.md': '# Setup\n\nInstall the tools.\n',
    'old/index.md': '# Old process\n\nHow we worked.\n',
    'drafts/index.md': '# Drafts\n\nNot published.\n',
  };
  const manifest = JSON.stringify({
    index: {
      slug: null,
      markdown_source: 'https://github.com/example/handbook/blob/main/index.md',
      parent: null,
    },
    about: { slug: 'about', markdown_source: 'https://github.com/example/handbook/blob/main/about/index.md' },
    'guides/setup': {
      slug: 'setup',
      markdown_source: 'https://raw.githubusercontent.com/example/handbook/trunk/guides/setup/index.md',
    },
    gone: { slug: 'gone', markdown_source: 'https://github.com/example/handbook/blob/main/gone/index.md' },
  });

  it('a WordPress.org handbook’s manifest lists its pages: a folder index in neither it nor any link is an orphan', async () => {
    const root = tempTree({ ...wordpressHandbook, 'manifest/handbook-manifest.json': manifest });
    expect(await findings([root], 'orphan-page')).toEqual(['drafts/index.md', 'guides/index.md']);
  });

  it('without a manifest, a folder’s index is reached through its parent’s, as before', async () => {
    const root = tempTree(wordpressHandbook);
    expect(await findings([root], 'orphan-page')).toEqual([]);
  });

  // The unnamed slot is read after its opening bracket (DEFAULT_PLACEHOLDERS' first pattern), as here.
  it('the patterns added are safe from catastrophic backtracking', async () => {
    const rules = await loadRuleFiles([DEFAULT_RULES_DIR]);
    const options = rules.get('todo-note')?.options as { 'inline-comment-patterns': string[] };
    const inline = options['inline-comment-patterns'].map((source) => new RegExp(source, 'u'));
    expect(inline).toHaveLength(1);
    for (const pattern of [
      RST_TOCTREE,
      MYST_TOCTREE,
      TITLED_ENTRY,
      ...ARCHIVE_NOTICES,
      ...inline,
      new RegExp(`\\[(?:${UNNAMED})\\]`, 'u'),
    ])
      expect(verdict(pattern), String(pattern)).toBe('safe');
  }, 240_000);
});
