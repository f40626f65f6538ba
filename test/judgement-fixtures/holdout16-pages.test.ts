import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';
import { useRecheck } from '../helpers/recheck.js';
import { ruleFindings as findings } from './cli-findings.js';

useRecheck();

const DECISION_RULES = ['decision-date', 'decision-rationale', 'decision-sections', 'decision-status'];

/** The decision rules' findings ("path rule") when the CLI lints `target` (a folder or a file) on 2026-07-01. */
async function decisionFindings(target: string): Promise<string[]> {
  const { stdout } = await runCli(['run', target, '--format', 'json', '--now', '2026-07-01']);
  return (JSON.parse(stdout).findings as { ruleId: string; page: { file: string } }[])
    .filter((f) => DECISION_RULES.includes(f.ruleId))
    .map((f) => `${f.page.file} ${f.ruleId}`);
}

/**
 * What the sixteenth (hold-out) audit of the handbook-page rules met: MkDocs chapters numbered `00_`, `04_`
 * whose front matter states a review status, a plain repository whose README links its chapters' folder,
 * GitBook's glossary file, and an mkdocs-static-i18n site whose pages are `x.fr.md` and `x.en.md`. Each page
 * is written for the test; none is copied.
 */
describe('judgement fixtures: hold-out handbook pages (sixteenth round)', () => {
  const review = (title: string) =>
    `---\ntitle: "${title}"\nowner: "lead@example.org"\nstatus: approved\nlast_reviewed: 2026-01-10\nnext_review_due: 2027-01-10\n---\n\n`;
  const chapters = {
    'mkdocs.yml': 'site_name: Engineering docs\n',
    'docs/index.md': '# Engineering docs\n\nStart with the [quick start](standards/00_quick-start.md).\n',
    'docs/governance/00_build-principles.md': `${review('Build principles')}| Principle | In short |\n| --- | --- |\n| Keep it small | Ship the least that works |\n`,
    'docs/standards/00_quick-start.md': `${review('Quick start')}# Quick start\n\nWrite the page, open a pull request, ask a reviewer.\n`,
    'docs/standards/04_front-matter.md': `${review('Front matter')}# Front matter\n\nEvery page names an owner.\n`,
  };

  it('chapters numbered with two digits and an underscore are no decision records, however they are linted', async () => {
    const root = tempTree(chapters);
    expect(await decisionFindings(root)).toEqual([]);
    expect(await decisionFindings(`${root}/docs/standards`)).toEqual([]);
    expect(await decisionFindings(`${root}/docs/standards/00_quick-start.md`)).toEqual([]);
    expect(await decisionFindings(`${root}/docs/governance/00_build-principles.md`)).toEqual([]);
  });

  it('numbered records that state a status are still records: `0042-x.md`, `12-x.md`, `0042_x-y.md`', async () => {
    const record = (title: string) =>
      `---\nstatus: accepted\n---\n\n# ${title}\n\n## Context\n\nJobs pile up.\n\n## Decision\n\nWe do it.\n`;
    const root = tempTree({
      'README.md': '# Docs\n\n- [Decisions](proposals/)\n',
      'proposals/0042-use-a-queue.md': record('Use a queue'),
      'proposals/12-keep-logs.md': record('Keep logs'),
      'proposals/0043_export-reports.md': record('Export reports'),
    });
    const found = await decisionFindings(root);
    for (const page of ['0042-use-a-queue.md', '12-keep-logs.md', '0043_export-reports.md'])
      expect(found).toContain(`proposals/${page} decision-rationale`);
  });

  it('a link to a folder with no index reaches the pages its listing shows, in a repository no generator publishes', async () => {
    const chapter = (title: string) => `# ${title}\n\nHow we work.\n`;
    const root = tempTree({
      'README.md': '# Developer handbook\n\nThe chapters are in [`chapters/`](./chapters/).\n',
      'chapters/00_intro.md': chapter('Introduction'),
      'chapters/01_setup.md': chapter('Setup'),
      'chapters/deep/notes.md': chapter('Notes'),
      'extra/loose.md': chapter('Loose page'),
    });
    // Only the folder's own pages: a sub-folder's are one more click away, and nothing links `extra/`.
    expect(await findings([root], 'orphan-page')).toEqual(['chapters/deep/notes.md', 'extra/loose.md']);
  });

  it('a link to a folder a generator serves no page at is still broken, and reaches nothing', async () => {
    const root = tempTree({
      'mkdocs.yml': 'site_name: Team\nnav:\n  - Home: index.md\n',
      'docs/index.md': '# Team\n\nSee [the chapters](chapters/).\n',
      'docs/chapters/intro.md': '# Introduction\n\nHello.\n',
    });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'docs/index.md Broken link chapters/: no such page.',
    ]);
    expect(await findings([root], 'orphan-page')).toEqual(['docs/chapters/intro.md']);
  });

  it('GitBook’s GLOSSARY.md at the root is read by the generator, not linked; elsewhere a glossary page is', async () => {
    const root = tempTree({
      'README.md': '# Bootcamp handbook\n\nWelcome.\n',
      'GLOSSARY.md': '## Closure\n\nA function with the variables around it.\n',
      'terms/GLOSSARY.md': '# Terms\n\nWords we use.\n',
    });
    expect(await findings([root], 'orphan-page')).toEqual(['terms/GLOSSARY.md']);
  });

  const i18nConfig =
    'site_name: Wiki\nplugins:\n  - search\n  - i18n:\n      languages:\n        - locale: fr\n          default: true\n          build: true\n        - locale: en\n          build: true\n';
  const localized = {
    'docs/index.fr.md': '# Accueil\n\n[À propos](meta/overview/)\n',
    'docs/index.en.md': '# Home\n\n[About](../en/meta/overview/) and [publishing](/en/meta/publish/).\n',
    'docs/meta/overview.fr.md': '# Présentation\n\nLe wiki.\n',
    'docs/meta/installation.fr.md': '# Installation\n\n## Activer le venv\n\nPuis lancer.\n',
    'docs/meta/installation.en.md': '# Installation\n\n## Set up the venv\n\nThen run.\n',
    'docs/meta/publish.fr.md':
      '# Publier\n\n- [Le venv](../installation/#activer-le-venv)\n- [Ailleurs](../missing/)\n- [Mauvaise ancre](../installation/#set-up-the-venv)\n',
    'docs/meta/publish.en.md': '# Publish\n\n- [The venv](../installation/#set-up-the-venv)\n',
  };

  it('mkdocs-static-i18n serves `x.fr.md` at `x/` and `x.en.md` at `en/x/`, the default page where no copy is', async () => {
    const root = tempTree({ 'mkdocs.yml': i18nConfig, ...localized });
    expect(await findings([root], 'broken-link', true)).toEqual([
      'docs/meta/publish.fr.md Broken link ../installation/#set-up-the-venv: no heading or anchor "#set-up-the-venv" on that page.',
      'docs/meta/publish.fr.md Broken link ../missing/: no such page.',
    ]);
  });

  it('without the i18n plugin, a suffixed page is served at its own name and those URLs lead nowhere', async () => {
    const root = tempTree({ 'mkdocs.yml': 'site_name: Wiki\n', ...localized });
    const found = await findings([root], 'broken-link', true);
    expect(found).toContain(
      'docs/meta/publish.en.md Broken link ../installation/#set-up-the-venv: no such page.',
    );
    expect(found).toContain('docs/index.en.md Broken link ../en/meta/overview/: no such page.');
  });

  it('a section of an MkDocs site linted alone is in the site’s navigation as in a run on the repository', async () => {
    const pages = {
      'docs/index.md': '# Docs\n\nWelcome.\n',
      'docs/meta/standards/quick-start.md': '# Quick start\n\nWrite a page.\n',
      'docs/meta/standards/front-matter.md': '# Front matter\n\nName an owner.\n',
    };
    const whole = tempTree({ 'mkdocs.yml': 'site_name: Docs\n', ...pages });
    expect(await findings([`${whole}/docs/meta/standards`], 'orphan-page')).toEqual([]);
    const listed = tempTree({
      'mkdocs.yml': 'site_name: Docs\nnav:\n  - Home: index.md\n  - Start: meta/standards/quick-start.md\n',
      ...pages,
    });
    expect(await findings([listed], 'orphan-page')).toEqual(['docs/meta/standards/front-matter.md']);
    expect(await findings([`${listed}/docs/meta/standards`], 'orphan-page')).toEqual(['front-matter.md']);
  });
});
