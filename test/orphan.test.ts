import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

const handbook = {
  'index.md': '---\nowner: Ann\n---\n# Home\n\n- [Team](team/index.md)\n',
  'team/index.md': '---\nowner: Ann\n---\n# Team\n\n- [Onboarding](onboarding.md)\n',
  'team/onboarding.md': '---\nowner: Ann\n---\n# Onboarding\n',
  'team/forgotten.md': '---\nowner: Ann\n---\n# Forgotten\n',
  'templates/retro.md': '---\nowner: Ann\ntype: template\n---\n# Retro template\n',
  'archive/old.md': '---\nowner: Ann\n---\n# Old\n',
  'start/README.md': '---\nowner: Ann\n---\n# Start here\n\n- [Old](../archive/old.md)\n',
};

async function orphans(config: string) {
  const root = tempTree({
    ...Object.fromEntries(Object.entries(handbook).map(([k, v]) => [`hb/${k}`, v])),
    'c.yml': config,
  });
  const { stdout } = await runCli([
    'run',
    '--config',
    join(root, 'c.yml'),
    '--format',
    'json',
    '--now',
    '2026-06-01',
  ]);
  const report = JSON.parse(stdout) as { findings: { ruleId: string; page: { file: string } }[] };
  return report.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file);
}

const base = 'sources:\n  markdown: { root: hb }\n';

describe('orphan pages', () => {
  it('reports pages no link or index reaches; templates are excluded by the default rule', async () => {
    // start/README.md is a folder's index, reached through the home page's folder; it links archive/old.md.
    expect(await orphans(base)).toEqual(['team/forgotten.md']);
  });

  it('counts folder hierarchy as navigation when configured', async () => {
    expect(await orphans(`${base}rules:\n  orphan-page: { hierarchy: true }\n`)).toEqual([]);
  });

  it('starts navigation at the configured roots', async () => {
    expect(await orphans(`${base}rules:\n  orphan-page: { roots: [index.md, start/README.md] }\n`)).toEqual([
      'team/forgotten.md',
    ]);
  });

  it('honours path exclusions through overrides', async () => {
    const config = `${base}overrides:\n  - paths: ["team/**"]\n    rules: { orphan-page: "off" }\n`;
    expect(await orphans(config)).toEqual([]);
  });
});

describe('orphan pages: folders and records', () => {
  it('reaches folder indexes and records through their folder, starting at the top-most index', async () => {
    const root = tempTree({
      'repo/docs/README.md': '# Docs\n',
      'repo/docs/team/index.md': '# Team\n',
      'repo/docs/team/stray.md': '# Stray\n',
      'repo/docs/minutes/_index.md': '# Minutes\n',
      'repo/docs/minutes/2026-01-05.md': '---\ntype: meeting-notes\n---\n# Weekly 2026-01-05\n',
      'repo/docs/decisions/2026-02-use-sso.md': '---\ntype: decision\n---\n# Decision: use SSO\n',
      'repo/docs/team/notes/2026-03-01.md': '# Notes 2026-03-01\n',
    });
    const { stdout } = await runCli(['run', join(root, 'repo'), '--format', 'json', '--now', '2026-06-01']);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; page: { file: string } }[] };
    const found = report.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file);
    // A plain page needs a link; a meeting record or decision is found in its folder.
    expect(found.sort()).toEqual(['docs/team/notes/2026-03-01.md', 'docs/team/stray.md']);
  });
});

describe('orphan pages: a folder of one page', () => {
  it('takes the only page for the start of its site, not for an orphan', async () => {
    const lint = async (files: Record<string, string>) => {
      const root = tempTree(files);
      const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-06-01']);
      const report = JSON.parse(stdout) as { findings: { ruleId: string; page: { file: string } }[] };
      return report.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file);
    };
    expect(await lint({ 'notes.md': '# Notes\n\nOwner: Ann\n' })).toEqual([]);
    // Two pages and no index: neither is reached.
    expect((await lint({ 'a.md': '# A\n', 'b.md': '# B\n' })).sort()).toEqual(['a.md', 'b.md']);
  });
});
