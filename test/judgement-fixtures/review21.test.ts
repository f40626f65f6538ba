import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli, tempTree } from '../helpers/cli.js';
import { notionEmulatorForSuite, TOKEN_ENV } from '../helpers/notion.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * A second reading of the fourteenth round's page-rule fixes (branch pages14): Sphinx toctrees as navigation,
 * an archived handbook's front page turning page-owner and stale-page off, a note in an HTML comment inside a
 * sentence (todo-note) and a thing left unnamed in brackets (placeholder). Each case is a real handbook's page
 * the change judges wrongly; every page is written for the test. `it.skip`: a judgement call, said why.
 */
describe('judgement fixtures: second reading of the fourteenth round’s page fixes', () => {
  const page = (title: string) => `# ${title}\n\nHow we work.\n`;

  /** The rules that report anything, and the run's "kept unchanged" notices. */
  const lint = async (handbook: Record<string, string>, config?: string) => {
    const root = tempTree(config === undefined ? handbook : { ...handbook, 'handbook-lint.yml': config });
    const target = config === undefined ? [root] : ['-c', `${root}/handbook-lint.yml`];
    const { stdout, stderr } = await runCli([
      'run',
      ...target,
      '--format',
      'json',
      '--now',
      '2026-07-01',
      '--fail-on',
      'never',
    ]);
    const found = JSON.parse(stdout).findings as { ruleId: string; page: { file: string } }[];
    return {
      rules: [...new Set(found.map((f) => f.ruleId))].sort(),
      notices: stderr.split('\n').filter((line) => line.includes('kept unchanged')),
    };
  };

  // --- archive notice (site-archive.ts, ARCHIVE_NOTICES in normalize/stub.ts) ---------------------------------

  it('a front page that says one section, an old edition or one page of the handbook is archived leaves the rules on', async () => {
    for (const line of [
      'The Legacy section of the handbook is archived: see old/.',
      'The 2019 edition of this handbook is archived at https://old.example.com.',
      'If a page of this handbook is archived, it moves to archive/ and leaves the sidebar.',
    ]) {
      const { rules, notices } = await lint({
        'README.md': `# Handbook\n\n- [Process](process.md)\n\n${line}\n`,
        'process.md': page('Process'),
      });
      expect(notices, line).toEqual([]);
      expect(rules, line).toContain('page-owner');
    }
  });

  it('a front page that states a policy about archiving or freezing the handbook leaves the rules on', async () => {
    for (const line of [
      'Our handbook is archived every quarter to the records system, as the auditors ask.',
      'The handbook is frozen from 15 December to 5 January; urgent changes go through #people.',
    ]) {
      const { rules, notices } = await lint({
        'README.md': `# Handbook\n\n- [Process](process.md)\n\n${line}\n`,
        'process.md': page('Process'),
      });
      expect(notices, line).toEqual([]);
      expect(rules, line).toContain('page-owner');
    }
  });

  it('a handbook that moved here, was revived, or asks readers who think it unmaintained, is maintained', async () => {
    for (const line of [
      'This handbook is no longer maintained in Confluence: this repository is the source of truth.',
      'This handbook was archived in 2020 and revived in 2024: every page has an owner again.',
      'Think this handbook is no longer maintained? Tell #docs: we review every page each quarter.',
    ]) {
      const { rules, notices } = await lint({
        'README.md': `# Handbook\n\n- [Process](process.md)\n\n${line}\n`,
        'process.md': page('Process'),
      });
      expect(notices, line).toEqual([]);
      expect(rules, line).toContain('page-owner');
    }
  });

  it('an HTML comment or a code block on the front page is not its notice ("when this handbook is archived", a banner shown)', async () => {
    for (const front of [
      '# Handbook\n\n<!-- When this handbook is archived, put a banner here. -->\n\n- [Process](process.md)\n',
      '# Handbook\n\n- [Process](process.md)\n\nTo retire a page, add this banner:\n\n```markdown\n> This handbook is archived.\n```\n',
    ]) {
      const { rules, notices } = await lint({ 'README.md': front, 'process.md': page('Process') });
      expect(notices, front).toEqual([]);
      expect(rules, front).toContain('page-owner');
    }
  });

  // Judgement call: "kept as a historical record" is the archive wording the change looks for, but "of every
  // decision we made" (and owners named on the same line) says the handbook is the living record, kept current.
  it.skip('a living handbook "kept as a historical record of every decision we made" is maintained', async () => {
    const { rules } = await lint({
      'README.md':
        '# Handbook\n\n- [Process](process.md)\n\nWe never delete anything: this handbook is kept as a historical record of every decision we made, and every page has an owner.\n',
      'process.md': page('Process'),
    });
    expect(rules).toContain('page-owner');
  });

  it('the notice says page-owner is off, but a path override turns it back on: the notice is false', async () => {
    const { rules, notices } = await lint(
      {
        'hb/README.md':
          '# Handbook\n\n- [Policy](policies/leave.md)\n\nThis handbook is no longer maintained.\n',
        'hb/policies/leave.md': page('Leave'),
      },
      'sources:\n  markdown:\n    root: hb\noverrides:\n  - paths: ["policies/**"]\n    rules:\n      page-owner: warning\n',
    );
    // Either the rule stays off (as the notice says) or the notice does not say it is off.
    expect(rules.includes('page-owner') && notices.some((n) => n.includes('page-owner'))).toBe(false);
  });

  // Judgement call: the team asked for page-owner by name in its config; the archive notice overrules it
  // (with a notice). Whether an explicit level should win over the front page is the maintainers' choice.
  it.skip('a level the config sets for page-owner by name wins over the front page’s archive notice', async () => {
    const { rules } = await lint(
      {
        'hb/README.md': '# Handbook\n\n- [Process](process.md)\n\nThis handbook is archived.\n',
        'hb/process.md': page('Process'),
      },
      'sources:\n  markdown:\n    root: hb\nrules:\n  page-owner: error\n',
    );
    expect(rules).toContain('page-owner');
  });

  it('a Sphinx site’s front page is its `index.rst`: its archive notice speaks for the handbook', async () => {
    const { rules } = await lint({
      'conf.py': "project = 'Handbook'\n",
      'index.rst':
        'Handbook\n========\n\n.. note:: This handbook is no longer maintained.\n\n.. toctree::\n\n   process\n',
      'process.md': page('Process'),
    });
    expect(rules).not.toContain('page-owner');
  });

  it('a MkDocs site’s front page is `docs/index.md`, not the repository README', async () => {
    const { rules } = await lint({
      'mkdocs.yml': 'site_name: Handbook\nnav:\n  - Home: index.md\n  - Process: process.md\n',
      'README.md': '# handbook-site\n\nThe source of our handbook site.\n',
      'docs/index.md':
        '# Handbook\n\n> This handbook is no longer maintained. It is kept as a historical record.\n',
      'docs/process.md': page('Process'),
    });
    expect(rules).not.toContain('page-owner');
  });

  // --- Sphinx toctrees (site-sphinx.ts) --------------------------------------------------------------------------

  const sphinx = (files: Record<string, string>) =>
    tempTree({
      'conf.py': "project = 'Handbook'\nextensions = ['myst_parser']\n",
      'people.md': page('People'),
      'setup.md': page('Setting up'),
      'faq.md': page('FAQ'),
      'draft.md': page('Draft'),
      ...files,
    });

  it('a toctree shown in a tutorial’s `.. code-block:: rst` is an example, not navigation', async () => {
    const root = sphinx({
      'index.rst': 'Handbook\n========\n\n.. toctree::\n\n   people\n   setup\n   faq\n   tutorial\n',
      'tutorial.rst':
        'Writing a section\n=================\n\nA section index looks like this:\n\n.. code-block:: rst\n\n   .. toctree::\n\n      draft\n\nThat is all.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['draft.md']);
  });

  it('a MyST toctree shown inside a longer Markdown code fence is an example, not navigation', async () => {
    const root = sphinx({
      'index.rst': 'Handbook\n========\n\n.. toctree::\n\n   people\n   setup\n   faq\n   tutorial\n',
      'tutorial.md':
        '# Writing a section\n\nA section index looks like this:\n\n````markdown\n```{toctree}\ndraft\n```\n````\n\nThat is all.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['draft.md']);
  });

  it('a toctree commented out in reStructuredText (`..` and an indented block) lists nothing', async () => {
    const root = sphinx({
      'index.rst':
        'Handbook\n========\n\n.. toctree::\n\n   people\n   setup\n   faq\n\n..\n   .. toctree::\n\n      draft\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['draft.md']);
  });

  it('a MyST toctree entry whose title has a colon (`FAQ: common questions <faq>`) is an entry, not an option', async () => {
    const root = sphinx({
      'index.md': '# Handbook\n\n```{toctree}\npeople\nsetup\nFAQ: common questions <faq>\n```\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['draft.md']);
  });

  it('a toctree in a Markdown page’s `{eval-rst}` (MyST) or `eval_rst` (recommonmark) block is navigation', async () => {
    for (const fence of ['```{eval-rst}', '```eval_rst']) {
      const root = sphinx({
        'index.md': `# Handbook\n\n${fence}\n.. toctree::\n\n   people\n   setup\n   faq\n\`\`\`\n`,
      });
      expect(await findings([root], 'orphan-page'), fence).toEqual(['draft.md']);
    }
  });

  // Judgement call: Sphinx's `orphan: true` (`:orphan:` in reStructuredText) says the page is meant to be in no
  // toctree, and Sphinx then does not warn; but nothing reaches it, which is what orphan-page reports.
  it.skip('a page whose front matter says `orphan: true` is meant to stand outside the toctrees', async () => {
    const root = sphinx({
      'index.rst': 'Handbook\n========\n\n.. toctree::\n\n   people\n   setup\n   faq\n   draft\n',
      'search.md': '---\norphan: true\n---\n# Search results\n\nThe results page the search box opens.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual([]);
  });

  // --- WordPress.org handbook manifest (site-wordpress.ts, merged from pages14 at the end) ----------------------

  const wordpress = (manifest: Record<string, unknown>, extra: Record<string, string> = {}) =>
    tempTree({
      'index.md': '# Team handbook\n\nWelcome.\n',
      'about/index.md': '# About\n\nWho we are.\n',
      'guides/index.md': '# Guides\n\nHow we work.\n',
      'bin/handbook-manifest.json': JSON.stringify(manifest),
      ...extra,
    });
  const source = (branch: string, path: string) =>
    `https://github.com/example/handbook/blob/${branch}/${path}`;

  it('a manifest whose pages come from a branch named with a slash (`release/2.0`) still lists them', async () => {
    const root = wordpress({
      index: { slug: null, markdown_source: source('release/2.0', 'index.md') },
      about: { slug: 'about', markdown_source: source('release/2.0', 'about/index.md') },
      guides: { slug: 'guides', markdown_source: source('release/2.0', 'guides/index.md') },
    });
    expect(await findings([root], 'orphan-page')).toEqual([]);
  });

  // Judgement call: the repository's own tooling notes (`bin/README.md`: how to regenerate the manifest) are no
  // handbook page and are read in the repository browser, where the folder listing reaches them; with
  // `indexesListed` every index the manifest leaves out is now an orphan, these included.
  it.skip('a tooling folder’s README beside the manifest is no orphan handbook page', async () => {
    const root = wordpress(
      {
        index: { slug: null, markdown_source: source('trunk', 'index.md') },
        about: { slug: 'about', markdown_source: source('trunk', 'about/index.md') },
        guides: { slug: 'guides', markdown_source: source('trunk', 'guides/index.md') },
      },
      { 'bin/README.md': '# Updating the manifest\n\nRun `php bin/generate.php` after adding a page.\n' },
    );
    expect(await findings([root], 'orphan-page')).toEqual([]);
  });

  // --- todo-note: a note in an HTML comment inside the text (comment-notes.ts, rules/todo-note.yml) ------------

  it('a comment that says a link or citation is NOT needed is no note of unfinished work', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [VPN](vpn.md)\n',
      'vpn.md':
        '# VPN\n\nWe use the VPN <!-- no link needed: internal only --> for everything.\n\nPayday is the 25th <!-- no citation needed, this is our own policy --> of each month.\n',
    });
    expect(await findings([root], 'todo-note', true)).toEqual([]);
  });

  it('ignore-patterns set for todo-note apply to a note in a comment as to the same note in the text', async () => {
    const config =
      "sources:\n  markdown:\n    root: hb\nrules:\n  todo-note:\n    level: warning\n    ignore-patterns: ['TODO\\(#\\d+\\)']\n";
    const root = tempTree({
      'handbook-lint.yml': config,
      'hb/README.md': '# Handbook\n\n- [Access](access.md)\n- [Laptops](laptops.md)\n',
      'hb/access.md': '# Access\n\nAsk in #it <!-- TODO(#123): tracked in the IT board --> for access.\n',
      // The same note in the text: silenced by the ignore pattern (checked: no finding).
      'hb/laptops.md': '# Laptops\n\nAsk in #it (TODO(#124): tracked in the IT board) for a laptop.\n',
    });
    expect(await findings(['-c', `${root}/handbook-lint.yml`], 'todo-note')).toEqual([]);
  });

  // --- placeholder: a thing left unnamed in brackets (UNNAMED in placeholder.ts) ----------------------------------

  it('a bracketed aside naming a plan, schedule or annex by its letter is prose, not a slot', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Benefits](benefits.md)\n- [Retention](retention.md)\n',
      'benefits.md':
        '# Benefits\n\nThe plan covers travel vaccines [including hepatitis B] and yearly check-ups.\n',
      'retention.md':
        '# Retention\n\nPayroll records are kept for seven years [refer to annex B] and then deleted.\n\nThe limits are in the contract [per schedule A], signed in 2024.\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([]);
  });

  // Judgement call: a public handbook that anonymises a customer or vendor on purpose writes the same words
  // as a template slot never filled; only the rest of the page (a case study, "names withheld") tells them apart.
  it.skip('a customer anonymised on purpose in a case study is no unfilled slot', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Reviews](reviews.md)\n',
      'reviews.md':
        '# What we learned\n\nNames are withheld. When [large retail customer A] churned in 2023 we learned to page the account lead.\n',
    });
    expect(await findings([root], 'placeholder')).toEqual([]);
  });

  // Judgement call (a real slot missed): "[vendor X]" is as unfilled as "[payment provider X]", which is reported;
  // one lower-case word and a letter is also "[type A]", "[plan B]", so the pattern asks for two words.
  it.skip('one word and a letter left in brackets ("[vendor X]") is as unfilled as two', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [Vendors](vendors.md)\n',
      'vendors.md': '# Vendors\n\nWe host on [vendor X] and bill through [payment provider X].\n',
    });
    expect(await findings([root], 'placeholder', true)).toEqual([
      'vendors.md Unfilled template text "[payment provider X]".',
      'vendors.md Unfilled template text "[vendor X]".',
    ]);
  });
});

describe('an archived Markdown handbook linted in one run with a Notion workspace', () => {
  const emulator = notionEmulatorForSuite(() => ({
    workspace: { id: '6aad03b5-46d6-4a29-9abd-5f04c805473a', name: 'Acme' },
    bot: { id: '64919542-571c-4b8f-a55b-32fd3ecf6fa4', name: 'Handbook Lint' },
    users: [{ id: 'f61d6ec7-6a15-4be7-b004-78857d4f0f21', name: 'Maya Chen' }],
    databases: [],
    pages: [
      {
        id: '3bedbdac-1492-49d5-b700-e09e45dfa456',
        title: 'Expenses policy',
        parent: { type: 'workspace' },
        createdTime: '2024-02-01T09:20:00.000Z',
        lastEditedTime: '2026-05-02T11:00:00.000Z',
        createdBy: 'f61d6ec7-6a15-4be7-b004-78857d4f0f21',
        markdown: 'Claim expenses within 30 days of the purchase.\n',
      },
    ],
  }));

  it('the old handbook’s archive notice turns page-owner off for its own pages, not for the live Notion wiki', async () => {
    const { writeFileSync } = await import('node:fs');
    const ownerless = async (notice: string) => {
      const dir = tempTree({
        'old-handbook/README.md': `# Handbook (2019)\n\n- [Process](process.md)\n\n${notice}\n`,
        'old-handbook/process.md': '# Process\n\nHow we worked.\n',
      });
      const config = {
        sources: {
          markdown: { root: 'old-handbook' },
          notion: { 'token-env': TOKEN_ENV, 'base-url': emulator().url, 'requests-per-second': 1000 },
        },
      };
      const file = `${dir}/handbook-lint.yml`;
      writeFileSync(file, stringify(config));
      const { stdout } = await runCli([
        'run',
        '--config',
        file,
        '--format',
        'json',
        '--now',
        '2026-06-01',
        '--fail-on',
        'never',
      ]);
      return (JSON.parse(stdout).findings as { ruleId: string; page: { title: string } }[])
        .filter((f) => f.ruleId === 'page-owner' && f.page.title === 'Expenses policy')
        .map((f) => f.page.title);
    };
    // Without the notice the Notion page is reported (the control); with it, it must still be.
    expect(await ownerless('Ask #people about anything here.')).toEqual(['Expenses policy']);
    expect(await ownerless('This handbook is no longer maintained.')).toEqual(['Expenses policy']);
  }, 60_000);
});
