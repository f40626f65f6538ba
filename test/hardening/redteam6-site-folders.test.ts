import * as fs from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSiteNavigation } from '../../src/site-navigation.js';
import { readServedPaths } from '../../src/site-slugs.js';
import { tempTree } from '../helpers/cli.js';

// Every folder the site readers list, and every file they open, as the readers call them.
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readdirSync: vi.fn(real.readdirSync), openSync: vi.fn(real.openSync) };
});

// A repository names where its generator keeps its pages, and the readers list that folder before the
// crawl (Docusaurus' and Hugo's slugs, Docusaurus' generated sidebar). A `docs: { path: '/' }` in
// docusaurus.config.js, a path of `../../..`, or a `docs` or `content` folder that is a link to `/` had
// the run walk the whole disk 12 folders deep and read the head of every Markdown file on it (12 s on
// this machine; more on a CI runner with its tool caches). The crawl itself follows no folder link.
// A folder outside the lint root, as written or as its links resolve, is now read as no such folder.

/** The folders listed and files opened outside `root` since the last call. */
function touchedOutside(root: string): string[] {
  const realRoot = fs.realpathSync(root);
  const paths = [
    ...vi.mocked(fs.readdirSync).mock.calls.map((call) => String(call[0])),
    ...vi.mocked(fs.openSync).mock.calls.map((call) => String(call[0])),
  ];
  vi.mocked(fs.readdirSync).mockClear();
  vi.mocked(fs.openSync).mockClear();
  return paths.filter((path) => {
    let real: string;
    try {
      real = fs.realpathSync(path);
    } catch {
      return false;
    }
    const from = relative(realRoot, real);
    return from === '..' || from.startsWith(`..${sep}`);
  });
}

const outside = () =>
  tempTree({ 'notes/secret.md': '---\nslug: /leaked\n---\n# Secret\n', 'notes/other.md': '# Other\n' });

describe('site generator folders named outside the handbook', () => {
  it("Docusaurus' docs path set to a folder elsewhere, by absolute path or by ../, is not listed", () => {
    const elsewhere = outside();
    for (const path of [elsewhere, `${'../'.repeat(12)}${elsewhere.slice(1)}`]) {
      const root = tempTree({
        'docusaurus.config.js': `module.exports = { presets: [['classic', { docs: { path: ${JSON.stringify(path)} } }]] };\n`,
        'docs/index.md': '---\nslug: /home\n---\n# Home\n',
      });
      touchedOutside(root);
      expect(readServedPaths(root)).toBeUndefined();
      expect(readSiteNavigation(root)).toBeUndefined();
      expect(touchedOutside(root)).toEqual([]);
    }
  });

  it('a docs or content folder that is a link out of the handbook is not listed', () => {
    const elsewhere = outside();
    const docusaurus = tempTree({ 'docusaurus.config.js': 'module.exports = {};\n' });
    fs.symlinkSync(join(elsewhere, 'notes'), join(docusaurus, 'docs'));
    touchedOutside(docusaurus);
    expect(readServedPaths(docusaurus)).toBeUndefined();
    expect(readSiteNavigation(docusaurus)).toBeUndefined();
    expect(touchedOutside(docusaurus)).toEqual([]);

    const hugo = tempTree({ 'hugo.toml': 'title = "Handbook"\n' });
    fs.symlinkSync(join(elsewhere, 'notes'), join(hugo, 'content'));
    touchedOutside(hugo);
    expect(readServedPaths(hugo)).toBeUndefined();
    expect(touchedOutside(hugo)).toEqual([]);
  });

  it('a docs folder inside the handbook is read as before', () => {
    const root = tempTree({
      'docusaurus.config.js':
        "module.exports = { presets: [['classic', { docs: { path: 'handbook' } }]] };\n",
      'handbook/guides/deploy.md': '---\nslug: /ship\n---\n# Deploy\n',
    });
    expect(readServedPaths(root)).toEqual({ 'handbook/guides/deploy.md': 'handbook/ship' });
    expect(readSiteNavigation(root)).toEqual({ files: ['handbook/guides/deploy.md'] });
  });
});
