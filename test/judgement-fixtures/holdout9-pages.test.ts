import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';
import { ruleFindings as findings } from './cli-findings.js';

/**
 * What the ninth (hold-out) audit of the handbook-page rules met: a Hugo handbook linking a file its
 * `static/` folder serves at the site root, and MDX handbooks (Fumadocs, Next.js) a default run read
 * nothing of without saying so. Each page is written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (ninth round)', () => {
  it("finds a root link to a file the generator's static folder serves, and still reports a missing one", async () => {
    const root = tempTree({
      'config.toml': 'baseURL = "/"\ntheme = "book"\n',
      'content/_index.md':
        '# Handbook\n\n[Download the handbook](/handbook-export.tar.gz) or [the logo](/logo.svg).\n',
      'static/handbook-export.tar.gz': 'x',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'content/_index.md Broken link /logo.svg: no such page.',
    ]);
  });

  it('says how many .mdx pages a run leaves unread and how to read them, once', async () => {
    const root = tempTree({
      'README.md': '# Handbook\n\n- [About](docs/about)\n',
      'docs/about.mdx': '# About\n\nWho we are.\n',
      'docs/perks.mdx': '# Perks\n\nWhat we offer.\n',
      '.github/notes.mdx': '# Notes\n',
    });
    const run = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    const warnings = run.stderr.split('\n').filter((line) => line.includes('.mdx'));
    expect(warnings).toEqual([
      "warning 2 .mdx files (docs/about.mdx, …) were not read: add '**/*.mdx' to sources.markdown.include in a config (handbook-lint init writes one) to lint them as Markdown.",
    ]);
  });

  it('says nothing when the config reads or leaves out the .mdx pages', async () => {
    const pages = { 'README.md': '# Handbook\n', 'docs/about.mdx': '# About\n\nWho we are.\n' };
    for (const markdown of ["include: ['**/*.md', '**/*.mdx']", "exclude: ['docs/**']"]) {
      const root = tempTree({
        ...pages,
        'handbook-lint.yml': `sources:\n  markdown:\n    root: .\n    ${markdown}\n`,
      });
      const run = await runCli([
        'run',
        '-c',
        `${root}/handbook-lint.yml`,
        '--format',
        'json',
        '--now',
        '2026-07-01',
      ]);
      expect(run.stderr).not.toContain('.mdx');
    }
  });
});
