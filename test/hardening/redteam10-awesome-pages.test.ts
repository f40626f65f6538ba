import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readSiteNavigation } from '../../src/site-navigation.js';
import { tempTree } from '../helpers/cli.js';
import { touchedOutside } from '../helpers/touched-outside.js';

// Every folder the site readers list, and every file they open, as the readers call them.
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readdirSync: vi.fn(real.readdirSync), openSync: vi.fn(real.openSync) };
});

// The sixth round kept every generator's content folder inside the lint root, as written and once
// links are followed (`withinRoot`): a folder that is a link to `/` had the run walk the whole disk 12
// folders deep. The awesome-pages reader came later (`.pages` files of an MkDocs or Zensical site,
// site-mkdocs.ts) and walked what its files name without that check: a `.pages` nav entry naming a
// folder that is a link to `/`, or a `docs_dir` that is one, had the run list the disk 12 folders deep
// before the crawl (76,000 folder reads here, seconds; more on a CI runner with its tool caches) and
// read every `.pages` file there. A folder outside the root, as its links resolve, is now not walked.

const outside = () =>
  tempTree({
    'notes/secret.md': '# Secret\n',
    'notes/.pages': 'nav:\n  - secret.md\n',
    'notes/deeper/x.md': '# X\n',
  });

/** The pages a navigation lists one by one (none when it lists a whole folder). */
const filesOf = (navigation: ReturnType<typeof readSiteNavigation>) =>
  navigation && 'files' in navigation ? navigation.files : undefined;

const MKDOCS = 'site_name: Handbook\nplugins:\n  - awesome-pages\n';

describe("awesome-pages' .pages files naming folders outside the handbook", () => {
  it('a nav entry naming a folder that is a link out is not walked (MkDocs)', () => {
    const elsewhere = outside();
    const root = tempTree({
      'mkdocs.yml': MKDOCS,
      'docs/index.md': '# Home\n',
      'docs/.pages': 'nav:\n  - index.md\n  - out\n  - ...\n',
    });
    fs.symlinkSync(join(elsewhere, 'notes'), join(root, 'docs/out'));
    touchedOutside(root);
    const navigation = readSiteNavigation(root);
    expect(touchedOutside(root)).toEqual([]);
    // index.md is listed and in the rest (`...`): named twice, one page.
    expect(new Set(filesOf(navigation))).toEqual(new Set(['docs/index.md']));
  });

  it('a docs_dir that is a link out is not walked for .pages files', () => {
    const elsewhere = outside();
    const root = tempTree({ 'mkdocs.yml': MKDOCS });
    fs.symlinkSync(join(elsewhere, 'notes'), join(root, 'docs'));
    touchedOutside(root);
    const navigation = readSiteNavigation(root);
    expect(touchedOutside(root)).toEqual([]);
    expect(filesOf(navigation) ?? []).toEqual([]);
  });

  it('held: entries that climb out as written (.., an absolute path) list nothing outside', () => {
    const elsewhere = outside();
    const climb = `${'../'.repeat(12)}${elsewhere.slice(1)}/notes`;
    const root = tempTree({
      'mkdocs.yml': MKDOCS,
      'docs/index.md': '# Home\n',
      'docs/.pages': `nav:\n  - index.md\n  - ${JSON.stringify(climb)}\n  - ${JSON.stringify(`${elsewhere}/notes`)}\n  - sub/../../..\n`,
    });
    touchedOutside(root);
    const navigation = readSiteNavigation(root);
    expect(touchedOutside(root)).toEqual([]);
    expect(filesOf(navigation)).toEqual(['docs/index.md']);
  });

  it('held: a zensical.toml nav of every TOML type and paths out of docs_dir lists only pages inside', () => {
    const elsewhere = outside();
    const root = tempTree({
      'zensical.toml': `[project]\nnav = [\n  "index.md",\n  { Out = ${JSON.stringify(`../${'../'.repeat(12)}${elsewhere.slice(1)}/notes/secret.md`)} },\n  { Abs = ${JSON.stringify(`${elsewhere}/notes/secret.md`)} },\n  1, 2.5, true, 2025-01-01T00:00:00Z, 07:30:00, [], {},\n  { Section = [ "a.md", { Deep = [[["b.md"]]] } ] },\n]\n`,
      'docs/index.md': '# Home\n',
      'docs/a.md': '# A\n',
      'docs/b.md': '# B\n',
    });
    touchedOutside(root);
    const navigation = readSiteNavigation(root);
    expect(touchedOutside(root)).toEqual([]);
    expect(
      filesOf(navigation)?.filter((file: string) => !file.startsWith('..') && !file.startsWith('/')),
    ).toEqual(['docs/index.md', 'docs/a.md', 'docs/b.md']);
  });
});
