import { describe, expect, it } from 'vitest';
import { flowTooDeep, MAX_FLOW_DEPTH } from '../../src/yaml-depth.js';
import { runJson, tempTree } from '../helpers/cli.js';

// Sixteenth round. The files a site generator reads beside the pages (`mkdocs.yml`, Docusaurus' `sidebars.js`,
// a VitePress config, Nextra's `_meta.json`, Jupyter Book's `_toc.yml`, a KEP's `kep.yaml`) on a hostile
// repository: a YAML alias bomb, deep nesting, a JSON of a great many keys, a file far over the bound. The
// bound of 1 MiB held (the file is not read) and so did the bombs, but a file past the bound was dropped without a
// word, as the Sphinx reader's globs were before hardening 15: padding `mkdocs.yml` to 2 MB made the site one
// without navigation and changed every orphan finding silently. A site file refused now says so in a warning of
// the run, once per file, naming it and why.

const MIB = 1024 * 1024;
const pages = {
  'docs/index.md': '# Home\n\nWelcome.\n',
  'docs/guide.md': '# Guide\n\nHow we work.\n',
};
const padding = (bytes: number) => `# ${'x'.repeat(bytes)}\n`;
const refused = /warning .*is over 1 MiB.*not read/;

describe('a site file over the bound', () => {
  it.each([
    ['mkdocs.yml', `site_name: Handbook\nnav:\n  - index.md\n${padding(2 * MIB)}`],
    [
      'docs/.vitepress/config.mts',
      `export default { themeConfig: { sidebar: [] } };\n//${'x'.repeat(2 * MIB)}\n`,
    ],
    ['docs/_toc.yml', `format: jb-book\nroot: index\n${padding(2 * MIB)}`],
  ])('%s of 2 MiB: not read, and the run says so once', { timeout: 60_000 }, async (file, text) => {
    const run = await runJson(tempTree({ ...pages, [file]: text }));
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter((line) => refused.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file.split('/').pop());
  });

  it('a _meta.json of a million keys (some 12 MB): not read, and the run says so', {
    timeout: 60_000,
  }, async () => {
    const keys = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":1`).join(',');
    const run = await runJson(tempTree({ ...pages, 'docs/_meta.json': `{${keys}}` }));
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/warning .*_meta\.json.*is over 1 MiB/);
  });

  it('a VitePress config folder of 17 scripts of 1 MiB each: the run says the folder was not read whole', {
    timeout: 60_000,
  }, async () => {
    const scripts = Object.fromEntries(
      Array.from({ length: 17 }, (_, i) => [
        `docs/.vitepress/part${i}.mts`,
        `export const p = '${'x'.repeat(MIB - 30)}';\n`,
      ]),
    );
    const run = await runJson(
      tempTree({ ...pages, 'docs/.vitepress/config.mts': 'export default {};\n', ...scripts }),
    );
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/warning .*\.vitepress holds more than 16 MiB of scripts/);
  });

  it('files within the bound say nothing of it', { timeout: 60_000 }, async () => {
    const run = await runJson(
      tempTree({ ...pages, 'mkdocs.yml': 'site_name: Handbook\nnav:\n  - index.md\n  - guide.md\n' }),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(refused);
  });
});

// Within the bound: each is read, or given up on, in bounded time, and the run goes on (held).
const bomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  ...Array.from({ length: 9 }, (_, i) => {
    const name = String.fromCharCode(98 + i);
    const prev = String.fromCharCode(97 + i);
    return `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
  }),
].join('\n');

// YAML nested a million flow collections deep (1 MiB of `[`, within the bound) cost the YAML reader some three
// minutes on a busy host, and `mkdocs.yml` is parsed by several readers of a run: a quarter of an hour. Such a file
// is now no config (`MAX_FLOW_DEPTH`, yaml-depth.ts), read once without parsing.
const deep = `${'['.repeat(1_000_000)}\n`;

describe('site files nested a million deep', () => {
  it.each([
    ['mkdocs.yml', { 'mkdocs.yml': `site_name: x\nnav: ${deep}` }],
    ['_toc.yml', { 'docs/_toc.yml': `format: jb-book\nroot: index\nparts: ${deep}` }],
    ['_config.yml', { 'docs/_config.yml': `title: x\nnav: ${deep}` }],
    [
      'kep.yaml',
      { 'docs/kep/README.md': '# KEP\n\nText.\n', 'docs/kep/kep.yaml': `title: x\nauthors: ${deep}` },
    ],
  ])('%s: not parsed, and the run ends with its pages', { timeout: 120_000 }, async (_what, files) => {
    const run = await runJson(tempTree({ ...pages, ...files }));
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
  });

  it('a file that nests as deep as real ones is read as before', () => {
    expect(flowTooDeep(`nav: ${'['.repeat(MAX_FLOW_DEPTH)}${']'.repeat(MAX_FLOW_DEPTH)}\n`)).toBe(false);
    expect(flowTooDeep(`nav: ${'[a], '.repeat(10_000)}\n`)).toBe(false);
    expect(flowTooDeep(`nav: ${'['.repeat(MAX_FLOW_DEPTH + 1)}\n`)).toBe(true);
  });
});

describe('site files built to cost (held)', () => {
  it.each([
    ['mkdocs.yml alias bomb', { 'mkdocs.yml': `site_name: Handbook\n${bomb}\nnav:\n  - index.md\n` }],
    ['_toc.yml alias bomb', { 'docs/_toc.yml': `format: jb-book\nroot: index\n${bomb}\n` }],
    [
      'kep.yaml alias bomb',
      { 'docs/kep/README.md': '# KEP\n\nText.\n', 'docs/kep/kep.yaml': `title: x\n${bomb}\n` },
    ],
    ['_meta.json nested a million deep', { 'docs/_meta.json': `{"a":${'['.repeat(1_000_000)}` }],
    [
      '_meta.json of 100,000 keys',
      { 'docs/_meta.json': `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}":"K"`).join(',')}}` },
    ],
  ])('%s: the run ends with its pages', { timeout: 120_000 }, async (_what, files) => {
    const run = await runJson(tempTree({ ...pages, ...files }));
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
  });
});
